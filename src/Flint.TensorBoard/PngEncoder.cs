using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Flint.TensorBoard;

/// <summary>
/// A minimal PNG encoder for <c>add_image</c>: 8-bit grayscale, gray+alpha, RGB or RGBA pixels, rows
/// unfiltered, zlib-compressed (what TensorBoard's image plugin decodes). Enough for training images,
/// without an imaging library.
/// </summary>
public static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="pixels"/> (row-major, <paramref name="channels"/> bytes per pixel).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int height, int width, int channels)
    {
        if (height < 1 || width < 1) throw new ArgumentException($"an image needs at least one pixel, got {height}x{width}");
        byte colorType = channels switch
        {
            1 => 0, 2 => 4, 3 => 2, 4 => 6,
            _ => throw new ArgumentException($"an image has 1 (L), 2 (LA), 3 (RGB) or 4 (RGBA) channels, got {channels}"),
        };
        if (pixels.Length != (long)height * width * channels)
            throw new ArgumentException($"{pixels.Length} bytes do not make a {height}x{width}x{channels} image");
        using var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8;          // bit depth
        ihdr[9] = colorType;
        ihdr[10] = ihdr[11] = ihdr[12] = 0; // deflate, adaptive filtering, no interlace
        WriteChunk(png, "IHDR"u8, ihdr);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                int stride = width * channels;
                for (int y = 0; y < height; y++)
                {
                    z.WriteByte(0); // filter type None
                    z.Write(pixels.Slice(y * stride, stride));
                }
            }
            WriteChunk(png, "IDAT"u8, raw.GetBuffer().AsSpan(0, (int)raw.Length));
        }
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        s.Write(type);
        s.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        s.Write(word);
    }
}
