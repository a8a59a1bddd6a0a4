using Flint.Tests.Autograd;
using static Flint.Cuda.Tests.ModuleOnCuda;

namespace Flint.Cuda.Tests;

/// <summary>
/// Local response normalisation on cuda:0: the float64 gradchecks of the CPU table run on the device (the golden values
/// of tests/golden/ops-lrn.json run in <see cref="CudaGoldenOpTests"/>), and the module's values and gradients equal the CPU's.
/// </summary>
public class LocalResponseNormCudaTests
{
    [Theory]
    [InlineData("local_response_norm_3d")]
    [InlineData("local_response_norm_4d_even")]
    [InlineData("local_response_norm_5d_wide")]
    public void GradCheckOnCuda(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));

    [Fact]
    public void ModuleMatchesTheCpu() =>
        Same(torch.nn.LocalResponseNorm(3, alpha: 0.5, beta: 0.75, k: 1.5), [R(1, 2, 5, 2, 2)], (m, x) => [m.call(x[0])]);
}
