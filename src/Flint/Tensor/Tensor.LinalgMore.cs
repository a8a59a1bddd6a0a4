using Flint.Ops;

namespace Flint;

// Thin forwards of the everyday matrix, statistics and factorization methods of PyTorch's Tensor (issue 15); the rules
// live in Ops/LinalgMore.cs and Ops/LinalgFactorizations.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>β·this + α·(mat @ vec) for a vector this (β = 0 ignores this).</summary>
        public Tensor addmv(Tensor mat, Tensor vec, double beta = 1, double alpha = 1) => LinalgMore.Addmv(this, mat, vec, beta, alpha);

        /// <summary>In place: <see cref="addmv"/>.</summary>
        public Tensor addmv_(Tensor mat, Tensor vec, double beta = 1, double alpha = 1)
        {
            if (mat.dim() == 2) LinalgMore.CheckInPlaceShape(this, [mat.shape[0]]);
            return MathInPlace(t => LinalgMore.Addmv(t, mat, vec, beta, alpha), mat);
        }

        /// <summary>β·this + α·outer(vec1, vec2) (β = 0 ignores this).</summary>
        public Tensor addr(Tensor vec1, Tensor vec2, double beta = 1, double alpha = 1) => LinalgMore.Addr(this, vec1, vec2, beta, alpha);

        /// <summary>In place: <see cref="addr"/>.</summary>
        public Tensor addr_(Tensor vec1, Tensor vec2, double beta = 1, double alpha = 1)
        {
            if (vec1.dim() == 1 && vec2.dim() == 1) LinalgMore.CheckInPlaceShape(this, [vec1.shape[0], vec2.shape[0]]);
            return MathInPlace(t => LinalgMore.Addr(t, vec1, vec2, beta, alpha), vec1);
        }

        /// <summary>β·this + α·Σ_b batch1[b] @ batch2[b] (β = 0 ignores this).</summary>
        public Tensor addbmm(Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => LinalgMore.Addbmm(this, batch1, batch2, beta, alpha);

        /// <summary>In place: <see cref="addbmm"/>.</summary>
        public Tensor addbmm_(Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1)
        {
            if (batch1.dim() == 3 && batch2.dim() == 3) LinalgMore.CheckInPlaceShape(this, [batch1.shape[1], batch2.shape[2]]);
            return MathInPlace(t => LinalgMore.Addbmm(t, batch1, batch2, beta, alpha), batch1);
        }

        /// <summary>In place: <see cref="addmm"/>.</summary>
        public Tensor addmm_(Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1)
        {
            if (mat1.dim() == 2 && mat2.dim() == 2) LinalgMore.CheckInPlaceShape(this, [mat1.shape[0], mat2.shape[1]]);
            return MathInPlace(t => t.addmm(mat1, mat2, beta, alpha), mat1);
        }

        /// <summary>The inner product over the last dims (a product when either is 0-d).</summary>
        public Tensor inner(Tensor other) => LinalgMore.Inner(this, other);

        /// <summary>The Kronecker product.</summary>
        public Tensor kron(Tensor other) => LinalgMore.Kron(this, other);

        /// <summary>Contracts the last <paramref name="dims"/> dims of this with the first of <paramref name="other"/>.</summary>
        public Tensor tensordot(Tensor other, long dims = 2) => LinalgMore.Tensordot(this, other, dims);

        /// <summary>Contracts dims <paramref name="dims1"/> of this with dims <paramref name="dims2"/> of <paramref name="other"/>.</summary>
        public Tensor tensordot(Tensor other, long[] dims1, long[] dims2) => LinalgMore.Tensordot(this, other, dims1, dims2);

        /// <summary>The dot product of two 1-D tensors (the first conjugated, a no-op for real dtypes).</summary>
        public Tensor vdot(Tensor other) => LinalgMore.Vdot(this, other);

        /// <summary>The p-norm of this - other.</summary>
        public Tensor dist(Tensor other, double p = 2) => LinalgMore.Dist(this, other, p);

        /// <summary>log(det) of each square matrix: nan for a negative determinant, -inf for zero.</summary>
        public Tensor logdet() => LinalgMore.Logdet(this);

        /// <summary>The covariance matrix of the variables in the rows (observations in the columns).</summary>
        public Tensor cov(long correction = 1, Tensor? fweights = null, Tensor? aweights = null) => LinalgMore.Cov(this, correction, fweights, aweights);

        /// <summary>The Pearson correlation coefficients of the variables in the rows.</summary>
        public Tensor corrcoef() => LinalgMore.Corrcoef(this);

        /// <summary>The trapezoidal rule along <paramref name="dim"/> with spacing <paramref name="dx"/>.</summary>
        public Tensor trapezoid(double dx = 1, long dim = -1) => LinalgMore.Trapezoid(this, dx, dim);

        /// <summary>The trapezoidal rule along <paramref name="dim"/> at sample points <paramref name="x"/>.</summary>
        public Tensor trapezoid(Tensor x, long dim = -1) => LinalgMore.Trapezoid(this, x, dim);

        /// <summary>The cumulative trapezoidal rule along <paramref name="dim"/> with spacing <paramref name="dx"/>.</summary>
        public Tensor cumulative_trapezoid(double dx = 1, long dim = -1) => LinalgMore.CumulativeTrapezoid(this, dx, dim);

        /// <summary>The cumulative trapezoidal rule along <paramref name="dim"/> at sample points <paramref name="x"/>.</summary>
        public Tensor cumulative_trapezoid(Tensor x, long dim = -1) => LinalgMore.CumulativeTrapezoid(this, x, dim);

        /// <summary>The Vandermonde matrix of this 1-D tensor (<see cref="torch.vander"/>).</summary>
        public Tensor vander(long? N = null, bool increasing = false) => LinalgMore.Vander(this, N, increasing);

        /// <summary>The minimum and maximum (over <paramref name="dim"/>, or all elements when null).</summary>
        public (Tensor min, Tensor max) aminmax(long? dim = null, bool keepdim = false) => LinalgMore.Aminmax(this, dim, keepdim);

        /// <summary>This with at least one dim.</summary>
        public Tensor atleast_1d() => LinalgMore.Atleast(this, 1);

        /// <summary>This with at least two dims.</summary>
        public Tensor atleast_2d() => LinalgMore.Atleast(this, 2);

        /// <summary>This with at least three dims.</summary>
        public Tensor atleast_3d() => LinalgMore.Atleast(this, 3);

        /// <summary>Repeats this <paramref name="dims"/> times per dim (leading ones added when fewer dims are given).</summary>
        public Tensor tile(params long[] dims) => LinalgMore.Tile(this, dims);

        /// <summary>In place: <see cref="clamp_min"/>.</summary>
        public Tensor clamp_min_(double min) => Ops.InPlace.Clamp(this, min, null);

        /// <summary>In place: <see cref="clamp_max"/>.</summary>
        public Tensor clamp_max_(double max) => Ops.InPlace.Clamp(this, null, max);

        /// <summary>The conjugate transpose of the last two dims (the transpose for real dtypes).</summary>
        public Tensor adjoint() => LinalgMore.Adjoint(this, "adjoint()");

        /// <summary>The conjugate transpose of the last two dims (<c>x.mH</c>).</summary>
        public Tensor mH => LinalgMore.Adjoint(this, "mH");

        /// <summary>The conjugate transpose of a matrix (<c>x.H</c>; 2-D or 0-D only).</summary>
        public Tensor H => LinalgMore.H(this);

        /// <summary>(std, mean) of all elements.</summary>
        public (Tensor std, Tensor mean) std_mean(bool unbiased = true) => (std(unbiased), mean());

        /// <summary>(std, mean) over <paramref name="dim"/>.</summary>
        public (Tensor std, Tensor mean) std_mean(long[]? dim, bool unbiased = true, bool keepdim = false) =>
            (this.VarImpl(dim, keepdim, unbiased ? 1 : 0, std: true), this.MeanImpl(dim, keepdim, null));

        /// <summary>(std, mean) over <paramref name="dim"/> with Bessel's <paramref name="correction"/>.</summary>
        public (Tensor std, Tensor mean) std_mean(long[]? dim, long correction, bool keepdim = false) =>
            (this.VarImpl(dim, keepdim, correction, std: true, opName: "std_mean"), this.MeanImpl(dim, keepdim, null));

        /// <summary>(var, mean) of all elements.</summary>
        public (Tensor var, Tensor mean) var_mean(bool unbiased = true) => (var(unbiased), mean());

        /// <summary>(var, mean) over <paramref name="dim"/>.</summary>
        public (Tensor var, Tensor mean) var_mean(long[]? dim, bool unbiased = true, bool keepdim = false) =>
            (this.VarImpl(dim, keepdim, unbiased ? 1 : 0), this.MeanImpl(dim, keepdim, null));

        /// <summary>(var, mean) over <paramref name="dim"/> with Bessel's <paramref name="correction"/>.</summary>
        public (Tensor var, Tensor mean) var_mean(long[]? dim, long correction, bool keepdim = false) =>
            (this.VarImpl(dim, keepdim, correction, opName: "var_mean"), this.MeanImpl(dim, keepdim, null));

        /// <summary>A 2-D tensor with this (flattened) on its <paramref name="offset"/> diagonal.</summary>
        public Tensor diagflat(long offset = 0) => LinalgMore.Diagflat(this, offset);

        /// <summary>A copy of this with its (<paramref name="dim1"/>, <paramref name="dim2"/>) diagonal at <paramref name="offset"/> replaced by <paramref name="src"/>.</summary>
        public Tensor diagonal_scatter(Tensor src, long offset = 0, long dim1 = 0, long dim2 = 1) => LinalgMore.DiagonalScatter(this, src, offset, dim1, dim2);

        /// <summary>Each slice along <paramref name="dim"/> whose p-norm exceeds <paramref name="maxnorm"/> scaled down to that norm.</summary>
        public Tensor renorm(double p, long dim, double maxnorm) => LinalgMore.Renorm(this, p, dim, maxnorm);

        /// <summary>The elements at the flat (row-major) indices of <paramref name="index"/>, in its shape; negative indices count from the end.</summary>
        public Tensor take(Tensor index) => LinalgMore.Take(this, index);

        /// <summary>Solves A X = this given A's Cholesky factor <paramref name="input2"/> (lower, or upper when <paramref name="upper"/>).</summary>
        public Tensor cholesky_solve(Tensor input2, bool upper = false) => LinalgFactorizations.CholeskySolve(this, input2, upper);

        /// <summary>The inverse of A given this, its Cholesky factor (lower, or upper when <paramref name="upper"/>).</summary>
        public Tensor cholesky_inverse(bool upper = false) => LinalgFactorizations.CholeskyInverse(this, upper);

        /// <summary>The matrix exponential of each square matrix (<see cref="torch.linalg.matrix_exp"/>).</summary>
        public Tensor matrix_exp() => LinalgFactorizations.MatrixExp(this);

        /// <summary>Solves A X = this from A's LU factors (<see cref="torch.lu_solve"/>).</summary>
        public Tensor lu_solve(Tensor LU_data, Tensor LU_pivots) => LinalgFactorizations.LuSolve(LU_data, LU_pivots, this, true, false);

        /// <summary>Solves the triangular system A X = this (<see cref="torch.triangular_solve"/>).</summary>
        public (Tensor solution, Tensor cloned_coefficient) triangular_solve(Tensor A, bool upper = true, bool transpose = false, bool unitriangular = false) =>
            LinalgFactorizations.TriangularSolve(this, A, upper, transpose, unitriangular);
    }
}
