namespace Flint.Tests.Core;

/// <summary>
/// Without a CUDA device (this suite's CI machine), torch.cuda answers as PyTorch's CPU-only build
/// does and every way onto the GPU fails with a message that says why. The CUDA backend's own
/// behaviour is tested in tests/Flint.Cuda.Tests on an emulated device.
/// </summary>
public class CudaUnavailableTests
{
    private static void SkipIfAvailable()
    {
        if (torch.cuda.is_available()) Assert.Skip("a CUDA device is present (or emulated): these tests describe a machine without one");
    }

    [Fact]
    public void QueriesAnswerLikeACpuOnlyBuild()
    {
        SkipIfAvailable();
        Assert.Equal(0, torch.cuda.device_count());
        Assert.Equal(0, torch.cuda.memory_allocated());
        Assert.Equal(0, torch.cuda.max_memory_allocated());
        torch.cuda.empty_cache();
        torch.cuda.manual_seed(1);
        var e = Assert.Throws<InvalidOperationException>(() => torch.cuda.synchronize());
        Assert.Contains("Torch not compiled with CUDA enabled", e.Message);
    }

    [Fact]
    public void EveryWayOntoTheGpuSaysNoDeviceWasFound()
    {
        SkipIfAvailable();
        var x = torch.ones(2, 3);
        Assert.Contains("no CUDA device was found", Assert.Throws<InvalidOperationException>(() => torch.zeros(2, 3, device: torch.CUDA)).Message);
        Assert.Contains("no CUDA device was found", Assert.Throws<InvalidOperationException>(() => torch.randn(2, 3, device: torch.CUDA)).Message);
        Assert.Contains("no CUDA device was found", Assert.Throws<InvalidOperationException>(() => x.cuda()).Message);
        Assert.Contains("no CUDA device was found", Assert.Throws<InvalidOperationException>(() => x.to(torch.device("cuda:0"))).Message);
        Assert.Contains("no CUDA device was found", Assert.Throws<InvalidOperationException>(() => torch.tensor(new[] { 1.0, 2.0 }, device: torch.CUDA)).Message);
        Assert.Contains("no CUDA device was found", Assert.Throws<InvalidOperationException>(() => torch.arange(3, device: torch.CUDA)).Message);
        // The failed attempts left the CPU tensor as it was.
        Assert.Equal(6.0, x.sum().item<float>());
    }

    [Fact]
    public void TensorsOnTheCpuReportTheCpu()
    {
        var x = torch.ones(2);
        Assert.Equal(torch.CPU, x.device);
        Assert.Same(x, x.cpu());
        Assert.Same(x, x.to(torch.device("cpu")));
        Assert.Equal("tensor([1., 1.])", x.ToString());
    }
}
