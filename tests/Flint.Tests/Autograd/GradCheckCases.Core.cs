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
        add("div_tensor_by_scalar", () => [Rand(14, [3, 4])], x => x[0] / 2.5);
        add("sub_scalar", () => [Rand(15, [3, 4])], x => x[0] - 1.5);
        add("pow_scalar_base", () => [Rand(16, [3, 4])], x => torch.pow(2.5, x[0]));
    }
}
