using System.Numerics;
using Flint.Backends;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>
/// Where every operand of an elementwise launch is dense (its dims merge into one with unit stride),
/// each thread handles four elements, a quarter of the range apart: each of the four loads is
/// coalesced across a warp, and all of a thread's loads are in flight before the first use. One
/// element per thread (the strided kernels) leaves an H200 at about half its memory bandwidth.
/// </summary>
internal struct DenseArgs
{
    public long Count, Quarter;
    public long OffsetA, OffsetB, OffsetO;

    public static DenseArgs For(int count, long offsetA, long offsetB, long offsetO) =>
        new() { Count = count, Quarter = (count + 3) / 4, OffsetA = offsetA, OffsetB = offsetB, OffsetO = offsetO };

    /// <summary>Threads to launch: one per four elements.</summary>
    public readonly int Threads => (int)Quarter;
}

internal static class DenseKernels
{
    public static void Binary<T, TOp>(Index1D i, ArrayView<T> a, ArrayView<T> b, ArrayView<T> o, DenseArgs g, ScalarArg<T> s)
        where T : unmanaged, INumber<T> where TOp : IBinaryOp
    {
        long q = g.Quarter, n = g.Count;
        long i0 = i, i1 = i0 + q, i2 = i1 + q, i3 = i2 + q;
        bool k1 = i1 < n, k2 = i2 < n, k3 = i3 < n;
        T x0 = s.Value, x1 = s.Value, x2 = s.Value, x3 = s.Value;
        if (s.Mode != 1)
        {
            long oa = g.OffsetA;
            x0 = a[oa + i0];
            if (k1) x1 = a[oa + i1];
            if (k2) x2 = a[oa + i2];
            if (k3) x3 = a[oa + i3];
        }
        T y0 = s.Value, y1 = s.Value, y2 = s.Value, y3 = s.Value;
        if (s.Mode != 2)
        {
            long ob = g.OffsetB;
            y0 = b[ob + i0];
            if (k1) y1 = b[ob + i1];
            if (k2) y2 = b[ob + i2];
            if (k3) y3 = b[ob + i3];
        }
        long oo = g.OffsetO;
        o[oo + i0] = TOp.Invoke(x0, y0);
        if (k1) o[oo + i1] = TOp.Invoke(x1, y1);
        if (k2) o[oo + i2] = TOp.Invoke(x2, y2);
        if (k3) o[oo + i3] = TOp.Invoke(x3, y3);
    }

    public static void Unary<T, TOp>(Index1D i, ArrayView<T> x, ArrayView<T> o, DenseArgs g)
        where T : unmanaged, INumber<T> where TOp : IUnaryOp
    {
        long q = g.Quarter, n = g.Count, ox = g.OffsetA, oo = g.OffsetO;
        long i0 = i, i1 = i0 + q, i2 = i1 + q, i3 = i2 + q;
        bool k1 = i1 < n, k2 = i2 < n, k3 = i3 < n;
        T v0 = x[ox + i0], v1 = default, v2 = default, v3 = default;
        if (k1) v1 = x[ox + i1];
        if (k2) v2 = x[ox + i2];
        if (k3) v3 = x[ox + i3];
        o[oo + i0] = TOp.Invoke(v0);
        if (k1) o[oo + i1] = TOp.Invoke(v1);
        if (k2) o[oo + i2] = TOp.Invoke(v2);
        if (k3) o[oo + i3] = TOp.Invoke(v3);
    }

    public static void FloatUnary<T, TOp>(Index1D i, ArrayView<T> x, ArrayView<T> o, DenseArgs g)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IFloatUnaryOp
    {
        long q = g.Quarter, n = g.Count, ox = g.OffsetA, oo = g.OffsetO;
        long i0 = i, i1 = i0 + q, i2 = i1 + q, i3 = i2 + q;
        bool k1 = i1 < n, k2 = i2 < n, k3 = i3 < n;
        T v0 = x[ox + i0], v1 = T.Zero, v2 = T.Zero, v3 = T.Zero;
        if (k1) v1 = x[ox + i1];
        if (k2) v2 = x[ox + i2];
        if (k3) v3 = x[ox + i3];
        o[oo + i0] = TOp.Invoke(v0);
        if (k1) o[oo + i1] = TOp.Invoke(v1);
        if (k2) o[oo + i2] = TOp.Invoke(v2);
        if (k3) o[oo + i3] = TOp.Invoke(v3);
    }

    public static void Copy<TB>(Index1D i, ArrayView<TB> src, ArrayView<TB> dst, DenseArgs g) where TB : unmanaged
    {
        long q = g.Quarter, n = g.Count, os = g.OffsetA, od = g.OffsetO;
        long i0 = i, i1 = i0 + q, i2 = i1 + q, i3 = i2 + q;
        bool k1 = i1 < n, k2 = i2 < n, k3 = i3 < n;
        TB v0 = src[os + i0], v1 = default, v2 = default, v3 = default;
        if (k1) v1 = src[os + i1];
        if (k2) v2 = src[os + i2];
        if (k3) v3 = src[os + i3];
        dst[od + i0] = v0;
        if (k1) dst[od + i1] = v1;
        if (k2) dst[od + i2] = v2;
        if (k3) dst[od + i3] = v3;
    }

    public static void Fill<TB>(Index1D i, ArrayView<TB> o, DenseArgs g, TB value) where TB : unmanaged
    {
        long q = g.Quarter, n = g.Count, oo = g.OffsetO;
        long i0 = i, i1 = i0 + q, i2 = i1 + q, i3 = i2 + q;
        o[oo + i0] = value;
        if (i1 < n) o[oo + i1] = value;
        if (i2 < n) o[oo + i2] = value;
        if (i3 < n) o[oo + i3] = value;
    }
}
