using static Flint.Tests.Autograd.TestData;
using L = Flint.torch.linalg;

namespace Flint.Tests.Autograd;

// Gradchecks (float64, finite differences) of torch.linalg (issue 15). Inputs keep each function smooth: well
// conditioned matrices, symmetrised inputs with distinct eigenvalues for eigh, SPD matrices for cholesky, distinct
// singular values for svd, and outputs that do not depend on the decompositions' sign choices.
public static partial class GradCheckCases
{
    static void AddLinalgCases(Adder add)
    {
        add("linalg_det", () => [Well(1, [3, 3])], x => L.det(x[0]));
        // exactly singular (rank 2): the cofactor gradient through the SVD, as PyTorch's
        add("linalg_det_singular", () => [torch.tensor(new double[] { 1, 2, 3, 2, 4, 6, 1, 0, 1 }, [3, 3], torch.float64, requires_grad: true)], x => L.det(x[0]));
        add("linalg_det_batched", () => [Well(2, [2, 3, 3])], x => L.det(x[0]));
        add("linalg_slogdet", () => [Well(3, [2, 3, 3], -3)], x => L.slogdet(x[0]).logabsdet);
        add("linalg_inv", () => [Well(4, [3, 3])], x => L.inv(x[0]));
        add("linalg_inv_batched", () => [Well(5, [2, 2, 2])], x => torch.inverse(x[0]));
        add("linalg_solve", () => [Well(6, [3, 3]), Rand(7, [3, 2])], x => L.solve(x[0], x[1]));
        add("linalg_solve_vector", () => [Well(8, [2, 3, 3]), Rand(9, [2, 3])], x => L.solve(x[0], x[1]));
        add("linalg_solve_broadcast", () => [Well(10, [2, 1, 3, 3]), Rand(11, [3, 3, 2])], x => L.solve(x[0], x[1]));
        add("linalg_solve_left_false", () => [Well(12, [3, 3]), Rand(13, [2, 3])], x => L.solve(x[0], x[1], left: false));
        add("linalg_cholesky", () => [Rand(14, [3, 3])], x => L.cholesky(Spd(x[0])));
        add("linalg_cholesky_upper_batched", () => [Rand(15, [2, 3, 3])], x => L.cholesky(Spd(x[0]), upper: true));
        add("linalg_qr_tall", () => [Rand(16, [4, 3])], x => { var (q, r) = L.qr(x[0]); return torch.cat([q.flatten(), r.flatten()]); });
        add("linalg_qr_square_r_only", () => [Rand(17, [3, 3])], x => L.qr(x[0]).R);
        add("linalg_qr_q_only", () => [Rand(18, [2, 4, 3])], x => L.qr(x[0]).Q);
        add("linalg_qr_wide", () => [Rand(19, [3, 5])], x => { var (q, r) = L.qr(x[0]); return torch.cat([q.flatten(), r.flatten()]); });
        add("linalg_qr_complete_wide", () => [Rand(20, [2, 4])], x => { var (q, r) = L.qr(x[0], "complete"); return torch.cat([q.flatten(), r.flatten()]); });
        add("linalg_eigh", () => [Rand(21, [4, 4])], x => { var (w, v) = L.eigh(Sym(x[0])); return torch.cat([w, v.pow(2).flatten()]); });
        add("linalg_eigh_vectors_upper", () => [Rand(22, [2, 3, 3])], x => L.eigh(Sym(x[0]), 'U').eigenvectors.pow(2));
        add("linalg_eigvalsh", () => [Rand(23, [4, 4])], x => L.eigvalsh(Sym(x[0])));
        add("linalg_svd_tall", () => [Rand(24, [4, 3])], x => { var (u, s, vh) = L.svd(x[0], fullMatrices: false); return torch.cat([s, u.matmul(vh).flatten()]); });
        add("linalg_svd_wide", () => [Rand(25, [3, 4])], x => { var (u, s, vh) = L.svd(x[0], fullMatrices: false); return torch.cat([s, u.matmul(vh).flatten()]); });
        add("linalg_svd_u_only", () => [Rand(26, [4, 3])], x => L.svd(x[0], fullMatrices: false).U.pow(2));
        add("linalg_svd_vh_only_wide", () => [Rand(27, [3, 4])], x => L.svd(x[0], fullMatrices: false).Vh.pow(2));
        add("linalg_svd_full_batched", () => [Rand(28, [2, 3, 2])], x => { var (u, s, vh) = L.svd(x[0]); return torch.cat([s.flatten(), u.narrow(-1, 0, 2).matmul(vh).flatten()]); });
        add("linalg_svdvals", () => [Rand(29, [3, 4])], x => L.svdvals(x[0]));
        add("linalg_pinv_tall", () => [Rand(30, [4, 3])], x => L.pinv(x[0]));
        add("linalg_pinv_wide", () => [Rand(31, [2, 3, 4])], x => L.pinv(x[0]));
        add("linalg_pinv_hermitian", () => [Rand(32, [3, 3])], x => L.pinv(Sym(x[0]) + 2 * torch.eye(3, dtype: x[0].dtype, device: x[0].device), hermitian: true));
        add("linalg_lstsq", () => [Rand(33, [5, 3]), Rand(34, [5, 2])], x => L.lstsq(x[0], x[1]).Solution);
        add("linalg_vector_norm", () => [Rand(35, [3, 4])], x => L.vector_norm(x[0]));
        add("linalg_vector_norm_3_5_dim", () => [Rand(36, [3, 4])], x => L.vector_norm(x[0], 3.5, [1], keepdim: true));
        add("linalg_vector_norm_inf", () => [Rand(37, [3, 4])], x => L.vector_norm(x[0], double.PositiveInfinity, [0]));
        add("linalg_vector_norm_neg1", () => [AwayFromZero(38, [2, 5])], x => L.vector_norm(x[0], -1, [1]));
        add("linalg_matrix_norm_fro", () => [Rand(39, [2, 3, 4])], x => L.matrix_norm(x[0]));
        add("linalg_matrix_norm_nuc", () => [Rand(40, [2, 3, 4])], x => L.matrix_norm(x[0], "nuc"));
        add("linalg_matrix_norm_2", () => [Rand(41, [3, 4])], x => L.matrix_norm(x[0], 2));
        add("linalg_matrix_norm_neg2_dims", () => [Rand(42, [3, 2, 4])], x => L.matrix_norm(x[0], -2, [2, 0], keepdim: true));
        add("linalg_matrix_norm_1", () => [Rand(43, [3, 4])], x => L.matrix_norm(x[0], 1));
        add("linalg_matrix_norm_inf", () => [Rand(44, [3, 4])], x => L.norm(x[0], double.PositiveInfinity));
        add("linalg_matrix_power_3", () => [Rand(45, [3, 3])], x => L.matrix_power(x[0], 3));
        add("linalg_matrix_power_neg2", () => [Well(46, [2, 3, 3])], x => L.matrix_power(x[0], -2));
        add("linalg_cross", () => [Rand(47, [4, 3]), Rand(48, [4, 3])], x => L.cross(x[0], x[1]));
        add("linalg_cross_dim_broadcast", () => [Rand(49, [1, 3, 2]), Rand(50, [2, 3, 1])], x => L.cross(x[0], x[1], dim: -2));
    }

    /// <summary>A random matrix plus <paramref name="shift"/>·I: far from singular.</summary>
    private static Tensor Well(int seed, long[] shape, double shift = 3)
    {
        var a = Rand(seed, shape, requires_grad: false);
        return (a + shift * torch.eye(shape[^1], dtype: a.dtype)).detach().requires_grad_();
    }

    /// <summary>x xᵀ + n·I: symmetric positive-definite, differentiable in x.</summary>
    private static Tensor Spd(Tensor x) =>
        x.matmul(x.transpose(-2, -1)) + x.shape[^1] * torch.eye(x.shape[^1], dtype: x.dtype, device: x.device);

    /// <summary>(x + xᵀ)/2: the symmetric part, so eigh's gradient (defined on symmetric inputs) is checked on them.</summary>
    private static Tensor Sym(Tensor x) => 0.5 * (x + x.transpose(-2, -1));
}
