using static Flint.Tests.Autograd.TestData;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Autograd;

// 3-d pooling, grid sampling, pdist, as_strided and the interpolation modes: backward formulas against finite
// differences (float64). Max inputs are random, so ties inside a window have probability zero.
public static partial class GradCheckCases
{
    static void AddSamplingCases(Adder add)
    {
        add("max_pool3d", () => [Rand(41, [1, 2, 4, 5, 5])], x => F.max_pool3d(x[0], 3, stride: 2, padding: 1));
        add("max_pool3d_dilated_ceil", () => [Rand(42, [1, 1, 5, 6, 5])], x => F.max_pool3d(x[0], [2, 2, 3], stride: [2, 1, 2], padding: [1, 0, 1], dilation: [2, 2, 1], ceil_mode: true));
        add("avg_pool3d", () => [Rand(43, [1, 2, 4, 5, 4])], x => F.avg_pool3d(x[0], 3, stride: 2, padding: 1));
        add("avg_pool3d_exclude_pad_ceil", () => [Rand(44, [1, 1, 5, 4, 5])], x => F.avg_pool3d(x[0], 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false));
        add("avg_pool3d_divisor", () => [Rand(45, [2, 3, 3, 4])], x => F.avg_pool3d(x[0], 2, stride: 1, divisor_override: 3));
        add("adaptive_avg_pool3d", () => [Rand(46, [1, 2, 5, 4, 7])], x => F.adaptive_avg_pool3d(x[0], [2, 3, 3]));
        add("adaptive_max_pool3d", () => [Rand(47, [1, 2, 5, 4, 7])], x => F.adaptive_max_pool3d(x[0], [2, 3, 3]));
        add("grid_sample_bilinear", () => [Rand(48, [1, 2, 3, 4]), Rand(49, [1, 3, 2, 2], -1.2, 1.2)], x => F.grid_sample(x[0], x[1], "bilinear", "zeros", false));
        add("grid_sample_bilinear_reflection", () => [Rand(50, [1, 2, 3, 4]), Rand(51, [1, 3, 2, 2], -2.5, 2.5)], x => F.grid_sample(x[0], x[1], "bilinear", "reflection", true));
        add("grid_sample_bicubic_border", () => [Rand(52, [1, 1, 4, 4]), Rand(53, [1, 2, 3, 2], -1.3, 1.3)], x => F.grid_sample(x[0], x[1], "bicubic", "border", false));
        add("grid_sample_nearest", () => [Rand(54, [2, 2, 3, 3]), Rand(55, [2, 2, 2, 2], -1.1, 1.1, requires_grad: false)], x => F.grid_sample(x[0], x[1], "nearest", "zeros", false));
        add("affine_grid", () => [Rand(56, [2, 2, 3])], x => F.affine_grid(x[0], [2, 1, 3, 4], align_corners: false));
        add("affine_grid_3d", () => [Rand(57, [1, 3, 4])], x => F.affine_grid(x[0], [1, 1, 2, 3, 2], align_corners: true));
        add("pdist", () => [Rand(58, [5, 3])], x => torch.pdist(x[0]));
        add("pdist_p1_5", () => [Rand(59, [4, 3])], x => torch.pdist(x[0], 1.5));
        add("as_strided", () => [Rand(60, [3, 4])], x => x[0].as_strided([2, 3], [4, 1], 1));
        add("as_strided_overlapping", () => [Rand(61, [6])], x => x[0].as_strided([3, 3], [1, 1], 0));
        add("as_strided_of_view", () => [Rand(62, [4, 5])], x => x[0].t().as_strided([3, 2], [1, 5], 2) * 2.0);
        add("alias", () => [Rand(63, [2, 3])], x => x[0].alias() * 3.0);
        add("interpolate_bicubic", () => [Rand(64, [1, 2, 3, 4])], x => F.interpolate(x[0], size: [5, 6], mode: "bicubic"));
        add("interpolate_trilinear", () => [Rand(65, [1, 1, 2, 3, 2])], x => F.interpolate(x[0], size: [3, 4, 3], mode: "trilinear", align_corners: true));
        add("interpolate_linear", () => [Rand(66, [2, 2, 4])], x => F.interpolate(x[0], scale_factor: [1.5], mode: "linear"));
        add("interpolate_area", () => [Rand(67, [1, 2, 5, 7])], x => F.interpolate(x[0], size: [2, 3], mode: "area"));
        add("interpolate_nearest_exact", () => [Rand(68, [1, 2, 3, 4])], x => F.interpolate(x[0], size: [5, 3], mode: "nearest-exact"));
    }
}
