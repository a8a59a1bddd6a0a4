using Flint.Ops;

namespace Flint;

// torch.linalg's LDLᵀ (Bunch–Kaufman) factorization and solve (Ops/LinalgLdl.cs).
public static partial class torch
{
    public static partial class linalg
    {
        /// <summary>
        /// The Bunch–Kaufman factorization A = P L D Lᵀ Pᵀ of real symmetric matrices (the lower triangle of A is read):
        /// LD holds L below the diagonal and the 1×1/2×2 blocks of D, pivots are LAPACK sytrf's (1-based int32; −p on both
        /// rows of a 2×2 block), info is 0 or the first k with D[k,k] exactly zero (an error only when <paramref name="check_errors"/>).
        /// For real matrices <paramref name="hermitian"/> changes nothing. No gradient (PyTorch defines none).
        /// </summary>
        public static (Tensor LD, Tensor pivots, Tensor info) ldl_factor_ex(Tensor A, bool hermitian = false, bool check_errors = false) =>
            LinalgLdl.LdlFactorEx(A, hermitian, check_errors);

        /// <summary>The Bunch–Kaufman factorization (see <see cref="ldl_factor_ex"/>); a zero block of D is an error.</summary>
        public static (Tensor LD, Tensor pivots) ldl_factor(Tensor A, bool hermitian = false) => LinalgLdl.LdlFactor(A, hermitian);

        /// <summary>Solves A X = B from <see cref="ldl_factor"/>'s LD and pivots (LAPACK sytrs); batch dims broadcast.</summary>
        public static Tensor ldl_solve(Tensor LD, Tensor pivots, Tensor B, bool hermitian = false) => LinalgLdl.LdlSolve(LD, pivots, B, hermitian);
    }
}
