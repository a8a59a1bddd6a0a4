using Flint.Tests.Autograd;
using Flint.Tests.NN;

namespace Flint.Cuda.Tests;

/// <summary>
/// Pooling (the CUDA pool primitives), batch norm, interpolate and pixel shuffle on cuda:0 against PyTorch's
/// numbers (tests/golden/pool.json) and finite differences: every golden case (they are tiny), the
/// batch-norm modules' training and evaluation, and the pooling family's gradcheck cases.
/// </summary>
public class CudaPoolingTests
{
    public static TheoryData<string> Cases() => [.. PoolGoldenSuite.CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void GoldenCaseMatchesPyTorch(string name) => PoolGoldenSuite.Check(name, CudaDevice.Device);

    [Theory]
    [InlineData("BatchNorm2d")]
    [InlineData("BatchNorm2d_cma")]
    [InlineData("BatchNorm1d_3d_untracked")]
    public void BatchNormModuleMatchesPyTorch(string name) => PoolGoldenSuite.CheckModule(name, CudaDevice.Device);

    [Theory]
    [InlineData("max_pool2d")]
    [InlineData("max_pool1d")]
    [InlineData("avg_pool2d_exclude_pad_ceil")]
    [InlineData("adaptive_avg_pool2d")]
    [InlineData("adaptive_max_pool2d")]
    [InlineData("batch_norm_train")]
    [InlineData("interpolate_bilinear")]
    public void AnalyticalMatchesNumerical(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));

    [Fact]
    public void Dropout2dOnCudaKeepsOrDropsWholeChannels()
    {
        var y = torch.nn.functional.dropout2d(torch.ones([3, 4, 2, 2], device: CudaDevice.Device), 0.5).cpu().reshape(12, 4);
        for (int i = 0; i < 12; i++)
        {
            var row = y[i].data<float>();
            Assert.True(row.All(v => v == 0) || row.All(v => v == 2), $"channel {i}");
        }
    }
}
