using Flint.Tests.Autograd;
using Flint.Tests.Linalg;

namespace Flint.Cuda.Tests;

/// <summary>
/// torch.linalg on cuda:0: the decompositions run on a host copy and their results come back to the device.
/// A few golden cases per family (tests/golden/linalg.json) and the gradchecks of det, solve, svd and eigh.
/// </summary>
public class CudaLinalgTests
{
    [Theory]
    [InlineData("det_f64")]
    [InlineData("slogdet_batched_f32")]
    [InlineData("inv_batched_f32")]
    [InlineData("solve_broadcast")]
    [InlineData("cholesky_upper_f64")]
    [InlineData("qr_wide_complete")]
    [InlineData("eigh_L_f64")]
    [InlineData("svd_tall_full")]
    [InlineData("svd_wide_reduced")]
    [InlineData("pinv_tall")]
    [InlineData("matrix_norm_nuc")]
    [InlineData("lstsq_tall")]
    public void GoldenCaseMatchesPyTorch(string name) => LinalgGoldenSuite.Check(name, CudaDevice.Device);

    [Fact]
    public void ResultsStayOnTheDevice()
    {
        var a = torch.tensor(new double[] { 4, 1, 1, 3 }, [2, 2], torch.float64).to(CudaDevice.Device);
        Assert.Equal(CudaDevice.Device, torch.linalg.inv(a).device);
        var (u, s, vh) = torch.linalg.svd(a);
        Assert.Equal(CudaDevice.Device, u.device);
        Assert.Equal(CudaDevice.Device, s.device);
        Assert.Equal(CudaDevice.Device, vh.device);
        Assert.Equal(11.0, torch.linalg.det(a).cpu().item<double>(), 12);
    }

    [Theory]
    [InlineData("linalg_det")]
    [InlineData("linalg_solve")]
    [InlineData("linalg_svd_tall")]
    [InlineData("linalg_eigh")]
    [InlineData("linalg_inv")]
    public void AnalyticalMatchesNumerical(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));
}
