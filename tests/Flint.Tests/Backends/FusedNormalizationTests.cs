using System.Runtime.Intrinsics;
using Flint.Backends;
using Flint.Backends.Cpu;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Backends;

/// <summary>
/// The fused layer-norm and GELU primitives: the vector erf against the scalar fdlibm one on a dense sweep, the CPU
/// GELU kernels against <see cref="GeluMath"/>, and layer norm (forward, mean/rstd, and all three gradients) against
/// a float64 reference composed of ops, including blocks large enough to split over the cores.
/// </summary>
public class FusedNormalizationTests
{
    private static double VectorErfAt(double x) => VectorErf.Erf(Vector256.Create(x, 0.5, -2.0, 7.0)).GetElement(0);

    [Fact]
    public void VectorErfMatchesScalarErfOnADenseSweep()
    {
        var xs = new List<double>();
        for (double x = -7; x <= 7; x += 1.0 / 4096) xs.Add(x);
        foreach (var b in new[] { 0.84375, 1.25, 1 / 0.35, 6.0, 3.7252902984e-09 })
            foreach (var s in new[] { -1.0, 1.0 })
            {
                xs.Add(s * b);
                xs.Add(s * Math.BitDecrement(b));
                xs.Add(s * Math.BitIncrement(b));
            }
        xs.AddRange([0.0, -0.0, 1e-300, -1e-300, double.Epsilon, 1e-12, 30, -30, double.MaxValue]);
        // Four different values per vector, so lanes in different pieces share one call.
        for (int i = 0; i + 4 <= xs.Count; i += 4)
        {
            var v = VectorErf.Erf(Vector256.Create(xs[i], xs[i + 1], xs[i + 2], xs[i + 3]));
            for (int l = 0; l < 4; l++)
            {
                double want = SpecialMath.Erf(xs[i + l]), got = v.GetElement(l);
                double rel = want == 0 ? Math.Abs(got) : Math.Abs(got - want) / Math.Abs(want);
                Assert.True(rel <= 1e-15, $"erf({xs[i + l]:R}) = {got:R}, scalar {want:R}");
            }
        }
        Assert.Equal(1.0, VectorErfAt(double.PositiveInfinity));
        Assert.Equal(-1.0, VectorErfAt(double.NegativeInfinity));
        Assert.True(double.IsNaN(VectorErfAt(double.NaN)));
        Assert.True(double.IsNegative(VectorErfAt(-0.0)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CpuGeluKernelsMatchTheScalarFormulas(bool tanh)
    {
        // 1003 elements: whole vectors and a padded tail; the range reaches every erf piece and the saturated tails.
        int n = 1003;
        var x = new double[n];
        var g = new double[n];
        var rng = new Random(5);
        for (int i = 0; i < n; i++) { x[i] = -12 + 24.0 * i / (n - 1); g[i] = rng.NextDouble() * 2 - 1; }
        var y = new double[n];
        var gx = new double[n];
        GeluKernels.Gelu(x, y, tanh);
        GeluKernels.GeluBackward(g, x, gx, tanh);
        var xf = x.Select(v => (float)v).ToArray();
        var gf = g.Select(v => (float)v).ToArray();
        var yf = new float[n];
        var gxf = new float[n];
        GeluKernels.Gelu(xf, yf, tanh);
        GeluKernels.GeluBackward(gf, xf, gxf, tanh);
        for (int i = 0; i < n; i++)
        {
            AssertClose(GeluMath.Forward(x[i], tanh), y[i], 1e-14, 1e-300, $"gelu({x[i]})");
            AssertClose(GeluMath.Backward(g[i], x[i], tanh), gx[i], 1e-14, 1e-300, $"gelu'({x[i]})");
            // float32 evaluates in float64 and rounds once: within an ulp of the rounded scalar value.
            AssertUlps((float)GeluMath.Forward(xf[i], tanh), yf[i], 1, $"float32 gelu({xf[i]})");
            AssertUlps((float)GeluMath.Backward(gf[i], xf[i], tanh), gxf[i], 1, $"float32 gelu'({xf[i]})");
        }
    }

    [Fact]
    public void GeluMatchesItsClosedFormAtKnownPoints()
    {
        // Φ(1) = 0.8413447460685429, φ(1) = 0.24197072451914337.
        Assert.Equal(0.8413447460685429, GeluMath.Forward(1.0, false), 15);
        Assert.Equal(0.8413447460685429 + 0.24197072451914337, GeluMath.Backward(1.0, 1.0, false), 14);
        double u = Math.Sqrt(2 / Math.PI) * (1 + 0.044715);
        Assert.Equal(0.5 * (1 + Math.Tanh(u)), GeluMath.Forward(1.0, true), 15);
        var t = torch.tensor(new[] { -1e4, -40.0, 40.0, 1e4, double.PositiveInfinity }, torch.float64);
        Assert.Equal(new[] { -0.0, -0.0, 40.0, 1e4, double.PositiveInfinity }, F.gelu(t).data<double>());
        Assert.Equal(new[] { -0.0, -0.0, 40.0, 1e4, double.PositiveInfinity }, F.gelu(t, approximate: "tanh").data<double>());
    }

    [Fact]
    public void GeluRecordsOneNodeAndItsFusedBackwardMatchesTheComposedOne()
    {
        foreach (var approximate in new[] { "none", "tanh" })
        {
            var x = torch.linspace(-5, 5, 77, dtype: torch.float32).reshape(7, 11).requires_grad_();
            var y = F.gelu(x, approximate: approximate);
            Assert.Equal("GeluBackward0", y.grad_fn!.name());
            var g = torch.linspace(-1, 1, 77, dtype: torch.float32).reshape(7, 11);
            y.backward(g);
            var x64 = x.detach().to(torch.float64).requires_grad_();
            // create_graph takes the composed formula: the two paths agree.
            var want = torch.autograd.grad([F.gelu(x64, approximate: approximate)], [x64], [g.to(torch.float64)], create_graph: true)[0];
            Assert.True(torch.allclose(x.grad!.to(torch.float64), want.detach(), rtol: 1e-6, atol: 1e-6), approximate);
        }
    }

    [Theory]
    [InlineData(7, 37, true, true)]
    [InlineData(5, 8, false, true)]
    [InlineData(4, 3, true, false)]
    [InlineData(300, 130, true, true)] // 39,000 elements: rows split over the cores, column partials summed
    [InlineData(2048, 128, true, true)]
    public void LayerNormMatchesAFloat64Reference(int rows, int n, bool affineW, bool affineB)
    {
        // Deterministic pseudo-random data (no global RNG): sines of a ramp.
        var x = ((torch.arange(rows * n).reshape(rows, n).to(torch.float32) * 0.37 + n).sin() * 3 + 1).requires_grad_();
        var w = affineW ? torch.linspace(0.5, 1.5, n).requires_grad_() : null;
        var b = affineB ? torch.linspace(-1, 1, n).requires_grad_() : null;
        var y = F.layer_norm(x, [n], w, b);
        Assert.Equal("NativeLayerNormBackward0", y.grad_fn!.name());
        var g = (torch.arange(rows * n).reshape(rows, n).to(torch.float32) * 0.71).cos();
        y.backward(g);

        var x64 = x.detach().to(torch.float64);
        var mean = x64.mean([1L], keepdim: true);
        var xhat = (x64 - mean) * ((x64 - mean).pow(2).mean([1L], keepdim: true) + 1e-5).rsqrt();
        var want = xhat;
        if (w is not null) want = want * w.detach().to(torch.float64);
        if (b is not null) want = want + b.detach().to(torch.float64);
        Assert.True(torch.allclose(y.detach().to(torch.float64), want, rtol: 1e-5, atol: 1e-5), "forward");

        var g64 = g.to(torch.float64);
        var gh = w is null ? g64 : g64 * w.detach().to(torch.float64);
        var rstd = ((x64 - mean).pow(2).mean([1L], keepdim: true) + 1e-5).rsqrt();
        var gxWant = rstd * (gh - gh.mean([1L], keepdim: true) - xhat * (gh * xhat).mean([1L], keepdim: true));
        Assert.True(torch.allclose(x.grad!.to(torch.float64), gxWant, rtol: 1e-4, atol: 1e-4), "grad input");
        if (w is not null) Assert.True(torch.allclose(w.grad!.to(torch.float64), (g64 * xhat).sum(0), rtol: 1e-4, atol: 1e-3), "grad weight");
        if (b is not null) Assert.True(torch.allclose(b.grad!.to(torch.float64), g64.sum(0), rtol: 1e-4, atol: 1e-3), "grad bias");
    }

    [Fact]
    public void LayerNormHalfTypesComputeInFloat32()
    {
        var x = torch.linspace(-3, 3, 24).reshape(4, 6);
        foreach (var dt in new[] { torch.float16, torch.bfloat16 })
        {
            var xh = x.to(dt).requires_grad_();
            var y = F.layer_norm(xh, [6]);
            Assert.Equal(dt, y.dtype);
            var want = F.layer_norm(xh.detach().to(torch.float32), [6]);
            Assert.True(torch.allclose(y.to(torch.float32), want, rtol: 1e-2, atol: 1e-2));
            y.sum().backward();
            Assert.Equal(dt, xh.grad!.dtype);
        }
    }

    private static void AssertClose(double want, double got, double rtol, double atol, string what)
    {
        if (double.IsNaN(want)) { Assert.True(double.IsNaN(got), what); return; }
        Assert.True(Math.Abs(got - want) <= atol + rtol * Math.Abs(want), $"{what}: {got:R}, want {want:R}");
    }

    private static void AssertUlps(float want, float got, int ulps, string what)
    {
        if (float.IsNaN(want)) { Assert.True(float.IsNaN(got), what); return; }
        if (want == got) return;
        int a = BitConverter.SingleToInt32Bits(want), b = BitConverter.SingleToInt32Bits(got);
        Assert.True(Math.Sign(a) == Math.Sign(b) && Math.Abs(a - b) <= ulps, $"{what}: {got:R}, want {want:R}");
    }
}
