using Flint.Backends;

namespace Flint.Cuda;

/// <summary>What torch.cuda asks of the backend: one device, its seed and its allocator's counters.</summary>
internal sealed class CudaRuntime(CudaBackend backend) : IDeviceRuntime
{
    public IBackend Backend => backend;
    public int DeviceCount => 1;
    public void ManualSeed(ulong seed) => backend.ManualSeed(seed);
    public void EmptyCache() => backend.Allocator.EmptyCache();
    public long MemoryAllocated(int device) => device == 0 ? backend.Allocator.Allocated : 0;
    public long MaxMemoryAllocated(int device) => device == 0 ? backend.Allocator.Peak : 0;
    public void ResetPeakMemoryStats(int device) { if (device == 0) backend.Allocator.ResetPeak(); }
}
