namespace Flint;

/// <summary>
/// A block of memory owned by a device backend (a GPU allocation). The core never reads it:
/// it only hands it back to its backend through <see cref="Storage"/> and the backend's
/// primitives. Implementations return the block to their allocator in <see cref="Release"/>
/// and, for storages nobody disposed, from their own finaliser (safe on one in-order stream:
/// any later kernel that reuses the block runs after every kernel already queued on it).
/// </summary>
internal abstract class DeviceMemory
{
    /// <summary>The size of the block in bytes.</summary>
    public abstract long Bytes { get; }

    /// <summary>Hands the block back to the backend's allocator (at most once).</summary>
    public abstract void Release();
}
