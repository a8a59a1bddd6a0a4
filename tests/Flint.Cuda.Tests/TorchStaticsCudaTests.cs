using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>
/// The torch-level statics of issue 15 item 6 on cuda:0: each result lives on the device and equals the CPU result,
/// which TorchStaticsTests checks against PyTorch (draws with an explicit generator are the CPU generator's, then moved).
/// </summary>
public class TorchStaticsCudaTests
{
    private static Device Cuda => CudaDevice.Device;

    private static void SameOnDevice(Tensor cpu, Tensor dev, double tol = 0)
    {
        Assert.Equal(DeviceType.CUDA, dev.device.type);
        Assert.Equal(cpu.shape, dev.shape);
        Assert.Equal(cpu.dtype, dev.dtype);
        var a = cpu.to(ScalarType.Float64).data<double>();
        var b = dev.cpu().to(ScalarType.Float64).data<double>();
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= tol * (1 + Math.Abs(a[i])), $"[{i}] {b[i]} vs {a[i]}");
    }

    [Fact]
    public void RandomFreeFunctionsWithAGeneratorMatchTheCpu()
    {
        var p = linspace(0, 1, 12).reshape(3, 4);
        SameOnDevice(bernoulli(p, new torch.Generator(1)), bernoulli(p.to(Cuda), new torch.Generator(1)));
        var m = linspace(-1, 1, 20).reshape(4, 5);
        var s = linspace(0.1, 2, 20).reshape(4, 5);
        SameOnDevice(normal(m, s, new torch.Generator(2)), normal(m.to(Cuda), s.to(Cuda), new torch.Generator(2)), 1e-6);
        SameOnDevice(normal(m, 0.5, new torch.Generator(3)), normal(m.to(Cuda), 0.5, new torch.Generator(3)), 1e-6);
        SameOnDevice(normal(0.5, 2.0, [17], generator: new torch.Generator(4)), normal(0.5, 2.0, [17], device: Cuda, generator: new torch.Generator(4)));
        var rates = tensor(new[] { 0.5f, 3f, 12f, 40f });
        SameOnDevice(poisson(rates, new torch.Generator(5)), poisson(rates.to(Cuda), new torch.Generator(5)));
        var alpha = tensor(new[] { 0.3, 1.0, 4.0 }, ScalarType.Float64);
        SameOnDevice(_standard_gamma(alpha, new torch.Generator(6)), _standard_gamma(alpha.to(Cuda), new torch.Generator(6)));
        var z = normal(zeros([1000], device: Cuda), 1.0); // the device's own generator: only its statistics are known
        Assert.Equal(DeviceType.CUDA, z.device.type);
        Assert.InRange(z.mean().item<float>(), -0.2f, 0.2f);
        Assert.InRange(z.std().item<float>(), 0.8f, 1.2f);
    }

    [Fact]
    public void GradientHistogramAndInPlaceShapesOnTheDevice()
    {
        var x = tensor(new[,] { { 1.0, 2, 4, 8, 16 }, { 10, 20, 40, 80, 100 }, { 3, -1, 2, 0.5, 7 } }, ScalarType.Float64);
        var c = tensor(new[] { 0.0, 0.5, 2.0, 2.5, 4.0 }, ScalarType.Float64);
        var cpu = gradient(x, new[] { c }, [1], edge_order: 2);
        var dev = gradient(x.to(Cuda), new[] { c.to(Cuda) }, [1], edge_order: 2);
        SameOnDevice(cpu[0], dev[0], 1e-12);
        var cpuU = gradient(x, 0.5, edge_order: 2);
        var devU = gradient(x.to(Cuda), 0.5, edge_order: 2);
        for (int i = 0; i < 2; i++) SameOnDevice(cpuU[i], devU[i], 1e-12);

        var h = tensor(new[] { 0.1f, 0.5f, 0.5f, 1.2f, 2.0f, 2.7f, 3.0f });
        var (hc, ec) = histogram(h, 4, density: true);
        var (hd, ed) = histogram(h.to(Cuda), 4, density: true);
        SameOnDevice(hc, hd);
        SameOnDevice(ec, ed);

        var t = arange(6.0, device: Cuda).reshape(1, 2, 3);
        Assert.Same(t, squeeze_(t));
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Same(t, unsqueeze_(t, 0));
        Assert.Equal(new[] { 0.0, 1, 2, 3, 4, 5 }, t.cpu().to(ScalarType.Float64).data<double>());

        var o = empty([0], device: Cuda);
        rand_out(o, 2, 3);
        Assert.Equal(new long[] { 2, 3 }, o.shape);
        Assert.Equal(DeviceType.CUDA, o.device.type);
        Assert.Equal(DeviceType.CUDA, as_tensor(new[] { 1.0, 2.0 }, device: Cuda).device.type);
        Assert.Equal(DeviceType.CUDA, InitializeDevice(Cuda).type);
        Assert.True(TryInitializeDeviceType(DeviceType.CUDA));
    }
}
