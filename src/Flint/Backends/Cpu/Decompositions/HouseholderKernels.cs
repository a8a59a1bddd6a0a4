using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>
/// LAPACK ormqr (unblocked, as dorm2r): multiplies a dense row-major matrix C by Q = H₀ H₁ … H_{k-1} or Qᵀ, from
/// the left or the right, where H_i = I - τ_i v_i vᵀ_i and v_i is stored below the diagonal of column i of a geqrf
/// result (v_i[i] = 1, zeros above; what is on and above a's diagonal is not read).
/// </summary>
internal static class HouseholderKernels
{
    /// <summary>
    /// C (cm×cn at <paramref name="co"/>) ← op(Q) C when <paramref name="left"/>, else C op(Q); op(Q) = Qᵀ when
    /// <paramref name="transpose"/>. The reflectors are the first <paramref name="k"/> columns of the
    /// mn×<paramref name="na"/> matrix at <paramref name="ao"/>, mn = cm (left) or cn (right); τ at <paramref name="to"/>.
    /// </summary>
    public static void Apply<T>(T[] a, int ao, int na, T[] tau, int to, int k, T[] c, int co, int cm, int cn, bool left, bool transpose)
        where T : IFloatingPointIeee754<T>
    {
        int mn = left ? cm : cn;
        // Q C and C Qᵀ apply H_{k-1} first; Qᵀ C and C Q apply H₀ first.
        bool forward = left == transpose;
        for (int s = 0; s < k; s++)
        {
            int i = forward ? s : k - 1 - s;
            var t = tau[to + i];
            if (t == T.Zero) continue;
            if (left)
            {
                for (int col = 0; col < cn; col++)
                {
                    var dot = c[co + i * cn + col];
                    for (int j = i + 1; j < mn; j++) dot += a[ao + j * na + i] * c[co + j * cn + col];
                    dot *= t;
                    c[co + i * cn + col] -= dot;
                    for (int j = i + 1; j < mn; j++) c[co + j * cn + col] -= dot * a[ao + j * na + i];
                }
            }
            else
            {
                for (int row = 0; row < cm; row++)
                {
                    int r = co + row * cn;
                    var dot = c[r + i];
                    for (int j = i + 1; j < mn; j++) dot += c[r + j] * a[ao + j * na + i];
                    dot *= t;
                    c[r + i] -= dot;
                    for (int j = i + 1; j < mn; j++) c[r + j] -= dot * a[ao + j * na + i];
                }
            }
        }
    }
}
