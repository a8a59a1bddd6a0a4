using System.Numerics;
using System.Runtime.Intrinsics;

namespace Flint.Backends.Cpu;

/// <summary>
/// Layer normalisation over the rows of a dense [rows, n] block, as PyTorch's LayerNormKernelImpl and
/// LayerNormBackwardKernelImpl: per row the mean, then the biased variance around it (two passes over a row that
/// sits in L1), then y = (x·rstd − mean·rstd)·w + b in one pass. The backward takes ds = Σ g·w·x and db = Σ g·w per
/// row and writes gx = rstd·g·w + b′·x + c′ (b′ = (db·mean − ds)·rstd³/n, c′ = −b′·mean − db·rstd/n), while the weight
/// and bias gradients add up per column. Vectorised over Vector256; large blocks split their rows over the cores in
/// a fixed number of chunks, each with its own column partials summed in chunk order, so results do not depend on
/// scheduling.
/// </summary>
internal static class LayerNormKernels
{
    private const long ParallelMinElements = 1 << 15;

    private static int Chunks(int rows, int n) => (long)rows * n < ParallelMinElements ? 1 : Math.Min(rows, Environment.ProcessorCount);

    private static (int Start, int Count) Range(int chunk, int chunks, int rows)
    {
        int per = rows / chunks, extra = rows % chunks;
        int start = chunk * per + Math.Min(chunk, extra);
        return (start, per + (chunk < extra ? 1 : 0));
    }

