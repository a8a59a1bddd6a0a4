using ILGPU;
using ILGPU.Runtime;

namespace Flint.Cuda.Memory;

/// <summary>
/// PyTorch-style caching allocator: freed blocks go to free lists keyed by their rounded size
/// and are reused by later allocations of that size, so a training loop stops calling the
/// driver after its first step. <see cref="EmptyCache"/> returns cached blocks to the driver.
/// </summary>
internal sealed class CachingAllocator(Accelerator accelerator)
{
    /// <summary>Sizes are rounded up to this many bytes (PyTorch rounds to 512 too).</summary>
    public const long Granularity = 512;

    private readonly Accelerator _accelerator = accelerator;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Stack<CudaBlock>> _free = new();
    // Live blocks stay reachable from here so their ILGPU buffers outlive an unreachable CudaMemory.
    private readonly HashSet<CudaBlock> _live = new(ReferenceEqualityComparer.Instance);
    private long _allocated, _peak, _cached;
    // Handed out (reused or new) since the last collection this allocator asked for; see ShouldCollect.
    private long _servedBytes, _servedBlocks;
    private readonly long _collectBytes = Math.Clamp(accelerator.MemorySize / 32, 64L << 20, 1L << 30);
    private const long CollectBlocks = 4096;

    public long Allocated { get { lock (_gate) return _allocated; } }
    public long Peak { get { lock (_gate) return _peak; } }
    public long Cached { get { lock (_gate) return _cached; } }

    /// <summary>Blocks obtained from the driver so far (tests read it to see that blocks are reused).</summary>
    public long BlocksCreated => Interlocked.Read(ref _blocksCreated);
    private long _blocksCreated;

    public void ResetPeak() { lock (_gate) _peak = _allocated; }

    public static long Round(long bytes) => Math.Max(Granularity, (bytes + Granularity - 1) / Granularity * Granularity);

    /// <summary>A block of at least <paramref name="bytes"/> bytes; zeroed on the stream when <paramref name="clear"/>.</summary>
    public CudaMemory Allocate(long bytes, bool clear)
    {
        long size = Round(bytes);
        var block = TryReuse(size);
        if (block is null && ShouldCollect())
        {
            CollectUnreachable();
            block = TryReuse(size);
        }
        block ??= NewBlock(size, bytes);
        lock (_gate)
        {
            _servedBytes += size;
            _servedBlocks++;
            _live.Add(block);
            _allocated += size;
            if (_allocated > _peak) _peak = _allocated;
        }
        if (clear) block.Buffer.View.MemSetToZero(_accelerator.DefaultStream);
        return new CudaMemory(this, block);
    }

    private CudaBlock? TryReuse(long size)
    {
        lock (_gate)
        {
            if (!_free.TryGetValue(size, out var stack) || stack.Count == 0) return null;
            _cached -= size;
            return stack.Pop();
        }
    }

    /// <summary>
    /// Code written without Dispose or scopes frees a device block only when the collector finalises its
    /// tensor, and the collector cannot see device memory: left alone, a training loop would grow the
    /// pool with a new cudaMalloc for nearly every result. So when a size's free list is dry and much has
    /// been handed out since the last collection (a 32nd of the device's memory, or 4096 blocks), the
    /// young generations are collected first: the tensors that became unreachable hand their blocks back
    /// and the loop reuses them. One cheap collection per cycle, instead of a driver allocation per result.
    /// </summary>
    private bool ShouldCollect()
    {
        lock (_gate) return _servedBytes >= _collectBytes || _servedBlocks >= CollectBlocks;
    }

    private void CollectUnreachable()
    {
        lock (_gate) { _servedBytes = 0; _servedBlocks = 0; }
        // Outside the lock: the finalisers it waits for take it to hand their blocks back.
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
    }

    private CudaBlock NewBlock(long size, long requested)
    {
        Interlocked.Increment(ref _blocksCreated);
        try { return new CudaBlock(_accelerator.Allocate1D<byte>(size), size); }
        catch (Exception)
        {
            // Out of memory (or any driver refusal): tensors nobody disposed may be unreachable but not yet
            // finalised (the GC cannot see device memory), so collect them, give the cache back, try once more.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _accelerator.Synchronize();
            EmptyCache();
            try { return new CudaBlock(_accelerator.Allocate1D<byte>(size), size); }
            catch (Exception e2)
            {
                throw new OutOfMemoryException(
                    $"CUDA out of memory. Tried to allocate {Mib(requested)} (GPU 0; {Gib(_accelerator.MemorySize)} total capacity; " +
                    $"{Gib(Allocated)} already allocated by Flint tensors; {Mib(Cached)} cached)", e2);
            }
        }
    }

    private static string Mib(long b) => $"{b / (1024.0 * 1024.0):0.00} MiB";
    private static string Gib(long b) => $"{b / (1024.0 * 1024.0 * 1024.0):0.00} GiB";

    /// <summary>Returns a block to its free list (called from Release or a finaliser: no driver call here).</summary>
    public void Free(CudaBlock block)
    {
        lock (_gate)
        {
            if (!_live.Remove(block)) return;
            _allocated -= block.Bytes;
            if (!_free.TryGetValue(block.Bytes, out var stack)) _free[block.Bytes] = stack = new Stack<CudaBlock>();
            stack.Push(block);
            _cached += block.Bytes;
        }
    }

    /// <summary>Frees every cached (unused) block to the driver; live tensors are untouched.</summary>
    public void EmptyCache()
    {
        List<CudaBlock> victims = [];
        lock (_gate)
        {
            foreach (var stack in _free.Values) victims.AddRange(stack);
            _free.Clear();
            _cached = 0;
        }
        if (victims.Count == 0) return;
        // Queued kernels may still use a block that was freed a moment ago.
        _accelerator.Synchronize();
        foreach (var b in victims) b.Buffer.Dispose();
    }
}
