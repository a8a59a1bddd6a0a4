using ILGPU;
using ILGPU.Runtime;

namespace Flint.Cuda.Memory;

/// <summary>One device allocation owned by <see cref="CachingAllocator"/> (live or cached).</summary>
internal sealed class CudaBlock(MemoryBuffer1D<byte, Stride1D.Dense> buffer, long bytes)
{
    public readonly MemoryBuffer1D<byte, Stride1D.Dense> Buffer = buffer;
    /// <summary>The rounded size this block is cached under.</summary>
    public readonly long Bytes = bytes;

    /// <summary>The whole block as elements of <typeparamref name="T"/>.</summary>
    public ArrayView<T> View<T>() where T : unmanaged => ((ArrayView<byte>)Buffer.View).Cast<T>();
}
