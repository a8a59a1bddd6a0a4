using static Flint.Tests.Autograd.TestData;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Autograd;

// Pooling, batch norm and resampling: backward formulas against finite differences (float64). Max inputs
// are random normals, so ties inside a window (where max is not differentiable) have probability zero.
public static partial class GradCheckCases
{
    static void AddPoolingCases(Adder add)
    {
        add("max_pool2d", () => [Rand(11, [2, 2, 5, 6])], x => F.max_pool2d(x[0], 3, stride: 2, padding: 1));
        add("max_pool2d_dilated_ceil", () => [Rand(12, [1, 2, 7, 7])], x => F.max_pool2d(x[0], [2, 3], stride: [2, 1], padding: [1, 1], dilation: [2, 1], ceil_mode: true));
        add("max_pool1d", () => [Rand(13, [2, 3, 8])], x => F.max_pool1d(x[0], 3, stride: 2, padding: 1));
        add("avg_pool2d", () => [Rand(14, [2, 2, 5, 6])], x => F.avg_pool2d(x[0], 3, stride: 2, padding: 1));
        add("avg_pool2d_exclude_pad_ceil", () => [Rand(15, [1, 2, 6, 7])], x => F.avg_pool2d(x[0], 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false));
        add("avg_pool2d_divisor", () => [Rand(16, [1, 1, 4, 5])], x => F.avg_pool2d(x[0], 2, stride: 1, divisor_override: 3));
        add("avg_pool1d", () => [Rand(17, [2, 2, 7])], x => F.avg_pool1d(x[0], 2, stride: 1, padding: 1));
        add("adaptive_avg_pool2d", () => [Rand(18, [2, 2, 7, 5])], x => F.adaptive_avg_pool2d(x[0], [3, 2]));
        add("adaptive_avg_pool1d", () => [Rand(19, [2, 2, 7])], x => F.adaptive_avg_pool1d(x[0], 4));
        add("adaptive_max_pool2d", () => [Rand(20, [1, 2, 7, 9])], x => F.adaptive_max_pool2d(x[0], [3, 4]));
        add("batch_norm_train", () => [Rand(21, [3, 2, 2, 3]), Rand(22, [2]), Rand(23, [2])],
            x => F.batch_norm(x[0], null, null, x[1], x[2], training: true));
        add("batch_norm_eval", () => [Rand(24, [3, 2, 4]), Rand(25, [2]), Rand(26, [2])],
            x => F.batch_norm(x[0], torch.tensor(new[] { 0.3, -0.2 }).to(x[0].device), torch.tensor(new[] { 0.8, 1.7 }).to(x[0].device), x[1], x[2], training: false));
        add("batch_norm_no_affine", () => [Rand(27, [4, 3])], x => F.batch_norm(x[0], null, null, training: true));
        add("interpolate_bilinear", () => [Rand(28, [1, 2, 3, 4])], x => F.interpolate(x[0], size: [5, 7], mode: "bilinear"));
        add("interpolate_bilinear_align", () => [Rand(29, [1, 1, 4, 3])], x => F.interpolate(x[0], scale_factor: [1.5], mode: "bilinear", align_corners: true));
        add("interpolate_nearest", () => [Rand(30, [1, 2, 3, 3])], x => F.interpolate(x[0], size: [5, 4]));
        add("pixel_shuffle", () => [Rand(31, [1, 8, 2, 2])], x => F.pixel_shuffle(x[0], 2));
    }
}
