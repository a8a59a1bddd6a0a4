using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>A cuda tensor prints as PyTorch prints it: the device right after the values, before dtype and autograd.</summary>
public class PrintingTests
{
    private static Device Cuda => CudaDevice.Device;

    [Fact]
    public void IntegerTensor() => Assert.Equal("tensor([1, 2, 3], device='cuda:0')", tensor(new long[] { 1, 2, 3 }).to(Cuda).ToString());

    [Fact]
    public void FloatTensor() => Assert.Equal("tensor([1.5000, 2.0000], device='cuda:0')", tensor(new[] { 1.5f, 2f }).to(Cuda).ToString());

    [Fact]
    public void NonDefaultDTypeComesAfterTheDevice() =>
        Assert.Equal("tensor([1., 2.], device='cuda:0', dtype=torch.float64)", tensor(new[] { 1.0, 2.0 }, float64).to(Cuda).ToString());

    [Fact]
    public void ZeroDim() => Assert.Equal("tensor(3.5000, device='cuda:0')", tensor(3.5).to(Cuda).ToString());

    [Fact]
    public void Empty()
    {
        Assert.Equal("tensor([], device='cuda:0')", zeros(new long[] { 0 }, device: Cuda).ToString());
        Assert.Equal("tensor([], device='cuda:0', dtype=torch.int32)", zeros(new long[] { 0 }, int32, Cuda).ToString());
    }

    [Fact]
    public void AutogradSuffixesFollowTheDevice()
    {
        var x = ones(new long[] { 2 }, device: Cuda, requires_grad: true);
        Assert.Equal("tensor([1., 1.], device='cuda:0', requires_grad=True)", x.ToString());
        Assert.Equal("tensor([2., 2.], device='cuda:0', grad_fn=<MulBackward0>)", (x * 2).ToString());
    }

    [Fact]
    public void MatrixPrintsLikeTheCpuPlusTheDevice()
    {
        var cpu = arange(12L, dtype: float32).reshape(3, 4) / 7;
        var s = cpu.ToString();
        Assert.Equal(s[..^1] + ", device='cuda:0')", cpu.to(Cuda).ToString());
    }
}
