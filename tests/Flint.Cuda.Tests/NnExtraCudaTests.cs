using Flint.Tests.NN;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Cuda.Tests;

/// <summary>
/// The second batch of issue 15's torch.nn names on cuda:0: golden cases of tests/golden/nn-extra.json (outputs and gradients
/// on the device), a few gradchecks, and the training-mode random paths.
/// </summary>
public class NnExtraCudaTests
{
    [Theory]
    [InlineData("bilinear")]
    [InlineData("bilinear_batched")]
    [InlineData("rrelu_eval_bounds")]
    [InlineData("feature_alpha_dropout_eval")]
    [InlineData("lp_pool1d_p3_stride_ceil")]
    [InlineData("lp_pool2d_rect_stride_ceil")]
    [InlineData("max_unpool1d_output_size")]
    [InlineData("max_unpool2d")]
    [InlineData("max_unpool3d_unbatched_output_size")]
    [InlineData("upsample_nearest2d_scale")]
    [InlineData("upsample_nearest3d_size")]
    [InlineData("conv1d_same")]
    [InlineData("conv2d_valid_groups")]
    [InlineData("fractional_max_pool2d_size")]
    [InlineData("fractional_max_pool2d_indices")]
    [InlineData("fractional_max_pool3d_unbatched_ratio")]
    [InlineData("fuse_conv_bn_weights")]
    public void GoldenCaseMatchesPyTorch(string name) => NnExtraCases.Check(name, CudaDevice.Device, rtol: 1e-6, atol: 1e-8);

    [Theory]
    [InlineData("bilinear_nobias")]
    [InlineData("lp_pool2d_p2")]
    [InlineData("max_unpool2d_unbatched_rect")]
    [InlineData("fractional_max_pool3d_size")]
    public void AnalyticalMatchesNumerical(string name) => Assert.True(NnExtraCases.GradCheck(name, CudaDevice.Device));

    [Fact]
    public void TrainingModeRandomPathsRunOnTheDevice()
    {
        var x = randn(new long[] { 4, 5, 6 }, ScalarType.Float64).to(CudaDevice.Device).requires_grad_();
        var y = F.rrelu(x, 0.1, 0.3, training: true);
        y.sum().backward();
        var xs = x.detach().cpu().data<double>().ToArray();
        var ys = y.detach().cpu().data<double>().ToArray();
        var gs = x.grad!.cpu().data<double>().ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            if (xs[i] > 0) Assert.Equal(1.0, gs[i]);
            else
            {
                Assert.InRange(ys[i] / xs[i], 0.1, 0.3);
                Assert.Equal(ys[i] / xs[i], gs[i], 12);
            }
        }
        var d = F.dropout1d(x.detach(), 0.5);
        Assert.Equal(CudaDevice.Device, d.device);
        var ratio = d.div(x.detach()).cpu().reshape(20, 6);
        for (int r = 0; r < 20; r++) Assert.Single(ratio[r].data<double>().ToArray().Select(v => Math.Round(v, 9)).Distinct());
        var a = F.alpha_dropout(x.detach(), 0.2, training: true);
        Assert.Equal(CudaDevice.Device, a.device);
        var (v, i2) = F.fractional_max_pool2d_with_indices(x.detach(), [2], [3, 3]);
        Assert.Equal(CudaDevice.Device, v.device);
        Assert.Equal(v.cpu().data<double>().ToArray(), x.detach().cpu().reshape(1, 4, 30).gather(2, i2.cpu().reshape(1, 4, 9)).reshape(4, 3, 3).data<double>().ToArray());
    }
}
