using System.Buffers.Binary;
using System.Numerics;

namespace Flint.TensorBoard;

/// <summary>
/// TFRecord framing, the container of TensorBoard's event files: each record is its length (uint64,
/// little-endian), the masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the data.
/// </summary>
public sealed class TFRecordWriter : IDisposable
{
    private readonly Stream _stream;

    /// <summary>Writes records to <paramref name="stream"/> (which the writer then owns).</summary>
    public TFRecordWriter(Stream stream) => _stream = stream ?? throw new ArgumentNullException(nameof(stream));

    /// <summary>Appends one record.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], MaskedCrc32C(header[..8]));
        _stream.Write(header);
        _stream.Write(data);
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, MaskedCrc32C(data));
        _stream.Write(footer);
    }

    /// <summary>Pushes buffered records to the file.</summary>
    public void Flush() => _stream.Flush();

    /// <summary>CRC-32C (Castagnoli) of <paramref name="data"/>, as TFRecord uses it before masking.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        int i = 0;
        // BitOperations.Crc32C uses the SSE4.2/ARM instruction where there is one.
        for (; i + 8 <= data.Length; i += 8) crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        for (; i < data.Length; i++) crc = BitOperations.Crc32C(crc, data[i]);
        return ~crc;
    }

    /// <summary>TFRecord's masked CRC: rotated right by 15 bits plus a constant, so CRCs of CRCs stay strong.</summary>
    public static uint MaskedCrc32C(ReadOnlySpan<byte> data)
    {
        uint crc = Crc32C(data);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }

    /// <summary>Flushes and closes the stream.</summary>
    public void Dispose()
    {
        _stream.Flush();
        _stream.Dispose();
    }
}
