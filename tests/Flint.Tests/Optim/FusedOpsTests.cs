using static Flint.Tests.Optim.OptimGolden;

namespace Flint.Tests.Optim;

/// <summary>add/sub with alpha, addcmul and addcdiv: PyTorch's rounding (fused where PyTorch fuses), fallbacks, autograd.</summary>
public class FusedOpsTests
{
    private static JsonElementAccessor F => new(Root.GetProperty("fused"));

    [Theory]
    [InlineData("add")]
    [InlineData("sub")]
    [InlineData("add_")]
    [InlineData("sub_")]
    [InlineData("addcmul")]
    [InlineData("addcmul_")]
    [InlineData("addcdiv")]
    [InlineData("addcdiv_")]
    public void Float32MatchesPyTorchBitForBit(string op)
    {
        var f = F;
        var a = torch.tensor(f.Floats("a"));
        var b = torch.tensor(f.Floats("b"));
        var c = torch.tensor(f.Floats("c"));
        double alpha = f.Double("alpha");
        var r = op switch
        {
            "add" => a.add(b, alpha),
            "sub" => a.sub(b, alpha),
            "add_" => a.clone().add_(b, alpha),
            "sub_" => a.clone().sub_(b, alpha),
            "addcmul" => a.addcmul(b, c, alpha),
            "addcmul_" => a.clone().addcmul_(b, c, alpha),
            "addcdiv" => a.addcdiv(b, c, alpha),
            "addcdiv_" => a.clone().addcdiv_(b, c, alpha),
            _ => throw new ArgumentException(op),
        };
        Assert.Equal(f.Floats("results", op), r.data<float>());
    }

    [Fact]
    public void FusedAddRoundsOnceWhereSeparateOpsRoundTwice()
    {
        // -1 + (1 + 2^-12)^2 = 2^-11 + 2^-24 exactly. Rounded first, the product loses its 2^-24 (a tie,
        // to even) and the sum is 2^-11; fused, the exact value survives, as in PyTorch.
        float u = 1f + MathF.Pow(2, -12);
        var a = torch.tensor(new[] { -1f });
        var b = torch.tensor(new[] { u });
        Assert.Equal(MathF.Pow(2, -11) + MathF.Pow(2, -24), a.add(b, alpha: u).item<float>());
        Assert.Equal(MathF.Pow(2, -11) + MathF.Pow(2, -24), a.clone().sub_(b, alpha: -u).item<float>());
        Assert.Equal(MathF.Pow(2, -11) + MathF.Pow(2, -24), a.addcmul(b, b).item<float>());
        Assert.Equal(MathF.Pow(2, -11), (a + b * (double)u).item<float>());
    }

    [Fact]
    public void BroadcastStridedAndMixedInputsFallBackToTheComposition()
    {
        var self = torch.arange(12, dtype: ScalarType.Float32).reshape(3, 4);
        var t1 = torch.tensor(new[] { 1f, 2f, 3f, 4f });             // broadcast
        var t2 = torch.arange(12, dtype: ScalarType.Float64).reshape(4, 3).t();  // strided, float64
        var r = self.addcmul(t1, t2, value: 0.5);
        Assert.Equal(ScalarType.Float64, r.dtype);
        var expected = self.to(ScalarType.Float64) + t1.to(ScalarType.Float64) * 0.5 * t2;
        Assert.True(r.allclose(expected, rtol: 1e-12, atol: 0));

        var q = self.addcdiv(t1, t2 + 1, value: -2);
        Assert.True(q.allclose(self.to(ScalarType.Float64) - t1.to(ScalarType.Float64) * 2 / (t2 + 1), rtol: 1e-12, atol: 0));

        var s = self.clone();
        s.add_(t1, alpha: 3);
        Assert.True(s.allclose(self + t1 * 3.0, rtol: 0, atol: 0));
    }

