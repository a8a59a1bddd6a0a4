using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Flint.Backends;

// Operator structs: one static Invoke per op, generic over the element type, so the JIT
// specialises each kernel loop per (type, op) pair with no virtual call per element. Every
// backend runs the same structs: the CPU's loops call Invoke, and ILGPU compiles Invoke into the
// CUDA kernels, so an op is defined once. TryVectorized is the CPU's shortcut: it hands a dense
// run to TensorPrimitives (SIMD) where one exists; device backends never call it.

internal interface IBinaryOp
{
    static abstract T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>;
    static virtual bool TryVectorized<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> o) where T : unmanaged, INumber<T> => false;
    static virtual bool TryVectorizedScalar<T>(ReadOnlySpan<T> a, T b, Span<T> o) where T : unmanaged, INumber<T> => false;
}

internal interface IUnaryOp
{
    static abstract T Invoke<T>(T x) where T : unmanaged, INumber<T>;
    static virtual bool TryVectorized<T>(ReadOnlySpan<T> x, Span<T> o) where T : unmanaged, INumber<T> => false;
}

internal interface IFloatUnaryOp
{
    static abstract T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>;
    static virtual bool TryVectorized<T>(ReadOnlySpan<T> x, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T> => false;

    /// <summary>
    /// True when the op's SIMD path computes a different (but as accurate) value than <see cref="Invoke"/>:
    /// then every element must go through the SIMD path, in runs of at least
    /// <see cref="Cpu.ElementwiseKernels.MinVectorRun"/>, so strided and contiguous inputs agree bit for bit.
    /// </summary>
    static virtual bool VectorOnly => false;
}

internal interface ICompareOp
{
    static abstract bool Invoke<T>(T a, T b) where T : unmanaged, INumber<T>;
}

internal static class Spans
{
    public static ReadOnlySpan<TTo> As<TFrom, TTo>(ReadOnlySpan<TFrom> s) where TFrom : struct where TTo : struct => MemoryMarshal.Cast<TFrom, TTo>(s);
    public static Span<TTo> As<TFrom, TTo>(Span<TFrom> s) where TFrom : struct where TTo : struct => MemoryMarshal.Cast<TFrom, TTo>(s);
}

internal struct AddOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a + b;
    public static bool TryVectorized<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> o) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float)) { TensorPrimitives.Add(Spans.As<T, float>(a), Spans.As<T, float>(b), Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Add(Spans.As<T, double>(a), Spans.As<T, double>(b), Spans.As<T, double>(o)); return true; }
        return false;
    }
    public static bool TryVectorizedScalar<T>(ReadOnlySpan<T> a, T b, Span<T> o) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float)) { TensorPrimitives.Add(Spans.As<T, float>(a), (float)(object)b, Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Add(Spans.As<T, double>(a), (double)(object)b, Spans.As<T, double>(o)); return true; }
        return false;
    }
}

internal struct SubOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a - b;
    public static bool TryVectorized<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> o) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float)) { TensorPrimitives.Subtract(Spans.As<T, float>(a), Spans.As<T, float>(b), Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Subtract(Spans.As<T, double>(a), Spans.As<T, double>(b), Spans.As<T, double>(o)); return true; }
        return false;
    }
}

internal struct MulOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a * b;
    public static bool TryVectorized<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> o) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float)) { TensorPrimitives.Multiply(Spans.As<T, float>(a), Spans.As<T, float>(b), Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Multiply(Spans.As<T, double>(a), Spans.As<T, double>(b), Spans.As<T, double>(o)); return true; }
        return false;
    }
    public static bool TryVectorizedScalar<T>(ReadOnlySpan<T> a, T b, Span<T> o) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float)) { TensorPrimitives.Multiply(Spans.As<T, float>(a), (float)(object)b, Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Multiply(Spans.As<T, double>(a), (double)(object)b, Spans.As<T, double>(o)); return true; }
        return false;
    }
}

internal struct DivOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a / b;
    public static bool TryVectorized<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> o) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float)) { TensorPrimitives.Divide(Spans.As<T, float>(a), Spans.As<T, float>(b), Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Divide(Spans.As<T, double>(a), Spans.As<T, double>(b), Spans.As<T, double>(o)); return true; }
        return false;
    }
}

