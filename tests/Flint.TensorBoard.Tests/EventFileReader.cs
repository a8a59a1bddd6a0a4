using System.Buffers.Binary;
using Flint.TensorBoard.Proto;

namespace Flint.TensorBoard.Tests;

/// <summary>
/// An event-file reader written apart from the writer: TFRecord framing with its own table-driven CRC-32C
/// (not BitOperations), every length and data CRC checked, each record parsed as an Event.
/// </summary>
internal static class EventFileReader
{
    private static readonly uint[] Table = MakeTable();

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }

    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    public static uint Masked(ReadOnlySpan<byte> data)
    {
        uint c = Crc32C(data);
        return unchecked(((c >> 15) | (c << 17)) + 0xa282ead8u);
    }

    /// <summary>The raw records of a TFRecord file; throws on a bad CRC or a truncated record.</summary>
    public static List<byte[]> Records(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var records = new List<byte[]>();
        int pos = 0;
        while (pos < bytes.Length)
        {
            if (bytes.Length - pos < 12) throw new InvalidDataException($"truncated header at {pos}");
            var lengthBytes = bytes.AsSpan(pos, 8);
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            uint lengthCrc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos + 8, 4));
            if (lengthCrc != Masked(lengthBytes)) throw new InvalidDataException($"bad length CRC at {pos}");
            pos += 12;
            if ((ulong)(bytes.Length - pos) < length + 4) throw new InvalidDataException($"truncated record at {pos}");
            var data = bytes.AsSpan(pos, (int)length);
            uint dataCrc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos + (int)length, 4));
            if (dataCrc != Masked(data)) throw new InvalidDataException($"bad data CRC at {pos}");
            records.Add(data.ToArray());
            pos += (int)length + 4;
        }
        return records;
    }

    public static List<Event> Events(string path) => Records(path).Select(r => Event.Parser.ParseFrom(r)).ToList();

    /// <summary>The one event file in <paramref name="dir"/>.</summary>
    public static string OnlyFile(string dir) => Assert.Single(Directory.GetFiles(dir, "events.out.tfevents.*"));
}
