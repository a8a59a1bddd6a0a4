using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>Which device results land on, mixing devices, moving data and modules, and saving cuda tensors.</summary>
public class DeviceSemanticsTests
{
    private static Device Cuda => CudaDevice.Device;
    private const string Mixed = "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!";

    [Fact]
    public void CudaIsAvailableAndNamed()
    {
        Assert.True(cuda.is_available());
        Assert.True(cuda.device_count() >= 1);
        Assert.False(string.IsNullOrEmpty(FlintCuda.DeviceName));
        Assert.Equal(!CudaDevice.IsReal, FlintCuda.IsEmulated);
        Assert.Equal("cuda:0", Cuda.ToString());
    }

    [Fact]
    public void MixingACudaAndACpuTensorThrowsPyTorchsMessage()
    {
        var g = ones(new long[] { 3 }, device: Cuda);
        var c = ones(3);
        Assert.Equal(Mixed, Assert.Throws<ArgumentException>(() => g + c).Message);
        Assert.Equal(Mixed, Assert.Throws<ArgumentException>(() => c * g).Message);
        Assert.Equal(Mixed, Assert.Throws<ArgumentException>(() => g.add_(c)).Message);
        Assert.Contains(Mixed, Assert.Throws<ArgumentException>(() => mm(g.reshape(1, 3), c.reshape(3, 1))).Message);
        Assert.Contains(Mixed, Assert.Throws<ArgumentException>(() => where(g > 0, g, c)).Message);
        Assert.Contains(Mixed, Assert.Throws<ArgumentException>(() => cat([g, c])).Message);
    }

    [Fact]
    public void ZeroDimCpuTensorIsAScalarForCudaOps()
    {
        var g = arange(4L, dtype: float32).to(Cuda);
        var s = tensor(2.5);
        Assert.Equal(0, s.dim());
        foreach (var r in new[] { g * s, s * g, g + s, s - g, torch.where(g > 1, g, s) })
        {
            Check.OnCuda(r);
        }
        Check.Exact(tensor(new[] { 0f, 2.5f, 5f, 7.5f }), g * s);
        Check.Exact(tensor(new[] { 2.5f, 1.5f, 0.5f, -0.5f }), s - g);
        var h = g.clone();
        h.mul_(s);
        Check.OnCuda(h);
        Check.Exact(tensor(new[] { 0f, 2.5f, 5f, 7.5f }), h);
        // Promotion still sees the scalar's category: an int64 cuda tensor times a float 0-dim is float32.
        var i = arange(3L).to(Cuda) * tensor(0.5);
        Check.Exact(tensor(new[] { 0f, 0.5f, 1f }), i);
    }

    [Fact]
    public void ToMovesAndCopiesBack()
    {
        var c = randn(3, 4);
        var g = c.to(Cuda);
        Check.OnCuda(g);
        Assert.Equal(DeviceType.CPU, g.cpu().device.type);
        Check.Exact(c, g.cpu());
        Assert.Same(g, g.to(Cuda)); // already there: PyTorch returns self
        Assert.Same(c, c.cpu());
        Check.OnCuda(c.cuda());
        // A strided view moves with its values.
        Check.Exact(c.t(), c.t().to(Cuda));
        Check.Exact(c.t().contiguous(), c.to(Cuda).t().contiguous());
    }

    [Fact]
    public void CopyBetweenDevices()
    {
        var g = zeros(new long[] { 2, 3 }, device: Cuda);
        var c = arange(6L, dtype: float32).reshape(2, 3);
        g.copy_(c);
        Check.OnCuda(g);
        Check.Exact(c, g);
        var back = zeros(2, 3);
        back.copy_(g * 2);
        Check.Exact(c * 2, back);
    }

    private static readonly ScalarType[] AllDTypes = [ScalarType.Byte, ScalarType.Int8, ScalarType.Int16, ScalarType.Int32, ScalarType.Int64,
        ScalarType.Float16, ScalarType.BFloat16, ScalarType.Float32, ScalarType.Float64, ScalarType.Bool];

