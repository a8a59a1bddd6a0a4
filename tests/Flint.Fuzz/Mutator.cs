using System.Buffers.Binary;
using System.IO.Compression;

namespace Flint.Fuzz;

/// <summary>
/// Byte-level mutations (flips, interesting integers, chunk insertion, deletion, duplication, splicing,
/// truncation) plus, for zip-based formats, mutations of one record's bytes re-zipped with a valid directory
/// and checksums, so the fuzzer reaches the pickle and .npy parsers instead of stopping at the zip layer.
/// </summary>
public sealed class Mutator(Random random, IReadOnlyList<byte[]> seeds)
{
    private static readonly long[] Interesting =
        [0, 1, -1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, int.MaxValue, int.MinValue, uint.MaxValue, 1L << 32, (1L << 32) + 1,
         long.MaxValue, long.MinValue, 1L << 62, 0x7FFFFFC7, 100_000_001, 65, 64, 10_001];

    public byte[] Mutate(string format, byte[] input)
    {
        if (format is "pt" or "optim" or "npz" && random.Next(2) == 0 && TryMutateRecord(input) is { } rezipped) return rezipped;
        var bytes = new List<byte>(input);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds; r++) MutateBytes(bytes);
        return bytes.ToArray();
    }

    private void MutateBytes(List<byte> b)
    {
        if (b.Count == 0) { b.Add((byte)random.Next(256)); return; }
        int at = random.Next(b.Count);
        switch (random.Next(9))
        {
            case 0: b[at] ^= (byte)(1 << random.Next(8)); break;
            case 1: b[at] = (byte)random.Next(256); break;
            case 2:
            {
                long v = Interesting[random.Next(Interesting.Length)];
                int width = new[] { 1, 2, 4, 8 }[random.Next(4)];
                Span<byte> le = stackalloc byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(le, v);
                for (int i = 0; i < width && at + i < b.Count; i++) b[at + i] = le[i];
                break;
            }
            case 3: b.RemoveRange(at, Math.Min(b.Count - at, 1 + random.Next(16))); break;
            case 4: b.InsertRange(at, Enumerable.Range(0, 1 + random.Next(16)).Select(_ => (byte)random.Next(256))); break;
            case 5:
            {
                int len = Math.Min(b.Count - at, 1 + random.Next(64));
                var chunk = b.GetRange(at, len);
                int repeat = 1 + random.Next(random.Next(2) == 0 ? 4 : 200);
                for (int i = 0; i < repeat && b.Count < 1 << 20; i++) b.InsertRange(random.Next(b.Count), chunk);
                break;
            }
            case 6:
            {
                var other = seeds[random.Next(seeds.Count)];
                if (other.Length == 0) break;
                int from = random.Next(other.Length), len = Math.Min(other.Length - from, 1 + random.Next(256));
                b.InsertRange(at, other.AsSpan(from, len).ToArray());
                break;
            }
            case 7: b.RemoveRange(at, b.Count - at); break;
            case 8:
            {
                // A number written as ASCII digits (.npy headers, JSON shapes and offsets).
                string digits = Interesting[random.Next(Interesting.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture);
                b.InsertRange(at, System.Text.Encoding.ASCII.GetBytes(digits));
                break;
            }
        }
    }

    private byte[]? TryMutateRecord(byte[] input)
    {
        try
        {
            var records = new List<(string Name, byte[] Bytes)>();
            using (var zip = new ZipArchive(new MemoryStream(input), ZipArchiveMode.Read))
                foreach (var e in zip.Entries)
                {
                    if (e.Length > 1 << 20) return null;
                    using var s = e.Open();
                    var ms = new MemoryStream();
                    s.CopyTo(ms);
                    records.Add((e.FullName, ms.ToArray()));
                }
            if (records.Count == 0) return null;
            int pick = random.Next(records.Count);
            // The pickle is the interesting record of a checkpoint; prefer it.
            int pkl = records.FindIndex(r => r.Name.EndsWith("data.pkl", StringComparison.Ordinal));
            if (pkl >= 0 && random.Next(3) != 0) pick = pkl;
            var bytes = new List<byte>(records[pick].Bytes);
            int rounds = 1 + random.Next(3);
            for (int r = 0; r < rounds; r++) MutateBytes(bytes);
            records[pick] = (records[pick].Name, bytes.ToArray());
            if (random.Next(8) == 0) records.Add(records[random.Next(records.Count)]); // a duplicate name
            var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var (name, data) in records)
                {
                    var level = random.Next(4) == 0 ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
                    using var s = zip.CreateEntry(name, level).Open();
                    s.Write(data);
                }
            return output.ToArray();
        }
        catch (Exception)
        {
            return null; // not a readable zip any more (the zip library's exceptions vary): byte mutations only
        }
    }
}
