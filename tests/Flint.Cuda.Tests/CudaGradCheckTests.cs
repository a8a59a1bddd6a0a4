using Flint.Tests.Autograd;

namespace Flint.Cuda.Tests;

/// <summary>
/// The CPU suite's gradcheck table (<see cref="GradCheckCases"/>, float64, finite differences) on
/// cuda:0: one case per op family and backward shape, so the emulator's run stays short. Cases whose
/// function builds a CPU index tensor inside it (gather, scatter, index_select, advanced index
/// assignment) are left to the CPU run: with a cuda input they mix devices by construction.
/// </summary>
public class CudaGradCheckTests
{
    public static TheoryData<string> Names() =>
    [
        "add_broadcast", "mul_broadcast", "pow_tensor", "maximum", "where", "exp", "tanh", "relu", "clamp_both",
        "sum_dims", "mean_dim", "prod_with_zero", "max_dim_values", "var_dim", "norm_p3_dim",
        "matmul_3d_3d_broadcast", "mv", "reshape_permuted", "expand", "index_bool_mask", "cat_dim1",
        "masked_fill", "inplace_copy_", "log_softmax_like",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void AnalyticalMatchesNumerical(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));
}
