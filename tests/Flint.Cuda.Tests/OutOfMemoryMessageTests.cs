using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>
/// The allocator's refusal path on any device, emulator included: a request no device can meet
/// (1 TiB) ends in PyTorch's "CUDA out of memory. Tried to allocate ..." with the sizes, after the
/// allocator has collected and emptied its cache, and the tensors allocated before stay valid.
/// (<see cref="RealGpuTests"/> fills a real GPU block by block.)
/// </summary>
[Collection(SerialCudaCollection.Name)]
public class OutOfMemoryMessageTests
{
    [Fact]
    public void AnImpossibleRequestSaysHowMuchAndLeavesTensorsValid()
    {
        var dev = CudaDevice.Device;
        var keep = arange(10L, dtype: float32).to(dev);
        // The refusal path collects unreachable tensors first (their blocks go back): settle that now.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = cuda.memory_allocated();
        var e = Assert.Throws<OutOfMemoryException>(() => empty(new long[] { 1L << 38 }, device: dev));
        Assert.StartsWith("CUDA out of memory. Tried to allocate 1048576.00 MiB (GPU 0;", e.Message);
        Assert.Contains("already allocated by Flint tensors", e.Message);
        Assert.Equal(before, cuda.memory_allocated());
        Check.Exact(arange(10L, dtype: float32) * 3, (keep * 3).cpu(), "a tensor allocated before the refusal");
        GC.KeepAlive(keep);
    }
}
