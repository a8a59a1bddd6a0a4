using System.Numerics;
using Flint.Backends;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>What pooling needs per element type that ILGPU has no generic form of: atomic add and int conversion.</summary>
internal interface IPoolElement<T> where T : unmanaged
{
    static abstract void AtomicAdd(ArrayView<T> view, long index, T value);
    static abstract T FromInt(int value);
}

internal struct PoolF32 : IPoolElement<float>
{
    public static void AtomicAdd(ArrayView<float> view, long index, float value) => Atomic.Add(ref view[index], value);
    public static float FromInt(int value) => value;
}

internal struct PoolF64 : IPoolElement<double>
{
    public static void AtomicAdd(ArrayView<double> view, long index, double value) => Atomic.Add(ref view[index], value);
    public static double FromInt(int value) => value;
}

/// <summary>
/// Pooling over dense planes or volumes (<see cref="PoolGeometry"/>, whose window arithmetic the CPU kernels share):
/// one thread per output element. The backward adds each output's gradient into the input gradient
/// atomically, since windows overlap.
/// </summary>
internal static class PoolKernels
{
    public static void Forward<T, TE>(Index1D i, ArrayView<T> x, long xOffset, ArrayView<T> y, ArrayView<long> indices, PoolGeometry g)
        where T : unmanaged, INumber<T> where TE : struct, IPoolElement<T>
    {
        long outPlane = g.OutPlane;
        long p = i / outPlane, r = i % outPlane;
        long outHW = (long)g.OutH * g.OutW, inHW = (long)g.InH * g.InW;
        int od = (int)(r / outHW);
        long rr = r % outHW;
        int oh = (int)(rr / g.OutW), ow = (int)(rr % g.OutW);
        var depths = g.Depths(od);
        var rows = g.Rows(oh);
        var cols = g.Cols(ow);
        long xb = xOffset + p * g.InPlane;
        if (g.IsMax)
        {
            // The first maximum wins, a NaN replacing it (PyTorch's `val > max || isnan(val)` from -inf).
            T best = T.Zero;
            long bi = depths.Start * inHW + (long)rows.Start * g.InW + cols.Start;
            bool have = false;
            for (int d = depths.Start; d < depths.End; d += depths.Step)
                for (int h = rows.Start; h < rows.End; h += rows.Step)
                    for (int w = cols.Start; w < cols.End; w += cols.Step)
                    {
                        long idx = d * inHW + (long)h * g.InW + w;
                        T v = x[xb + idx];
                        if (!have || v > best || T.IsNaN(v)) { best = v; bi = idx; have = true; }
                    }
            y[i] = best;
            indices[i] = bi;
            return;
        }
        if (depths.IsEmpty || rows.IsEmpty || cols.IsEmpty) { y[i] = T.Zero; return; }
        T sum = T.Zero;
        for (int d = depths.Start; d < depths.End; d++)
            for (int h = rows.Start; h < rows.End; h++)
                for (int w = cols.Start; w < cols.End; w++) sum += x[xb + d * inHW + (long)h * g.InW + w];
        y[i] = sum / TE.FromInt(g.AvgDivisor(od, oh, ow));
    }

    public static void Backward<T, TE>(Index1D i, ArrayView<T> gradOut, long gOffset, ArrayView<long> indices, ArrayView<T> gradIn, PoolGeometry g)
        where T : unmanaged, INumber<T> where TE : struct, IPoolElement<T>
    {
        long outPlane = g.OutPlane;
        long p = i / outPlane, r = i % outPlane;
        long ib = p * g.InPlane;
        T go = gradOut[gOffset + i];
        if (g.IsMax)
        {
            TE.AtomicAdd(gradIn, ib + indices[i], go);
            return;
        }
        long outHW = (long)g.OutH * g.OutW, inHW = (long)g.InH * g.InW;
        int od = (int)(r / outHW);
        long rr = r % outHW;
        int oh = (int)(rr / g.OutW), ow = (int)(rr % g.OutW);
        var depths = g.Depths(od);
        var rows = g.Rows(oh);
        var cols = g.Cols(ow);
        if (depths.IsEmpty || rows.IsEmpty || cols.IsEmpty) return;
        T share = go / TE.FromInt(g.AvgDivisor(od, oh, ow));
        for (int d = depths.Start; d < depths.End; d++)
            for (int h = rows.Start; h < rows.End; h++)
                for (int w = cols.Start; w < cols.End; w++) TE.AtomicAdd(gradIn, ib + d * inHW + (long)h * g.InW + w, share);
    }
}
