using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>
/// What only a real NVIDIA GPU can show: cuBLAS products at size and out-of-memory behaviour.
/// Under the emulator each test is reported as skipped, never as passed.
/// </summary>
[Collection(SerialCudaCollection.Name)]
public class RealGpuTests
{
    [Fact]
    public void CuBlasIsLoaded()
    {
        CudaDevice.RequireRealGpu();
        Assert.True(FlintCuda.HasCuBlas, $"cuBLAS was not loaded on {FlintCuda.DeviceName}");
        Assert.False(FlintCuda.IsEmulated);
    }

    [Theory]
    [InlineData(1024, 1024, 1024)]
    [InlineData(1000, 777, 513)]
    public void LargeMatmulMatchesCpu(int m, int k, int n)
    {
        CudaDevice.RequireRealGpu();
        manual_seed(11);
        var a = randn(m, k);
        var b = randn(k, n);
        var expected = a.mm(b);
        var g = a.to(CudaDevice.Device).mm(b.to(CudaDevice.Device));
        cuda.synchronize();
        Check.OnCuda(g);
        // Terms are N(0, 1) products, sums of k of them ~ sqrt(k): float32 rounding over k terms.
        Check.Close(expected, g, 1e-4, 1e-4 * Math.Sqrt(k) * 4, $"mm {m}x{k}x{n}");
        var gt = a.to(CudaDevice.Device).t().contiguous().t().mm(b.to(CudaDevice.Device)); // a column-major operand
        Check.Close(expected, gt, 1e-4, 1e-4 * Math.Sqrt(k) * 4, $"mm {m}x{k}x{n}, transposed A");
        var d = a.to(float64);
        Check.Close(d.mm(b.to(float64)), d.to(CudaDevice.Device).mm(b.to(float64).to(CudaDevice.Device)), 1e-10, 1e-10, "float64 mm");
    }

    [Fact]
    public void OutOfMemoryLeavesEarlierTensorsReadableAndMemoryReusable()
    {
        CudaDevice.RequireRealGpu();
        var dev = CudaDevice.Device;
        var keep = arange(1000L, dtype: float32).to(dev);
        var blocks = new List<Tensor>();
        Exception? oom = null;
        const long chunk = 1L << 28; // 1 GiB of float32
        try
        {
            for (int i = 0; i < 1024 && oom is null; i++) // 1 TiB: no GPU has that, so the loop must end in OOM
            {
                try { blocks.Add(empty(new long[] { chunk }, device: dev)); }
                catch (OutOfMemoryException e) { oom = e; }
            }
            Assert.NotNull(oom);
            Assert.True(blocks.Count > 0, "not even one 1 GiB block fit");
            Assert.Contains("out of memory", oom!.Message, StringComparison.OrdinalIgnoreCase);
            Check.Exact(arange(1000L, dtype: float32), keep, "a tensor allocated before the OOM");
        }
        finally
        {
            foreach (var b in blocks) b.Dispose();
        }
        cuda.empty_cache();
        // The memory is usable again: as many blocks fit as before.
        var again = new List<Tensor>();
        try
        {
            for (int i = 0; i < blocks.Count; i++) again.Add(empty(new long[] { chunk }, device: dev));
            again[^1].fill_(2);
            Assert.Equal(2f, again[^1][TensorIndex.Single(chunk - 1)].item<float>());
        }
        finally
        {
            foreach (var b in again) b.Dispose();
            cuda.empty_cache();
        }
        Check.Exact(arange(1000L, dtype: float32) * 2, keep * 2, "the kept tensor still computes");
    }
}
