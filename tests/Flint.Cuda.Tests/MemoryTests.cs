using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>The allocator's counters follow live tensors (run alone: other tests would move them).</summary>
[Collection(SerialCudaCollection.Name)]
public class MemoryTests
{
    private static Device Cuda => CudaDevice.Device;

    [Fact]
    public void MemoryAllocatedFollowsAllocationAndDispose()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = cuda.memory_allocated();
        var t = empty(new long[] { 1 << 20 }, device: Cuda); // 4 MiB of float32
        long during = cuda.memory_allocated();
        Assert.True(during >= before + (4L << 20), $"memory_allocated went from {before} to {during} for a 4 MiB tensor");
        Assert.True(cuda.max_memory_allocated() >= during);
        t.Dispose();
        long after = cuda.memory_allocated();
        Assert.True(after <= during - (4L << 20), $"memory_allocated stayed at {after} after Dispose (was {during})");
        cuda.empty_cache();
        Assert.Equal(after, cuda.memory_allocated()); // empty_cache frees cached blocks, not live tensors
        // A fresh allocation after empty_cache works and holds its values.
        var u = full(new long[] { 1 << 20 }, 3.0, device: Cuda);
        Assert.Equal(3f * (1 << 20), u.sum().item<float>());
        u.Dispose();
    }

    [Fact]
    public void PeakCounterResets()
    {
        using (var big = empty(new long[] { 1 << 20 }, device: Cuda)) { }
        Assert.True(cuda.max_memory_allocated() >= 4L << 20);
        cuda.reset_peak_memory_stats();
        Assert.True(cuda.max_memory_allocated() <= cuda.memory_allocated() + (1L << 20),
            $"after reset_peak_memory_stats the peak is {cuda.max_memory_allocated()}, live {cuda.memory_allocated()}");
    }

    [Fact]
    public void BlocksOfUndisposedTensorsAreReusedWithoutDispose()
    {
        // Natural code drops results without Dispose; the allocator must get their blocks back from the
        // collector instead of asking the driver for a new block per result.
        var allocator = FlintCuda.Backend!.Allocator;
        long before = allocator.BlocksCreated;
        const int Drops = 3 * 4096 + 100;
        for (int i = 0; i < Drops; i++) AllocateAndDrop(allocator);
        long created = allocator.BlocksCreated - before;
        Assert.True(created <= 4096 + 256, $"{created} driver blocks for {Drops} dropped 1000-byte results: unreachable blocks were not reused");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AllocateAndDrop(Flint.Cuda.Memory.CachingAllocator allocator) => allocator.Allocate(1000, clear: false);
}
