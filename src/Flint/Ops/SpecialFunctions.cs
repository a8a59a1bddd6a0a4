using Flint.Backends;

namespace Flint.Ops;

/// <summary>erf and erfinv: elementwise (float64 evaluation, see <see cref="SpecialMath"/>) with their derivatives.</summary>
internal static class SpecialFunctions
{
    /// <summary>erf(x); d/dx = 2/√π · e^(−x²).</summary>
    public static Tensor Erf(Tensor self) =>
        Pointwise.FloatUnary<ErfOp>(self, "erf", "ErfBackward0", (g, x, _) => g * (x * x).neg().exp() * SpecialMath.TwoOverSqrtPi);

    /// <summary>erfinv(y); d/dy = √π/2 · e^(erfinv(y)²).</summary>
    public static Tensor Erfinv(Tensor self) =>
        Pointwise.FloatUnary<ErfinvOp>(self, "erfinv", "ErfinvBackward0", (g, _, r) => g * (r * r).exp() * (1 / SpecialMath.TwoOverSqrtPi), saveInput: false, saveResult: true);
}
