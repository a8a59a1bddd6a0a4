using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>
/// Singular value decomposition of a dense row-major m×n matrix by one-sided Jacobi (Hestenes) rotations,
/// which orthogonalise the columns of A (of Aᵀ when m &lt; n) and are accurate to working precision.
/// Singular values come out in descending order; U's and Vᵀ's missing columns (zero singular values,
/// full_matrices) are completed to orthonormal bases.
/// </summary>
internal static class SvdKernels
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Decomposes the matrix at <paramref name="ao"/>. Writes k = min(m, n) values at so and, when
    /// <paramref name="u"/> is given, U (m×uc) at uo and Vᵀ (vr×n) at vo, where uc = vr = k, or m and n with
    /// <paramref name="full"/>. Returns false when the sweeps did not converge.
    /// </summary>
    public static bool Decompose<T>(T[] a, int ao, int m, int n, bool full, T[] s, int so, T[]? u, int uo, T[]? vh, int vo) where T : IFloatingPointIeee754<T>
    {
        bool tall = m >= n;
        int rows = tall ? m : n, cols = tall ? n : m; // work on B = A (tall) or Aᵀ: rows×cols, rows ≥ cols
        // w holds Bᵀ row-major: its row j is column j of B (length rows), so rotations touch contiguous memory
        var w = new T[cols * rows];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                var x = a[ao + i * n + j];
                if (tall) w[j * rows + i] = x; else w[i * rows + j] = x;
            }
        var vt = new T[cols * cols]; // its row j is column j of V (of B = U Σ Vᵀ)
        for (int i = 0; i < cols; i++) vt[i * cols + i] = T.One;
        var eps = DecompositionScalars.Eps<T>();
        T frob = T.Zero;
        for (int i = 0; i < w.Length; i++) frob += w[i] * w[i];
        // a column below eps·‖A‖ is rounding noise: rotating it against others never settles, and it is zero to
        // working accuracy anyway (LAPACK's absolute accuracy eps·‖A‖)
        var negligible = eps * eps * frob;
        bool converged = false;
        for (int sweep = 0; sweep < MaxSweeps && !converged; sweep++)
        {
            converged = true;
            for (int p = 0; p < cols - 1; p++)
                for (int q = p + 1; q < cols; q++)
                {
                    T alpha = T.Zero, beta = T.Zero, gamma = T.Zero;
                    int pr = p * rows, qr = q * rows;
                    for (int i = 0; i < rows; i++)
                    {
                        var wp = w[pr + i];
                        var wq = w[qr + i];
                        alpha += wp * wp;
                        beta += wq * wq;
                        gamma += wp * wq;
                    }
                    if (gamma == T.Zero || T.Abs(gamma) <= eps * T.Sqrt(alpha) * T.Sqrt(beta) || alpha <= negligible || beta <= negligible) continue;
                    converged = false;
                    var zeta = (beta - alpha) / (gamma + gamma);
                    var t = T.One / (T.Abs(zeta) + T.Sqrt(T.One + zeta * zeta));
                    if (zeta < T.Zero) t = -t;
                    if (T.IsInfinity(zeta)) t = T.Zero;
                    var c = T.One / T.Sqrt(T.One + t * t);
                    var sn = c * t;
                    for (int i = 0; i < rows; i++)
                    {
                        var wp = w[pr + i];
                        var wq = w[qr + i];
                        w[pr + i] = c * wp - sn * wq;
                        w[qr + i] = sn * wp + c * wq;
                    }
                    int pv = p * cols, qv = q * cols;
                    for (int i = 0; i < cols; i++)
                    {
                        var vp = vt[pv + i];
                        var vq = vt[qv + i];
                        vt[pv + i] = c * vp - sn * vq;
                        vt[qv + i] = sn * vp + c * vq;
                    }
                }
        }
        var norms = new T[cols];
        for (int j = 0; j < cols; j++)
        {
            T scale = T.Zero;
            for (int i = 0; i < rows; i++) scale = T.Max(scale, T.Abs(w[j * rows + i]));
            T sum = T.Zero;
            if (scale > T.Zero)
                for (int i = 0; i < rows; i++) { var x = w[j * rows + i] / scale; sum += x * x; }
            norms[j] = scale * T.Sqrt(sum);
        }
        var order = new int[cols];
        for (int i = 0; i < cols; i++) order[i] = i;
        Array.Sort(order, (x, y) => { int cmp = norms[y].CompareTo(norms[x]); return cmp != 0 ? cmp : x.CompareTo(y); });
        for (int j = 0; j < cols; j++) s[so + j] = norms[order[j]];
        if (u is null || vh is null) return converged;

        // left vectors of B (rows long), as rows of lb: σ_j > 0 gives w_j / σ_j, the rest are completed
        int leftCount = full ? rows : cols;
        var lb = new T[leftCount * rows];
        int have = 0;
        for (int j = 0; j < cols; j++)
        {
            var sigma = norms[order[j]];
            if (!(sigma > T.Zero) || sigma * sigma <= negligible) break; // zero to working accuracy: completed below
            for (int i = 0; i < rows; i++) lb[j * rows + i] = w[order[j] * rows + i] / sigma;
            have++;
        }
        CompleteBasis(lb, have, leftCount, rows);
        var rb = new T[cols * cols]; // right vectors of B, as rows
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < cols; i++) rb[j * cols + i] = vt[order[j] * cols + i];

        if (tall)
        {
            // A = B: U's column j is lb row j (m long); Vᵀ's row j is rb row j
            int uc = leftCount;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < uc; j++) u[uo + i * uc + j] = lb[j * rows + i];
            Array.Copy(rb, 0, vh, vo, cols * cols);
        }
        else
        {
            // A = Bᵀ = V Σ Uᵀ: A's U is B's right vectors (columns), A's Vᵀ rows are B's left vectors
            for (int i = 0; i < m; i++)
                for (int j = 0; j < cols; j++) u[uo + i * cols + j] = rb[j * cols + i];
            Array.Copy(lb, 0, vh, vo, leftCount * rows);
        }
        return converged;
    }

    /// <summary>
    /// Fills rows have..total of <paramref name="basis"/> (rows of length len, the first have orthonormal) with
    /// unit vectors orthogonal to all before them: the coordinate vector with the largest remainder after two
    /// Gram-Schmidt passes.
    /// </summary>
    public static void CompleteBasis<T>(T[] basis, int have, int total, int len) where T : IFloatingPointIeee754<T>
    {
        var cand = new T[len];
        for (int r = have; r < total; r++)
        {
            T bestNorm = -T.One;
            var best = new T[len];
            for (int e = 0; e < len; e++)
            {
                Array.Clear(cand);
                cand[e] = T.One;
                for (int pass = 0; pass < 2; pass++)
                    for (int b = 0; b < r; b++)
                    {
                        T dot = T.Zero;
                        for (int i = 0; i < len; i++) dot += basis[b * len + i] * cand[i];
                        for (int i = 0; i < len; i++) cand[i] -= dot * basis[b * len + i];
                    }
                T nrm = T.Zero;
                for (int i = 0; i < len; i++) nrm += cand[i] * cand[i];
                if (nrm > bestNorm) { bestNorm = nrm; Array.Copy(cand, best, len); }
            }
            var inv = T.One / T.Sqrt(bestNorm);
            for (int i = 0; i < len; i++) basis[r * len + i] = best[i] * inv;
        }
    }
}
