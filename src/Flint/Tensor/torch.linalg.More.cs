using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public static partial class linalg
    {
        /// <summary>
        /// The error a linalg function throws when its input does not meet the mathematical condition it needs
        /// (a singular matrix, one that is not positive-definite), as PyTorch's <c>torch.linalg.LinAlgError</c>.
        /// It derives from <see cref="ArgumentException"/>, the type Flint's other argument errors have.
        /// </summary>
        public class LinAlgError : ArgumentException
        {
            /// <summary>An error with PyTorch's message.</summary>
            public LinAlgError(string message) : base(message) { }
        }

        /// <summary>Solves A X = B (<paramref name="left"/>) or X A = B for triangular A (its upper or lower triangle; unit diagonal when <paramref name="unitriangular"/>); batch dims broadcast.</summary>
        public static Tensor solve_triangular(Tensor A, Tensor B, bool upper, bool left = true, bool unitriangular = false) =>
            LinalgFactorizations.SolveTriangular(A, B, upper, left, unitriangular);

        /// <summary>The LU factorization with partial pivoting: packed LU, 1-based int32 pivots and LAPACK's int32 info (no error for a zero pivot unless <paramref name="check_errors"/>).</summary>
        public static (Tensor LU, Tensor pivots, Tensor info) lu_factor_ex(Tensor A, bool pivot = true, bool check_errors = false) =>
            LinalgFactorizations.LuFactorEx(A, pivot, check_errors);

        /// <summary>The LU factorization with partial pivoting: packed LU and 1-based int32 pivots; a zero pivot is an error.</summary>
        public static (Tensor LU, Tensor pivots) lu_factor(Tensor A, bool pivot = true) => LinalgFactorizations.LuFactor(A, pivot);

        /// <summary>A = P L U with P a permutation, L unit lower (m×k) and U upper (k×n).</summary>
        public static (Tensor P, Tensor L, Tensor U) lu(Tensor A, bool pivot = true) => LinalgFactorizations.Lu(A, pivot);

        /// <summary>Solves A X = B (or Aᴴ X = B when <paramref name="adjoint"/>, X A = B when not <paramref name="left"/>) from A's LU factors.</summary>
        public static Tensor lu_solve(Tensor LU, Tensor pivots, Tensor B, bool left = true, bool adjoint = false) =>
            LinalgFactorizations.LuSolve(LU, pivots, B, left, adjoint);

        /// <summary>The Cholesky factor and LAPACK's int32 info per matrix (no error unless <paramref name="check_errors"/>).</summary>
        public static (Tensor L, Tensor info) cholesky_ex(Tensor input, bool upper = false, bool check_errors = false) =>
            LinalgFactorizations.CholeskyEx(input, upper, check_errors);

        /// <summary>The inverse and LAPACK's int32 info per matrix (no error unless <paramref name="check_errors"/>).</summary>
        public static (Tensor inverse, Tensor info) inv_ex(Tensor input, bool check_errors = false) => LinalgMore.InvEx(input, check_errors);

        /// <summary><see cref="solve"/> with LAPACK's int32 info per matrix (no error unless <paramref name="check_errors"/>).</summary>
        public static (Tensor result, Tensor info) solve_ex(Tensor input, Tensor other, bool left = true, bool check_errors = false) =>
            LinalgFactorizations.SolveEx(input, other, left, check_errors);

        /// <summary>The matrix exponential of each square matrix (scaling and squaring with Padé approximants).</summary>
        public static Tensor matrix_exp(Tensor input) => LinalgFactorizations.MatrixExp(input);

        /// <summary>The first n columns of the product of Householder reflectors I - τ_i v_i v_iᵀ stored in <paramref name="input"/>'s columns (LAPACK orgqr).</summary>
        public static Tensor householder_product(Tensor input, Tensor tau) => LinalgFactorizations.HouseholderProduct(input, tau);

        /// <summary>The product of two or more matrices in the cheapest order; the first and last may be vectors.</summary>
        public static Tensor multi_dot(IList<Tensor> tensors) => LinalgMore.MultiDot(tensors);

        /// <summary>The dot product along <paramref name="dim"/> (the first argument conjugated), broadcasting.</summary>
        public static Tensor vecdot(Tensor x, Tensor y, long dim = -1) => LinalgMore.Vecdot(x, y, dim);

        /// <summary>The diagonals of the (<paramref name="dim1"/>, <paramref name="dim2"/>) matrices, by default of the last two dims.</summary>
        public static Tensor diagonal(Tensor A, long offset = 0, long dim1 = -2, long dim2 = -1) => A.diagonal(offset, dim1, dim2);

        /// <summary>The Vandermonde matrix [..., n, N] with increasing powers x⁰ … x^(N-1).</summary>
        public static Tensor vander(Tensor x, long? N = null) => LinalgMore.LinalgVander(x, N);

        /// <summary>The condition number in the 2-norm (ratio of extreme singular values).</summary>
        public static Tensor cond(Tensor input) => LinalgMore.Cond(input, null);

        /// <summary>The condition number for ord ±2 (singular values), ±1 or ±∞ (‖A‖·‖A⁻¹‖ of square A; inf when singular).</summary>
        public static Tensor cond(Tensor input, double p) => LinalgMore.Cond(input, p);

        /// <summary>The condition number for "fro" or "nuc" (‖A‖·‖A⁻¹‖ of square A; inf when singular).</summary>
        public static Tensor cond(Tensor input, string p) => LinalgMore.Cond(input, p);

        /// <summary>The inverse of <paramref name="input"/> read as a matrix of its first <paramref name="ind"/> dims by the rest.</summary>
        public static Tensor tensorinv(Tensor input, long ind = 2) => LinalgMore.Tensorinv(input, ind);

        /// <summary>X with tensordot(A, X, X.ndim) = B (A's <paramref name="dims"/> moved to the end first).</summary>
        public static Tensor tensorsolve(Tensor A, Tensor B, long[]? dims = null) => LinalgMore.Tensorsolve(A, B, dims);
    }
}