    /// <summary>Values every dtype holds (0..127 and small negatives), so no cast leaves its target's range.</summary>
    [Fact]
    public void DTypeCastsMatchTheCpuForEveryPair() =>
        CastsMatchCpu(tensor(new[] { 0.0, 1.0, 3.75, 100.25, 127.0, 0.5, 2.0, 64.0, 99.0, 7.0 }), AllDTypes);

    /// <summary>Negative and out-of-range values: float→int truncates, then wraps as the CPU's casts do (PyTorch's CPU does the same).</summary>
    [Fact]
    public void WrappingCastsMatchTheCpu() =>
        CastsMatchCpu(tensor(new[] { -2.0, -0.5, -7.0, 255.0, 1e4, -128.0, 300.0, -1e4, 1000.0, 40000.0 }), AllDTypes);

    private static void CastsMatchCpu(Tensor values, ScalarType[] all)
    {
        foreach (var from in all)
        {
            var src = values.to(from);
            var g = src.to(Cuda);
            Assert.Equal(from, g.dtype);
            Check.Exact(src, g.cpu(), $"{DTypes.Name(from)} round trip");
            foreach (var to in all)
            {
                var r = g.to(to);
                Check.OnCuda(r);
                Check.Exact(src.to(to), r, $"{DTypes.Name(from)} -> {DTypes.Name(to)}");
            }
        }
    }

    [Fact]
    public void FloatCastsKeepNanAndInfinity()
    {
        var c = tensor(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 1e-40, 65504, 70000 });
        foreach (var to in new[] { ScalarType.Float16, ScalarType.BFloat16, ScalarType.Float32 })
            Check.Exact(c.to(to), c.to(Cuda).to(to), $"float64 -> {DTypes.Name(to)}");
    }

    [Fact]
    public void ModuleToMovesParametersAndTheOptimizerStepsThemThere()
    {
        var model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2));
        var before = model.parameters().ToArray();
        var values = before.Select(p => p.detach().clone()).ToArray();
        var opt = optim.SGD(model.parameters(), 0.1); // made before the move: it must keep working
        model.to(Cuda);
        var after = model.parameters().ToArray();
        for (int i = 0; i < after.Length; i++)
        {
            Assert.Same(before[i], after[i]);
            Check.OnCuda(after[i], $"parameter {i}");
            Assert.True(after[i].requires_grad);
            Check.Exact(values[i], after[i], $"parameter {i} after the move");
        }
        var x = randn(5, 4).to(Cuda);
        var loss = model.call(x).pow(2).sum();
        Check.OnCuda(loss);
        opt.zero_grad();
        loss.backward();
        var grads = after.Select(p => p.grad!.clone()).ToArray();
        opt.step();
        for (int i = 0; i < after.Length; i++)
        {
            Check.OnCuda(grads[i], $"grad {i}");
            Check.OnCuda(after[i], $"parameter {i} after step");
            Check.Close(values[i] - 0.1 * grads[i].cpu(), after[i], 1e-6, 1e-7, $"parameter {i} after one SGD step");
        }
        model.to(CPU);
        Assert.All(model.parameters(), p => Assert.Equal(DeviceType.CPU, p.device.type));
    }

    [Fact]
    public void SavingACudaTensorLoadsOnTheCpuWithTheSameValues()
    {
        var c = randn(3, 5);
        var path = Path.Combine(Path.GetTempPath(), $"flint-cuda-{Guid.NewGuid():N}.pt");
        try
        {
            save(c.to(Cuda), path);
            var loaded = Assert.IsType<Tensor>(load(path), exactMatch: false);
            Assert.Equal(DeviceType.CPU, loaded.device.type);
            Check.Exact(c, loaded);
            var dict = new Dictionary<string, Tensor> { ["w"] = c.to(Cuda).t() };
            save(dict, path);
            var d = Assert.IsType<Dictionary<string, Tensor>>(load(path));
            Check.Exact(c.t(), d["w"]);
        }
        finally { File.Delete(path); }
    }
}
