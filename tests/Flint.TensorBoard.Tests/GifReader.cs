namespace Flint.TensorBoard.Tests;

/// <summary>
/// An independent GIF reader for the tests: header, screen, NETSCAPE2.0 loop count, per-frame delay, local or global
/// colour table, and giflib's LZW decoding (code width grows when the next code passes the current maximum).
/// </summary>
internal static class GifReader
{
    public sealed record Frame(int Width, int Height, int DelayCs, byte[] Rgb);

    public static (int width, int height, int? loops, List<Frame> frames) Decode(byte[] gif)
    {
        Assert.Equal("GIF89a", System.Text.Encoding.ASCII.GetString(gif, 0, 6));
        int pos = 6;
        int width = gif[pos] | gif[pos + 1] << 8, height = gif[pos + 2] | gif[pos + 3] << 8;
        byte packed = gif[pos + 4];
        pos += 7;
        byte[]? global = null;
        if ((packed & 0x80) != 0)
        {
            int n = 3 << ((packed & 7) + 1);
            global = gif[pos..(pos + n)];
            pos += n;
        }
        int? loops = null;
        int delay = 0;
        var frames = new List<Frame>();
        while (true)
        {
            byte b = gif[pos++];
            if (b == 0x3B) break;
            if (b == 0x21)
            {
                byte label = gif[pos++];
                var data = SubBlocks(gif, ref pos);
                if (label == 0xF9) delay = data[1] | data[2] << 8;
                if (label == 0xFF && System.Text.Encoding.ASCII.GetString(data, 0, 11) == "NETSCAPE2.0") loops = data[12] | data[13] << 8;
                continue;
            }
            Assert.Equal(0x2C, b);
            int fw = gif[pos + 4] | gif[pos + 5] << 8, fh = gif[pos + 6] | gif[pos + 7] << 8;
            byte fp = gif[pos + 8];
            pos += 9;
            Assert.Equal(0, fp & 0x40); // not interlaced
            byte[] table = global ?? [];
            if ((fp & 0x80) != 0)
            {
                int n = 3 << ((fp & 7) + 1);
                table = gif[pos..(pos + n)];
                pos += n;
            }
            int minCodeSize = gif[pos++];
            var indices = Lzw(SubBlocks(gif, ref pos), minCodeSize, fw * fh);
            var rgb = new byte[fw * fh * 3];
            for (int i = 0; i < indices.Length; i++)
            {
                Assert.True(indices[i] * 3 + 2 < table.Length, $"index {indices[i]} outside a table of {table.Length / 3}");
                Array.Copy(table, indices[i] * 3, rgb, i * 3, 3);
            }
            frames.Add(new Frame(fw, fh, delay, rgb));
        }
        Assert.Equal(gif.Length, pos);
        return (width, height, loops, frames);
    }

    private static byte[] SubBlocks(byte[] gif, ref int pos)
    {
        var data = new MemoryStream();
        while (gif[pos] != 0)
        {
            data.Write(gif, pos + 1, gif[pos]);
            pos += gif[pos] + 1;
        }
        pos++;
        return data.ToArray();
    }

    private static byte[] Lzw(byte[] data, int minCodeSize, int count)
    {
        int clear = 1 << minCodeSize, end = clear + 1;
        var prefix = new int[4096];
        var suffix = new byte[4096];
        var length = new int[4096];
        for (int i = 0; i < clear; i++) { suffix[i] = (byte)i; length[i] = 1; prefix[i] = -1; }
        var output = new List<byte>(count);
        int codeSize = minCodeSize + 1, next = end + 1, previous = -1;
        int bitPos = 0;
        bool ended = false;
        while (bitPos + codeSize <= data.Length * 8)
        {
            int code = 0;
            for (int k = 0; k < codeSize; k++, bitPos++)
                code |= ((data[bitPos >> 3] >> (bitPos & 7)) & 1) << k;
            if (code == clear)
            {
                codeSize = minCodeSize + 1;
                next = end + 1;
                previous = -1;
                continue;
            }
            if (code == end) { ended = true; break; }
            byte first;
            if (code < next)
            {
                var s = Expand(code, prefix, suffix, length);
                output.AddRange(s);
                first = s[0];
            }
            else
            {
                Assert.Equal(next, code); // the KwKwK case
                Assert.True(previous >= 0);
                var s = Expand(previous, prefix, suffix, length);
                first = s[0];
                output.AddRange(s);
                output.Add(first);
            }
            if (previous >= 0 && next < 4096)
            {
                prefix[next] = previous;
                suffix[next] = first;
                length[next] = length[previous] + 1;
                next++;
            }
            previous = code;
            // giflib: the width grows once the next free code passes the largest code of the current width.
            if (next >= 1 << codeSize && codeSize < 12) codeSize++;
        }
        Assert.True(ended, "no end-of-information code");
        Assert.Equal(count, output.Count);
        return output.ToArray();
    }

    private static byte[] Expand(int code, int[] prefix, byte[] suffix, int[] length)
    {
        var s = new byte[length[code]];
        for (int i = s.Length - 1; i >= 0; i--) { s[i] = suffix[code]; code = prefix[code]; }
        return s;
    }
}
