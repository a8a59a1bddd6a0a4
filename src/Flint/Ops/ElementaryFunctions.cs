using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// The elementary functions PyTorch's Core ATen set names beside exp/log/sin/cos/tanh: inverse trigonometric and
/// hyperbolic functions, cosh/sinh/tan, log2/log10, expm1, reciprocal (floating results, integers promoted to the
/// default dtype) and trunc (integers returned as copies). Backward formulas as PyTorch's derivatives.yaml.
/// </summary>
internal static class ElementaryFunctions
{
    private const double Ln2 = 0.69314718055994530942;
    private const double Ln10 = 2.30258509299404568402;

    public static Tensor Acos(Tensor self) => Pointwise.FloatUnary<AcosOp>(self, "acos", "AcosBackward0", (g, x, _) => -g * (1.0 - x * x).rsqrt());
    public static Tensor Asin(Tensor self) => Pointwise.FloatUnary<AsinOp>(self, "asin", "AsinBackward0", (g, x, _) => g * (1.0 - x * x).rsqrt());
    public static Tensor Atan(Tensor self) => Pointwise.FloatUnary<AtanOp>(self, "atan", "AtanBackward0", (g, x, _) => g / (x * x + 1.0));
    public static Tensor Acosh(Tensor self) => Pointwise.FloatUnary<AcoshOp>(self, "acosh", "AcoshBackward0", (g, x, _) => g * (x * x - 1.0).rsqrt());
    public static Tensor Asinh(Tensor self) => Pointwise.FloatUnary<AsinhOp>(self, "asinh", "AsinhBackward0", (g, x, _) => g * (x * x + 1.0).rsqrt());
    public static Tensor Atanh(Tensor self) => Pointwise.FloatUnary<AtanhOp>(self, "atanh", "AtanhBackward0", (g, x, _) => g / (1.0 - x * x));
    public static Tensor Cosh(Tensor self) => Pointwise.FloatUnary<CoshOp>(self, "cosh", "CoshBackward0", (g, x, _) => g * x.sinh());
    public static Tensor Sinh(Tensor self) => Pointwise.FloatUnary<SinhOp>(self, "sinh", "SinhBackward0", (g, x, _) => g * x.cosh());
    public static Tensor Tan(Tensor self) => Pointwise.FloatUnary<TanOp>(self, "tan", "TanBackward0", (g, _, r) => g * (r * r + 1.0), saveInput: false, saveResult: true);
    public static Tensor Log2(Tensor self) => Pointwise.FloatUnary<Log2Op>(self, "log2", "Log2Backward0", (g, x, _) => g / (x * Ln2));
    public static Tensor Log10(Tensor self) => Pointwise.FloatUnary<Log10Op>(self, "log10", "Log10Backward0", (g, x, _) => g / (x * Ln10));
    public static Tensor Expm1(Tensor self) => Pointwise.FloatUnary<Expm1Op>(self, "expm1", "Expm1Backward0", (g, _, r) => g * (r + 1.0), saveInput: false, saveResult: true);
    public static Tensor Reciprocal(Tensor self) => Pointwise.FloatUnary<ReciprocalOp>(self, "reciprocal", "ReciprocalBackward0", (g, _, r) => -g * r * r, saveInput: false, saveResult: true);
    public static Tensor Trunc(Tensor self) => Pointwise.Rounding<TruncOp>(self, "trunc", "TruncBackward0");

    /// <summary>atan2(self, other) in the promoted floating dtype (integers promote to the default dtype).</summary>
    public static Tensor Atan2(Tensor self, Tensor other)
    {
        var rt = TypePromotion.ResultType(self, other);
        if (!DTypes.IsFloatingPoint(rt)) rt = torch.get_default_dtype();
        var r = Dispatcher.Binary<Atan2Op>("atan2", self, other, rt);
        // d/da atan2(a, b) = b / (a² + b²), d/db = −a / (a² + b²).
        return Recorder.Record(r, "Atan2Backward0", [self, other], [self, other], (g, s) =>
        {
            var denom = s[0] * s[0] + s[1] * s[1];
            return [g * s[1] / denom, -g * s[0] / denom];
        });
    }
}
