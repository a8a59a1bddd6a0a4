using Flint.Tests.Autograd;
using Flint.Tests.NN;

namespace Flint.Cuda.Tests;

/// <summary>
/// 3-d pooling (the CUDA pool primitives' depth dim), grid sampling, interpolation modes, pdist and as_strided on cuda:0
/// against PyTorch's numbers (tests/golden/pool3d.json, tests/golden/sampling.json) and finite differences.
/// </summary>
public class CudaSamplingTests
{
    public static TheoryData<string> Cases() => [.. SamplingGoldenSuite.CaseKeys()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void GoldenCaseMatchesPyTorch(string key) => SamplingGoldenSuite.Check(key, CudaDevice.Device);

    [Theory]
    [InlineData("max_pool3d")]
    [InlineData("avg_pool3d_exclude_pad_ceil")]
    [InlineData("adaptive_avg_pool3d")]
    [InlineData("adaptive_max_pool3d")]
    [InlineData("grid_sample_bilinear_reflection")]
    [InlineData("grid_sample_bicubic_border")]
    [InlineData("affine_grid")]
    [InlineData("pdist")]
    [InlineData("as_strided_overlapping")]
    [InlineData("interpolate_bicubic")]
    [InlineData("interpolate_trilinear")]
    public void AnalyticalMatchesNumerical(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));
}