    [Fact]
    public void InPlaceOpsMayReadTheirOwnOutput()
    {
        var p = torch.arange(20, dtype: ScalarType.Float32);
        p.add_(p, alpha: 2);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => 3f * i), p.data<float>());
        p.addcmul_(p, p, value: -1.0 / 3);   // 3i - (3i)^2 / 3
        Assert.Equal(Enumerable.Range(0, 20).Select(i => 3f * i - 3f * i * i), p.data<float>());
    }

    [Fact]
    public void Float64FusedPathMatchesExactArithmetic()
    {
        var a = torch.tensor(new[] { 1.0, -2.5, 3.25 }, dtype: ScalarType.Float64);
        var b = torch.tensor(new[] { 0.5, 4.0, -1.0 }, dtype: ScalarType.Float64);
        var c = torch.tensor(new[] { 2.0, 0.25, 8.0 }, dtype: ScalarType.Float64);
        Assert.Equal(new[] { 2.5, -1.0, -8.75 }, a.addcmul(b, c, value: 1.5).data<double>());
        Assert.Equal(new[] { 2.0, 5.5, 1.25 }, a.add(b, alpha: 2).data<double>());
        Assert.Equal(new[] { 0.0, -10.5, 5.25 }, a.sub(b, alpha: 2).data<double>());
    }

    [Fact]
    public void GradientsFlowThroughAddcmulAndAddcdiv()
    {
        var self = torch.tensor(new[] { 1.0, 2.0 }, dtype: ScalarType.Float64, requires_grad: true);
        var t1 = torch.tensor(new[] { 3.0, -1.0 }, dtype: ScalarType.Float64, requires_grad: true);
        var t2 = torch.tensor(new[] { 0.5, 4.0 }, dtype: ScalarType.Float64, requires_grad: true);
        self.addcmul(t1, t2, value: 2).sum().backward();
        Assert.Equal(new[] { 1.0, 1.0 }, self.grad!.data<double>());
        Assert.Equal(new[] { 1.0, 8.0 }, t1.grad!.data<double>());   // 2 * t2
        Assert.Equal(new[] { 6.0, -2.0 }, t2.grad!.data<double>());  // 2 * t1

        self.grad = null; t1.grad = null; t2.grad = null;
        self.addcdiv(t1, t2, value: 2).sum().backward();
        Assert.Equal(new[] { 1.0, 1.0 }, self.grad!.data<double>());
        Assert.Equal(new[] { 4.0, 0.5 }, t1.grad!.data<double>());           // 2 / t2
        Assert.Equal(new[] { -24.0, 0.125 }, t2.grad!.data<double>());       // -2 * t1 / t2^2
    }

    [Fact]
    public void InPlaceAddcmulOnALeafThatRequiresGradIsRejected()
    {
        var w = torch.ones(3, requires_grad: true);
        Assert.Throws<InvalidOperationException>(() => w.addcmul_(torch.ones(3), torch.ones(3)));
        using (torch.no_grad()) w.addcmul_(torch.ones(3), torch.full([3], 2.0), value: 0.5);
        Assert.Equal(new[] { 2f, 2f, 2f }, w.data<float>());
    }

    [Fact]
    public void AddcdivOfIntegerTensorsIsRejected()
    {
        var i = torch.tensor(new long[] { 1, 2 });
        var ex = Assert.Throws<ArgumentException>(() => torch.zeros(2).addcdiv(i, i));
        Assert.StartsWith("Integer division with addcdiv is no longer supported", ex.Message);
    }

    /// <summary>Small reader over the "fused" golden section.</summary>
    private readonly struct JsonElementAccessor(System.Text.Json.JsonElement e)
    {
        public float[] Floats(string key) => OptimGolden.Floats(e.GetProperty(key));
        public float[] Floats(string key, string sub) => OptimGolden.Floats(e.GetProperty(key).GetProperty(sub));
        public double Double(string key) => e.GetProperty(key).GetDouble();
    }
}
