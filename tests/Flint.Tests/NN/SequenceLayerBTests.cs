using System.Text.Json;
using Flint.Modules;
using static Flint.torch;

namespace Flint.Tests.NN;

/// <summary>Issue 16's second group of modules against tests/golden/sequence_nn.json: printing, registration, parameter vectors.</summary>
public class SequenceLayerBTests
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "sequence_nn.json"))));

    private static JsonElement Repr(string key) => Doc.Value.RootElement.GetProperty("repr").GetProperty(key);

    [Fact]
    public void ModulesPrintAsPyTorch()
    {
        nn.Module[] modules =
        [
            nn.LeakyReLU(), nn.LeakyReLU(0.2, inplace: true), nn.ELU(), nn.ELU(alpha: 0.5), nn.SELU(), nn.CELU(), nn.Softplus(),
            nn.Softsign(), nn.Hardtanh(), nn.Hardtanh(-2.0, 2.0), nn.ReLU6(), nn.Hardswish(), nn.Hardsigmoid(), nn.PReLU(), nn.PReLU(3), nn.LogSigmoid(),
            nn.Tanhshrink(), nn.Threshold(0.1, 20.0), nn.GLU(), nn.Softmin(dim: 1), nn.Mish(), nn.GroupNorm(2, 6), nn.GroupNorm(3, 6, eps: 1e-3, affine: false),
            nn.EmbeddingBag(10, 3), nn.EmbeddingBag(10, 3, mode: "max", padding_idx: 2), nn.EmbeddingBag(10, 3, mode: "sum", max_norm: 1.0),
        ];
        Assert.Equal(Repr("b").EnumerateArray().Select(e => e.GetString()), modules.Select(m => m.ToString()));
        Assert.Equal(Repr("rms").EnumerateArray().Select(e => e.GetString()),
            [nn.RMSNorm(4).ToString(), nn.RMSNorm([3, 4], eps: 1e-3, elementwise_affine: false).ToString()]);
        Assert.Equal(Repr("ParameterList").GetString(), nn.ParameterList(zeros(3), nn.Parameter(zeros(2, 2))).ToString());
        Assert.Equal(Repr("ParameterDict").GetString(), nn.ParameterDict(("a", zeros(3)), ("b", zeros([2], ScalarType.Float64))).ToString());
    }

    [Fact]
    public void ParameterContainersRegisterByPosition()
    {
        var list = nn.ParameterList(zeros(3), zeros(2));
        Assert.Equal(["0", "1"], list.named_parameters().Select(p => p.name));
        Assert.All(list, p => Assert.True(p.requires_grad));
        list.append(ones(4));
        Assert.Equal(3, list.Count);
        Assert.Equal([4L], list[-1].shape);
        var dict = nn.ParameterDict(("w", zeros(2)));
        dict["b"] = nn.Parameter(ones(1));
        Assert.Equal(["w", "b"], dict.state_dict().Keys);
        Assert.Equal(1L, dict.pop("b").numel());
        Assert.Equal(["w"], dict.keys());
        Assert.Equal(["weight"], nn.PReLU(3).named_parameters().Select(p => p.name));
        Assert.Equal(["weight", "bias"], nn.GroupNorm(2, 4).named_parameters().Select(p => p.name));
        Assert.Equal(["weight"], nn.RMSNorm(4).named_parameters().Select(p => p.name));
        Assert.Throws<ArgumentException>(() => nn.GroupNorm(4, 6));
    }

    [Fact]
    public void ParametersRoundTripThroughAVector()
    {
        var ps = new[] { nn.Parameter(tensor(new[] { 1f, 2f, 3f, 4f, 5f, 6f }).reshape(2, 3)), nn.Parameter(tensor(new[] { 7f, 8f })) };
        var v = nn.utils.parameters_to_vector(ps);
        var expected = Doc.Value.RootElement.GetProperty("parameters_to_vector");
        Assert.Equal([8L], v.shape);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f }, v.data<float>());
        var golden = nn.utils.parameters_to_vector([NNGolden.Tensor(expected).narrow(0, 0, 6).reshape(2, 3), NNGolden.Tensor(expected).narrow(0, 6, 4)]);
        NNGolden.AssertExact(expected, golden, "parameters_to_vector");
        nn.utils.vector_to_parameters(v * 2, ps);
        Assert.Equal(new[] { 2f, 4f, 6f, 8f, 10f, 12f }, ps[0].data<float>());
        Assert.Equal(new[] { 14f, 16f }, ps[1].data<float>());
    }

    [Fact]
    public void EmbeddingBagModuleReducesBags()
    {
        var w = tensor(new[] { 1f, 2f, 3f, 4f, 5f, 6f }).reshape(3, 2);
        var bag = nn.EmbeddingBag_from_pretrained(w, mode: "sum");
        var y = bag.call(tensor(new long[] { 0, 2, 1 }), tensor(new long[] { 0, 2 }));
        Assert.Equal(new[] { 6f, 8f, 3f, 4f }, y.data<float>());
        Assert.Equal(new[] { 3f, 4f, 4f, 5f }, nn.EmbeddingBag_from_pretrained(w).call(tensor(new long[] { 0, 2, 1, 2 }).reshape(2, 2)).data<float>());
    }
}
