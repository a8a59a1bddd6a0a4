using System.Text.Json;
using Flint.Modules;
using static Flint.torch;

namespace Flint.Tests.NN;

/// <summary>
/// The transformer layers against PyTorch 1.13 in eval mode: seeded initialisation, state_dict keys, printing,
/// outputs, input and parameter gradients (tests/golden/attention.json), the causal mask and error texts.
/// </summary>
[Collection(DefaultGeneratorCollection.Name)]
public class AttentionTransformerTests
{
    public static TheoryData<string> Cases() => AttentionGolden.Names("transformer");

    private static nn.Module Build(string name) => name switch
    {
        "enc_relu" => nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16),
        "enc_gelu_norm_first_bf" => nn.TransformerEncoderLayer(8, 2, 16, activation: "gelu", norm_first: true, batch_first: true),
        "enc_tanh_eps" => nn.TransformerEncoderLayer(8, 4, 12, activation: (Func<Tensor, Tensor>)(x => x.tanh()), layer_norm_eps: 1e-3),
        "encoder_norm" => nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2, nn.LayerNorm(8)),
        "dec_relu" => nn.TransformerDecoderLayer(8, 2, 16),
        "dec_gelu_norm_first_bf" => nn.TransformerDecoderLayer(8, 2, 16, activation: "gelu", norm_first: true, batch_first: true),
        "decoder_norm" => nn.TransformerDecoder(nn.TransformerDecoderLayer(8, 2, 16), 2, nn.LayerNorm(8)),
        "transformer" => nn.Transformer(8, 2, 2, 2, 16),
        "transformer_bf_norm_first" => nn.Transformer(8, 2, 1, 2, 12, activation: "gelu", batch_first: true, norm_first: true),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        var c = AttentionGolden.Case("transformer", name);
        manual_seed(11);
        var m = Build(name);
        var golden = AttentionGolden.State(c.GetProperty("state"));
        var sd = m.state_dict();
        Assert.Equal(golden.Select(e => e.key), sd.Keys);
        foreach (var (key, value) in golden)
            Assert.True(value.allclose(sd[key], 1e-6, 1e-7), $"{name}: seeded {key} differs from PyTorch's");
        Assert.Equal(c.GetProperty("repr").GetString(), m.ToString());
        m.load_state_dict(golden.ToDictionary(e => e.key, e => e.value));
        m.eval();

        var inputs = c.GetProperty("inputs").EnumerateArray().Select(e => AttentionGolden.Tensor(e).requires_grad_()).ToArray();
        var masks = c.GetProperty("masks");
        Tensor? Mask(string key) => masks.TryGetProperty(key, out var e) ? AttentionGolden.Tensor(e) : null;
        var y = m switch
        {
            TransformerEncoderLayer l => l.call(inputs[0], Mask("src_mask"), Mask("src_key_padding_mask")),
            TransformerEncoder e => e.call(inputs[0], Mask("mask"), Mask("src_key_padding_mask")),
            TransformerDecoderLayer l => l.call(inputs[0], inputs[1], Mask("tgt_mask"), memory_key_padding_mask: Mask("memory_key_padding_mask")),
            TransformerDecoder d => d.call(inputs[0], inputs[1], Mask("tgt_mask"), memory_key_padding_mask: Mask("memory_key_padding_mask")),
            Transformer t => t.call(inputs[0], inputs[1], null, Mask("tgt_mask"), src_key_padding_mask: Mask("src_key_padding_mask"),
                memory_key_padding_mask: Mask("memory_key_padding_mask")),
            _ => throw new InvalidOperationException(),
        };
        AttentionGolden.AssertClose(c.GetProperty("out"), y, name + " out");
        (y * AttentionGolden.Tensor(c.GetProperty("r"))).sum().backward();
        var inputGrads = c.GetProperty("input_grads").EnumerateArray().ToArray();
        for (int i = 0; i < inputs.Length; i++) AttentionGolden.AssertClose(inputGrads[i], inputs[i].grad!, $"{name} input {i} grad");
        var parameters = m.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var pg in c.GetProperty("param_grads").EnumerateArray())
            AttentionGolden.AssertClose(pg[1], parameters[pg[0].GetString()!].grad!, $"{name} grad of {pg[0].GetString()}");
    }

    [Fact]
    public void SquareSubsequentMaskAndErrorsArePyTorchs()
    {
        NNGolden.AssertExact(AttentionGolden.Root.GetProperty("square_subsequent_mask"), Transformer.generate_square_subsequent_mask(4), "mask");
        var e = AttentionGolden.Root.GetProperty("transformer_errors");
        var t = nn.Transformer(8, 2, 1, 1, 16);
        Assert.Equal(e.GetProperty("batch").GetString(), Assert.Throws<ArgumentException>(() => t.call(zeros(3, 2, 8), zeros(3, 3, 8))).Message);
        Assert.Equal(e.GetProperty("d_model").GetString(), Assert.Throws<ArgumentException>(() => t.call(zeros(3, 2, 8), zeros(3, 2, 6))).Message);
        Assert.Equal(e.GetProperty("activation").GetString(), Assert.Throws<ArgumentException>(() => nn.TransformerEncoderLayer(8, 2, activation: "tanh")).Message);
    }

    [Fact]
    public void StackedLayersStartEqualButAreDistinctAndAnActivationModuleIsAChild()
    {
        var enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8), 2);
        var p0 = enc.layers[0].linear1.weight;
        var p1 = enc.layers[1].linear1.weight;
        Assert.NotSame(p0, p1);
        Assert.True(p0.equal(p1));
        var layer = nn.TransformerEncoderLayer(4, 2, 8, activation: TransformerActivation.FromModule(nn.GELU()));
        Assert.Contains(layer.named_children(), c => c.name == "activation");
    }

    [Fact]
    public void GradcheckEncoderLayerInFloat64()
    {
        var layer = nn.TransformerEncoderLayer(4, 2, 6, dropout: 0.0, norm_first: true, dtype: ScalarType.Float64);
        var x = AttentionSdpaTests.R(21, 3, 2, 4).requires_grad_();
        var mask = Transformer.generate_square_subsequent_mask(3).to(ScalarType.Float64);
        Assert.True(autograd.gradcheck(xs => layer.call(xs[0], mask, null), [x]));
    }
}
