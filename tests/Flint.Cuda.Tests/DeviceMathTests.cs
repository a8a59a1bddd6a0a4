using Flint.Cuda.Kernels;

namespace Flint.Cuda.Tests;

/// <summary>
/// <see cref="DeviceMath"/> is plain C# that the GPU runs; here the CPU runs it against .NET's (glibc's)
/// sin/cos over many arguments, from tiny to the largest doubles, so an error in the reduction or the
/// kernels shows without a GPU. The H200 run found ILGPU's own versions off by up to 1e-5 (float32)
/// and 1e-12 (float64), and wrong at 1e10.
/// </summary>
public class DeviceMathTests
{
    /// <summary>Error in units of the last place of the reference.</summary>
    private static double Ulps(double actual, double expected)
    {
        if (actual == expected) return 0;
        double ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        return Math.Abs(actual - expected) / ulp;
    }

    public static TheoryData<double, double> Ranges() => new()
    {
        { 1e-12, 1e-6 }, { 1e-6, 0.7 }, { 0.7, 10 }, { 10, 1e4 }, { 1e4, 823549 }, { 823549, 1e7 }, { 1e7, 1e15 }, { 1e15, 1e100 }, { 1e100, 1.7e308 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void SinAndCosAreWithinTwoUlpsOfTheCpu(double lo, double hi)
    {
        var rng = new System.Random(12345);
        double worstSin = 0, worstCos = 0, argSin = 0, argCos = 0;
        for (int k = 0; k < 20000; k++)
        {
            // Log-uniform in [lo, hi), both signs.
            double x = Math.Exp(Math.Log(lo) + rng.NextDouble() * (Math.Log(hi) - Math.Log(lo))) * (k % 2 == 0 ? 1 : -1);
            double es = Ulps(DeviceMath.Sin(x), Math.Sin(x)), ec = Ulps(DeviceMath.Cos(x), Math.Cos(x));
            if (es > worstSin) { worstSin = es; argSin = x; }
            if (ec > worstCos) { worstCos = ec; argCos = x; }
        }
        Assert.True(worstSin <= 2, $"sin: {worstSin:F2} ulps at {argSin:R} (device {DeviceMath.Sin(argSin):R}, cpu {Math.Sin(argSin):R})");
        Assert.True(worstCos <= 2, $"cos: {worstCos:F2} ulps at {argCos:R} (device {DeviceMath.Cos(argCos):R}, cpu {Math.Cos(argCos):R})");
    }

    [Theory]
    [InlineData(1e10)]
    [InlineData(1e22)] // close to a multiple of pi/2 relative to its size: the reduction's hard case
    [InlineData(1.5707963267948966)]
    [InlineData(3.141592653589793)]
    [InlineData(double.MaxValue)]
    [InlineData(823549.6)]
    [InlineData(6381956970095103.0 * 1.0)] // 2^52-ish near multiple of pi/2
    public void HardArgumentsMatch(double x)
    {
        Assert.True(Ulps(DeviceMath.Sin(x), Math.Sin(x)) <= 2, $"sin({x:R}) = {DeviceMath.Sin(x):R}, cpu {Math.Sin(x):R}");
        Assert.True(Ulps(DeviceMath.Cos(x), Math.Cos(x)) <= 2, $"cos({x:R}) = {DeviceMath.Cos(x):R}, cpu {Math.Cos(x):R}");
    }

    [Fact]
    public void TheWorstCaseForReductionIsExact()
    {
        // 5.319372648326541e255 lies within 4.7e-19 of a multiple of pi/2 (Kahan and McDonald's worst case).
        // Exact value from a 3000-bit computation of pi (.NET's Math.Cos here is off by 15 ulps).
        Assert.Equal(-4.687165924254628e-19, DeviceMath.Cos(5.319372648326541e255));
        Assert.Equal(1.0, DeviceMath.Sin(5.319372648326541e255));
    }

    [Fact]
    public void SpecialValues()
    {
        Assert.True(double.IsNegative(DeviceMath.Sin(-0.0)) && DeviceMath.Sin(-0.0) == 0);
        Assert.Equal(1.0, DeviceMath.Cos(-0.0));
        foreach (var v in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.True(double.IsNaN(DeviceMath.Sin(v)));
            Assert.True(double.IsNaN(DeviceMath.Cos(v)));
        }
        Assert.Equal(1e-300, DeviceMath.Sin(1e-300));
        // float32 goes through these: sin(1e10f) as PyTorch prints it.
        Assert.Equal(-0.48750603199005127, (double)(float)DeviceMath.Sin(1e10));
    }

    [Fact]
    public void TanhIsWithinFourUlpsOfTheCpuAndSaturates()
    {
        var rng = new System.Random(99);
        double worst = 0, at = 0;
        for (int k = 0; k < 200000; k++)
        {
            double x = Math.Exp(Math.Log(1e-12) + rng.NextDouble() * (Math.Log(40) - Math.Log(1e-12))) * (k % 2 == 0 ? 1 : -1);
            double e = Ulps(DeviceMath.Tanh(x), Math.Tanh(x));
            if (e > worst) { worst = e; at = x; }
        }
        Assert.True(worst <= 4, $"tanh: {worst:F2} ulps at {at:R} (device {DeviceMath.Tanh(at):R}, cpu {Math.Tanh(at):R})");
        // The H200 run: ILGPU's tanh(1e10) was NaN.
        Assert.Equal(1.0, DeviceMath.Tanh(1e10));
        Assert.Equal(-1.0, DeviceMath.Tanh(double.NegativeInfinity));
        Assert.True(double.IsNegative(DeviceMath.Tanh(-0.0)));
        Assert.True(double.IsNaN(DeviceMath.Tanh(double.NaN)));
    }

    [Fact]
    public void RoundHalfEvenMatchesMathRound()
    {
        double[] xs = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, -0.3, 0.3, -0.0, 0.0, 1e300, -1e300, 4503599627370495.5,
            4503599627370497, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 2.4999999, -7.5, 1e-320];
        foreach (var x in xs)
        {
            double want = Math.Round(x, MidpointRounding.ToEven), got = DeviceMath.RoundHalfEven(x);
            Assert.True(want.Equals(got) && double.IsNegative(want) == double.IsNegative(got), $"round({x:R}) = {got:R}, expected {want:R}");
        }
        var rng = new System.Random(7);
        for (int k = 0; k < 100000; k++)
        {
            double x = (rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-5, 60));
            if (k % 3 == 0) x = Math.Round(x * 2) / 2; // exact halves
            Assert.Equal(Math.Round(x, MidpointRounding.ToEven), DeviceMath.RoundHalfEven(x));
        }
    }

    [Fact]
    public void DeviceMathKernelsUseNoApproximateInstructions()
    {
        var kernels = PtxCompileCheck.Instantiations().Where(k => k.Kernel.DeclaringType == typeof(DeviceMathKernels)).ToList();
        Assert.Equal(14, kernels.Count); // sin, cos, round, exp, tanh, erf, erfinv in float32 and float64
        foreach (var r in PtxCompileCheck.Run(kernels, ILGPU.Runtime.Cuda.CudaArchitecture.SM_90, ILGPU.Runtime.Cuda.CudaInstructionSet.ISA_78, keepPtx: true))
        {
            Assert.Null(r.Error);
            Assert.DoesNotContain(".approx", r.Ptx);
        }
    }
}
