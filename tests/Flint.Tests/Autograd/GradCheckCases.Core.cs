using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

// Gradchecks of the Core ATen operators Flint gained for docs/ops.md (and of overloads the table lacked a check for).
// Inputs keep inside each function's domain and away from its poles.
public static partial class GradCheckCases
{
    static void AddCoreAtenCases(Adder add)
    {
        add("acos", () => [Rand(1, [3, 4], -0.9, 0.9)], x => x[0].acos());
        add("asin", () => [Rand(2, [3, 4], -0.9, 0.9)], x => x[0].asin());
        add("atan", () => [Rand(3, [3, 4], -3, 3)], x => x[0].atan());
        add("acosh", () => [Rand(4, [3, 4], 1.2, 3)], x => x[0].acosh());
        add("asinh", () => [Rand(5, [3, 4], -3, 3)], x => x[0].asinh());
        add("atanh", () => [Rand(6, [3, 4], -0.9, 0.9)], x => x[0].atanh());
        add("cosh", () => [Rand(7, [3, 4], -2, 2)], x => x[0].cosh());
        add("sinh", () => [Rand(8, [3, 4], -2, 2)], x => x[0].sinh());
        add("tan", () => [Rand(9, [3, 4], -1.2, 1.2)], x => x[0].tan());
        add("log2", () => [Rand(10, [3, 4], 0.3, 3)], x => x[0].log2());
        add("log10", () => [Rand(11, [3, 4], 0.3, 3)], x => x[0].log10());
        add("expm1", () => [Rand(12, [3, 4], -2, 2)], x => x[0].expm1());
        add("reciprocal", () => [AwayFromZero(13, [3, 4], 0.3, 2)], x => x[0].reciprocal());
        add("atan2", () => [Rand(17, [3, 4], -2, 2), AwayFromZero(18, [4], 0.3, 2)], x => x[0].atan2(x[1]));
        add("fmod", () => [Rand(19, [3, 4], 2.2, 2.8), Rand(20, [4], 1.0, 1.05)], x => x[0].fmod(x[1]));
        add("fmod_scalar", () => [Rand(21, [3, 4], 0.1, 1.4)], x => x[0].fmod(1.5));
        add("remainder", () => [Rand(22, [3, 4], -2.8, -2.2), Rand(23, [3, 1], 1.0, 1.05)], x => x[0].remainder(x[1]));
        add("remainder_scalar", () => [Rand(24, [3, 4], 0.1, 1.4)], x => x[0].remainder(-1.5));
        add("div_rounding_mode", () => [Rand(25, [3, 4]), AwayFromZero(26, [4], 0.3, 2)], x => x[0].div(x[1], torch.RoundingMode.floor) + x[0]);
        add("softmax", () => [Rand(27, [3, 4, 2], -2, 2)], x => torch.nn.functional.softmax(x[0], 1) * x[0]);
        add("log_softmax", () => [Rand(28, [3, 4], -2, 2)], x => x[0].log_softmax(-1));
        add("slice_scatter", () => [Rand(29, [4, 5]), Rand(30, [4, 2])], x => x[0].slice_scatter(x[1], 1, 1, 5, 2));
        add("select_scatter", () => [Rand(31, [3, 4]), Rand(32, [3])], x => torch.select_scatter(x[0], x[1], 1, -2));
        add("div_tensor_by_scalar", () => [Rand(14, [3, 4])], x => x[0] / 2.5);
        add("sub_scalar", () => [Rand(15, [3, 4])], x => x[0] - 1.5);
        add("pow_scalar_base", () => [Rand(16, [3, 4])], x => torch.pow(2.5, x[0]));
    }
}
