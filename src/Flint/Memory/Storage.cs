namespace Flint;

/// <summary>
/// A typed flat buffer that one or more tensors view. Views share a storage; the version
/// counter lets autograd detect in-place writes to tensors it saved for backward.
/// </summary>
internal sealed class Storage
{
    /// <summary>The element array: <c>float[]</c>, <c>long[]</c>, <c>bool[]</c>, ... matching <see cref="DType"/>.</summary>
    public readonly Array Buffer;
    public readonly ScalarType DType;
    public readonly Device Device;
    /// <summary>Bumped by every in-place write through any view.</summary>
    public int Version;

    public Storage(Array buffer, ScalarType dtype, Device device)
    {
        Buffer = buffer;
        DType = dtype;
        Device = device;
    }

    public long Length => Buffer.LongLength;

    public static Storage Allocate(ScalarType dtype, long numel, Device? device = null)
    {
        if (numel < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {numel}");
        if (numel > Array.MaxLength) throw new OutOfMemoryException($"Flint CPU tensors hold at most {Array.MaxLength} elements; asked for {numel}.");
        int n = (int)numel;
        Array buffer = dtype switch
        {
            ScalarType.Bool => new bool[n],
            ScalarType.Byte => new byte[n],
            ScalarType.Int8 => new sbyte[n],
            ScalarType.Int16 => new short[n],
            ScalarType.Int32 => new int[n],
            ScalarType.Int64 => new long[n],
            ScalarType.Float16 => new Half[n],
            ScalarType.BFloat16 => new BFloat16[n],
            ScalarType.Float32 => new float[n],
            ScalarType.Float64 => new double[n],
            _ => throw new ArgumentException($"Unsupported dtype {dtype}"),
        };
        return new Storage(buffer, dtype, device ?? torch.CPU);
    }

    public T[] As<T>() => (T[])Buffer;
}
