using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>
/// LU with partial pivoting (LAPACK getrf's unblocked algorithm) on dense row-major n×n matrices, and the
/// determinant and the solve that use it. A zero pivot does not stop the factorization; its 1-based index is
/// reported as LAPACK's info, which PyTorch turns into its "diagonal element k is zero" errors.
/// </summary>
internal static class LuKernels
{
    /// <summary>Factors the matrix at <paramref name="o"/> in place (L below the diagonal, unit; U on and above); returns info.</summary>
    public static int Factor<T>(T[] a, int o, int n, int[] pivots) where T : IFloatingPointIeee754<T> =>
        TriangularKernels.LuFactor(a, o, n, n, pivots); // the square case of the rectangular factorisation

    /// <summary>Solves A X = B for the n×k right-hand sides at <paramref name="bo"/>, given A's factors.</summary>
    public static void Solve<T>(T[] lu, int o, int n, int[] pivots, T[] b, int bo, int k) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            int p = pivots[i];
            if (p != i)
                for (int j = 0; j < k; j++) (b[bo + i * k + j], b[bo + p * k + j]) = (b[bo + p * k + j], b[bo + i * k + j]);
        }
        for (int i = 1; i < n; i++) // L y = P b (unit lower)
            for (int r = 0; r < i; r++)
            {
                var l = lu[o + i * n + r];
                if (l == T.Zero) continue;
                for (int j = 0; j < k; j++) b[bo + i * k + j] -= l * b[bo + r * k + j];
            }
        for (int i = n - 1; i >= 0; i--) // U x = y
        {
            for (int r = i + 1; r < n; r++)
            {
                var u = lu[o + i * n + r];
                if (u == T.Zero) continue;
                for (int j = 0; j < k; j++) b[bo + i * k + j] -= u * b[bo + r * k + j];
            }
            var d = lu[o + i * n + i];
            for (int j = 0; j < k; j++) b[bo + i * k + j] /= d;
        }
    }

    /// <summary>The determinant, its sign and log|det| from the factors: the product of U's diagonal and the permutation's sign.</summary>
    public static (T det, T sign, T logAbs) Determinant<T>(T[] lu, int o, int n, int[] pivots) where T : IFloatingPointIeee754<T>
    {
        T det = T.One, sign = T.One, logAbs = T.Zero;
        for (int i = 0; i < n; i++)
        {
            var d = lu[o + i * n + i];
            if (pivots[i] != i) { det = -det; sign = -sign; }
            det *= d;
            sign *= d > T.Zero ? T.One : d < T.Zero ? -T.One : d == T.Zero ? T.Zero : d;
            logAbs += T.Log(T.Abs(d));
        }
        return (det, sign, logAbs);
    }
}
