using System.Numerics;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>
/// Row sorts and scans over a dense [rows, n] block, one thread per row: the sort is stable with NaN above every
/// number, as the CPU's (insertion for short rows, merge sort for long ones), the scan a running sum or product.
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

    /// <summary>Rows this long or shorter sort by insertion; longer ones by <see cref="MergeSortRows{T}"/>.</summary>
    public const int InsertionMax = 32;

    /// <summary>
    /// A stable bottom-up merge sort of each row, one thread per row: O(n log n) where the insertion sort is O(n²)
    /// (a 10⁶-element row would take hours that way). Runs of width 1, 2, 4, ... merge back and forth between the
    /// outputs and a scratch pair of the same shape; a tie takes the left run's element first, so equal keys keep their order.
    /// </summary>
    public static void MergeSortRows<T>(Index1D row, ArrayView<T> x, ArrayView<T> values, ArrayView<long> indices,
        ArrayView<T> scratchValues, ArrayView<long> scratchIndices, int n, int descending)
        where T : unmanaged, INumber<T>
    {
        long start = (long)row.X * n;
        for (int i = 0; i < n; i++)
        {
            values[start + i] = x[start + i];
            indices[start + i] = i;
        }
        bool inScratch = false;
        for (int width = 1; width < n; width *= 2)
        {
            if (inScratch) MergePass(scratchValues, scratchIndices, values, indices, start, n, width, descending);
            else MergePass(values, indices, scratchValues, scratchIndices, start, n, width, descending);
            inScratch = !inScratch;
        }
        if (inScratch)
            for (int i = 0; i < n; i++)
            {
                values[start + i] = scratchValues[start + i];
                indices[start + i] = scratchIndices[start + i];
            }
    }

    private static void MergePass<T>(ArrayView<T> fromV, ArrayView<long> fromI, ArrayView<T> toV, ArrayView<long> toI,
        long start, int n, int width, int descending) where T : unmanaged, INumber<T>
    {
        for (int lo = 0; lo < n; lo += 2 * width)
        {
            int mid = lo + width < n ? lo + width : n;
            int hi = lo + 2 * width < n ? lo + 2 * width : n;
            int a = lo, b = mid;
            for (int k = lo; k < hi; k++)
            {
                bool takeRight = a >= mid || (b < hi && Before(fromV[start + b], fromV[start + a], descending));
                int src = takeRight ? b : a;
                toV[start + k] = fromV[start + src];
                toI[start + k] = fromI[start + src];
                if (takeRight) b++; else a++;
            }
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
