using System.Numerics;

namespace Flint.Backends;

// Operator structs of the special functions (Ops/SpecialOps.cs) and the IEEE helpers (Ops/PointwiseExtras.cs).
// Each evaluates in float64 through SpecialMath and rounds once (float32 inputs compute in float64, so their results
// are at least as accurate as PyTorch's float kernels). They convert through generic math and some test typeof(T),
// which device code cannot compile, so Dispatcher.HostFloatUnary/HostBinary run them on the host for other devices.

internal struct ErfcOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.Erfc(double.CreateTruncating(x)));
}

internal struct ErfcxOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.Erfcx(double.CreateTruncating(x)));
}

internal struct LgammaOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.Lgamma(double.CreateTruncating(x)));
}

internal struct DigammaOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.Digamma(double.CreateTruncating(x)));
}

internal struct I0Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.I0(double.CreateTruncating(x)));
}

internal struct I0eOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.I0e(double.CreateTruncating(x)));
}

internal struct I1Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.I1(double.CreateTruncating(x)));
}

internal struct I1eOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.I1e(double.CreateTruncating(x)));
}

internal struct NdtrOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.Ndtr(double.CreateTruncating(x)));
}

internal struct NdtriOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.Ndtri(double.CreateTruncating(x)));
}

internal struct LogNdtrOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.LogNdtr(double.CreateTruncating(x)));
}

/// <summary>2^x.</summary>
internal struct Exp2Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(Math.Pow(2.0, double.CreateTruncating(x)));
}

/// <summary>1 where the sign bit is set (−0 and −NaN included), else 0.</summary>
internal struct SignbitOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.IsNegative(x) ? T.One : T.Zero;
}

/// <summary>The mantissa of frexp, in [0.5, 1) (±0, ±inf and NaN unchanged).</summary>
internal struct FrexpMantissaOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double d = double.CreateTruncating(x);
        if (d == 0 || !double.IsFinite(d)) return x;
        return T.CreateTruncating(Math.ScaleB(d, -(Math.ILogB(d) + 1)));
    }
}

/// <summary>The exponent of frexp (0 for ±0, ±inf and NaN), as a float the caller casts to int32.</summary>
internal struct FrexpExponentOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double d = double.CreateTruncating(x);
        if (d == 0 || !double.IsFinite(d)) return T.Zero;
        return T.CreateTruncating(Math.ILogB(d) + 1);
    }
}

/// <summary>polygamma(n, x) with n in the first operand (an integer held in the float dtype).</summary>
internal struct PolygammaOp : IBinaryOp
{
    public static T Invoke<T>(T n, T x) where T : unmanaged, INumber<T> =>
        T.CreateTruncating(SpecialMath.Polygamma(long.CreateTruncating(n), double.CreateTruncating(x)));
}

/// <summary>The Hurwitz zeta function ζ(x, q).</summary>
internal struct ZetaOp : IBinaryOp
{
    public static T Invoke<T>(T x, T q) where T : unmanaged, INumber<T> =>
        T.CreateTruncating(SpecialMath.Zeta(double.CreateTruncating(x), double.CreateTruncating(q)));
}

/// <summary>The regularized lower incomplete gamma function P(a, x).</summary>
internal struct GammaincOp : IBinaryOp
{
    public static T Invoke<T>(T a, T x) where T : unmanaged, INumber<T> =>
        T.CreateTruncating(SpecialMath.Gammainc(double.CreateTruncating(a), double.CreateTruncating(x)));
}

/// <summary>The regularized upper incomplete gamma function Q(a, x).</summary>
internal struct GammainccOp : IBinaryOp
{
    public static T Invoke<T>(T a, T x) where T : unmanaged, INumber<T> =>
        T.CreateTruncating(SpecialMath.Gammaincc(double.CreateTruncating(a), double.CreateTruncating(x)));
}

/// <summary>|a| with the sign of b (the sign bit: −0 and −NaN count as negative).</summary>
internal struct CopysignOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => T.CopySign(a, b);
}

/// <summary>The next representable value after a in the direction of b, in a's own float type.</summary>
internal struct NextafterOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (T.IsNaN(a) || T.IsNaN(b)) return a + b;
        if (a == b) return b;
        if (typeof(T) == typeof(float))
        {
            float fa = (float)(object)a;
            return (T)(object)(b > a ? MathF.BitIncrement(fa) : MathF.BitDecrement(fa));
        }
        double da = double.CreateTruncating(a);
        return T.CreateTruncating(b > a ? Math.BitIncrement(da) : Math.BitDecrement(da));
    }
}
