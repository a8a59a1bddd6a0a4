using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>
/// The Bunch–Kaufman LDLᵀ factorization of a real symmetric matrix, as LAPACK's unblocked sytf2 with uplo = 'L' (what
/// sytrf runs for matrices narrower than its block size), and the solve with it (sytrs): the same pivot choices,
/// interchanges and 1-based pivot convention (k for a 1×1 block, −p on both rows of a 2×2 block), so the factors equal
/// PyTorch's. Matrices are dense row-major n×n at an offset; only the lower triangle is read.
/// </summary>
internal static class LdlKernels
{
    /// <summary>Factors in place; returns LAPACK's info (0, or the first 1-based k whose block D(k,k) is exactly zero).</summary>
    public static int Factor<T>(T[] a, int off, int n, int[] ipiv) where T : IFloatingPointIeee754<T>
    {
        T alpha = (T.One + T.Sqrt(T.CreateTruncating(17.0))) / T.CreateTruncating(8.0);
        int info = 0;
        ref T A(int i, int j) => ref a[off + i * n + j];
        int k = 0;
        while (k < n)
        {
            int kstep = 1, kp;
            T absakk = T.Abs(A(k, k));
            int imax = k;
            T colmax = T.Zero;
            if (k < n - 1)
            {
                imax = k + 1;
                colmax = T.Abs(A(k + 1, k));
                for (int i = k + 2; i < n; i++)
                    if (T.Abs(A(i, k)) > colmax) { colmax = T.Abs(A(i, k)); imax = i; }
            }
            if (T.Max(absakk, colmax) == T.Zero || T.IsNaN(absakk))
            {
                if (info == 0) info = k + 1;
                kp = k;
            }
            else
            {
                if (absakk >= alpha * colmax) kp = k;
                else
                {
                    // The largest off-diagonal magnitude in row/column imax.
                    int jmax = k;
                    T rowmax = T.Abs(A(imax, k));
                    for (int j = k + 1; j < imax; j++)
                        if (T.Abs(A(imax, j)) > rowmax) { rowmax = T.Abs(A(imax, j)); jmax = j; }
                    if (imax < n - 1)
                    {
                        jmax = imax + 1;
                        T m = T.Abs(A(imax + 1, imax));
                        for (int i = imax + 2; i < n; i++)
                            if (T.Abs(A(i, imax)) > m) { m = T.Abs(A(i, imax)); jmax = i; }
                        rowmax = T.Max(rowmax, m);
                    }
                    if (absakk >= alpha * colmax * (colmax / rowmax)) kp = k;
                    else if (T.Abs(A(imax, imax)) >= alpha * rowmax) kp = imax;
                    else { kp = imax; kstep = 2; }
                }
                int kk = k + kstep - 1;
                if (kp != kk)
                {
                    for (int i = kp + 1; i < n; i++) (A(i, kk), A(i, kp)) = (A(i, kp), A(i, kk));
                    for (int j = kk + 1; j < kp; j++) (A(j, kk), A(kp, j)) = (A(kp, j), A(j, kk));
                    (A(kk, kk), A(kp, kp)) = (A(kp, kp), A(kk, kk));
                    if (kstep == 2) (A(k + 1, k), A(kp, k)) = (A(kp, k), A(k + 1, k));
                }
                if (kstep == 1)
                {
                    if (k < n - 1)
                    {
                        // dsyr: A22 -= d11 x xᵀ (lower), then x *= d11.
                        T d11 = T.One / A(k, k);
                        T alphaR = -d11;
                        for (int j = k + 1; j < n; j++)
                        {
                            if (A(j, k) == T.Zero) continue;
                            T temp = alphaR * A(j, k);
                            for (int i = j; i < n; i++) A(i, j) += A(i, k) * temp;
                        }
                        for (int i = k + 1; i < n; i++) A(i, k) *= d11;
                    }
                }
                else if (k < n - 2)
                {
                    T d21 = A(k + 1, k);
                    T d11 = A(k + 1, k + 1) / d21;
                    T d22 = A(k, k) / d21;
                    T t = T.One / (d11 * d22 - T.One);
                    d21 = t / d21;
                    for (int j = k + 2; j < n; j++)
                    {
                        T wk = d21 * (d11 * A(j, k) - A(j, k + 1));
                        T wkp1 = d21 * (d22 * A(j, k + 1) - A(j, k));
                        for (int i = j; i < n; i++) A(i, j) = A(i, j) - A(i, k) * wk - A(i, k + 1) * wkp1;
                        A(j, k) = wk;
                        A(j, k + 1) = wkp1;
                    }
                }
            }
            if (kstep == 1) ipiv[k] = kp + 1;
            else { ipiv[k] = -(kp + 1); ipiv[k + 1] = -(kp + 1); }
            k += kstep;
        }
        // The strict upper triangle is not part of the factor: zero it, as PyTorch returns LD.
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) A(i, j) = T.Zero;
        return info;
    }

    /// <summary>Solves A X = B in place for B (row-major n×nrhs at boff) with sytrf's factor and pivots.</summary>
    public static void Solve<T>(T[] ld, int off, int n, int[] ipiv, int poff, T[] b, int boff, int nrhs) where T : IFloatingPointIeee754<T>
    {
        T A(int i, int j) => ld[off + i * n + j];
        ref T B(int i, int j) => ref b[boff + i * nrhs + j];
        void SwapRows(int r, int s)
        {
            if (r == s) return;
            for (int j = 0; j < nrhs; j++) (B(r, j), B(s, j)) = (B(s, j), B(r, j));
        }
        // L D Y = P B, forward.
        int k = 0;
        while (k < n)
        {
            if (ipiv[poff + k] > 0)
            {
                SwapRows(k, ipiv[poff + k] - 1);
                for (int i = k + 1; i < n; i++)
                    for (int j = 0; j < nrhs; j++) B(i, j) -= A(i, k) * B(k, j);
                T inv = T.One / A(k, k);
                for (int j = 0; j < nrhs; j++) B(k, j) *= inv;
                k += 1;
            }
            else
            {
                SwapRows(k + 1, -ipiv[poff + k] - 1);
                for (int i = k + 2; i < n; i++)
                    for (int j = 0; j < nrhs; j++) B(i, j) -= A(i, k) * B(k, j);
                for (int i = k + 2; i < n; i++)
                    for (int j = 0; j < nrhs; j++) B(i, j) -= A(i, k + 1) * B(k + 1, j);
                T akm1k = A(k + 1, k);
                T akm1 = A(k, k) / akm1k;
                T ak = A(k + 1, k + 1) / akm1k;
                T denom = akm1 * ak - T.One;
                for (int j = 0; j < nrhs; j++)
                {
                    T bkm1 = B(k, j) / akm1k;
                    T bk = B(k + 1, j) / akm1k;
                    B(k, j) = (ak * bkm1 - bk) / denom;
                    B(k + 1, j) = (akm1 * bk - bkm1) / denom;
                }
                k += 2;
            }
        }
        // Lᵀ X = Y, backward.
        k = n - 1;
        while (k >= 0)
        {
            if (ipiv[poff + k] > 0)
            {
                for (int j = 0; j < nrhs; j++)
                {
                    T s = T.Zero;
                    for (int i = k + 1; i < n; i++) s += B(i, j) * A(i, k);
                    B(k, j) -= s;
                }
                SwapRows(k, ipiv[poff + k] - 1);
                k -= 1;
            }
            else
            {
                for (int j = 0; j < nrhs; j++)
                {
                    T s = T.Zero, s1 = T.Zero;
                    for (int i = k + 1; i < n; i++) { s += B(i, j) * A(i, k); s1 += B(i, j) * A(i, k - 1); }
                    B(k, j) -= s;
                    B(k - 1, j) -= s1;
                }
                SwapRows(k, -ipiv[poff + k] - 1);
                k -= 2;
            }
        }
    }
}
