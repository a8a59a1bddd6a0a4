using Flint.Tests.Autograd;
using Flint.Tests.Linalg;

namespace Flint.Cuda.Tests;

/// <summary>
/// The everyday matrix, statistics and factorization functions of issue 15 on cuda:0: compositions run the device's
/// own ops, the triangular solve and LU kernels a host round trip. A few golden cases (tests/golden/linalg-more.json)
/// and gradchecks.
/// </summary>
public class CudaLinalgMoreTests
{
    [Theory]
    [InlineData("addmv_f32")]
    [InlineData("addbmm_f64")]
    [InlineData("kron_3d_2d")]
    [InlineData("tensordot_pairs")]
    [InlineData("cov_both")]
    [InlineData("corrcoef")]
    [InlineData("trapezoid_x2d")]
    [InlineData("linalg_vander_batched_N5_f32")]
    [InlineData("block_diag_promote")]
    [InlineData("take")]
    [InlineData("multi_dot_4")]
    [InlineData("cond_fro")]
    [InlineData("solve_triangular_lower_right_f32")]
    [InlineData("lu_batched")]
    [InlineData("lu_solve_adjoint")]
    [InlineData("cholesky_solve_upper")]
    [InlineData("inv_ex_singular_info")]
    [InlineData("matrix_exp_scaled")]
    [InlineData("householder_product_batched_f32")]
    public void GoldenCaseMatchesPyTorch(string name) => LinalgMoreGoldenSuite.Check(name, CudaDevice.Device);

    [Fact]
    public void WindowsAndIndicesCanBeMadeOnTheDevice()
    {
        var w = torch.kaiser_window(8, device: CudaDevice.Device);
        Assert.Equal(CudaDevice.Device, w.device);
        Assert.True(torch.allclose(w.cpu(), torch.kaiser_window(8)));
        var t = torch.tril_indices(3, 3, device: CudaDevice.Device);
        Assert.Equal(CudaDevice.Device, t.device);
        Assert.Equal(new long[] { 0, 1, 1, 2, 2, 2, 0, 0, 1, 0, 1, 2 }, t.cpu().data<long>().ToArray());
    }

    [Theory]
    [InlineData("addr")]
    [InlineData("cov_aweights")]
    [InlineData("diagonal_scatter")]
    [InlineData("solve_triangular_lower_unit_batched")]
    [InlineData("lu")]
    [InlineData("cholesky_solve")]
    [InlineData("matrix_exp")]
    [InlineData("householder_product")]
    public void AnalyticalMatchesNumerical(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));
}
