namespace Flint.Backends;

/// <summary>
/// GELU and its derivative for one float64 element, as plain arithmetic so the CUDA kernels (ILGPU) and the
/// tests share one definition (the CPU runs the same formulas four lanes at a time, <see cref="Cpu.GeluKernels"/>).
/// Exact: x·Φ(x) = x·½(1 + erf(x/√2)), derivative Φ(x) + x·φ(x). Tanh: PyTorch's ½x(1 + tanh(u)),
/// u = √(2/π)(x + 0.044715x³), written as x·σ(2u) (1 + tanh(u) = 2σ(2u)), which has no cancellation,
/// and its derivative σ(2u) + 2x·σ(2u)(1 − σ(2u))·u′.
/// </summary>
internal static class GeluMath
{
    public const double Sqrt1_2 = 0.70710678118654752440;
    public const double InvSqrt2Pi = 0.39894228040143267794;
    public const double Sqrt2OverPi = 0.79788456080286535588;
    public const double Kappa = 0.044715;
    /// <summary>e^(−2u) is clamped here in the tanh derivative so σ·(1 − σ) stays 0·finite, never 0·∞.</summary>
    public const double MaxExponent = 700.0;

    public static double Forward(double x, bool tanh)
    {
        if (!tanh) return x * 0.5 * (SpecialMath.Erf(x * Sqrt1_2) + 1.0);
        double u = Sqrt2OverPi * (x + Kappa * (x * x * x));
        return x / (1.0 + Math.Exp(-2.0 * u));
    }

    public static double Backward(double g, double x, bool tanh)
    {
        if (!tanh)
        {
            double cdf = (SpecialMath.Erf(x * Sqrt1_2) + 1.0) * 0.5;
            double pdf = Math.Exp(x * x * -0.5) * InvSqrt2Pi;
            return g * (cdf + x * pdf);
        }
        double x2 = x * x;
        double u = Sqrt2OverPi * (x + Kappa * (x2 * x));
        double e = Math.Exp(Math.Min(-2.0 * u, MaxExponent));
        double s = 1.0 / (1.0 + e);
        double du = Sqrt2OverPi * (1.0 + 3.0 * Kappa * x2);
        return g * (s + 2.0 * x * s * (e * s) * du);
    }
}
