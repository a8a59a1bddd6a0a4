using System.Numerics;
using Flint.Backends;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>
/// A host scalar folded into a launch: <see cref="Mode"/> 1 replaces the first operand, 2 the
/// second (a wrapped C# number or 0-dim CPU tensor is passed by value, never uploaded).
/// </summary>
internal struct ScalarArg<T> where T : unmanaged
{
    public T Value;
    public int Mode;
}

/// <summary>Clamp bounds; a missing bound has its flag 0.</summary>
internal struct Bounds<T> where T : unmanaged
{
    public T Lo, Hi;
    public int HasLo, HasHi;
}

/// <summary>
/// Arithmetic elementwise kernels: one generic kernel per family, specialised by ILGPU per
/// element type and op struct (the CPU's op structs, so an op is defined once). One thread per
/// element; <see cref="Strided.At"/> maps the linear index to each operand's offset.
/// </summary>
internal static class ElementwiseKernels
{
    public static void Binary<T, TOp>(Index1D i, Dims d, ArrayView<T> a, Strided sa, ArrayView<T> b, Strided sb, ArrayView<T> o, Strided so, ScalarArg<T> s)
        where T : unmanaged, INumber<T> where TOp : IBinaryOp
    {
        T x = s.Mode == 1 ? s.Value : a[Strided.At(d, sa, i)];
        T y = s.Mode == 2 ? s.Value : b[Strided.At(d, sb, i)];
        o[Strided.At(d, so, i)] = TOp.Invoke(x, y);
    }

    /// <summary>Float pow (the CPU's FloatPowOp branches on typeof(T), which device code cannot): x² exactly, else T.Pow.</summary>
    public static void FloatPow<T>(Index1D i, Dims d, ArrayView<T> a, Strided sa, ArrayView<T> b, Strided sb, ArrayView<T> o, Strided so, ScalarArg<T> s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T x = s.Mode == 1 ? s.Value : a[Strided.At(d, sa, i)];
        T y = s.Mode == 2 ? s.Value : b[Strided.At(d, sb, i)];
        T r = y == T.One + T.One ? x * x : T.Pow(x, y);
        // ILGPU's pow loses the sign of a zero base: pow(-0, odd) is -0 and pow(-0, -odd) is -inf, as in C and PyTorch.
        if (x == T.Zero && T.One / x < T.Zero && T.Floor(y) == y && T.Floor(y / (T.One + T.One)) * (T.One + T.One) != y)
            r = y < T.Zero ? T.NegativeInfinity : y > T.Zero ? x : r;
        o[Strided.At(d, so, i)] = r;
    }

    /// <summary>atan2 (the CPU's Atan2Op branches on typeof(T), which device code cannot): <see cref="Atan2Op.Float"/>.</summary>
    public static void Atan2<T>(Index1D i, Dims d, ArrayView<T> a, Strided sa, ArrayView<T> b, Strided sb, ArrayView<T> o, Strided so, ScalarArg<T> s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T x = s.Mode == 1 ? s.Value : a[Strided.At(d, sa, i)];
        T y = s.Mode == 2 ? s.Value : b[Strided.At(d, sb, i)];
        o[Strided.At(d, so, i)] = Atan2Op.Float(x, y);
    }

    public static void Compare<T, TOp>(Index1D i, Dims d, ArrayView<T> a, Strided sa, ArrayView<T> b, Strided sb, ArrayView<byte> o, Strided so, ScalarArg<T> s)
        where T : unmanaged, INumber<T> where TOp : ICompareOp
    {
        T x = s.Mode == 1 ? s.Value : a[Strided.At(d, sa, i)];
        T y = s.Mode == 2 ? s.Value : b[Strided.At(d, sb, i)];
        o[Strided.At(d, so, i)] = TOp.Invoke(x, y) ? (byte)1 : (byte)0;
    }

    public static void Unary<T, TOp>(Index1D i, Dims d, ArrayView<T> x, Strided sx, ArrayView<T> o, Strided so)
        where T : unmanaged, INumber<T> where TOp : IUnaryOp =>
        o[Strided.At(d, so, i)] = TOp.Invoke(x[Strided.At(d, sx, i)]);

    public static void FloatUnary<T, TOp>(Index1D i, Dims d, ArrayView<T> x, Strided sx, ArrayView<T> o, Strided so)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IFloatUnaryOp =>
        o[Strided.At(d, so, i)] = TOp.Invoke(x[Strided.At(d, sx, i)]);

    /// <summary>Clamp as the CPU's: NaN inputs stay NaN, then lo, then hi.</summary>
    public static void Clamp<T>(Index1D i, Dims d, ArrayView<T> x, Strided sx, ArrayView<T> o, Strided so, Bounds<T> bounds)
        where T : unmanaged, INumber<T>
    {
        T v = x[Strided.At(d, sx, i)];
        if (!T.IsNaN(v))
        {
            if (bounds.HasLo != 0 && v < bounds.Lo) v = bounds.Lo;
            if (bounds.HasHi != 0 && v > bounds.Hi) v = bounds.Hi;
        }
        o[Strided.At(d, so, i)] = v;
    }

    /// <summary>o = lo ≤ x ≤ hi ? g : 0.</summary>
    public static void ClampBackward<T>(Index1D i, Dims d, ArrayView<T> x, Strided sx, ArrayView<T> g, Strided sg, ArrayView<T> o, Strided so, Bounds<T> bounds)
        where T : unmanaged, INumber<T>
    {
        T v = x[Strided.At(d, sx, i)];
        bool pass = (bounds.HasLo == 0 || v >= bounds.Lo) && (bounds.HasHi == 0 || v <= bounds.Hi);
        o[Strided.At(d, so, i)] = pass ? g[Strided.At(d, sg, i)] : T.Zero;
    }
}
