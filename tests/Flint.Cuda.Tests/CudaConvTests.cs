using Flint.Tests.Autograd;
using Flint.Tests.NN;
using F = Flint.torch.nn.functional;

namespace Flint.Cuda.Tests;

/// <summary>
/// Convolutions, transposed convolutions and padding on cuda:0 (the im2col/col2im kernels plus the device
/// GEMM) against PyTorch's numbers from tests/golden/conv.json, and their backward against finite differences.
/// </summary>
public class CudaConvTests
{
    public static TheoryData<string> Functional() =>
    [
        "conv2d_basic", "conv2d_stride_pad", "conv2d_groups", "conv2d_depthwise", "conv2d_same_even", "conv2d_f32",
        "conv1d_stride_pad_dil", "conv3d_stride_pad", "conv_transpose2d_stride", "conv_transpose2d_groups_dil",
        "conv_transpose1d_basic", "conv2d_unbatched",
    ];

    [Theory]
    [MemberData(nameof(Functional))]
    public void ConvolutionMatchesPyTorch(string name) => ConvGolden.CheckFunctional(name, CudaDevice.Device);

    public static TheoryData<string> Pads() => ["constant_negative", "reflect_2d", "replicate_3d", "circular_1d"];

    [Theory]
    [MemberData(nameof(Pads))]
    public void PadMatchesPyTorch(string name) => ConvGolden.CheckPad(name, CudaDevice.Device);

    public static TheoryData<string> GradChecks() =>
        ["conv2d", "conv2d_same_depthwise", "conv3d", "conv_transpose2d_groups", "pad_constant", "pad_reflect"];

    [Theory]
    [MemberData(nameof(GradChecks))]
    public void BackwardMatchesFiniteDifferences(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));

    [Fact]
    public void LayerRunsOnTheDeviceAndMatchesTheCpu()
    {
        var m = torch.nn.Conv2d(2, 3, 3, padding: 1, padding_mode: PaddingModes.Reflect);
        var x = torch.randn([2, 2, 5, 4]);
        var cpu = m.call(x);
        m.to(CudaDevice.Device);
        Assert.Equal(DeviceType.CUDA, m.weight.device.type);
        var dev = m.call(x.to(CudaDevice.Device));
        Assert.True(dev.cpu().allclose(cpu, rtol: 1e-5, atol: 1e-5));
    }
}

public class CudaFoldTests
{
    [Theory]
    [InlineData("unfold_all")]
    [InlineData("fold_all")]
    public void FoldAndUnfoldMatchPyTorch(string name) => FoldGolden.Check(name, CudaDevice.Device);
}
