using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>
/// Row sorts over a dense [rows, n] block: each row's positions are sorted by (key, position), so the
/// sort is stable in both directions; NaN counts as the largest key, as in PyTorch.
/// </summary>
internal static class SortKernels
{
    public static void Sort<T>(T[] x, int rows, int n, T[] values, long[] indices, bool descending) where T : struct, INumber<T>
    {
        if (n == 0) return;
        Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = rows * (long)n < 32768 ? 1 : Math.Max(1, Parallelism.IntraOpThreads) }, r =>
        {
            int start = r * n;
            var order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Array.Sort(order, (a, b) =>
            {
                int c = Compare(x[start + a], x[start + b]);
                if (descending) c = -c;
                return c != 0 ? c : a.CompareTo(b);
            });
            for (int i = 0; i < n; i++)
            {
                values[start + i] = x[start + order[i]];
                indices[start + i] = order[i];
            }
        });
    }

    /// <summary>Total order with NaN above every number (NaNs equal to each other).</summary>
    public static int Compare<T>(T a, T b) where T : struct, INumber<T>
    {
        bool na = T.IsNaN(a), nb = T.IsNaN(b);
        if (na || nb) return na == nb ? 0 : na ? 1 : -1;
        return a < b ? -1 : a > b ? 1 : 0;
    }
}
