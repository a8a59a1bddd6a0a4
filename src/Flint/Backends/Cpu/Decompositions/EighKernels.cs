using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>
/// Eigen-decomposition of a real symmetric n×n matrix by cyclic two-sided Jacobi rotations: eigenvalues in
/// ascending order, eigenvectors as the columns of a row-major n×n matrix. Jacobi is slower than LAPACK's
/// tridiagonal methods for big matrices but accurate to working precision and simple.
/// </summary>
internal static class EighKernels
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Decomposes the matrix at <paramref name="o"/> of <paramref name="a"/> (its lower triangle when
    /// <paramref name="lower"/>, else its upper one; a is overwritten). Writes n eigenvalues at wo and, when
    /// <paramref name="v"/> is given, the eigenvectors at vo. Returns false when the sweeps did not converge.
    /// </summary>
    public static bool Decompose<T>(T[] a, int o, int n, bool lower, T[] w, int wo, T[]? v, int vo) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++) // symmetrise from the chosen triangle
            for (int j = i + 1; j < n; j++)
            {
                if (lower) a[o + i * n + j] = a[o + j * n + i];
                else a[o + j * n + i] = a[o + i * n + j];
            }
        var vec = new T[n * n];
        for (int i = 0; i < n; i++) vec[i * n + i] = T.One;
        var eps = DecompositionScalars.Eps<T>();
        T frob = T.Zero;
        for (int i = 0; i < n * n; i++) frob += a[o + i] * a[o + i];
        var negligible = eps * eps * T.Sqrt(frob); // far below the eps·‖A‖ absolute accuracy anyway
        bool converged = false;
        for (int sweep = 0; sweep < MaxSweeps && !converged; sweep++)
        {
            converged = true;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    var apq = a[o + p * n + q];
                    if (apq == T.Zero) continue;
                    var app = a[o + p * n + p];
                    var aqq = a[o + q * n + q];
                    if (T.Abs(apq) <= eps * T.Sqrt(T.Abs(app)) * T.Sqrt(T.Abs(aqq)) || T.Abs(apq) <= negligible)
                    {
                        a[o + p * n + q] = a[o + q * n + p] = T.Zero;
                        continue;
                    }
                    converged = false;
                    var theta = (aqq - app) / (apq + apq);
                    var t = T.One / (T.Abs(theta) + T.Sqrt(theta * theta + T.One));
                    if (theta < T.Zero) t = -t;
                    if (T.IsInfinity(theta)) t = T.Zero;
                    var c = T.One / T.Sqrt(t * t + T.One);
                    var s = t * c;
                    for (int r = 0; r < n; r++) // columns p, q
                    {
                        var arp = a[o + r * n + p];
                        var arq = a[o + r * n + q];
                        a[o + r * n + p] = c * arp - s * arq;
                        a[o + r * n + q] = s * arp + c * arq;
                    }
                    for (int r = 0; r < n; r++) // rows p, q
                    {
                        var apr = a[o + p * n + r];
                        var aqr = a[o + q * n + r];
                        a[o + p * n + r] = c * apr - s * aqr;
                        a[o + q * n + r] = s * apr + c * aqr;
                    }
                    a[o + p * n + q] = a[o + q * n + p] = T.Zero;
                    for (int r = 0; r < n; r++)
                    {
                        var vrp = vec[r * n + p];
                        var vrq = vec[r * n + q];
                        vec[r * n + p] = c * vrp - s * vrq;
                        vec[r * n + q] = s * vrp + c * vrq;
                    }
                }
        }
        var order = new int[n];
        var values = new T[n];
        for (int i = 0; i < n; i++) { order[i] = i; values[i] = a[o + i * n + i]; }
        Array.Sort(order, (x, y) => { int cmp = values[x].CompareTo(values[y]); return cmp != 0 ? cmp : x.CompareTo(y); });
        for (int j = 0; j < n; j++)
        {
            w[wo + j] = values[order[j]];
            if (v is not null)
                for (int r = 0; r < n; r++) v[vo + r * n + j] = vec[r * n + order[j]];
        }
        return converged;
    }
}
