using System.Numerics.Tensors;

namespace Flint.Backends.Cpu;

/// <summary>
/// Row reductions over a dense [rows, n] block: the op layer moves the reduced dims last and
/// makes them contiguous, so every reduction here is a loop over rows of a span.
/// Floating blocks arrive as float or double, integer ones as long.
/// </summary>
internal static class ReductionKernels
{
    public enum Kind { Sum, Prod, Max, Min, ArgMax, ArgMin, All, Any }

    public static void Sum(float[] x, int rows, int n, float[] o)
    {
        for (int r = 0; r < rows; r++) o[r] = TensorPrimitives.Sum(new ReadOnlySpan<float>(x, r * n, n));
    }

    public static void Sum(double[] x, int rows, int n, double[] o)
    {
        for (int r = 0; r < rows; r++) o[r] = TensorPrimitives.Sum(new ReadOnlySpan<double>(x, r * n, n));
    }

    /// <summary>o[j] = Σ_i x[offset + i·inner + j]: rows added vectorised across j, in groups (see <see cref="IBackend.SumOuter"/>).</summary>
    public static void SumOuter<T>(T[] x, long offset, int outer, int inner, T[] o) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var total = o.AsSpan(0, inner);
        total.Clear();
        var partial = System.Buffers.ArrayPool<T>.Shared.Rent(inner);
        var p = partial.AsSpan(0, inner);
        for (int start = 0; start < outer; start += IBackend.SumOuterGroup)
        {
            int end = Math.Min(outer, start + IBackend.SumOuterGroup);
            new ReadOnlySpan<T>(x, checked((int)(offset + (long)start * inner)), inner).CopyTo(p);
            for (int i = start + 1; i < end; i++)
                TensorPrimitives.Add(p, new ReadOnlySpan<T>(x, checked((int)(offset + (long)i * inner)), inner), p);
            TensorPrimitives.Add(total, p, total);
        }
        System.Buffers.ArrayPool<T>.Shared.Return(partial);
    }

    public static void Sum(long[] x, int rows, int n, long[] o)
    {
        for (int r = 0; r < rows; r++)
        {
            long s = 0;
            for (int i = r * n, e = i + n; i < e; i++) s += x[i];
            o[r] = s;
        }
    }

    public static void Prod<T>(T[] x, int rows, int n, T[] o) where T : System.Numerics.INumber<T>
    {
        for (int r = 0; r < rows; r++)
        {
            T p = T.One;
            for (int i = r * n, e = i + n; i < e; i++) p *= x[i];
            o[r] = p;
        }
    }

    /// <summary>Max or min per row with the index of the first extreme; NaN wins (first NaN's index).</summary>
    public static void Extreme<T>(T[] x, int rows, int n, T[] values, long[] indices, bool max) where T : System.Numerics.INumber<T>
    {
        for (int r = 0; r < rows; r++)
        {
            int start = r * n;
            T best = x[start];
            long bi = 0;
            if (!T.IsNaN(best))
            {
                for (int i = 1; i < n; i++)
                {
                    T v = x[start + i];
                    if (T.IsNaN(v)) { best = v; bi = i; break; }
                    if (max ? v > best : v < best) { best = v; bi = i; }
                }
            }
            values[r] = best;
            indices[r] = bi;
        }
    }

    public static void AllAny(bool[] x, int rows, int n, bool[] o, bool all)
    {
        for (int r = 0; r < rows; r++)
        {
            var span = new ReadOnlySpan<bool>(x, r * n, n);
            o[r] = all ? !span.Contains(false) : span.Contains(true);
        }
    }
}
