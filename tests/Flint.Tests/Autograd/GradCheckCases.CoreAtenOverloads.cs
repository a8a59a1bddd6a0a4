using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

// Gradchecks of var/std with correction= (VarBackward0/StdBackward0 divide by N − correction) and of squeeze over dims.
public static partial class GradCheckCases
{
    static void AddCoreAtenOverloadCases(Adder add)
    {
        add("var_correction", () => [Rand(301, [3, 4, 5])], x => x[0].var([0, 2], 2, keepdim: true));
        add("var_correction_all", () => [Rand(302, [3, 4])], x => x[0].var(null, 0));
        add("std_correction", () => [Rand(303, [3, 4, 5])], x => torch.std(x[0], [1], 3));
        add("std_correction_dim", () => [Rand(304, [3, 4])], x => x[0].std(-1, 0, keepdim: true));
        add("var_mean_correction", () => [Rand(305, [3, 4])], x => { var (v, m) = x[0].var_mean([1], 2); return v + m * m; });
        add("squeeze_dims", () => [Rand(306, [2, 1, 3, 1])], x => x[0].squeeze([1, 3, 0]));
    }
}
