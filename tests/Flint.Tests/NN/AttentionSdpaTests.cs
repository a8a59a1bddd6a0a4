using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>F.scaled_dot_product_attention against PyTorch 2.x's math (golden), finite differences and its rules.</summary>
public class AttentionSdpaTests
{
    public static TheoryData<string> Cases() => AttentionGolden.Names("sdpa");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorchValuesAndGradients(string name)
    {
        var c = AttentionGolden.Case("sdpa", name);
        var q = AttentionGolden.Tensor(c.GetProperty("q")).requires_grad_();
        var k = AttentionGolden.Tensor(c.GetProperty("k")).requires_grad_();
        var v = AttentionGolden.Tensor(c.GetProperty("v")).requires_grad_();
        var mask = AttentionGolden.TensorOrNull(c.GetProperty("mask"));
        double? scale = c.GetProperty("scale").ValueKind == System.Text.Json.JsonValueKind.Null ? null : c.GetProperty("scale").GetDouble();
        var y = F.scaled_dot_product_attention(q, k, v, mask, is_causal: c.GetProperty("is_causal").GetBoolean(), scale: scale);
        AttentionGolden.AssertClose(c.GetProperty("out"), y, name + " out");
        (y * AttentionGolden.Tensor(c.GetProperty("r"))).sum().backward();
        AttentionGolden.AssertClose(c.GetProperty("dq"), q.grad!, name + " dq");
        AttentionGolden.AssertClose(c.GetProperty("dk"), k.grad!, name + " dk");
        AttentionGolden.AssertClose(c.GetProperty("dv"), v.grad!, name + " dv");
    }

    /// <summary>Values in [-2, 2) from a seeded System.Random (the global generator stays untouched).</summary>
    internal static Tensor R(int seed, params long[] shape)
    {
        var rng = new Random(seed);
        var data = new double[shape.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++) data[i] = rng.NextDouble() * 4 - 2;
        return tensor(data, ScalarType.Float64).reshape(shape);
    }

    [Fact]
    public void GradcheckUnmaskedCausalBoolAndFloatMasksInFloat64()
    {
        var q = R(1, 2, 3, 4).requires_grad_();
        var k = R(2, 2, 5, 4).requires_grad_();
        var v = R(3, 2, 5, 3).requires_grad_();
        Assert.True(autograd.gradcheck(x => F.scaled_dot_product_attention(x[0], x[1], x[2]), [q, k, v]));
        Assert.True(autograd.gradcheck(x => F.scaled_dot_product_attention(x[0], x[1], x[2], is_causal: true), [q, k, v]));
        var keep = R(4, 3, 5).gt(-0.5);
        keep[.., 0] = tensor(true);
        Assert.True(autograd.gradcheck(x => F.scaled_dot_product_attention(x[0], x[1], x[2], keep), [q, k, v]));
        // A float mask is differentiable too (its gradient is the scores' gradient, summed over the broadcast batch).
        var bias = R(5, 3, 5).requires_grad_();
        Assert.True(autograd.gradcheck(x => F.scaled_dot_product_attention(x[0], x[1], x[2], x[3], scale: 0.7), [q, k, v, bias]));
    }

    [Fact]
    public void EqualsTheExplicitFormulaAndGivesNaNForAFullyMaskedRow()
    {
        var q = R(6, 2, 4, 8).to(ScalarType.Float32);
        var k = R(7, 2, 6, 8).to(ScalarType.Float32);
        var v = R(8, 2, 6, 3).to(ScalarType.Float32);
        var keep = R(9, 4, 6).gt(0);
        keep[0] = tensor(false); // row 0 may attend nowhere
        var y = F.scaled_dot_product_attention(q, k, v, keep);
        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(8);
        var expected = F.softmax(scores.masked_fill(keep.logical_not(), double.NegativeInfinity), -1).matmul(v);
        Assert.True(y[.., 1..].allclose(expected[.., 1..], 1e-5, 1e-6));
        var row0 = y[.., 0];
        Assert.True(row0.ne(row0).all().item<bool>()); // NaN, as PyTorch's math path
    }

    [Fact]
    public void DropoutOneZeroesTheOutputAndNoGradModeRecordsNothing()
    {
        var q = R(10, 2, 3, 4).requires_grad_();
        var y = F.scaled_dot_product_attention(q, q, q, dropout_p: 1.0);
        Assert.Equal(0.0, y.abs().sum().item<double>());
        using (no_grad()) Assert.Null(F.scaled_dot_product_attention(q, q, q).grad_fn);
        // The weights are one node: bmm(weights, v) hangs directly off it.
        var bmm = F.scaled_dot_product_attention(q, q, q).grad_fn!;
        while (bmm.name() != "BmmBackward0") bmm = bmm.next_functions[0].node!;
        Assert.Equal("ScaledDotProductAttentionWeightsBackward0", bmm.next_functions[0].node!.name());
    }

    [Fact]
    public void ErrorsUsePyTorchsWords()
    {
        var q = zeros(2, 3, 4);
        Assert.Equal("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True",
            Assert.Throws<ArgumentException>(() => F.scaled_dot_product_attention(q, q, q, ones(3, 3), is_causal: true)).Message);
        Assert.StartsWith("Expected query, key, and value to have the same dtype, but got query.dtype: Float key.dtype: Double",
            Assert.Throws<ArgumentException>(() => F.scaled_dot_product_attention(q, q.to(ScalarType.Float64), q)).Message);
        Assert.StartsWith("Expected attn_mask dtype to be bool or float",
            Assert.Throws<ArgumentException>(() => F.scaled_dot_product_attention(q, q, q, zeros(3, 3, ScalarType.Int64))).Message);
    }
}
