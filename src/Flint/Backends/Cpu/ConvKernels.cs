using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>
/// im2col and col2im on the host: the data movement that turns a convolution into one GEMM per image
/// (<see cref="MatMulKernels"/>). Each (image, channel) pair is an independent task: im2col writes the
/// channel's KD·KH·KW rows of col, col2im accumulates them into the channel's plane, so both split over
/// cores without races and give the same bits whatever the thread count. Rows are copied as spans where
/// the stride along W is 1, with the padded edges cleared rather than tested per element.
/// </summary>
internal static class ConvKernels
{
    /// <summary>Below this many col elements a call stays on the calling thread.</summary>
    private const long ParallelThreshold = 1 << 16;

    public static void Im2Col<T>(ConvGeometry g, T[] x, long xOffset, T[] col) where T : unmanaged, INumberBase<T>
    {
        int tasks = g.N * g.C;
        ForTasks(tasks, g.ColNumel, task => Im2ColChannel(g, x, xOffset + (long)task * g.InPlane, col, (long)task * g.Taps * g.OutPlane));
    }

    public static void Col2Im<T>(ConvGeometry g, T[] col, long colOffset, T[] x) where T : unmanaged, INumberBase<T>
    {
        int tasks = g.N * g.C;
        ForTasks(tasks, g.ColNumel, task => Col2ImChannel(g, col, colOffset + (long)task * g.Taps * g.OutPlane, x, (long)task * g.InPlane));
    }

    private static void ForTasks(int tasks, long work, Action<int> body)
    {
        int threads = work < ParallelThreshold ? 1 : Math.Min(Gemm.MaxThreads, tasks);
        if (threads < 2)
        {
            for (int i = 0; i < tasks; i++) body(i);
            return;
        }
        int chunks = Math.Min(tasks, threads * 4);
        GemmParallel.For(chunks, threads, c =>
        {
            int start = (int)((long)tasks * c / chunks), end = (int)((long)tasks * (c + 1) / chunks);
            for (int i = start; i < end; i++) body(i);
        });
    }

    /// <summary>The first output index o in [0, outSize) with 0 ≤ o·s − p + k·d, and one past the last with o·s − p + k·d &lt; inSize.</summary>
    private static (int lo, int hi) ValidRange(int outSize, int inSize, int s, int p, int kOffset)
    {
        int shift = p - kOffset; // need o*s >= shift and o*s <= inSize - 1 + shift
        int lo = shift <= 0 ? 0 : (shift + s - 1) / s;
        int last = inSize - 1 + shift;
        int hi = last < 0 ? 0 : last / s + 1;
        lo = Math.Min(lo, outSize);
        hi = Math.Clamp(hi, lo, outSize);
        return (lo, hi);
    }

    private static void Im2ColChannel<T>(ConvGeometry g, T[] x, long xBase, T[] col, long colBase) where T : unmanaged, INumberBase<T>
    {
        var src = x.AsSpan();
        var dst = col.AsSpan();
        int L = g.OutPlane;
        long row = colBase;
        for (int kd = 0; kd < g.KD; kd++)
            for (int kh = 0; kh < g.KH; kh++)
                for (int kw = 0; kw < g.KW; kw++, row += L)
                {
                    var (wlo, whi) = ValidRange(g.OW, g.IW, g.SW, g.PW, kw * g.DW);
                    int woff = kw * g.DW - g.PW;
                    for (int od = 0; od < g.OD; od++)
                    {
                        int id = od * g.SD - g.PD + kd * g.DD;
                        for (int oh = 0; oh < g.OH; oh++)
                        {
                            var seg = dst.Slice((int)(row + ((long)od * g.OH + oh) * g.OW), g.OW);
                            int ih = oh * g.SH - g.PH + kh * g.DH;
                            if ((uint)id >= (uint)g.ID || (uint)ih >= (uint)g.IH || whi <= wlo)
                            {
                                seg.Clear();
                                continue;
                            }
                            long line = xBase + ((long)id * g.IH + ih) * g.IW;
                            seg[..wlo].Clear();
                            seg[whi..].Clear();
                            if (g.SW == 1)
                                src.Slice((int)(line + wlo + woff), whi - wlo).CopyTo(seg[wlo..whi]);
                            else
                                for (int ow = wlo; ow < whi; ow++) seg[ow] = src[(int)(line + ow * g.SW + woff)];
                        }
                    }
                }
    }

    private static void Col2ImChannel<T>(ConvGeometry g, T[] col, long colBase, T[] x, long xBase) where T : unmanaged, INumberBase<T>
    {
        var src = col.AsSpan();
        var dst = x.AsSpan();
        dst.Slice((int)xBase, g.InPlane).Clear();
        int L = g.OutPlane;
        long row = colBase;
        for (int kd = 0; kd < g.KD; kd++)
            for (int kh = 0; kh < g.KH; kh++)
                for (int kw = 0; kw < g.KW; kw++, row += L)
                {
                    var (wlo, whi) = ValidRange(g.OW, g.IW, g.SW, g.PW, kw * g.DW);
                    if (whi <= wlo) continue;
                    int woff = kw * g.DW - g.PW;
                    for (int od = 0; od < g.OD; od++)
                    {
                        int id = od * g.SD - g.PD + kd * g.DD;
                        if ((uint)id >= (uint)g.ID) continue;
                        for (int oh = 0; oh < g.OH; oh++)
                        {
                            int ih = oh * g.SH - g.PH + kh * g.DH;
                            if ((uint)ih >= (uint)g.IH) continue;
                            var seg = src.Slice((int)(row + ((long)od * g.OH + oh) * g.OW), g.OW);
                            long line = xBase + ((long)id * g.IH + ih) * g.IW;
                            if (g.SW == 1)
                            {
                                var d = dst.Slice((int)(line + wlo + woff), whi - wlo);
                                var s = seg[wlo..whi];
                                for (int i = 0; i < d.Length; i++) d[i] += s[i];
                            }
                            else
                                for (int ow = wlo; ow < whi; ow++) dst[(int)(line + ow * g.SW + woff)] += seg[ow];
                        }
                    }
                }
    }
}
