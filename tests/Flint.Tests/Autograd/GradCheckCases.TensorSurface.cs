using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

// Gradchecks (float64, finite differences) of Tensor.unfold, the view added for TorchSharp's spelling: disjoint,
// overlapping (step < size) and gapped (step > size) windows, a negative dim, a 0-d input; and the in-place
// activation forms on a non-leaf (their rebase onto the out-of-place op's node).
public static partial class GradCheckCases
{
    static void AddTensorSurfaceCases(Adder add)
    {
        add("unfold_overlapping", () => [Rand(1, [2, 7])], x => x[0].unfold(1, 3, 1));
        add("unfold_disjoint_middle", () => [Rand(2, [2, 6, 3])], x => x[0].unfold(1, 2, 2) * 1.5);
        add("unfold_gapped_negative_dim", () => [Rand(3, [3, 8])], x => x[0].unfold(-1, 2, 3));
        add("unfold_twice", () => [Rand(4, [5, 6])], x => x[0].unfold(0, 2, 1).unfold(1, 3, 2));
        add("unfold_scalar", () => [Rand(5, [])], x => x[0].unfold(0, 1, 1) * 2.0);
        add("elu_inplace_nonleaf", () => [Rand(6, [3, 4])], x => (x[0] * 1.0).elu_(0.7));
        add("silu_inplace_nonleaf", () => [Rand(7, [3, 4])], x => (x[0] * 1.0).silu_());
        add("hardtanh_inplace_nonleaf", () => [Rand(8, [3, 4], -2, 2)], x => (x[0] * 1.0).hardtanh_(-0.6, 0.9));
    }
}
