using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>
/// Householder QR of a dense row-major m×n matrix with LAPACK's conventions (geqrf's reflectors
/// H = I - τ v vᵀ with v₀ = 1 and β = -sign(α)‖x‖, orgqr's accumulation), so Q and R match LAPACK's signs.
/// </summary>
internal static class QrKernels
{
    /// <summary>
    /// Factors the m×n matrix at <paramref name="ao"/> of <paramref name="a"/> in place (R on and above the
    /// diagonal, the reflectors below) and writes the k = min(m, n) scalars τ at <paramref name="tau"/>[0..k).
    /// </summary>
    public static void Factor<T>(T[] a, int ao, int m, int n, T[] tau) where T : IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        for (int j = 0; j < k; j++)
        {
            var alpha = a[ao + j * n + j];
            T xnorm = T.Zero, scale = T.Zero;
            for (int i = j + 1; i < m; i++) scale = T.Max(scale, T.Abs(a[ao + i * n + j]));
            if (scale > T.Zero)
            {
                for (int i = j + 1; i < m; i++) { var v = a[ao + i * n + j] / scale; xnorm += v * v; }
                xnorm = scale * T.Sqrt(xnorm);
            }
            if (xnorm == T.Zero) { tau[j] = T.Zero; continue; }
            var beta = -T.CopySign(T.Hypot(alpha, xnorm), alpha);
            tau[j] = (beta - alpha) / beta;
            var inv = T.One / (alpha - beta);
            for (int i = j + 1; i < m; i++) a[ao + i * n + j] *= inv;
            a[ao + j * n + j] = beta;
            // apply H to the trailing columns: A[j:, c] -= τ v (vᵀ A[j:, c])
            for (int c = j + 1; c < n; c++)
            {
                var s = a[ao + j * n + c];
                for (int i = j + 1; i < m; i++) s += a[ao + i * n + j] * a[ao + i * n + c];
                s *= tau[j];
                a[ao + j * n + c] -= s;
                for (int i = j + 1; i < m; i++) a[ao + i * n + c] -= s * a[ao + i * n + j];
            }
        }
    }

    /// <summary>Forms the first <paramref name="cols"/> columns of Q = H₀ H₁ … from the factored matrix, into q (m×cols) at qo.</summary>
    public static void FormQ<T>(T[] a, int ao, int m, int n, T[] tau, T[] q, int qo, int cols) where T : IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        for (int i = 0; i < m; i++)
            for (int c = 0; c < cols; c++) q[qo + i * cols + c] = i == c ? T.One : T.Zero;
        for (int j = k - 1; j >= 0; j--)
        {
            if (tau[j] == T.Zero) continue;
            for (int c = j; c < cols; c++)
            {
                var s = q[qo + j * cols + c];
                for (int i = j + 1; i < m; i++) s += a[ao + i * n + j] * q[qo + i * cols + c];
                s *= tau[j];
                q[qo + j * cols + c] -= s;
                for (int i = j + 1; i < m; i++) q[qo + i * cols + c] -= s * a[ao + i * n + j];
            }
        }
    }

    /// <summary>Copies the top <paramref name="rows"/> rows of R (zeros below the diagonal) into r (rows×n) at ro.</summary>
    public static void CopyR<T>(T[] a, int ao, int n, T[] r, int ro, int rows) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows; i++)
            for (int c = 0; c < n; c++) r[ro + i * n + c] = c >= i ? a[ao + i * n + c] : T.Zero;
    }
}
