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

        ZipArchive zip;
        try { zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: not a readable PyTorch checkpoint; the zip archive is truncated or corrupt ({e.Message})", e);
        }
        using (zip)
        {
            var pickleEntry = FindPickle(zip, source);
            string prefix = pickleEntry.FullName[..^"data.pkl".Length];
            bool swap = ReadByteOrder(zip, prefix, source);
            byte[] pickle = ReadAll(pickleEntry, source, stream);

            Storage LoadStorage(ScalarType dtype, string key, string location, long numel)
            {
                string name = prefix + "data/" + key;
                var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"{source}: the pickle refers to storage '{key}', but the archive has no '{name}'.");
                int size = DTypes.ElementSize(dtype);
                if (numel < 0) throw new InvalidDataException($"{source}: storage '{key}' has a negative element count {numel}.");
                if (entry.Length != numel * size)
                    throw new InvalidDataException($"{source}: storage '{key}' should hold {numel} {DTypes.Name(dtype)} elements ({numel * size} bytes) but its record has {entry.Length} bytes.");
                CheckSizes(entry, stream, source);
                var storage = StorageBytes.Allocate(dtype, numel, $"{source}: storage '{key}'");
                var bytes = StorageBytes.Writable(storage.Buffer, dtype);
                using (var s = entry.Open()) ReadExactly(s, bytes, source, name);
                if (swap) StorageBytes.SwapBytes(bytes, size);
                StorageBytes.NormalizeBools(storage);
                return storage;
            }

            var raw = new RestrictedUnpickler(pickle, LoadStorage, source + " (" + pickleEntry.FullName + ")").Load();
            return PyToClr.Convert(raw);
        }
    }

    private static ZipArchiveEntry FindPickle(ZipArchive zip, string source)
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

    private static bool ReadByteOrder(ZipArchive zip, string prefix, string source)
    {
        var entry = zip.GetEntry(prefix + "byteorder");
        if (entry == null) return false; // PyTorch before 2.1 wrote no byteorder record: little-endian
        if (entry.Length > 16) throw new InvalidDataException($"{source}: invalid byteorder record.");
        using var s = entry.Open();
        using var reader = new StreamReader(s, Encoding.ASCII);
        return reader.ReadToEnd() switch
        {
            "little" => false,
            "big" => true,
            var other => throw new InvalidDataException($"{source}: unknown byteorder '{other}'."),
        };
    }

    private static byte[] ReadAll(ZipArchiveEntry entry, string source, Stream archive)
    {
        CheckSizes(entry, archive, source);
        if (entry.Length > int.MaxValue) throw new InvalidDataException($"{source}: the pickle is larger than 2 GiB.");
        var bytes = new byte[entry.Length];
        using var s = entry.Open();
        ReadExactly(s, bytes, source, entry.FullName);
        return bytes;
    }

    /// <summary>A record cannot be bigger than the archive unless compressed; refuse before allocating for it.</summary>
    private static void CheckSizes(ZipArchiveEntry entry, Stream archive, string source)
    {
        if (archive.CanSeek && entry.CompressedLength > archive.Length)
            throw new InvalidDataException($"{source}: record '{entry.FullName}' claims {entry.CompressedLength} bytes, more than the whole file.");
    }

    private static void ReadExactly(Stream s, Span<byte> bytes, string source, string name)
    {
        try
        {
            s.ReadExactly(bytes);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{source}: record '{name}' is truncated.", e);
        }
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
