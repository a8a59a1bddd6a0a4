using System.IO.Compression;

namespace Flint.Vision;

/// <summary>Reads the IDX format of MNIST and Fashion-MNIST (gzipped or not), with errors that name the file and the fault.</summary>
internal static class IdxFile
{
    /// <summary>An IDX file's unsigned-byte payload and its dimensions.</summary>
    internal sealed record Content(int[] Dims, byte[] Data);

    public static Content Read(string path, int expectedRank)
    {
        byte[] bytes;
        try
        {
            using var file = File.OpenRead(path);
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a valid gzip file ({e.Message})", e);
        }
        int expectedMagic = 0x0800 | expectedRank;
        if (bytes.Length < 4) throw new InvalidDataException($"{path}: the file is truncated ({bytes.Length} bytes, an IDX header needs at least 4)");
        int magic = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
        if (magic != expectedMagic)
            throw new InvalidDataException($"{path}: not an IDX file of unsigned bytes with {expectedRank} dimension(s) (magic number 0x{magic:X8}, expected 0x{expectedMagic:X8})");
        int header = 4 + 4 * expectedRank;
        if (bytes.Length < header) throw new InvalidDataException($"{path}: the file is truncated ({bytes.Length} bytes, the IDX header needs {header})");
        var dims = new int[expectedRank];
        long count = 1;
        for (int d = 0; d < expectedRank; d++)
        {
            int o = 4 + 4 * d;
            dims[d] = (bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3];
            if (dims[d] < 0) throw new InvalidDataException($"{path}: dimension {d} is negative ({dims[d]})");
            count *= dims[d];
        }
        if (bytes.Length - header != count)
            throw new InvalidDataException(
                $"{path}: the header announces {string.Join(" x ", dims)} = {count} bytes of data but the file holds {bytes.Length - header}" +
                (bytes.Length - header < count ? " (truncated)" : " (trailing bytes)"));
        return new Content(dims, bytes[header..]);
    }
}
