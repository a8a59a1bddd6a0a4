using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

// Gradchecks (float64, finite differences) of the everyday math and statistics ops of issue 15. Inputs keep away
// from ties and kinks (clamp bounds, equal values in median/mode/cummax) where the derivative is undefined.
public static partial class GradCheckCases
{
    static void AddMathCases(Adder add)
    {
        add("clamp_tensor_both", () => [Rand(1, [3, 4], -2, 2), Rand(2, [4], -1.5, -0.5), Rand(3, [3, 1], 0.5, 1.5)], x => x[0].clamp(x[1], x[2]));
        add("clamp_tensor_min", () => [Rand(4, [3, 4], -2, 2), Rand(5, [3, 4], -1, 1)], x => torch.clamp(x[0], min: x[1]));
        add("clamp_tensor_max_only", () => [Rand(6, [5], -2, 2), Rand(7, [5], -1, 1)], x => x[0].clamp(max: x[1]));
        add("clamp_tensor_crossed", () => [Rand(8, [4], -2, 2), Rand(9, [4], 1, 2), Rand(10, [4], -1, 0)], x => x[0].clamp(x[1], x[2]));
        add("lerp_scalar", () => [Rand(1, [3, 4]), Rand(2, [3, 4])], x => x[0].lerp(x[1], 0.3));
        add("lerp_tensor", () => [Rand(1, [3, 4]), Rand(2, [4]), Rand(3, [3, 1], 0, 1)], x => torch.lerp(x[0], x[1], x[2]));
        add("hypot", () => [Rand(1, [3, 4]), Rand(2, [4])], x => x[0].hypot(x[1]));
        add("xlogy", () => [Rand(1, [3, 4]), Rand(2, [3, 4], 0.2, 2)], x => x[0].xlogy(x[1]));
        add("xlogy_scalar_x", () => [Rand(2, [5], 0.2, 2)], x => torch.xlogy(2.5, x[0]));
        add("sinc", () => [AwayFromZero(1, [3, 4], 0.1, 2.5)], x => x[0].sinc());
        add("deg2rad", () => [Rand(1, [3])], x => x[0].deg2rad());
        add("logsumexp", () => [Rand(1, [3, 4], -3, 3)], x => x[0].logsumexp(1));
        add("logsumexp_dims_keepdim", () => [Rand(2, [2, 3, 4], -3, 3)], x => torch.logsumexp(x[0], [0, 2], keepdim: true));
        add("nansum", () => [WithNaN(Rand(1, [3, 4], requires_grad: false))], x => x[0].nansum(1));
        add("nanmean", () => [WithNaN(Rand(2, [3, 4], requires_grad: false))], x => x[0].nanmean(0));
        add("diff", () => [Rand(1, [3, 5])], x => x[0].diff());
        add("diff_n2_prepend", () => [Rand(1, [2, 4]), Rand(2, [2, 1])], x => torch.diff(x[0], 2, 1, prepend: x[1]));
        add("cdist", () => [Rand(1, [3, 4]), Rand(2, [5, 4])], x => torch.cdist(x[0], x[1]));
        add("cdist_p1_batched", () => [Rand(1, [2, 3, 2]), Rand(2, [2, 4, 2])], x => torch.cdist(x[0], x[1], 1.0));
        add("cdist_mm", () => [Rand(1, [27, 2]), Rand(2, [3, 2])], x => torch.cdist(x[0], x[1]));
        add("cosine_similarity", () => [Rand(1, [3, 4]), Rand(2, [3, 4])], x => torch.nn.functional.cosine_similarity(x[0], x[1]));
        add("pairwise_distance", () => [Rand(1, [3, 4]), Rand(2, [3, 4])], x => torch.nn.functional.pairwise_distance(x[0], x[1]));
        add("normalize", () => [Rand(1, [3, 4])], x => torch.nn.functional.normalize(x[0], dim: 0));
        add("kthvalue", () => [Rand(1, [3, 5])], x => x[0].kthvalue(2).values);
        add("median_all", () => [Rand(1, [3, 5])], x => x[0].median());
        add("median_dim", () => [Rand(2, [4, 3])], x => x[0].median(0, keepdim: true).values);
        add("nanmedian_dim", () => [WithNaN(Rand(3, [3, 4], requires_grad: false))], x => x[0].nanmedian(1).values);
        add("quantile_linear", () => [Rand(1, [3, 7])], x => x[0].quantile(torch.tensor(new[] { 0.1, 0.5, 0.8 }, torch.float64, x[0].device), 1));
        add("quantile_midpoint_all", () => [Rand(2, [3, 4])], x => x[0].quantile(0.4, interpolation: "midpoint"));
        add("nanquantile", () => [WithNaN(Rand(3, [3, 5], requires_grad: false))], x => x[0].nanquantile(0.3, 1));
        add("cummax", () => [Rand(1, [3, 6])], x => x[0].cummax(1).values);
        add("cummin_dim0", () => [Rand(2, [5, 3])], x => torch.cummin(x[0], 0).values);
        add("logcumsumexp", () => [Rand(1, [3, 6], -3, 3)], x => x[0].logcumsumexp(1));
        add("logcumsumexp_dim0", () => [Rand(2, [5, 2], -3, 3)], x => torch.logcumsumexp(x[0], 0));
    }

    /// <summary>NaN at two fixed positions of a [3, n] input (for the NaN-ignoring reductions), then requires grad.</summary>
    private static Tensor WithNaN(Tensor t)
    {
        t[0, 1] = double.NaN;
        t[2, 0] = double.NaN;
        return t.requires_grad_();
    }
}
