using System.Numerics;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>
/// Row sorts and scans over a dense [rows, n] block, one thread per row: the sort is an insertion
/// sort (stable, NaN above every number, as the CPU's), the scan a running sum or product.
/// </summary>
internal static class SequenceKernels
{
    public static void SortRows<T>(Index1D row, ArrayView<T> x, ArrayView<T> values, ArrayView<long> indices, int n, int descending)
        where T : unmanaged, INumber<T>
    {
        long start = (long)row.X * n;
        for (int i = 0; i < n; i++)
        {
            T v = x[start + i];
            int j = i;
            while (j > 0 && Before(v, values[start + j - 1], descending))
            {
                values[start + j] = values[start + j - 1];
                indices[start + j] = indices[start + j - 1];
                j--;
            }
            values[start + j] = v;
            indices[start + j] = i;
        }
    }

    /// <summary>Whether <paramref name="a"/> goes strictly before <paramref name="b"/> (equal keys never do: stable).</summary>
    private static bool Before<T>(T a, T b, int descending) where T : unmanaged, INumber<T>
    {
        bool na = T.IsNaN(a), nb = T.IsNaN(b);
        int c = na || nb ? (na == nb ? 0 : na ? 1 : -1) : a < b ? -1 : a > b ? 1 : 0;
        return descending != 0 ? c > 0 : c < 0;
    }

    public static void ScanRows<T>(Index1D row, ArrayView<T> x, ArrayView<T> o, int n, int prod, int reverse)
        where T : unmanaged, INumber<T>
    {
        long start = (long)row.X * n;
        T acc = prod != 0 ? T.One : T.Zero;
        for (int j = 0; j < n; j++)
        {
            long i = start + (reverse != 0 ? n - 1 - j : j);
            acc = prod != 0 ? acc * x[i] : acc + x[i];
            o[i] = acc;
        }
    }
}