/// <summary>Elementwise maximum; NaN wins, as in PyTorch.</summary>
internal struct MaximumOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => T.IsNaN(a) ? a : T.IsNaN(b) ? b : (a > b ? a : b);
}

/// <summary>Elementwise minimum; NaN wins, as in PyTorch.</summary>
internal struct MinimumOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => T.IsNaN(a) ? a : T.IsNaN(b) ? b : (a < b ? a : b);
}

/// <summary>Integer power by squaring (PyTorch: integral pow stays integral).</summary>
internal struct IntPowOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (T.IsNegative(b))
        {
            if (a == T.One) return T.One;
            if (a == -T.One) return T.IsEvenInteger(b) ? T.One : -T.One;
            // A negative tensor exponent truncates 1 / a^|b| to 0, as PyTorch does (scalar exponents are rejected earlier).
            return T.Zero;
        }
        T result = T.One, x = a;
        T e = b;
        T two = T.One + T.One;
        while (e > T.Zero)
        {
            if (T.IsOddInteger(e)) result *= x;
            e /= two;
            if (e > T.Zero) x *= x;
        }
        return result;
    }
}

internal struct FloatPowOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            float fa = (float)(object)a, fb = (float)(object)b;
            float r = fb == 2f ? fa * fa : MathF.Pow(fa, fb);
            return (T)(object)r;
        }
        double da = double.CreateTruncating(a), db = double.CreateTruncating(b);
        return T.CreateTruncating(db == 2.0 ? da * da : Math.Pow(da, db));
    }
}

internal struct NegOp : IUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, INumber<T> => -x;
    public static bool TryVectorized<T>(ReadOnlySpan<T> x, Span<T> o) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float)) { TensorPrimitives.Negate(Spans.As<T, float>(x), Spans.As<T, float>(o)); return true; }
        return false;
    }
}

internal struct AbsOp : IUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, INumber<T> => T.IsNegative(x) ? -x : x;
}

internal struct SignOp : IUnaryOp
{
    // (0 < x) - (x < 0), as PyTorch computes it: NaN has sign 0.
    public static T Invoke<T>(T x) where T : unmanaged, INumber<T> => x > T.Zero ? T.One : x < T.Zero ? -T.One : T.Zero;
}

internal struct ReluOp : IUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, INumber<T> => T.IsNaN(x) ? x : x > T.Zero ? x : T.Zero;
    public static bool TryVectorized<T>(ReadOnlySpan<T> x, Span<T> o) where T : unmanaged, INumber<T>
    {
        // Max with 0 propagates NaN like PyTorch's relu.
        if (typeof(T) == typeof(float)) { TensorPrimitives.Max(Spans.As<T, float>(x), 0f, Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Max(Spans.As<T, double>(x), 0.0, Spans.As<T, double>(o)); return true; }
        return false;
    }
}

// TensorPrimitives.Exp's SIMD polynomial differs from Math.Exp in the last ulp (and falls back to the scalar one
// for short runs), so exp is VectorOnly: every element goes through the SIMD path, whatever the layout and length.
internal struct ExpOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Exp(x);
    public static bool VectorOnly => true;
    public static bool TryVectorized<T>(ReadOnlySpan<T> x, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // float32: TensorPrimitives' kernel with exp(0) = 1 exactly (Cpu/VectorExp.cs).
        if (typeof(T) == typeof(float)) { Cpu.VectorExp.Exp(Spans.As<T, float>(x), Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Exp(Spans.As<T, double>(x), Spans.As<T, double>(o)); return true; }
        return false;
    }
}
internal struct LogOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log(x); }
internal struct Log1pOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.LogP1(x); }
internal struct SqrtOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sqrt(x);
    public static bool TryVectorized<T>(ReadOnlySpan<T> x, Span<T> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) { TensorPrimitives.Sqrt(Spans.As<T, float>(x), Spans.As<T, float>(o)); return true; }
        if (typeof(T) == typeof(double)) { TensorPrimitives.Sqrt(Spans.As<T, double>(x), Spans.As<T, double>(o)); return true; }
        return false;
    }
}
internal struct RsqrtOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.One / T.Sqrt(x); }
internal struct SinOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sin(x); }
internal struct CosOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cos(x); }
internal struct TanhOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(x); }
internal struct SigmoidOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-x)); }
internal struct FloorOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Floor(x); }
internal struct CeilOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Ceiling(x); }
/// <summary>Round half to even, as <c>torch.round</c>.</summary>
internal struct RoundOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Round(x, MidpointRounding.ToEven); }

