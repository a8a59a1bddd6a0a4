using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Flint.IO;

/// <summary>
/// The raw little-endian bytes behind a storage's typed array, and the reverse: a typed array filled
/// from bytes. Every serializer goes through here, so the byte-order rule lives in one place.
/// </summary>
internal static class StorageBytes
{
    /// <summary>The bytes of <paramref name="count"/> elements starting at element <paramref name="start"/>.</summary>
    public static ReadOnlySpan<byte> Of(Array buffer, ScalarType dtype, long start, long count)
    {
        ThrowIfBigEndian();
        int size = DTypes.ElementSize(dtype);
        if (start < 0 || count < 0 || start + count > buffer.LongLength)
            throw new ArgumentOutOfRangeException(nameof(count), "storage range out of bounds");
        ref byte first = ref MemoryMarshal.GetArrayDataReference(buffer);
        long byteStart = start * size, byteCount = count * size;
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref first, (nint)byteStart), checked((int)byteCount));
    }

    /// <summary>A writable view of a whole typed array's bytes.</summary>
    public static Span<byte> Writable(Array buffer, ScalarType dtype)
    {
        ThrowIfBigEndian();
        long bytes = buffer.LongLength * DTypes.ElementSize(dtype);
        return MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(buffer), checked((int)bytes));
    }

    /// <summary>A storage of <paramref name="numel"/> elements, checked against Flint's size limit first.</summary>
    public static Storage Allocate(ScalarType dtype, long numel, string what)
    {
        if (numel < 0) throw new InvalidDataException($"{what}: negative element count {numel}.");
        if (numel > Array.MaxLength || numel * DTypes.ElementSize(dtype) > int.MaxValue)
            throw new InvalidDataException($"{what}: {numel} elements of {DTypes.Name(dtype)} exceed the 2 GiB a Flint CPU storage can hold.");
        return Storage.Allocate(dtype, numel, clear: false); // every caller overwrites every byte
    }

    /// <summary>
    /// Makes bool bytes canonical (0 or 1): .NET treats any non-zero byte as true but compares bools
    /// bytewise, so a stray 2 would make <c>true != true</c>.
    /// </summary>
    public static void NormalizeBools(Storage storage)
    {
        if (storage.DType != ScalarType.Bool) return;
        var bytes = Writable(storage.Buffer, ScalarType.Bool);
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] > 1) bytes[i] = 1;
    }

    /// <summary>Reverses each element's bytes in place (big-endian files).</summary>
    public static void SwapBytes(Span<byte> bytes, int elementSize)
    {
        if (elementSize == 1) return;
        for (int i = 0; i + elementSize <= bytes.Length; i += elementSize)
            bytes.Slice(i, elementSize).Reverse();
    }

    private static void ThrowIfBigEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Flint's serializers assume a little-endian machine.");
    }
}
