using System.Numerics;

namespace Flint.Backends;

// Operator structs of torch.special's Bessel, Airy and polynomial functions (Backends/SpecialMath.Cephes.cs,
// SpecialMath.Polynomials.cs). Unlike the other special operators they evaluate in the element type itself (float32 in
// float, as PyTorch's CPU kernels), so Ops/CephesFunctions.cs admits float32 and float64 only, as PyTorch 1.13 does.
// They branch on typeof(T), so Dispatcher.HostFloatUnary/HostBinary run them on the host for other devices.

internal struct AiryAiOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.AiryAi(x);
}

internal struct BesselJ0Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.BesselJ0(x);
}

internal struct BesselJ1Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.BesselJ1(x);
}

internal struct BesselY0Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.BesselY0(x);
}

internal struct BesselY1Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.BesselY1(x);
}

internal struct ModifiedBesselK0Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.BesselK0(x, false);
}

internal struct ModifiedBesselK1Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.BesselK1(x, false);
}

internal struct ScaledModifiedBesselK0Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.BesselK0(x, true);
}

internal struct ScaledModifiedBesselK1Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialMath.BesselK1(x, true);
}

internal struct ChebyshevTOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.ChebyshevT(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.ChebyshevT(double.CreateTruncating(x), k));
    }
}

internal struct ChebyshevUOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.ChebyshevU(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.ChebyshevU(double.CreateTruncating(x), k));
    }
}

internal struct ChebyshevVOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.ChebyshevV(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.ChebyshevV(double.CreateTruncating(x), k));
    }
}

internal struct ChebyshevWOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.ChebyshevW(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.ChebyshevW(double.CreateTruncating(x), k));
    }
}

internal struct ShiftedChebyshevTOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.ShiftedChebyshevT(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.ShiftedChebyshevT(double.CreateTruncating(x), k));
    }
}

internal struct ShiftedChebyshevUOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.ShiftedChebyshevU(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.ShiftedChebyshevU(double.CreateTruncating(x), k));
    }
}

internal struct ShiftedChebyshevVOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.ShiftedChebyshevV(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.ShiftedChebyshevV(double.CreateTruncating(x), k));
    }
}

internal struct ShiftedChebyshevWOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.ShiftedChebyshevW(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.ShiftedChebyshevW(double.CreateTruncating(x), k));
    }
}

internal struct HermiteHOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.HermiteH(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.HermiteH(double.CreateTruncating(x), k));
    }
}

internal struct HermiteHeOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.HermiteHe(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.HermiteHe(double.CreateTruncating(x), k));
    }
}

internal struct LaguerreLOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.LaguerreL(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.LaguerreL(double.CreateTruncating(x), k));
    }
}

internal struct LegendrePOp : IBinaryOp
{
    public static T Invoke<T>(T x, T n) where T : unmanaged, INumber<T>
    {
        long k = SpecialMath.PolynomialDegree(double.CreateTruncating(n));
        if (typeof(T) == typeof(float)) return T.CreateTruncating(SpecialMath.LegendreP(float.CreateTruncating(x), k));
        return T.CreateTruncating(SpecialMath.LegendreP(double.CreateTruncating(x), k));
    }
}
