using Flint.Ops;

namespace Flint;

// torch.* spellings of the everyday matrix, statistics and factorization functions (issue 15); the rules live in
// Ops/LinalgMore.cs and Ops/LinalgFactorizations.cs.
public static partial class torch
{
    /// <inheritdoc cref="Tensor.addmv"/>
    public static Tensor addmv(Tensor input, Tensor mat, Tensor vec, double beta = 1, double alpha = 1) => input.addmv(mat, vec, beta, alpha);

    /// <inheritdoc cref="Tensor.addmv_"/>
    public static Tensor addmv_(Tensor input, Tensor mat, Tensor vec, double beta = 1, double alpha = 1) => input.addmv_(mat, vec, beta, alpha);

    /// <inheritdoc cref="Tensor.addr"/>
    public static Tensor addr(Tensor input, Tensor vec1, Tensor vec2, double beta = 1, double alpha = 1) => input.addr(vec1, vec2, beta, alpha);

    /// <inheritdoc cref="Tensor.addr_"/>
    public static Tensor addr_(Tensor input, Tensor vec1, Tensor vec2, double beta = 1, double alpha = 1) => input.addr_(vec1, vec2, beta, alpha);

    /// <inheritdoc cref="Tensor.addbmm"/>
    public static Tensor addbmm(Tensor input, Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => input.addbmm(batch1, batch2, beta, alpha);

    /// <inheritdoc cref="Tensor.addbmm_"/>
    public static Tensor addbmm_(Tensor input, Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => input.addbmm_(batch1, batch2, beta, alpha);

    /// <inheritdoc cref="Tensor.addmm_"/>
    public static Tensor addmm_(Tensor input, Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) => input.addmm_(mat1, mat2, beta, alpha);

    /// <inheritdoc cref="Tensor.inner"/>
    public static Tensor inner(Tensor input, Tensor other) => input.inner(other);

    /// <inheritdoc cref="Tensor.kron"/>
    public static Tensor kron(Tensor input, Tensor other) => input.kron(other);

    /// <inheritdoc cref="Tensor.tensordot(Tensor, long)"/>
    public static Tensor tensordot(Tensor a, Tensor b, long dims = 2) => a.tensordot(b, dims);

    /// <inheritdoc cref="Tensor.tensordot(Tensor, long[], long[])"/>
    public static Tensor tensordot(Tensor a, Tensor b, long[] dims1, long[] dims2) => a.tensordot(b, dims1, dims2);

    /// <summary>Contracts the dim pairs of <paramref name="dims"/> ((dim of a, dim of b) each).</summary>
    public static Tensor tensordot(Tensor a, Tensor b, (long, long)[] dims) =>
        a.tensordot(b, dims.Select(d => d.Item1).ToArray(), dims.Select(d => d.Item2).ToArray());

    /// <inheritdoc cref="Tensor.vdot"/>
    public static Tensor vdot(Tensor input, Tensor other) => input.vdot(other);

    /// <inheritdoc cref="Tensor.dist"/>
    public static Tensor dist(Tensor input, Tensor other, double p = 2) => input.dist(other, p);

    /// <inheritdoc cref="Tensor.logdet"/>
    public static Tensor logdet(Tensor input) => input.logdet();

    /// <inheritdoc cref="Tensor.cov"/>
    public static Tensor cov(Tensor input, long correction = 1, Tensor? fweights = null, Tensor? aweights = null) => input.cov(correction, fweights, aweights);

    /// <inheritdoc cref="Tensor.corrcoef"/>
    public static Tensor corrcoef(Tensor input) => input.corrcoef();

    /// <inheritdoc cref="Tensor.trapezoid(double, long)"/>
    public static Tensor trapezoid(Tensor y, double dx = 1, long dim = -1) => y.trapezoid(dx, dim);

    /// <inheritdoc cref="Tensor.trapezoid(Tensor, long)"/>
    public static Tensor trapezoid(Tensor y, Tensor x, long dim = -1) => y.trapezoid(x, dim);

    /// <summary>Alias of <see cref="trapezoid(Tensor, double, long)"/>.</summary>
    public static Tensor trapz(Tensor y, double dx = 1, long dim = -1) => y.trapezoid(dx, dim);

    /// <summary>Alias of <see cref="trapezoid(Tensor, Tensor, long)"/>.</summary>
    public static Tensor trapz(Tensor y, Tensor x, long dim = -1) => y.trapezoid(x, dim);

    /// <inheritdoc cref="Tensor.cumulative_trapezoid(double, long)"/>
    public static Tensor cumulative_trapezoid(Tensor y, double dx = 1, long dim = -1) => y.cumulative_trapezoid(dx, dim);

    /// <inheritdoc cref="Tensor.cumulative_trapezoid(Tensor, long)"/>
    public static Tensor cumulative_trapezoid(Tensor y, Tensor x, long dim = -1) => y.cumulative_trapezoid(x, dim);

    /// <summary>The Vandermonde matrix of the 1-D <paramref name="x"/>: columns x^(N-1) … x⁰, or increasing powers.</summary>
    public static Tensor vander(Tensor x, long? N = null, bool increasing = false) => x.vander(N, increasing);

    /// <inheritdoc cref="Tensor.aminmax"/>
    public static (Tensor min, Tensor max) aminmax(Tensor input, long? dim = null, bool keepdim = false) => input.aminmax(dim, keepdim);

    /// <inheritdoc cref="Tensor.atleast_1d"/>
    public static Tensor atleast_1d(Tensor input) => input.atleast_1d();

    /// <inheritdoc cref="Tensor.atleast_2d"/>
    public static Tensor atleast_2d(Tensor input) => input.atleast_2d();

    /// <inheritdoc cref="Tensor.atleast_3d"/>
    public static Tensor atleast_3d(Tensor input) => input.atleast_3d();

    /// <summary><see cref="atleast_1d(Tensor)"/> of each tensor.</summary>
    public static Tensor[] atleast_1d(params Tensor[] tensors) => tensors.Select(t => t.atleast_1d()).ToArray();

    /// <summary><see cref="atleast_2d(Tensor)"/> of each tensor.</summary>
    public static Tensor[] atleast_2d(params Tensor[] tensors) => tensors.Select(t => t.atleast_2d()).ToArray();

    /// <summary><see cref="atleast_3d(Tensor)"/> of each tensor.</summary>
    public static Tensor[] atleast_3d(params Tensor[] tensors) => tensors.Select(t => t.atleast_3d()).ToArray();

    /// <inheritdoc cref="Tensor.tile"/>
    public static Tensor tile(Tensor input, params long[] dims) => input.tile(dims);

    /// <inheritdoc cref="Tensor.clamp_min_"/>
    public static Tensor clamp_min_(Tensor input, double min) => input.clamp_min_(min);

    /// <inheritdoc cref="Tensor.clamp_max_"/>
    public static Tensor clamp_max_(Tensor input, double max) => input.clamp_max_(max);

    /// <inheritdoc cref="Tensor.adjoint"/>
    public static Tensor adjoint(Tensor input) => input.adjoint();

    /// <inheritdoc cref="Tensor.std_mean(bool)"/>
    public static (Tensor std, Tensor mean) std_mean(Tensor input, bool unbiased = true) => input.std_mean(unbiased);

    /// <inheritdoc cref="Tensor.std_mean(long[], bool, bool)"/>
    public static (Tensor std, Tensor mean) std_mean(Tensor input, long[]? dim, bool unbiased = true, bool keepdim = false) => input.std_mean(dim, unbiased, keepdim);

    /// <inheritdoc cref="Tensor.std_mean(long[], long, bool)"/>
    public static (Tensor std, Tensor mean) std_mean(Tensor input, long[]? dim, long correction, bool keepdim = false) => input.std_mean(dim, correction, keepdim);

    /// <inheritdoc cref="Tensor.var_mean(bool)"/>
    public static (Tensor var, Tensor mean) var_mean(Tensor input, bool unbiased = true) => input.var_mean(unbiased);

    /// <inheritdoc cref="Tensor.var_mean(long[], bool, bool)"/>
    public static (Tensor var, Tensor mean) var_mean(Tensor input, long[]? dim, bool unbiased = true, bool keepdim = false) => input.var_mean(dim, unbiased, keepdim);

    /// <inheritdoc cref="Tensor.var_mean(long[], long, bool)"/>
    public static (Tensor var, Tensor mean) var_mean(Tensor input, long[]? dim, long correction, bool keepdim = false) => input.var_mean(dim, correction, keepdim);

    /// <summary>The block-diagonal matrix of the tensors (0-D as 1×1, 1-D as one row), in their promoted dtype.</summary>
    public static Tensor block_diag(params Tensor[] tensors) => LinalgMore.BlockDiag(tensors);

    /// <inheritdoc cref="Tensor.diagflat"/>
    public static Tensor diagflat(Tensor input, long offset = 0) => input.diagflat(offset);

    /// <inheritdoc cref="Tensor.diagonal_scatter"/>
    public static Tensor diagonal_scatter(Tensor input, Tensor src, long offset = 0, long dim1 = 0, long dim2 = 1) => input.diagonal_scatter(src, offset, dim1, dim2);

    /// <summary>The [2, N] row and column indices of the lower triangle (on and below diagonal <paramref name="offset"/>) of a row×col matrix.</summary>
    public static Tensor tril_indices(long row, long col, long offset = 0, ScalarType? dtype = null, Device? device = null) =>
        TriangleIndices(row, col, offset, lower: true, dtype, device);

    /// <summary>The [2, N] row and column indices of the upper triangle (on and above diagonal <paramref name="offset"/>) of a row×col matrix.</summary>
    public static Tensor triu_indices(long row, long col, long offset = 0, ScalarType? dtype = null, Device? device = null) =>
        TriangleIndices(row, col, offset, lower: false, dtype, device);

    private static Tensor TriangleIndices(long row, long col, long offset, bool lower, ScalarType? dtype, Device? device)
    {
        if (row < 0) throw new ArgumentException($"row must be non-negative, got{row}");
        if (col < 0) throw new ArgumentException($"col must be non-negative, got{col}");
        var rs = new List<long>();
        var cs = new List<long>();
        for (long i = 0; i < row; i++)
            for (long j = 0; j < col; j++)
                if (lower ? j - i <= offset : j - i >= offset) { rs.Add(i); cs.Add(j); }
        var t = tensor(rs.Concat(cs).ToArray(), [2, rs.Count], dtype ?? ScalarType.Int64);
        return MoveTo(t, device);
    }

    /// <summary>The length-<paramref name="r"/> combinations of the 1-D input's elements (with repeats when <paramref name="with_replacement"/>), in lexicographic order of positions.</summary>
    public static Tensor combinations(Tensor input, long r = 2, bool with_replacement = false) => LinalgMore.Combinations(input, r, with_replacement);

    /// <inheritdoc cref="Tensor.renorm"/>
    public static Tensor renorm(Tensor input, double p, long dim, double maxnorm) => input.renorm(p, dim, maxnorm);

    /// <inheritdoc cref="Tensor.take"/>
    public static Tensor take(Tensor input, Tensor index) => input.take(index);

    /// <summary>The shape the given shapes broadcast to.</summary>
    public static long[] broadcast_shapes(params long[][] shapes) => LinalgMore.BroadcastShapes(shapes);

    /// <summary><paramref name="steps"/> values from base^start to base^end, evenly spaced in the exponent.</summary>
    public static Tensor logspace(double start, double end, long steps, double @base = 10, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (steps < 0) throw new ArgumentException("number of steps must be non-negative");
        var values = new double[steps];
        if (steps == 1) values[0] = Math.Pow(@base, start);
        else if (steps > 1)
        {
            double step = (end - start) / (steps - 1);
            long half = steps / 2;
            for (long i = 0; i < steps; i++) values[i] = Math.Pow(@base, i < half ? start + step * i : end - step * (steps - i - 1));
        }
        var t = Make([steps], dtype, null, false, get_default_dtype());
        if (DTypes.IsIntegral(t.dtype, includeBool: false)) for (long i = 0; i < steps; i++) values[i] = Math.Truncate(values[i]);
        FillFrom(t, values);
        return Finish(MoveTo(t, device), requires_grad);
    }

    /// <summary>The product of the matrices (deprecated in PyTorch for <see cref="linalg.multi_dot"/>, which it calls).</summary>
    public static Tensor chain_matmul(params Tensor[] matrices) => LinalgMore.ChainMatmul(matrices);

    /// <inheritdoc cref="Tensor.cholesky_solve"/>
    public static Tensor cholesky_solve(Tensor input, Tensor input2, bool upper = false) => input.cholesky_solve(input2, upper);

    /// <inheritdoc cref="Tensor.cholesky_inverse"/>
    public static Tensor cholesky_inverse(Tensor input, bool upper = false) => input.cholesky_inverse(upper);

    /// <inheritdoc cref="linalg.matrix_exp"/>
    public static Tensor matrix_exp(Tensor input) => LinalgFactorizations.MatrixExp(input);

    /// <summary>The LU factorization (deprecated in PyTorch for <see cref="linalg.lu_factor"/>): LU, pivots, and LAPACK's infos when <paramref name="get_infos"/> (then no error for a zero pivot).</summary>
    public static (Tensor A_LU, Tensor pivots, Tensor? infos) lu(Tensor A, bool pivot = true, bool get_infos = false) =>
        LinalgFactorizations.LegacyLu(A, pivot, get_infos);

    /// <summary>Solves A X = b from A's LU factors (deprecated in PyTorch for <see cref="linalg.lu_solve"/>).</summary>
    public static Tensor lu_solve(Tensor b, Tensor LU_data, Tensor LU_pivots) => b.lu_solve(LU_data, LU_pivots);

    /// <summary>(P, L, U) of lu_factor's packed factors; the parts not asked for are empty.</summary>
    public static (Tensor P, Tensor L, Tensor U) lu_unpack(Tensor LU_data, Tensor LU_pivots, bool unpack_data = true, bool unpack_pivots = true) =>
        LinalgFactorizations.LuUnpack(LU_data, LU_pivots, unpack_data, unpack_pivots);

    /// <inheritdoc cref="Tensor.triangular_solve"/>
    public static (Tensor solution, Tensor cloned_coefficient) triangular_solve(Tensor b, Tensor A, bool upper = true, bool transpose = false, bool unitriangular = false) =>
        b.triangular_solve(A, upper, transpose, unitriangular);
}
