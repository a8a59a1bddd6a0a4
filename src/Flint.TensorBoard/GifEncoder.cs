using System.Buffers.Binary;

namespace Flint.TensorBoard;

/// <summary>
/// A small animated GIF (GIF89a) encoder for <c>make_video</c>, where PyTorch has moviepy write one: every frame gets
/// its own colour table, holding the frame's exact colours when it has at most 256 (else the 3-3-2 palette of 8 reds,
/// 8 greens and 4 blues, by nearest level), LZW-compressed; the NETSCAPE2.0 block makes it loop forever and each
/// frame shows for <c>round(100 / fps)</c> hundredths of a second. Alpha is ignored (GIF has no partial
/// transparency).
/// </summary>
public static class GifEncoder
{
    /// <summary>
    /// Encodes <paramref name="frames"/> × <paramref name="height"/> × <paramref name="width"/> pixels of
    /// <paramref name="channels"/> bytes (1 gray, 3 RGB or 4 RGBA), frame-major and row-major.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int frames, int height, int width, int channels, double fps)
    {
        if (frames < 1) throw new ArgumentException($"a video needs at least one frame, got {frames}");
        if (height < 1 || width < 1 || height > ushort.MaxValue || width > ushort.MaxValue)
            throw new ArgumentException($"a GIF frame is 1 to 65535 pixels on a side, got {height}x{width}");
        if (channels is not (1 or 3 or 4)) throw new ArgumentException($"a video frame has 1, 3 or 4 channels, got {channels}");
        if (!(fps > 0) || double.IsInfinity(fps)) throw new ArgumentException($"fps must be positive, got {fps}");
        long frameBytes = (long)height * width * channels;
        if (pixels.Length != frameBytes * frames)
            throw new ArgumentException($"{pixels.Length} bytes do not make {frames} frames of {height}x{width}x{channels}");
        int delay = (int)Math.Clamp(Math.Round(100 / fps), 0, ushort.MaxValue);

        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteUInt16(gif, width);
        WriteUInt16(gif, height);
        gif.WriteByte(0);   // no global colour table
        gif.WriteByte(0);   // background colour index
        gif.WriteByte(0);   // pixel aspect ratio
        // NETSCAPE2.0 application extension: loop forever.
        gif.Write([0x21, 0xFF, 0x0B]);
        gif.Write("NETSCAPE2.0"u8);
        gif.Write([0x03, 0x01, 0x00, 0x00, 0x00]);
        var indices = new byte[height * width];
        for (int f = 0; f < frames; f++)
        {
            var frame = pixels.Slice((int)(f * frameBytes), (int)frameBytes);
            var palette = Palette(frame, channels, indices);
            // Graphic control extension: disposal 1 (leave in place), the delay, no transparency.
            gif.Write([0x21, 0xF9, 0x04, 0x04]);
            WriteUInt16(gif, delay);
            gif.Write([0x00, 0x00]);
            // Image descriptor with a local colour table of 2^bits entries.
            int bits = 1;
            while (1 << bits < palette.Count) bits++;
            gif.WriteByte(0x2C);
            WriteUInt16(gif, 0);
            WriteUInt16(gif, 0);
            WriteUInt16(gif, width);
            WriteUInt16(gif, height);
            gif.WriteByte((byte)(0x80 | (bits - 1)));
            for (int i = 0; i < 1 << bits; i++)
            {
                int rgb = i < palette.Count ? palette[i] : 0;
                gif.Write([(byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb]);
            }
            int minCodeSize = Math.Max(2, bits);
            gif.WriteByte((byte)minCodeSize);
            WriteSubBlocks(gif, Lzw(indices, minCodeSize));
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    private static int Rgb(ReadOnlySpan<byte> frame, int pixel, int channels) =>
        channels == 1
            ? frame[pixel] * 0x010101
            : (frame[pixel * channels] << 16) | (frame[pixel * channels + 1] << 8) | frame[pixel * channels + 2];

    /// <summary>The frame's colours (exact when at most 256, else 3-3-2), and each pixel's index into them.</summary>
    private static List<int> Palette(ReadOnlySpan<byte> frame, int channels, byte[] indices)
    {
        var palette = new List<int>();
        var index = new Dictionary<int, byte>();
        for (int p = 0; p < indices.Length; p++)
        {
            int rgb = Rgb(frame, p, channels);
            if (!index.TryGetValue(rgb, out byte i))
            {
                if (palette.Count == 256) return Palette332(frame, channels, indices);
                i = (byte)palette.Count;
                index[rgb] = i;
                palette.Add(rgb);
            }
            indices[p] = i;
        }
        return palette;
    }

    private static List<int> Palette332(ReadOnlySpan<byte> frame, int channels, byte[] indices)
    {
        static int Level(int v, int levels) => (v * (levels - 1) + 127) / 255;
        static int Value(int level, int levels) => level * 255 / (levels - 1);
        var palette = new List<int>(256);
        for (int i = 0; i < 256; i++)
            palette.Add((Value(i >> 5, 8) << 16) | (Value((i >> 2) & 7, 8) << 8) | Value(i & 3, 4));
        for (int p = 0; p < indices.Length; p++)
        {
            int rgb = Rgb(frame, p, channels);
            indices[p] = (byte)((Level(rgb >> 16, 8) << 5) | (Level((rgb >> 8) & 0xFF, 8) << 2) | Level(rgb & 0xFF, 4));
        }
        return palette;
    }

    /// <summary>GIF's variable-length LZW: codes from minCodeSize + 1 bits up to 12, packed least significant bit first.</summary>
    internal static byte[] Lzw(ReadOnlySpan<byte> indices, int minCodeSize)
    {
        int clear = 1 << minCodeSize, end = clear + 1;
        var output = new MemoryStream();
        int bitBuffer = 0, bitCount = 0;
        int codeSize = minCodeSize + 1;
        void Emit(int code)
        {
            bitBuffer |= code << bitCount;
            bitCount += codeSize;
            while (bitCount >= 8)
            {
                output.WriteByte((byte)bitBuffer);
                bitBuffer >>= 8;
                bitCount -= 8;
            }
        }
        var table = new Dictionary<int, int>();
        int next = end + 1;
        Emit(clear);
        int prefix = indices[0];
        for (int i = 1; i < indices.Length; i++)
        {
            int k = indices[i];
            int key = (prefix << 8) | k;
            if (table.TryGetValue(key, out int code))
            {
                prefix = code;
                continue;
            }
            Emit(prefix);
            if (next < 4096)
            {
                table[key] = next++;
                // The decoder widens its codes once the table reaches 2^codeSize entries.
                if (next > 1 << codeSize && codeSize < 12) codeSize++;
            }
            else
            {
                Emit(clear);
                table.Clear();
                next = end + 1;
                codeSize = minCodeSize + 1;
            }
            prefix = k;
        }
        Emit(prefix);
        // The decoder counts this last code too before it reads the end code.
        if (next + 1 > 1 << codeSize && codeSize < 12) codeSize++;
        Emit(end);
        if (bitCount > 0) output.WriteByte((byte)bitBuffer);
        return output.ToArray();
    }

    private static void WriteSubBlocks(Stream s, byte[] data)
    {
        for (int i = 0; i < data.Length; i += 255)
        {
            int n = Math.Min(255, data.Length - i);
            s.WriteByte((byte)n);
            s.Write(data, i, n);
        }
        s.WriteByte(0);
    }

    private static void WriteUInt16(Stream s, int value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
        s.Write(b);
    }
}
