namespace Flint.Cuda.Memory;

/// <summary>
/// A storage's device block. Release (last view disposed) or the finaliser (storage dropped
/// without disposal) hands the block back to the allocator's free list. The finaliser makes
/// no CUDA call: it only pushes onto a list under a lock, which is safe because every kernel
/// runs on one in-order stream, so a later reuse of the block is queued after earlier readers.
/// The allocator keeps the block (and its ILGPU buffer) reachable, so the buffer cannot be
/// finalised before this object.
/// </summary>
internal sealed class CudaMemory : DeviceMemory
{
    private readonly CachingAllocator _allocator;
    private CudaBlock? _block;

    public CudaMemory(CachingAllocator allocator, CudaBlock block)
    {
        _allocator = allocator;
        _block = block;
    }

    public CudaBlock Block => _block ?? throw new ObjectDisposedException("CUDA storage", "internal error: a released CUDA block was used");

    public override long Bytes => _block?.Bytes ?? 0;

    public override void Release()
    {
        var b = Interlocked.Exchange(ref _block, null);
        if (b is null) return;
        _allocator.Free(b);
        GC.SuppressFinalize(this);
    }

    /// <summary>Scopes a scratch block: disposing returns it to the cache (the stream keeps later reuse after queued readers).</summary>
    public Scratch Lease() => new(this);

    /// <summary>A scratch block handed back to the cache at the end of a using.</summary>
    public readonly struct Scratch(CudaMemory memory) : IDisposable
    {
        public CudaMemory Memory => memory;
        public void Dispose() => memory.Release();
    }

    ~CudaMemory()
    {
        var b = Interlocked.Exchange(ref _block, null);
        if (b is not null) _allocator.Free(b);
    }
}
