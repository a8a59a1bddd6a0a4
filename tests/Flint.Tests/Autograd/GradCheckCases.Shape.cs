using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

// Gradchecks (float64, finite differences) of the everyday shape and index ops of issue 15. Index tensors
// are built inside each function on the input's device, so every case also runs on cuda:0.
public static partial class GradCheckCases
{
    private static Tensor On(Tensor like, params long[] values) => torch.tensor(values).to(like.device);

    static void AddShapeCases(Adder add)
    {
        add("flip", () => [Rand(1, [2, 3, 4])], x => x[0].flip(0, 2) * x[0]);
        add("fliplr_flipud", () => [Rand(2, [3, 4])], x => x[0].fliplr() + torch.flipud(x[0]) * 2.0);
        add("roll", () => [Rand(3, [3, 4])], x => x[0].roll([1, -2], [0, 1]) * x[0]);
        add("roll_flat", () => [Rand(4, [3, 4])], x => torch.roll(x[0], 5) * x[0]);
        add("rot90", () => [Rand(5, [2, 3, 4])], x => x[0].rot90(1, (1, 2)).sum(0) * x[0].rot90(3, (2, 1)).sum(0));
        add("diagonal", () => [Rand(6, [2, 3, 4])], x => x[0].diagonal(1, 1, 2) * 3.0);
        add("diagonal_transposed", () => [Rand(7, [4, 3])], x => torch.diagonal(x[0].t(), -1));
        add("diag_vector", () => [Rand(8, [3])], x => x[0].diag(1) * 2.0);
        add("diag_matrix", () => [Rand(9, [3, 4])], x => torch.diag(x[0], -1));
        add("diag_embed", () => [Rand(10, [2, 3])], x => x[0].diag_embed(1, 0, 2));
        add("trace", () => [Rand(11, [3, 4])], x => x[0].trace() * x[0].sum());
        add("meshgrid_xy", () => [Rand(12, [2]), Rand(13, [3])], x =>
        {
            var g = torch.meshgrid([x[0], x[1]], "xy");
            return g[0] * g[1] + g[0];
        });
        add("cartesian_prod", () => [Rand(14, [2]), Rand(15, [3])], x => torch.cartesian_prod(x[0], x[1]).pow(2));
        add("broadcast_tensors", () => [Rand(16, [3, 1]), Rand(17, [4])], x =>
        {
            var b = torch.broadcast_tensors(x[0], x[1]);
            return b[0] * b[1];
        });
        add("movedim", () => [Rand(18, [2, 3, 4])], x => x[0].movedim([0, 1], [2, 0]) * 1.5);
        add("tensor_split", () => [Rand(19, [7, 2])], x =>
        {
            var p = x[0].tensor_split(3);
            return p[0].sum() * p[2].sum() + p[1].pow(2).sum();
        });
        add("hstack_vstack", () => [Rand(20, [2, 3]), Rand(21, [3])], x => torch.vstack(x[0], x[1]) * torch.hstack(x[1], x[1]).narrow(0, 0, 3));
        add("dstack_column_stack", () => [Rand(22, [3]), Rand(23, [3, 2])], x => torch.column_stack(x[0], x[1]).sum() * torch.dstack(x[0], x[0]));
        add("take_along_dim", () => [Rand(24, [3, 4])], x => x[0].take_along_dim(x[0].detach().argsort(1), 1) * torch.take_along_dim(x[0], On(x[0], 0, 5, 11, 5)).sum());
        add("index_copy", () => [Rand(25, [4, 3]), Rand(26, [2, 3])], x => x[0].index_copy(0, On(x[0], 3, 1), x[1]) * x[0]);
        add("index_fill_tensor_value", () => [Rand(27, [3, 4]), Rand(28, [])], x => x[0].index_fill(1, On(x[0], 0, -1), x[1]) * x[0]);
        add("index_add", () => [Rand(29, [3, 4]), Rand(30, [3, 3])], x => x[0].index_add(1, On(x[0], 1, 3, 1), x[1], alpha: -2.0).pow(2));
        add("index_reduce_prod", () => [Rand(31, [4, 3], 0.5, 1.5), Rand(32, [3, 3], 0.5, 1.5)], x => x[0].index_reduce(0, On(x[0], 2, 0, 2), x[1], "prod"));
        add("index_reduce_mean_exclude_self", () => [Rand(33, [4, 3]), Rand(34, [3, 3])], x => x[0].index_reduce(0, On(x[0], 2, 0, 2), x[1], "mean", include_self: false));
        add("index_reduce_amax", () => [Rand(35, [4, 3]), Rand(36, [3, 3])], x => x[0].index_reduce(0, On(x[0], 2, 0, 2), x[1], "amax"));
        add("scatter_reduce_sum", () => [Rand(37, [3, 4]), Rand(38, [3, 4])], x => x[0].scatter_reduce(1, On(x[0], 0, 1, 0, 3, 2, 2, 2, 0, 1, 3, 3, 3).reshape(3, 4), x[1], "sum", include_self: false) * x[0]);
        add("scatter_reduce_prod", () => [Rand(39, [3, 4], 0.5, 1.5), Rand(40, [3, 4], 0.5, 1.5)], x => x[0].scatter_reduce(1, On(x[0], 0, 1, 0, 3, 2, 2, 2, 0, 1, 3, 3, 3).reshape(3, 4), x[1], "prod"));
        add("scatter_reduce_prod_with_zeros", () => [WithZeros(Rand(41, [3, 4], 0.5, 1.5, requires_grad: false), [(0, 2), (1, 1)]), WithZeros(Rand(42, [3, 4], 0.5, 1.5, requires_grad: false), [(2, 3), (0, 1)])],
            x => x[0].scatter_reduce(1, On(x[0], 0, 1, 0, 3, 2, 2, 2, 0, 1, 3, 3, 3).reshape(3, 4), x[1], "prod"));
        add("scatter_reduce_mean", () => [Rand(43, [3, 4]), Rand(44, [3, 4])], x => x[0].scatter_reduce(1, On(x[0], 0, 1, 0, 3, 2, 2, 2, 0, 1, 3, 3, 3).reshape(3, 4), x[1], "mean"));
        add("scatter_reduce_amin_exclude_self", () => [Rand(45, [3, 4]), Rand(46, [3, 4])], x => x[0].scatter_reduce(1, On(x[0], 0, 1, 0, 3, 2, 2, 2, 0, 1, 3, 3, 3).reshape(3, 4), x[1], "amin", include_self: false));
        add("masked_scatter", () => [Rand(47, [3, 4]), Rand(48, [2, 5])], x => x[0].masked_scatter(torch.tensor(new[] { true, false, true, true }).to(x[0].device), x[1]) * x[0]);
        add("inplace_index_add_", () => [Rand(49, [3, 4]), Rand(50, [3, 2])], x => { var y = x[0] * 1.0; y.index_add_(1, On(x[0], 2, 2), x[1]); return y * x[0]; });
        add("inplace_scatter_reduce_", () => [Rand(51, [3, 4]), Rand(52, [3, 4])], x => { var y = x[0] * 1.0; y.scatter_reduce_(1, On(x[0], 0, 1, 0, 3, 2, 2, 2, 0, 1, 3, 3, 3).reshape(3, 4), x[1], "amax"); return y * 2.0; });
    }
}
