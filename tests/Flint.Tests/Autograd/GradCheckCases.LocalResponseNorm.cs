using static Flint.Tests.Autograd.TestData;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Autograd;

// Gradchecks (float64, finite differences) of F.local_response_norm: 3-D (avg_pool2d path in PyTorch), 4-D and 5-D
// (avg_pool3d path), an even window (asymmetric padding) and a window wider than the channels.
public static partial class GradCheckCases
{
    static void AddLocalResponseNormCases(Adder add)
    {
        add("local_response_norm_3d", () => [Rand(1, [2, 5, 3])], x => F.local_response_norm(x[0], 3, alpha: 0.5, beta: 0.75, k: 1.0));
        add("local_response_norm_4d_even", () => [Rand(2, [2, 4, 2, 3])], x => F.local_response_norm(x[0], 2, alpha: 0.3, beta: 0.5, k: 2.0));
        add("local_response_norm_5d_wide", () => [Rand(3, [1, 3, 2, 2, 2])], x => F.local_response_norm(x[0], 5, alpha: 1.0, beta: 1.5, k: 1.0));
    }
}
