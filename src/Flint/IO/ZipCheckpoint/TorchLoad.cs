using System.IO.Compression;
using System.Text;
using Flint.IO.Pickle;

namespace Flint.IO.ZipCheckpoint;

/// <summary>
/// Reads PyTorch's zip checkpoint format with the <see cref="RestrictedUnpickler"/>: finds
/// <c>&lt;prefix&gt;/data.pkl</c>, loads each storage the pickle names from
/// <c>&lt;prefix&gt;/data/&lt;key&gt;</c> (checking its size), honours <c>byteorder</c>, and returns
/// the value as <see cref="PyToClr"/> describes. Storages are loaded on the CPU whatever device the
/// file names, like <c>map_location="cpu"</c>.
/// </summary>
internal static class TorchLoad
{
    public static object? Load(Stream stream, string source)
    {
        Span<byte> magic = stackalloc byte[4];
        long start = stream.CanSeek ? stream.Position : 0;
        int got = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4 || magic[0] != 'P' || magic[1] != 'K')
        {
            bool legacy = got >= 2 && magic[0] == 0x80; // a bare pickle: the pre-1.6 format
            throw new InvalidDataException(legacy
                ? $"{source}: this is PyTorch's legacy (pre-1.6) checkpoint format, which Flint does not read; re-save it in PyTorch with torch.save(obj, path)."
                : $"{source}: not a PyTorch checkpoint (it does not start with a zip header{(got < 4 ? "; the file is too short" : "")}).");
        }
        if (stream.CanSeek) stream.Position = start;
        else stream = Prepend(magic, stream);

        using var zip = new ZipRecords(stream, source, "PyTorch checkpoint");
        var pickleEntry = FindPickle(zip, source);
        string prefix = pickleEntry.FullName[..^"data.pkl".Length];
        bool swap = ReadByteOrder(zip, prefix, source);
        // PyTorch stores its records uncompressed; a compressed pickle may expand a little, not like a bomb.
        byte[] pickle = zip.ReadAll(pickleEntry, MaxPickleRatio);

        Storage LoadStorage(ScalarType dtype, string key, string location, long numel)
        {
            string name = prefix + "data/" + key;
            var entry = zip.Find(name) ?? throw new InvalidDataException($"{source}: the pickle refers to storage '{key}', but the archive has no '{name}'.");
            int size = DTypes.ElementSize(dtype);
            if (numel < 0) throw new InvalidDataException($"{source}: storage '{key}' has a negative element count {numel}.");
            if (!ShapeMath.TryMultiply(numel, size, out long bytes) || entry.Length != bytes)
                throw new InvalidDataException($"{source}: storage '{key}' should hold {numel} {DTypes.Name(dtype)} elements but its record has {entry.Length} bytes.");
            // Opening checks the declared size against the archive; a compressed record proves it before the storage is allocated.
            using var record = zip.OpenSized(entry);
            var storage = StorageBytes.Allocate(dtype, numel, $"{source}: storage '{key}'");
            var span = StorageBytes.Writable(storage.Buffer, dtype);
            try { record.ReadExactly(span); }
            catch (EndOfStreamException e) { throw new InvalidDataException($"{source}: record '{name}' is truncated.", e); }
            if (swap) StorageBytes.SwapBytes(span, size);
            StorageBytes.NormalizeBools(storage);
            return storage;
        }

        var raw = new RestrictedUnpickler(pickle, LoadStorage, source + " (" + pickleEntry.FullName + ")").Load();
        return PyToClr.Convert(raw);
    }

    /// <summary>How much a compressed pickle record may expand (PyTorch's own are stored: ratio 1).</summary>
    private const long MaxPickleRatio = 64;

    private static ZipArchiveEntry FindPickle(ZipRecords zip, string source)
    {
        ZipArchiveEntry? found = null;
        foreach (var e in zip.Entries)
        {
            // PyTorch names every record "<archive name>/...", the archive name being anything without a slash.
            if (!e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal) || e.FullName.IndexOf('/') != e.FullName.Length - "/data.pkl".Length) continue;
            if (found != null) throw new InvalidDataException($"{source}: the archive holds two pickles ('{found.FullName}' and '{e.FullName}').");
            found = e;
        }
        return found ?? throw new InvalidDataException($"{source}: a zip archive, but not a PyTorch checkpoint: it has no '<name>/data.pkl' record.");
    }

    private static bool ReadByteOrder(ZipRecords zip, string prefix, string source)
    {
        var entry = zip.Find(prefix + "byteorder");
        if (entry == null) return false; // PyTorch before 2.1 wrote no byteorder record: little-endian
        if (entry.Length > 16) throw new InvalidDataException($"{source}: invalid byteorder record.");
        return Encoding.ASCII.GetString(zip.ReadAll(entry, MaxPickleRatio)) switch
        {
            "little" => false,
            "big" => true,
            var other => throw new InvalidDataException($"{source}: unknown byteorder '{other}'."),
        };
    }

    private static Stream Prepend(ReadOnlySpan<byte> head, Stream rest)
    {
        var copy = new MemoryStream();
        copy.Write(head);
        rest.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
