using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>Cholesky A = L Lᵀ (LAPACK potrf, lower) on a dense row-major n×n matrix, reading only A's lower triangle.</summary>
internal static class CholeskyKernels
{
    /// <summary>
    /// Writes L (zeros above the diagonal) over the matrix at <paramref name="o"/>; returns 0, or the order of the
    /// first leading minor that is not positive-definite (LAPACK's info), leaving the rest undefined.
    /// </summary>
    public static int Factor<T>(T[] a, int o, int n) where T : IFloatingPointIeee754<T>
    {
        for (int j = 0; j < n; j++)
        {
            var d = a[o + j * n + j];
            for (int k = 0; k < j; k++) d -= a[o + j * n + k] * a[o + j * n + k];
            if (!(d > T.Zero)) return j + 1;
            d = T.Sqrt(d);
            a[o + j * n + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                var s = a[o + i * n + j];
                for (int k = 0; k < j; k++) s -= a[o + i * n + k] * a[o + j * n + k];
                a[o + i * n + j] = s / d;
            }
            for (int i = 0; i < j; i++) a[o + i * n + j] = T.Zero;
        }
        return 0;
    }
}
