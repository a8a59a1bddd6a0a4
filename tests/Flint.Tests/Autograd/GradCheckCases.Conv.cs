using static Flint.Tests.Autograd.TestData;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Autograd;

// Convolutions, transposed convolutions, padding and fold/unfold: tiny shapes (the CUDA suite runs them on the emulator).
public static partial class GradCheckCases
{
    private static void AddConvCases(Adder add)
    {
        add("conv1d_stride_dil_groups", () => [Rand(1, [2, 4, 7]), Rand(2, [4, 2, 2]), Rand(3, [4])],
            x => F.conv1d(x[0], x[1], x[2], [2], [1], [2], groups: 2));
        add("conv2d", () => [Rand(1, [2, 2, 4, 4]), Rand(2, [3, 2, 2, 2]), Rand(3, [3])],
            x => F.conv2d(x[0], x[1], x[2], [1, 2], [1]));
        add("conv2d_same_depthwise", () => [Rand(1, [1, 2, 4, 3]), Rand(2, [2, 1, 2, 3])],
            x => F.conv2d(x[0], x[1], null, null, Padding.Same, null, groups: 2));
        add("conv3d", () => [Rand(1, [1, 2, 3, 3, 3]), Rand(2, [2, 2, 2, 2, 2]), Rand(3, [2])],
            x => F.conv3d(x[0], x[1], x[2], [2], [1]));
        add("conv_transpose1d", () => [Rand(1, [2, 2, 3]), Rand(2, [2, 3, 3]), Rand(3, [3])],
            x => F.conv_transpose1d(x[0], x[1], x[2], [2], [1], [1]));
        add("conv_transpose2d_groups", () => [Rand(1, [1, 4, 3, 2]), Rand(2, [4, 1, 2, 2]), Rand(3, [2])],
            x => F.conv_transpose2d(x[0], x[1], x[2], [2, 1], null, null, [1, 2], groups: 2));
        add("pad_constant", () => [Rand(1, [2, 3, 4])], x => F.pad(x[0], [1, -1, 2, 0], value: 0.5));
        add("pad_reflect", () => [Rand(1, [1, 2, 3, 4])], x => F.pad(x[0], [2, 1, 1, 2], PaddingModes.Reflect));
        add("pad_replicate", () => [Rand(1, [2, 3, 4])], x => F.pad(x[0], [2, 3], PaddingModes.Replicate));
        add("pad_circular", () => [Rand(1, [1, 1, 2, 3, 3])], x => F.pad(x[0], [1, 2, 0, 1, 2, 1], PaddingModes.Circular));
    }
}

public static partial class GradCheckCases
{
    private static void AddFoldCases(Adder add)
    {
        add("unfold", () => [Rand(1, [1, 2, 4, 3])], x => F.unfold(x[0], (2, 2), (1, 1), (1, 0), (2, 1)));
        add("fold", () => [Rand(1, [1, 8, 6])], x => F.fold(x[0], (3, 4), (2, 2), padding: (0, 1), stride: (1, 2)));
    }
}