    private static T Sum<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0, w = Vector256<T>.Count;
        var acc = Vector256<T>.Zero;
        for (; i <= n - w; i += w) acc += Vector256.Create(x.Slice(i, w));
        T s = Vector256.Sum(acc);
        for (; i < n; i++) s += x[i];
        return s;
    }

    private static T SquaredDeviation<T>(ReadOnlySpan<T> x, T mean) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0, w = Vector256<T>.Count;
        var acc = Vector256<T>.Zero;
        var m = Vector256.Create(mean);
        for (; i <= n - w; i += w)
        {
            var d = Vector256.Create(x.Slice(i, w)) - m;
            acc += d * d;
        }
        T s = Vector256.Sum(acc);
        for (; i < n; i++) { T d = x[i] - mean; s += d * d; }
        return s;
    }

    public static void Forward<T>(T[] x, long xOffset, T[]? w, long wOffset, T[]? b, long bOffset, int rows, int n, T eps, T[] y, T[] mean, T[] rstd)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int chunks = Chunks(rows, n);
        void Run(int chunk)
        {
            var (start, count) = Range(chunk, chunks, rows);
            ReadOnlySpan<T> wv = w is null ? default : w.AsSpan((int)wOffset, n), bv = b is null ? default : b.AsSpan((int)bOffset, n);
            T invN = T.One / T.CreateTruncating(n);
            int vw = Vector256<T>.Count;
            for (int r = start; r < start + count; r++)
            {
                var xr = new ReadOnlySpan<T>(x, (int)(xOffset + (long)r * n), n);
                var yr = new Span<T>(y, r * n, n);
                T m = Sum(xr) * invN;
                T v = SquaredDeviation(xr, m) * invN;
                T rs = T.One / T.Sqrt(v + eps);
                mean[r] = m;
                rstd[r] = rs;
                T shift = -m * rs;
                var sv = Vector256.Create(rs);
                var hv = Vector256.Create(shift);
                int i = 0;
                for (; i <= n - vw; i += vw)
                {
                    var o = Vector256.Create(xr.Slice(i, vw)) * sv + hv;
                    if (w is not null) o *= Vector256.Create(wv.Slice(i, vw));
                    if (b is not null) o += Vector256.Create(bv.Slice(i, vw));
                    o.CopyTo(yr.Slice(i, vw));
                }
                for (; i < n; i++)
                {
                    T o = xr[i] * rs + shift;
                    if (w is not null) o *= wv[i];
                    if (b is not null) o += bv[i];
                    yr[i] = o;
                }
            }
        }
        if (chunks == 1) Run(0);
        else GemmParallel.For(chunks, chunks, Run);
    }

    public static void Backward<T>(T[] g, long gOffset, T[] x, long xOffset, T[] mean, T[] rstd, T[]? w, long wOffset, int rows, int n,
        T[] gx, T[]? gw, T[]? gb) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int chunks = Chunks(rows, n);
        bool columns = gw is not null || gb is not null;
        // Chunk 0 accumulates straight into gw/gb; the others into their own partials, added in chunk order.
        var partW = new T[chunks][];
        var partB = new T[chunks][];
        if (gw is not null) { Array.Clear(gw, 0, n); partW[0] = gw; }
        if (gb is not null) { Array.Clear(gb, 0, n); partB[0] = gb; }
        for (int c = 1; c < chunks && columns; c++)
        {
            if (gw is not null) partW[c] = new T[n];
            if (gb is not null) partB[c] = new T[n];
        }
        void Run(int chunk)
        {
            var (start, count) = Range(chunk, chunks, rows);
            ReadOnlySpan<T> wv = w is null ? default : w.AsSpan((int)wOffset, n);
            var pw = partW[chunk];
            var pb = partB[chunk];
            T invN = T.One / T.CreateTruncating(n);
            int vw = Vector256<T>.Count;
            for (int r = start; r < start + count; r++)
            {
                var gr = new ReadOnlySpan<T>(g, (int)(gOffset + (long)r * n), n);
                var xr = new ReadOnlySpan<T>(x, (int)(xOffset + (long)r * n), n);
                var gxr = new Span<T>(gx, r * n, n);
                T m = mean[r], a = rstd[r];
                // ds = Σ g·w·x, db = Σ g·w.
                var dsv = Vector256<T>.Zero;
                var dbv = Vector256<T>.Zero;
                int i = 0;
                for (; i <= n - vw; i += vw)
                {
                    var gw8 = Vector256.Create(gr.Slice(i, vw));
                    if (w is not null) gw8 *= Vector256.Create(wv.Slice(i, vw));
                    dsv += gw8 * Vector256.Create(xr.Slice(i, vw));
                    dbv += gw8;
                }
                T ds = Vector256.Sum(dsv), db = Vector256.Sum(dbv);
                for (; i < n; i++)
                {
                    T gwi = w is null ? gr[i] : gr[i] * wv[i];
                    ds += gwi * xr[i];
                    db += gwi;
                }
                T bq = (db * m - ds) * a * a * a * invN;
                T cq = -bq * m - db * a * invN;
                var av = Vector256.Create(a);
                var bqv = Vector256.Create(bq);
                var cqv = Vector256.Create(cq);
                var mv = Vector256.Create(m);
                i = 0;
                for (; i <= n - vw; i += vw)
                {
                    var gi = Vector256.Create(gr.Slice(i, vw));
                    var xi = Vector256.Create(xr.Slice(i, vw));
                    var gwi = w is null ? gi : gi * Vector256.Create(wv.Slice(i, vw));
                    (av * gwi + bqv * xi + cqv).CopyTo(gxr.Slice(i, vw));
                    if (pw is not null) (Vector256.Create<T>(pw.AsSpan(i, vw)) + gi * ((xi - mv) * av)).CopyTo(pw.AsSpan(i, vw));
                    if (pb is not null) (Vector256.Create<T>(pb.AsSpan(i, vw)) + gi).CopyTo(pb.AsSpan(i, vw));
                }
                for (; i < n; i++)
                {
                    T gwi = w is null ? gr[i] : gr[i] * wv[i];
                    gxr[i] = a * gwi + bq * xr[i] + cq;
                    if (pw is not null) pw[i] += gr[i] * ((xr[i] - m) * a);
                    if (pb is not null) pb[i] += gr[i];
                }
            }
        }
        if (chunks == 1) Run(0);
        else GemmParallel.For(chunks, chunks, Run);
        for (int c = 1; c < chunks && columns; c++)
        {
            if (gw is not null) TensorAdd(gw, partW[c]);
            if (gb is not null) TensorAdd(gb, partB[c]);
        }
    }

    private static void TensorAdd<T>(T[] acc, T[] part) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < acc.Length && i < part.Length; i++) acc[i] += part[i];
    }
}
