using System.Text.Json;
using static Flint.torch;

namespace Flint.Tests.NN;

/// <summary>
/// nn.MultiheadAttention against PyTorch 1.13: seeded initialisation, state_dict keys, printing, outputs,
/// attention weights, input and parameter gradients (tests/golden/attention.json), and error texts.
/// </summary>
[Collection(DefaultGeneratorCollection.Name)]
public class AttentionMultiheadTests
{
    public static TheoryData<string> Cases() => AttentionGolden.Names("mha");

    internal static Modules.MultiheadAttention Build(JsonElement c, ScalarType dtype)
    {
        var kw = c.GetProperty("kwargs");
        bool Flag(string n) => kw.TryGetProperty(n, out var v) && v.GetBoolean();
        long? Dim(string n) => kw.TryGetProperty(n, out var v) ? v.GetInt64() : null;
        return nn.MultiheadAttention(c.GetProperty("embed_dim").GetInt64(), c.GetProperty("num_heads").GetInt64(),
            bias: !kw.TryGetProperty("bias", out var b) || b.GetBoolean(), add_bias_kv: Flag("add_bias_kv"),
            add_zero_attn: Flag("add_zero_attn"), kdim: Dim("kdim"), vdim: Dim("vdim"), batch_first: Flag("batch_first"), dtype: dtype);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        var c = AttentionGolden.Case("mha", name);
        var dtype = c.GetProperty("dtype").GetString() == "float64" ? ScalarType.Float64 : ScalarType.Float32;
        manual_seed(7);
        var m = Build(c, dtype);

        // Seeded initialisation and state_dict keys are PyTorch's, in PyTorch's order.
        var golden = AttentionGolden.State(c.GetProperty("state"));
        var sd = m.state_dict();
        Assert.Equal(golden.Select(e => e.key), sd.Keys);
        foreach (var (key, value) in golden)
            Assert.True(value.allclose(sd[key], 1e-6, 1e-7), $"{name}: seeded {key} differs from PyTorch's");
        Assert.Equal(c.GetProperty("repr").GetString(), m.ToString());
        m.load_state_dict(golden.ToDictionary(e => e.key, e => e.value));

        var q = AttentionGolden.Tensor(c.GetProperty("q")).requires_grad_();
        Tensor k, v;
        if (c.GetProperty("self_attn").GetBoolean()) k = v = q;
        else if (c.GetProperty("kv_same").GetBoolean()) k = v = AttentionGolden.Tensor(c.GetProperty("k")).requires_grad_();
        else
        {
            k = AttentionGolden.Tensor(c.GetProperty("k")).requires_grad_();
            v = AttentionGolden.Tensor(c.GetProperty("v")).requires_grad_();
        }
        var (y, w) = m.call(q, k, v, AttentionGolden.TensorOrNull(c.GetProperty("key_padding_mask")),
            c.GetProperty("need_weights").GetBoolean(), AttentionGolden.TensorOrNull(c.GetProperty("attn_mask")),
            c.GetProperty("average").GetBoolean());
        double rtol = dtype == ScalarType.Float64 ? 1e-10 : 1e-4, atol = dtype == ScalarType.Float64 ? 1e-12 : 1e-5;
        AttentionGolden.AssertClose(c.GetProperty("out"), y, name + " out", rtol, atol);
        if (c.GetProperty("weights").ValueKind == JsonValueKind.Null) Assert.Null(w);
        else AttentionGolden.AssertClose(c.GetProperty("weights"), w!, name + " weights", rtol, atol);

        (y * AttentionGolden.Tensor(c.GetProperty("r"))).sum().backward();
        AttentionGolden.AssertClose(c.GetProperty("dq"), q.grad!, name + " dq", rtol, atol);
        if (c.GetProperty("dk").ValueKind != JsonValueKind.Null) AttentionGolden.AssertClose(c.GetProperty("dk"), k.grad!, name + " dk", rtol, atol);
        if (c.GetProperty("dv").ValueKind != JsonValueKind.Null) AttentionGolden.AssertClose(c.GetProperty("dv"), v.grad!, name + " dv", rtol, atol);
        var parameters = m.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var pg in c.GetProperty("param_grads").EnumerateArray())
            AttentionGolden.AssertClose(pg[1], parameters[pg[0].GetString()!].grad!, $"{name} grad of {pg[0].GetString()}", rtol, atol);
    }

    [Fact]
    public void FastPathCaseInEvalWithoutGradMatches()
    {
        var c = AttentionGolden.Root.GetProperty("mha_fast_path");
        var m = nn.MultiheadAttention(8, 2, batch_first: true);
        m.load_state_dict(AttentionGolden.State(c.GetProperty("state")).ToDictionary(e => e.key, e => e.value));
        m.eval();
        var x = AttentionGolden.Tensor(c.GetProperty("x"));
        using var _ = no_grad();
        var (y, w) = m.call(x, x, x);
        AttentionGolden.AssertClose(c.GetProperty("out"), y, "fast path out");
        AttentionGolden.AssertClose(c.GetProperty("weights"), w!, "fast path weights");
    }

    [Fact]
    public void DropoutActsOnlyInTraining()
    {
        var m = nn.MultiheadAttention(8, 2, dropout: 1.0);
        var x = AttentionSdpaTests.R(3, 3, 2, 8).to(ScalarType.Float32);
        var (_, w) = m.call(x, x, x, average_attn_weights: false);
        Assert.Equal(0.0, w!.abs().sum().item<float>()); // every weight dropped
        m.eval();
        var (_, we) = m.call(x, x, x, average_attn_weights: false);
        Assert.True(we!.sum(-1).allclose(ones(2, 2, 3), 1e-5, 1e-6)); // rows are distributions again
    }

    [Fact]
    public void ErrorsUsePyTorchsWords()
    {
        var e = AttentionGolden.Root.GetProperty("mha_errors");
        var m = nn.MultiheadAttention(8, 2);
        string Msg(Action a) => Assert.Throws<ArgumentException>(a).Message;
        Assert.Equal(e.GetProperty("embed_dim").GetString(), Msg(() => m.call(zeros(3, 2, 6), zeros(3, 2, 6), zeros(3, 2, 6))));
        Assert.Equal(e.GetProperty("mask_2d_shape").GetString(), Msg(() => m.call(zeros(3, 2, 8), zeros(4, 2, 8), zeros(4, 2, 8),
            attn_mask: zeros(3, 3, ScalarType.Bool))));
        Assert.Equal(e.GetProperty("query_rank").GetString(), Msg(() => m.call(zeros(3), zeros(3), zeros(3))));
        Assert.Equal(e.GetProperty("kpm_rank").GetString(), Msg(() => m.call(zeros(3, 2, 8), zeros(3, 2, 8), zeros(3, 2, 8),
            key_padding_mask: zeros(3, ScalarType.Bool))));
        Assert.Equal(e.GetProperty("kv_shape").GetString(), Msg(() => m.call(zeros(3, 2, 8), zeros(4, 2, 8), zeros(5, 2, 8))));
        Assert.Equal(e.GetProperty("divisible").GetString(), Msg(() => nn.MultiheadAttention(6, 4)));
    }

    [Fact]
    public void GradcheckInFloat64WithMasksBiasKVAndZeroAttn()
    {
        var m = nn.MultiheadAttention(4, 2, add_bias_kv: true, add_zero_attn: true, dtype: ScalarType.Float64);
        var q = AttentionSdpaTests.R(11, 3, 2, 4).requires_grad_();
        var kv = AttentionSdpaTests.R(12, 2, 2, 4).requires_grad_();
        var kpm = tensor(new[] { false, true, false, false }).reshape(2, 2);
        var am = AttentionSdpaTests.R(13, 3, 2);
        Assert.True(autograd.gradcheck(x => m.call(x[0], x[1], x[1], kpm, attn_mask: am).output, [q, kv]));
    }
}
