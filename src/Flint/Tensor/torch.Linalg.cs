using Flint.Ops;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// <c>torch.linalg</c> for float32 and float64, with PyTorch's batching over leading dims, its error texts and
    /// gradients. The decompositions are Flint's own managed kernels (LU with partial pivoting, Cholesky, Householder
    /// QR, Jacobi eigen and singular value decompositions). On <c>cuda:0</c> a tensor is copied to the host,
    /// decomposed there and its results copied back: correct everywhere, but without GPU speed.
    /// </summary>
    public static partial class linalg
    {
        /// <summary>The modes of <see cref="qr(Tensor, QRMode)"/>.</summary>
        public enum QRMode
        {
            /// <summary>Q m×k, R k×n (k = min(m, n)).</summary>
            Reduced = 0,
            /// <summary>Q m×m, R m×n.</summary>
            Complete = 1,
            /// <summary>R only (k×n); Q is empty.</summary>
            R = 2,
        }

        /// <summary>The determinant of each square matrix of <paramref name="input"/> ([*, n, n]).</summary>
        public static Tensor det(Tensor input) => Linalg.Det(input);

        /// <summary>The sign and the log of the absolute value of the determinant; only logabsdet is differentiable.</summary>
        public static (Tensor sign, Tensor logabsdet) slogdet(Tensor input) => Linalg.Slogdet(input);

        /// <summary>The inverse of each square matrix; throws PyTorch's "diagonal element k is zero" error for a singular one.</summary>
        public static Tensor inv(Tensor input) => Linalg.Inv(input);

        /// <summary>
        /// Solves A X = B (<paramref name="left"/>) or X A = B for square A [*, n, n] and B [*, n, k], or B a vector
        /// ([n], or A's shape without its last dim); batch dims broadcast.
        /// </summary>
        public static Tensor solve(Tensor input, Tensor other, bool left = true) => Linalg.Solve(input, other, left);

        /// <summary>The lower Cholesky factor L (A = L Lᵀ, from A's lower triangle), or the upper one U = Lᵀ (from A's upper triangle).</summary>
        public static Tensor cholesky(Tensor input, bool upper = false) => Linalg.Cholesky(input, upper);

        /// <summary>The QR decomposition (Householder, LAPACK's sign conventions): mode "reduced", "complete" or "r".</summary>
        public static (Tensor Q, Tensor R) qr(Tensor input, string mode = "reduced") => Linalg.Qr(input, mode);

        /// <summary>The QR decomposition with TorchSharp's mode enum.</summary>
        public static (Tensor Q, Tensor R) qr(Tensor input, QRMode mode) =>
            Linalg.Qr(input, mode switch { QRMode.Complete => "complete", QRMode.R => "r", _ => "reduced" });

        /// <summary>Eigenvalues (ascending) and eigenvectors (columns) of the symmetric matrices given by <paramref name="UPLO"/>'s triangle ('L' or 'U').</summary>
        public static (Tensor eigenvalues, Tensor eigenvectors) eigh(Tensor input, char UPLO = 'L') => Linalg.Eigh(input, UPLO.ToString());

        /// <summary>The eigenvalues (ascending) of the symmetric matrices given by <paramref name="UPLO"/>'s triangle.</summary>
        public static Tensor eigvalsh(Tensor input, char UPLO = 'L') => Linalg.Eigvalsh(input, UPLO.ToString());

        /// <summary>The singular value decomposition A = U diag(S) Vh, S descending; U and Vh square when <paramref name="fullMatrices"/>.</summary>
        public static (Tensor U, Tensor S, Tensor Vh) svd(Tensor input, bool fullMatrices = true) => Linalg.Svd(input, fullMatrices);

        /// <summary>The singular values, descending.</summary>
        public static Tensor svdvals(Tensor input) => Linalg.Svdvals(input);

        /// <summary>
        /// The pseudo-inverse: singular values (|eigenvalues| when <paramref name="hermitian"/>) at or below
        /// max(atol, rtol·σ_max) count as zero; rtol defaults to eps·max(m, n) unless a positive atol is given.
        /// </summary>
        public static Tensor pinv(Tensor input, double? atol = null, double? rtol = null, bool hermitian = false) => Linalg.Pinv(input, atol, rtol, hermitian);

        /// <summary>The number of singular values (|eigenvalues| when <paramref name="hermitian"/>) above max(atol, rtol·σ_max), as int64.</summary>
        public static Tensor matrix_rank(Tensor input, double? atol = null, double? rtol = null, bool hermitian = false) => Linalg.MatrixRank(input, atol, rtol, hermitian);

        /// <summary>
        /// The least-squares solution of A X = B with the outputs of PyTorch's CPU <paramref name="driver"/> (default
        /// "gelsy": residuals and singular values empty, rank computed); singular values at or below rcond·σ_max
        /// (default eps·max(m, n)) are dropped, giving the minimum-norm solution.
        /// </summary>
        public static (Tensor Solution, Tensor Residuals, Tensor Rank, Tensor SingularValues) lstsq(Tensor input, Tensor other, double? rcond = null, string? driver = null) =>
            Linalg.Lstsq(input, other, rcond, driver);

        /// <summary>A vector norm over <paramref name="dims"/> (all when null): ord ±∞, 0 or any number.</summary>
        public static Tensor vector_norm(Tensor input, double ord = 2, long[]? dims = null, bool keepdim = false, ScalarType? dtype = null) =>
            Linalg.VectorNorm(input, ord, dims, keepdim, dtype);

        /// <summary>A matrix norm over <paramref name="dims"/> (default the last two): "fro" or "nuc".</summary>
        public static Tensor matrix_norm(Tensor input, string ord = "fro", long[]? dims = null, bool keepdim = false) => Linalg.MatrixNorm(input, ord, dims, keepdim);

        /// <summary>A matrix norm over <paramref name="dims"/> (default the last two): ord ±1, ±2, ±∞.</summary>
        public static Tensor matrix_norm(Tensor input, double ord, long[]? dims = null, bool keepdim = false) => Linalg.MatrixNorm(input, ord, dims, keepdim);

        /// <summary>linalg.norm: a vector norm over one dim, a matrix norm over two; without dims the input's rank (1 or 2) picks.</summary>
        public static Tensor norm(Tensor input, double ord, long[]? dims = null, bool keepdim = false) => Linalg.Norm(input, ord, dims, keepdim);

        /// <summary>linalg.norm with "fro" or "nuc" (a matrix norm; the input must be 2-D when no dims are given).</summary>
        public static Tensor norm(Tensor input, string ord, long[]? dims = null, bool keepdim = false) => Linalg.Norm(input, ord, dims, keepdim);

        /// <summary>linalg.norm without ord: the 2-norm of the flattened input, or over <paramref name="dims"/>.</summary>
        public static Tensor norm(Tensor input, long[]? dims = null, bool keepdim = false) => Linalg.Norm(input, (double?)null, dims, keepdim);

        /// <summary>The <paramref name="n"/>-th power of each square matrix (n = 0: the identity; n &lt; 0: powers of the inverse).</summary>
        public static Tensor matrix_power(Tensor input, long n) => Linalg.MatrixPower(input, n);

        /// <summary>The cross product along <paramref name="dim"/> (of length 3); the other dims broadcast.</summary>
        public static Tensor cross(Tensor input, Tensor other, long dim = -1) => Linalg.Cross(input, other, dim);
    }

    /// <summary>Legacy spelling of <see cref="linalg.det"/>.</summary>
    public static Tensor det(Tensor input) => Linalg.Det(input);

    /// <summary>Legacy spelling of <see cref="linalg.slogdet"/>.</summary>
    public static (Tensor sign, Tensor logabsdet) slogdet(Tensor input) => Linalg.Slogdet(input);

    /// <summary>Legacy spelling of <see cref="linalg.inv"/> (its errors name torch.inverse's op, linalg.inv, as PyTorch's do).</summary>
    public static Tensor inverse(Tensor input) => Linalg.Inv(input);

    /// <summary>Legacy spelling of <see cref="linalg.cholesky"/>.</summary>
    public static Tensor cholesky(Tensor input, bool upper = false) => Linalg.Cholesky(input, upper);

    /// <summary>Legacy spelling of <see cref="linalg.matrix_power"/>.</summary>
    public static Tensor matrix_power(Tensor input, long n) => Linalg.MatrixPower(input, n);

    /// <summary>Legacy pseudo-inverse: <see cref="linalg.pinv"/> with rtol = <paramref name="rcond"/>.</summary>
    public static Tensor pinverse(Tensor input, double rcond = 1e-15, bool hermitian = false) => Linalg.Pinv(input, null, rcond, hermitian);

    /// <summary>Legacy cross product: along <paramref name="dim"/>, or the first dim of length 3 when null.</summary>
    public static Tensor cross(Tensor input, Tensor other, long? dim = null) =>
        Linalg.Cross(input, other, dim ?? Linalg.DefaultCrossDim(input, other));
}
