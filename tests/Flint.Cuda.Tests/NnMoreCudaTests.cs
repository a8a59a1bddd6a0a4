using Flint.Tests.NN;

namespace Flint.Cuda.Tests;

/// <summary>
/// The losses and instance/batch norm layers of issue 15 on cuda:0: the same golden cases as the CPU suite
/// (tests/golden/nn-more.json), outputs and gradients on the device, and a few gradchecks.
/// </summary>
public class NnMoreCudaTests
{
    [Theory]
    [InlineData("huber_mean")]
    [InlineData("smooth_l1_none")]
    [InlineData("kl_div_batchmean")]
    [InlineData("poisson_rate_full_sum")]
    [InlineData("gaussian_homo_full_mean")]
    [InlineData("margin_ranking_none")]
    [InlineData("cosine_embedding_mean")]
    [InlineData("multilabel_margin_sum")]
    [InlineData("multi_margin_p2_weight_mean")]
    [InlineData("triplet_swap_p1_none")]
    [InlineData("ctc_mean")]
    [InlineData("ctc_zero_infinity")]
    [InlineData("instance_norm2d_running")]
    [InlineData("batch_norm3d_train")]
    public void GoldenCaseMatchesPyTorch(string name) => NnMoreCases.Check(name, CudaDevice.Device, rtol: 1e-6, atol: 1e-8);

    [Theory]
    [InlineData("huber_sum")]
    [InlineData("ctc_concatenated")]
    [InlineData("instance_norm")]
    public void AnalyticalMatchesNumerical(string name) => Assert.True(NnMoreCases.GradCheck(name, CudaDevice.Device));
}
