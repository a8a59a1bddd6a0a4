using Flint.Tests.Linalg;

namespace Flint.Cuda.Tests;

/// <summary>
/// geqrf, ormqr and orgqr on cuda:0 (a host round trip through the linalg door) against PyTorch's CPU values
/// (tests/golden/linalg_qr.json), and svd_lowrank/pca_lowrank composed of the device's own ops.
/// </summary>
public class CudaLinalgQrTests
{
    [Theory]
    [InlineData("geqrf_tall_f64")]
    [InlineData("geqrf_batched_f32")]
    [InlineData("geqrf_wide_f64")]
    [InlineData("orgqr_batched")]
    [InlineData("ormqr_tall_left_T")]
    [InlineData("ormqr_wide_right")]
    [InlineData("ormqr_batched_f32_right")]
    public void GoldenCaseMatchesPyTorch(string name) => LinalgQrGoldenSuite.Check(name, CudaDevice.Device);

    [Fact]
    public void GeqrfAndOrmqrOnTheDeviceEqualTheCpu()
    {
        var x = torch.randn([2, 5, 3], ScalarType.Float64);
        var c = torch.randn([2, 5, 2], ScalarType.Float64);
        var (a, tau) = torch.geqrf(x);
        var (ad, taud) = torch.geqrf(x.to(CudaDevice.Device));
        Assert.Equal(CudaDevice.Device, ad.device);
        Assert.Equal(CudaDevice.Device, taud.device);
        Assert.True(torch.equal(a, ad.cpu()));
        Assert.True(torch.equal(tau, taud.cpu()));
        var r = torch.ormqr(ad, taud, c.to(CudaDevice.Device), transpose: true);
        Assert.Equal(CudaDevice.Device, r.device);
        Assert.True(torch.equal(torch.ormqr(a, tau, c, transpose: true), r.cpu()));
    }

    [Fact]
    public void SvdLowRankOnTheDeviceMatchesTheCpu()
    {
        // q = min(m, n): the randomized basis spans A's columns whatever the draws (the device generator's stream is
        // not the CPU's), so S and U diag(S) Vᵀ equal the CPU's full-rank results.
        var x = torch.randn([6, 4], ScalarType.Float64);
        var (u, s, v) = torch.svd_lowrank(x.to(CudaDevice.Device), q: 4);
        Assert.Equal(CudaDevice.Device, u.device);
        Assert.Equal(CudaDevice.Device, s.device);
        Assert.Equal(CudaDevice.Device, v.device);
        Assert.True(torch.allclose(s.cpu(), torch.linalg.svdvals(x), 1e-10, 1e-10));
        Assert.True(torch.allclose(u.matmul(torch.diag_embed(s)).matmul(v.mT).cpu(), x, 1e-10, 1e-10));
        var (_, sp, _) = torch.pca_lowrank(x.to(CudaDevice.Device), q: 4);
        Assert.True(torch.allclose(sp.cpu(), torch.linalg.svdvals(x - x.mean(-2L, keepdim: true)), 1e-10, 1e-10));
    }
}
