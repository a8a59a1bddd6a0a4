using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>
/// Pooling over dense planes or volumes (<see cref="PoolGeometry"/>): one pass per output plane, planes in
/// parallel when there is enough work. Max windows keep the first maximum, a NaN replacing it
/// (PyTorch's <c>val &gt; max || isnan(val)</c>); indices are flat positions within the input plane (volume for 3-d pools).
/// </summary>
internal static class PoolingKernels
{
    /// <summary>Below this many input elements a pooling runs on the calling thread.</summary>
    private const long ParallelMin = 32 * 1024;

    public static void Forward<T>(PoolGeometry g, T[] x, long xOffset, T[] y, long[]? indices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.Planes == 0 || g.OutPlane == 0) return;
        if (IsInteriorMax(g))
        {
            ForPlanes(g, p => InteriorMaxPlane(g, x, xOffset + p * g.InPlane, y, indices!, p * g.OutPlane));
            return;
        }
        ForPlanes(g, p =>
        {
            long xb = xOffset + p * g.InPlane, yb = p * g.OutPlane;
            long inHW = (long)g.InH * g.InW;
            for (int od = 0; od < g.OutD; od++)
            {
                var depths = g.Depths(od);
                int d0 = depths.Start, d1 = depths.End, ds = depths.Step;
                for (int oh = 0; oh < g.OutH; oh++)
                {
                    var rows = g.Rows(oh);
                    int h0 = rows.Start, h1 = rows.End, hs = rows.Step;
                    for (int ow = 0; ow < g.OutW; ow++)
                    {
                        var cols = g.Cols(ow);
                        int w0 = cols.Start, w1 = cols.End, ws = cols.Step;
                        long o = yb + ((long)od * g.OutH + oh) * g.OutW + ow;
                        if (g.IsMax)
                        {
                            T best = T.NegativeInfinity;
                            long bi = d0 * inHW + (long)h0 * g.InW + w0;
                            for (int d = d0; d < d1; d += ds)
                                for (int h = h0; h < h1; h += hs)
                                    for (int w = w0; w < w1; w += ws)
                                    {
                                        long i = d * inHW + (long)h * g.InW + w;
                                        T v = x[xb + i];
                                        if (v > best || T.IsNaN(v)) { best = v; bi = i; }
                                    }
                            y[o] = best;
                            indices![o] = bi;
                        }
                        else if (d0 >= d1 || h0 >= h1 || w0 >= w1) y[o] = T.Zero;
                        else
                        {
                            T sum = T.Zero;
                            for (int d = d0; d < d1; d++)
                                for (int h = h0; h < h1; h++)
                                {
                                    long row = xb + d * inHW + (long)h * g.InW;
                                    for (int w = w0; w < w1; w++) sum += x[row + w];
                                }
                            y[o] = sum / T.CreateTruncating(g.AvgDivisor(od, oh, ow));
                        }
                    }
                }
            }
        });
    }

    /// <summary>
    /// Max pooling whose windows all lie inside the plane (no padding, no dilation, no ceil-mode overhang): the
    /// common CNN case (2×2 stride 2). Each window is read at fixed offsets without per-output bounds; same
    /// order and NaN rule as the general loop, so values and indices are identical.
    /// </summary>
    private static bool IsInteriorMax(PoolGeometry g) =>
        g.Kind == (int)PoolKind.Max && g.InD == 1 && g.KD == 1 && g.PH == 0 && g.PW == 0 && g.DH == 1 && g.DW == 1
        && (long)(g.OutH - 1) * g.SH + g.KH <= g.InH && (long)(g.OutW - 1) * g.SW + g.KW <= g.InW;

    private static void InteriorMaxPlane<T>(PoolGeometry g, T[] x, long xb, T[] y, long[] indices, long yb) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inW = g.InW, kh = g.KH, kw = g.KW;
        var plane = x.AsSpan(checked((int)xb), checked((int)g.InPlane));
        var outPlane = y.AsSpan(checked((int)yb), checked((int)g.OutPlane));
        var outIndex = indices.AsSpan(checked((int)yb), checked((int)g.OutPlane));
        for (int oh = 0; oh < g.OutH; oh++)
        {
            int top = oh * g.SH * inW, o = oh * g.OutW;
            if (kh == 2 && kw == 2)
            {
                for (int ow = 0; ow < g.OutW; ow++, o++)
                {
                    int i = top + ow * g.SW;
                    T best = plane[i];
                    int bi = i;
                    T v = plane[i + 1];
                    if (v > best || T.IsNaN(v)) { best = v; bi = i + 1; }
                    v = plane[i + inW];
                    if (v > best || T.IsNaN(v)) { best = v; bi = i + inW; }
                    v = plane[i + inW + 1];
                    if (v > best || T.IsNaN(v)) { best = v; bi = i + inW + 1; }
                    outPlane[o] = best;
                    outIndex[o] = bi;
                }
                continue;
            }
            for (int ow = 0; ow < g.OutW; ow++, o++)
            {
                int corner = top + ow * g.SW;
                T best = T.NegativeInfinity;
                int bi = corner;
                for (int h = 0; h < kh; h++)
                {
                    int row = corner + h * inW;
                    for (int w = 0; w < kw; w++)
                    {
                        T v = plane[row + w];
                        if (v > best || T.IsNaN(v)) { best = v; bi = row + w; }
                    }
                }
                outPlane[o] = best;
                outIndex[o] = bi;
            }
        }
    }

    /// <summary>gradIn (zeroed, dense) += each output gradient routed to its window: to the saved index (max) or spread evenly (avg).</summary>
    public static void Backward<T>(PoolGeometry g, T[] gradOut, long gOffset, long[]? indices, T[] gradIn) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.Planes == 0 || g.OutPlane == 0) return;
        ForPlanes(g, p =>
        {
            long gb = gOffset + p * g.OutPlane, ob = p * g.OutPlane, ib = p * g.InPlane;
            if (g.IsMax)
            {
                for (long o = 0; o < g.OutPlane; o++) gradIn[ib + indices![ob + o]] += gradOut[gb + o];
                return;
            }
            long inHW = (long)g.InH * g.InW;
            for (int od = 0; od < g.OutD; od++)
            {
                var depths = g.Depths(od);
                int d0 = depths.Start, d1 = depths.End;
                for (int oh = 0; oh < g.OutH; oh++)
                {
                    var rows = g.Rows(oh);
                    int h0 = rows.Start, h1 = rows.End;
                    for (int ow = 0; ow < g.OutW; ow++)
                    {
                        var cols = g.Cols(ow);
                        int w0 = cols.Start, w1 = cols.End;
                        if (d0 >= d1 || h0 >= h1 || w0 >= w1) continue;
                        T share = gradOut[gb + ((long)od * g.OutH + oh) * g.OutW + ow] / T.CreateTruncating(g.AvgDivisor(od, oh, ow));
                        for (int d = d0; d < d1; d++)
                            for (int h = h0; h < h1; h++)
                            {
                                long row = ib + d * inHW + (long)h * g.InW;
                                for (int w = w0; w < w1; w++) gradIn[row + w] += share;
                            }
                    }
                }
            }
        });
    }

    private static void ForPlanes(PoolGeometry g, Action<long> plane)
    {
        long work = (long)g.Planes * Math.Max(g.InPlane, g.OutPlane);
        if (work < ParallelMin || Parallelism.IntraOpThreads <= 1)
        {
            for (long p = 0; p < g.Planes; p++) plane(p);
            return;
        }
        int chunks = Math.Min(g.Planes, Environment.ProcessorCount * 4);
        Parallel.For(0, chunks, Parallelism.LoopOptions, c =>
        {
            long from = (long)g.Planes * c / chunks, to = (long)g.Planes * (c + 1) / chunks;
            for (long p = from; p < to; p++) plane(p);
        });
    }
}
