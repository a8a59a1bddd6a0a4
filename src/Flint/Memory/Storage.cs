namespace Flint;

/// <summary>
/// A typed flat buffer that one or more tensors view. Views share a storage; the version
/// counter lets autograd detect in-place writes to tensors it saved for backward.
/// </summary>
internal sealed class Storage
{
    private readonly Array? _host;

    /// <summary>The element array of a CPU storage: <c>float[]</c>, <c>long[]</c>, <c>bool[]</c>, ... matching <see cref="DType"/>.</summary>
    public Array Buffer => _host ?? throw new InvalidOperationException(
        $"internal error: host code read a {Device} storage directly; move the tensor to the CPU first");

    /// <summary>The device block of a non-CPU storage; null for host memory.</summary>
    public readonly DeviceMemory? Memory;

    private readonly long _length;
    public readonly ScalarType DType;
    public readonly Device Device;
    /// <summary>Bumped by every in-place write through any view.</summary>
    public int Version;

    /// <summary>
    /// For a buffer from <see cref="BufferPool"/>: returns it when the last view is disposed, or from
    /// its finaliser when this storage is collected (see <see cref="PooledArray"/> for why that is safe).
    /// </summary>
    private readonly PooledArray? _recycler;

    /// <summary>A device block not yet handed back to its allocator (released on the last disposed view, else by its own finaliser).</summary>
    private bool _deviceHeld;

    public Storage(Array buffer, ScalarType dtype, Device device)
    {
        _host = buffer;
        _length = buffer.LongLength;
        DType = dtype;
        Device = device;
    }

    private Storage(Array buffer, ScalarType dtype, Device device, bool pooled) : this(buffer, dtype, device)
    {
        if (pooled) _recycler = new PooledArray(buffer, DTypes.ElementSize(dtype));
    }

    /// <summary>A storage of <paramref name="length"/> elements in a device backend's memory block.</summary>
    public Storage(DeviceMemory memory, long length, ScalarType dtype, Device device)
    {
        Memory = memory;
        _length = length;
        DType = dtype;
        Device = device;
        _deviceHeld = true;
    }

    /// <summary>
    /// Marks the buffer as handed out beyond this storage (e.g. returned to a user as an array),
    /// so it is never recycled while someone else may still hold it.
    /// </summary>
    public void Escape()
    {
        _recycler?.Forget();
        _deviceHeld = false;
    }

    public long Length => _length;

    /// <summary>How many live (undisposed) tensors view this storage.</summary>
    private int _views;

    public void AddView() => Interlocked.Increment(ref _views);

    /// <summary>True when exactly one live tensor views this storage.</summary>
    public bool IsSoleView => Volatile.Read(ref _views) == 1;

    /// <summary>
    /// Called when a view is disposed. When the last view goes, a pooled buffer returns to the
    /// pool at once instead of waiting for the garbage collector.
    /// </summary>
    public void ReleaseView()
    {
        if (Interlocked.Decrement(ref _views) != 0) return;
        if (_recycler is not null) _recycler.Return();
        else if (Memory is not null && _deviceHeld)
        {
            _deviceHeld = false;
            Memory.Release();
        }
    }

    /// <summary>A new host storage; <paramref name="clear"/> = false skips zeroing when the caller overwrites every element.</summary>
    public static Storage Allocate(ScalarType dtype, long numel, bool clear = true)
    {
        if (numel < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {numel}");
        if (numel > Array.MaxLength) throw new OutOfMemoryException($"Flint CPU tensors hold at most {Array.MaxLength} elements; asked for {numel}.");
        int n = (int)numel;
        var alloc = new Allocation(n, clear, BufferPool.ShouldPool(n, DTypes.ElementSize(dtype)));
        DTypeSwitch.Element("empty", dtype, ref alloc);
        return new Storage(alloc.Buffer!, dtype, Device.Host, pooled: alloc.Pooled);
    }

    /// <summary>A pooled (rented) or fresh array of the element type.</summary>
    private struct Allocation(int length, bool clear, bool pooled) : IElementKernel
    {
        public Array? Buffer;
        public readonly bool Pooled => pooled;

        public void Invoke<T>() where T : unmanaged =>
            Buffer = pooled ? BufferPool.Rent<T>(length, clear) : new T[length];
    }

    public T[] As<T>() => (T[])Buffer;
}
