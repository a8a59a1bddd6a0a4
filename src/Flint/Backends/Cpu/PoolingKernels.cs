using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>
/// Pooling over dense planes (<see cref="PoolGeometry"/>): one pass per output plane, planes in
/// parallel when there is enough work. Max windows keep the first maximum, a NaN replacing it
/// (PyTorch's <c>val &gt; max || isnan(val)</c>); indices are flat positions within the input plane.
/// </summary>
internal static class PoolingKernels
{
    /// <summary>Below this many input elements a pooling runs on the calling thread.</summary>
    private const long ParallelMin = 32 * 1024;

    public static void Forward<T>(PoolGeometry g, T[] x, long xOffset, T[] y, long[]? indices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.Planes == 0 || g.OutPlane == 0) return;
        ForPlanes(g, p =>
        {
            long xb = xOffset + p * g.InPlane, yb = p * g.OutPlane;
            for (int oh = 0; oh < g.OutH; oh++)
            {
                var rows = g.Rows(oh);
                int h0 = rows.Start, h1 = rows.End, hs = rows.Step;
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    var cols = g.Cols(ow);
                    int w0 = cols.Start, w1 = cols.End, ws = cols.Step;
                    long o = yb + (long)oh * g.OutW + ow;
                    if (g.IsMax)
                    {
                        T best = T.NegativeInfinity;
                        long bi = (long)h0 * g.InW + w0;
                        for (int h = h0; h < h1; h += hs)
                            for (int w = w0; w < w1; w += ws)
                            {
                                long i = (long)h * g.InW + w;
                                T v = x[xb + i];
                                if (v > best || T.IsNaN(v)) { best = v; bi = i; }
                            }
                        y[o] = best;
                        indices![o] = bi;
                    }
                    else if (h0 >= h1 || w0 >= w1) y[o] = T.Zero;
                    else
                    {
                        T sum = T.Zero;
                        for (int h = h0; h < h1; h++)
                        {
                            long row = xb + (long)h * g.InW;
                            for (int w = w0; w < w1; w++) sum += x[row + w];
                        }
                        y[o] = sum / T.CreateTruncating(g.AvgDivisor(oh, ow));
                    }
                }
            }
        });
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
            for (int oh = 0; oh < g.OutH; oh++)
            {
                var rows = g.Rows(oh);
                int h0 = rows.Start, h1 = rows.End;
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    var cols = g.Cols(ow);
                    int w0 = cols.Start, w1 = cols.End;
                    if (h0 >= h1 || w0 >= w1) continue;
                    T share = gradOut[gb + (long)oh * g.OutW + ow] / T.CreateTruncating(g.AvgDivisor(oh, ow));
                    for (int h = h0; h < h1; h++)
                    {
                        long row = ib + (long)h * g.InW;
                        for (int w = w0; w < w1; w++) gradIn[row + w] += share;
                    }
                }
            }
        });
    }

    private static void ForPlanes(PoolGeometry g, Action<long> plane)
    {
        long work = (long)g.Planes * Math.Max(g.InPlane, g.OutPlane);
        if (work < ParallelMin || Environment.ProcessorCount == 1)
        {
            for (long p = 0; p < g.Planes; p++) plane(p);
            return;
        }
        int chunks = Math.Min(g.Planes, Environment.ProcessorCount * 4);
        Parallel.For(0, chunks, c =>
        {
            long from = (long)g.Planes * c / chunks, to = (long)g.Planes * (c + 1) / chunks;
            for (long p = from; p < to; p++) plane(p);
        });
    }
}
