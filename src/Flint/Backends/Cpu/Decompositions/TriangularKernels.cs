using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>
/// Triangular solves (LAPACK trtrs/BLAS trsm, left side) and the LU factorization of rectangular matrices (getrf) on
/// dense row-major matrices. A zero diagonal element is not an error here: the division gives inf/nan as LAPACK's does.
/// </summary>
internal static class TriangularKernels
{
    /// <summary>
    /// Solves T X = B in place of the n×k right-hand sides at <paramref name="bo"/>, T the upper or lower triangle of the
    /// n×n matrix at <paramref name="o"/> (its diagonal taken as ones when <paramref name="unit"/>).
    /// </summary>
    public static void Solve<T>(T[] a, int o, int n, bool upper, bool unit, T[] b, int bo, int k) where T : IFloatingPointIeee754<T>
    {
        if (upper)
        {
            for (int i = n - 1; i >= 0; i--)
            {
                for (int r = i + 1; r < n; r++)
                {
                    var u = a[o + i * n + r];
                    if (u == T.Zero) continue;
                    for (int j = 0; j < k; j++) b[bo + i * k + j] -= u * b[bo + r * k + j];
                }
                if (!unit)
                {
                    var d = a[o + i * n + i];
                    for (int j = 0; j < k; j++) b[bo + i * k + j] /= d;
                }
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                for (int r = 0; r < i; r++)
                {
                    var l = a[o + i * n + r];
                    if (l == T.Zero) continue;
                    for (int j = 0; j < k; j++) b[bo + i * k + j] -= l * b[bo + r * k + j];
                }
                if (!unit)
                {
                    var d = a[o + i * n + i];
                    for (int j = 0; j < k; j++) b[bo + i * k + j] /= d;
                }
            }
        }
    }

    /// <summary>
    /// getrf on the m×n matrix at <paramref name="o"/>, in place (L unit lower below the diagonal, U on and above);
    /// pivots[i] is the 0-based row swapped with row i (min(m, n) of them); returns LAPACK's info (first zero pivot, 1-based).
    /// </summary>
    public static int LuFactor<T>(T[] a, int o, int m, int n, int[] pivots) where T : IFloatingPointIeee754<T>
    {
        int info = 0, kmax = Math.Min(m, n);
        for (int k = 0; k < kmax; k++)
        {
            int p = k;
            T best = T.Abs(a[o + k * n + k]);
            for (int i = k + 1; i < m; i++)
            {
                var v = T.Abs(a[o + i * n + k]);
                if (v > best || (T.IsNaN(v) && !T.IsNaN(best))) { best = v; p = i; }
            }
            pivots[k] = p;
            if (p != k)
                for (int j = 0; j < n; j++) (a[o + k * n + j], a[o + p * n + j]) = (a[o + p * n + j], a[o + k * n + j]);
            var pivot = a[o + k * n + k];
            if (pivot == T.Zero)
            {
                if (info == 0) info = k + 1;
                continue;
            }
            for (int i = k + 1; i < m; i++)
            {
                var l = a[o + i * n + k] / pivot;
                a[o + i * n + k] = l;
                if (l == T.Zero) continue;
                for (int j = k + 1; j < n; j++) a[o + i * n + j] -= l * a[o + k * n + j];
            }
        }
        return info;
    }
}
