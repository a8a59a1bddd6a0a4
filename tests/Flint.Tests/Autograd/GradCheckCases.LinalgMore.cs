using static Flint.Tests.Autograd.TestData;
using L = Flint.torch.linalg;

namespace Flint.Tests.Autograd;

// Gradchecks (float64, finite differences) of the everyday matrix and statistics compositions and the triangular,
// LU, Cholesky-solve, matrix_exp and Householder functions (issue 15). Inputs keep each function smooth: well
// conditioned (triangular) matrices, distinct values where a min/max or a pivot choice is taken.
public static partial class GradCheckCases
{
    static void AddLinalgMoreCases(Adder add)
    {
        Tensor Tri(Tensor x, bool upper) => (upper ? x.triu() : x.tril()) + 3 * torch.eye(x.shape[^1], dtype: x.dtype, device: x.device);

        add("addmv", () => [Rand(101, [3]), Rand(102, [3, 4]), Rand(103, [4])], x => torch.addmv(x[0], x[1], x[2], beta: 0.5, alpha: 2));
        add("addr", () => [Rand(104, [3, 2]), Rand(105, [3]), Rand(106, [2])], x => torch.addr(x[0], x[1], x[2], beta: 2, alpha: -1));
        add("addbmm", () => [Rand(107, [2, 3]), Rand(108, [4, 2, 5]), Rand(109, [4, 5, 3])], x => torch.addbmm(x[0], x[1], x[2], alpha: 0.5));
        add("addmm_inplace", () => [Rand(110, [2, 3]), Rand(111, [2, 4]), Rand(112, [4, 3])], x => (x[0] * 1).addmm_(x[1], x[2], beta: 0.5, alpha: 2));
        add("addmv_inplace", () => [Rand(113, [3]), Rand(114, [3, 2]), Rand(115, [2])], x => (x[0] * 1).addmv_(x[1], x[2], beta: 3));
        add("inner", () => [Rand(116, [2, 3]), Rand(117, [4, 3])], x => torch.inner(x[0], x[1]));
        add("kron", () => [Rand(118, [2, 3]), Rand(119, [3, 2])], x => torch.kron(x[0], x[1]));
        add("tensordot_pairs", () => [Rand(120, [3, 4, 2]), Rand(121, [2, 3, 5])], x => torch.tensordot(x[0], x[1], [0, 2], [1, 0]));
        add("vdot", () => [Rand(122, [5]), Rand(123, [5])], x => torch.vdot(x[0], x[1]));
        add("vecdot", () => [Rand(124, [2, 3, 4]), Rand(125, [3, 4])], x => L.vecdot(x[0], x[1]));
        add("dist_3", () => [Rand(126, [3, 4]), Rand(127, [4])], x => torch.dist(x[0], x[1], 3));
        add("logdet", () => [Well(128, [2, 3, 3])], x => torch.logdet(x[0]));
        add("cov_aweights", () => [Rand(129, [3, 5]), Rand(130, [5], 0.5, 2)], x => torch.cov(x[0], aweights: x[1]));
        add("corrcoef", () => [Rand(131, [3, 6])], x => torch.corrcoef(x[0]));
        add("trapezoid_x", () => [Rand(132, [3, 5]), Rand(133, [5])], x => torch.trapezoid(x[0], x[1]));
        add("cumulative_trapezoid", () => [Rand(134, [3, 5])], x => torch.cumulative_trapezoid(x[0], dx: 0.5));
        add("vander", () => [Rand(135, [4])], x => torch.vander(x[0], N: 4));
        add("linalg_vander", () => [Rand(136, [2, 3])], x => L.vander(x[0]));
        add("aminmax", () => [Rand(137, [3, 4])], x => { var (lo, hi) = torch.aminmax(x[0], dim: 1); return lo + 2 * hi; });
        add("tile", () => [Rand(138, [2, 3])], x => torch.tile(x[0], 2, 1, 2));
        add("clamp_min_inplace", () => [AwayFromZero(139, [3, 4])], x => (x[0] * 1).clamp_min_(0.0));
        add("std_var_mean", () => [Rand(140, [3, 4])], x =>
        {
            var (s, m) = torch.std_mean(x[0], [1]);
            var (v, m2) = torch.var_mean(x[0], [0], correction: 0);
            return torch.cat([s, m, v, m2]);
        });
        add("block_diag", () => [Rand(141, [2, 2]), Rand(142, [3]), Rand(143, [1, 2])], x => torch.block_diag(x));
        add("diagflat", () => [Rand(144, [2, 2])], x => torch.diagflat(x[0], 1));
        add("diagonal_scatter", () => [Rand(145, [3, 4]), Rand(146, [3])], x => torch.diagonal_scatter(x[0], x[1], 1));
        add("combinations", () => [Rand(147, [4])], x => torch.combinations(x[0], r: 3));
        add("renorm", () => [Rand(148, [3, 4], -2, 2)], x => torch.renorm(x[0], 2, 0, 1.0));
        add("take", () => [Rand(149, [3, 4])], x => torch.take(x[0], torch.tensor(new long[] { 0, 5, -1, 5 }, [2, 2], device: x[0].device)));
        add("multi_dot", () => [Rand(150, [3]), Rand(151, [3, 4]), Rand(152, [4, 2]), Rand(153, [2, 5])], x => L.multi_dot(x));
        add("cond_2", () => [Well(154, [3, 3])], x => L.cond(x[0]));
        add("cond_fro", () => [Well(155, [2, 3, 3])], x => L.cond(x[0], "fro"));
        add("tensorinv", () => [Well(156, [4, 4])], x => L.tensorinv(x[0].reshape(2, 2, 4), ind: 2));
        add("tensorsolve", () => [Well(157, [6, 6]), Rand(158, [2, 3])], x => L.tensorsolve(x[0].reshape(2, 3, 6), x[1]));

        add("solve_triangular_upper", () => [Rand(159, [3, 3]), Rand(160, [3, 2])], x => L.solve_triangular(Tri(x[0], true), x[1], upper: true));
        add("solve_triangular_lower_unit_batched", () => [Rand(161, [2, 3, 3]), Rand(162, [3, 2])], x => L.solve_triangular(x[0], x[1], upper: false, unitriangular: true));
        add("solve_triangular_right", () => [Rand(163, [3, 3]), Rand(164, [2, 3])], x => L.solve_triangular(Tri(x[0], false), x[1], upper: false, left: false));
        add("triangular_solve_transpose", () => [Rand(165, [3, 2]), Rand(166, [3, 3])], x => torch.triangular_solve(x[0], Tri(x[1], true), transpose: true).solution);
        add("lu", () => [Rand(167, [3, 3])], x => { var (_, l, u) = L.lu(x[0]); return torch.cat([l.flatten(), u.flatten()]); });
        add("lu_tall", () => [Rand(178, [4, 2])], x => { var (_, l, u) = L.lu(x[0]); return torch.cat([l.flatten(), u.flatten()]); });
        add("lu_wide_u_only", () => [Rand(179, [2, 4])], x => L.lu(x[0]).U);
        add("lu_tall_l_only", () => [Rand(180, [4, 3])], x => L.lu(x[0]).L);
        add("lu_factor_batched", () => [Rand(168, [2, 3, 3])], x => L.lu_factor(x[0]).LU);
        add("lu_solve", () => [Well(169, [3, 3]), Rand(170, [3, 2])], x =>
        {
            var (lu, piv) = L.lu_factor(x[0]);
            return torch.cat([L.lu_solve(lu, piv, x[1]).flatten(), L.lu_solve(lu, piv, x[1].mT, left: false, adjoint: true).flatten()]);
        });
        add("cholesky_solve", () => [Rand(171, [3, 2]), Rand(172, [3, 3])], x => torch.cholesky_solve(x[0], Tri(x[1], false)));
        add("cholesky_inverse_upper", () => [Rand(173, [3, 3])], x => torch.cholesky_inverse(Tri(x[0], true), upper: true));
        add("matrix_exp", () => [Rand(174, [3, 3])], x => L.matrix_exp(x[0]));
        add("matrix_exp_scaled_batched", () => [Rand(175, [2, 3, 3], -3, 3)], x => torch.matrix_exp(x[0]));
        add("householder_product", () => [Rand(176, [4, 3]), Rand(177, [2])], x => L.householder_product(x[0], x[1]));
    }
}