internal struct EqOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a == b; }
internal struct NeOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a != b; }
internal struct LtOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a < b; }
internal struct LeOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a <= b; }
internal struct GtOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a > b; }
internal struct GeOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a >= b; }

// The elementary functions of Ops/ElementaryFunctions.cs (inverse trigonometric and hyperbolic, base-2/10 logarithms,
// expm1, reciprocal, trunc).
internal struct AcosOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Acos(x); }
internal struct AsinOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Asin(x); }
internal struct AtanOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan(x); }
internal struct AcoshOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Acosh(x); }
internal struct AsinhOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Asinh(x); }
internal struct AtanhOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atanh(x); }
internal struct CoshOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cosh(x); }
internal struct SinhOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sinh(x); }
internal struct TanOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tan(x); }
internal struct Log10Op : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log10(x); }
internal struct Log2Op : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log2(x); }
internal struct ReciprocalOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.One / x; }
internal struct TruncOp : IFloatUnaryOp { public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Truncate(x); }

/// <summary>
/// exp(x) − 1 without the cancellation of computing it so near 0 (.NET's ExpM1 is Exp(x) − 1): Kahan's
/// (u − 1)·x / log(u) with u = exp(x), accurate to a few ulps everywhere.
/// </summary>
internal struct Expm1Op : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T u = T.Exp(x);
        if (u == T.One) return x;
        T um1 = u - T.One;
        if (um1 == -T.One) return -T.One;
        return T.IsPositiveInfinity(u) ? u : um1 * (x / T.Log(u));
    }
}

/// <summary>
/// atan2(a, b). <see cref="Invoke"/> (the CPU's) branches on typeof(T), which device code cannot compile, so a device
/// runs <see cref="Float"/> in its own float kernel, as FloatPowOp.
/// </summary>
internal struct Atan2Op : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float)) return (T)(object)MathF.Atan2((float)(object)a, (float)(object)b);
        return T.CreateTruncating(Math.Atan2(double.CreateTruncating(a), double.CreateTruncating(b)));
    }

    /// <summary>The same on a float type, without a type test (device code).</summary>
    public static T Float<T>(T a, T b) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan2(a, b);
}

/// <summary>C's fmod: the remainder of truncated division, with the dividend's sign (C#'s % on every type).</summary>
internal struct FmodOp : IBinaryOp { public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => a % b; }

/// <summary>Python's remainder: the remainder of floored division, with the divisor's sign (PyTorch's kernel).</summary>
internal struct RemainderOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        T r = a % b;
        return r != T.Zero && (r < T.Zero) != (b < T.Zero) ? r + b : r;
    }
}

/// <summary>
/// Division rounded toward zero (<c>rounding_mode="trunc"</c>); integers divide as C does. Written with INumber
/// operations only (no type tests), so device code compiles it: trunc(q) = q − fmod(q, 1), keeping −0 and ±∞.
/// </summary>
internal struct TruncDivOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        T q = a / b;
        if (T.IsInfinity(q) || T.IsNaN(q)) return q;
        T r = q - q % T.One;
        return r == T.Zero && q < T.Zero ? -T.Zero : r;
    }
}

/// <summary>
/// Division rounded down (<c>rounding_mode="floor"</c>), as PyTorch's div_floor_floating (integers: div_floor_integer,
/// which the same steps compute exactly). INumber operations only, so device code compiles it.
/// </summary>
internal struct FloorDivOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (b == T.Zero) return a / b;
        T mod = a % b;
        T div = (a - mod) / b;
        if (mod != T.Zero && (b < T.Zero) != (mod < T.Zero)) div -= T.One;
        if (div == T.Zero) return a / b < T.Zero ? -T.Zero : T.Zero;
        if (T.IsInfinity(div) || T.IsNaN(div)) return div;
        T trunc = div - div % T.One;
        T floor = div < trunc ? trunc - T.One : trunc;
        return div - floor > T.One / (T.One + T.One) ? floor + T.One : floor;
    }
}
