using System.IO.Compression;

namespace Flint.IO;

/// <summary>
/// A zip archive read defensively, for <c>.pt</c> checkpoints and <c>.npz</c> files from strangers.
/// Record names must be unique (.NET's <c>GetEntry</c> takes the first of two records with one name and
/// Python's <c>zipfile</c> the last, so a file could show a scanner one tensor and PyTorch another: such
/// files are refused). A record's declared size is checked against the archive before anything is
/// allocated for it: a stored record cannot be bigger than its bytes in the file, a compressed one no
/// bigger than deflate's maximum ratio allows, and the records read may not together claim more
/// compressed bytes than the file holds (records that share bytes are a known zip bomb). Exceptions the
/// zip library throws for malformed archives become <see cref="InvalidDataException"/> naming the file.
/// </summary>
internal sealed class ZipRecords : IDisposable
{
    /// <summary>Deflate cannot expand data more than about 1032:1; a record claiming more is corrupt.</summary>
    public const long MaxDeflateRatio = 1032;

    private readonly ZipArchive _zip;
    private readonly Stream _archive;
    private readonly string _source;
    private readonly Dictionary<string, ZipArchiveEntry> _byName = new(StringComparer.Ordinal);
    private long _compressedRead;

    /// <summary>The records in archive order.</summary>
    public IReadOnlyList<ZipArchiveEntry> Entries { get; }

    public ZipRecords(Stream archive, string source, string kind)
    {
        _archive = archive;
        _source = source;
        _zip = Guard(() => new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true),
            e => $"{source}: not a readable {kind}; the zip archive is truncated or corrupt ({e.Message})");
        try
        {
            var entries = Guard(() => _zip.Entries.ToList(), e => $"{source}: the zip archive's directory is corrupt ({e.Message})");
            foreach (var e in entries)
            {
                if (!_byName.TryAdd(e.FullName, e))
                    throw new InvalidDataException($"{source}: the archive holds two records named '{e.FullName}'; readers disagree on which one counts, so Flint refuses the file.");
                if (e.Length < 0 || e.CompressedLength < 0)
                    throw new InvalidDataException($"{source}: record '{e.FullName}' declares a negative size.");
            }
            Entries = entries;
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    public ZipArchiveEntry? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Checks a record's declared size before anything is allocated for it; <paramref name="maxRatio"/> bounds
    /// how much larger than its compressed bytes it may be (stored records: 1).
    /// </summary>
    public void CheckDeclaredSize(ZipArchiveEntry entry, long maxRatio = MaxDeflateRatio)
    {
        long compressed = entry.CompressedLength, size = entry.Length;
        if (_archive.CanSeek && compressed > _archive.Length)
            throw new InvalidDataException($"{_source}: record '{entry.FullName}' claims {compressed} bytes, more than the whole file.");
        if (size > compressed && (compressed == 0 || size / compressed >= maxRatio))
            throw new InvalidDataException($"{_source}: record '{entry.FullName}' claims {size} bytes from {compressed} compressed bytes, more than compression can produce (corrupt file or zip bomb).");
        if (size > Array.MaxLength)
            throw new InvalidDataException($"{_source}: record '{entry.FullName}' claims {size} bytes, more than one Flint buffer can hold.");
    }

    /// <summary>Opens a record for reading, counting its compressed bytes against the archive's size.</summary>
    public Stream Open(ZipArchiveEntry entry)
    {
        CheckDeclaredSize(entry);
        _compressedRead += entry.CompressedLength;
        if (_archive.CanSeek && _compressedRead > _archive.Length)
            throw new InvalidDataException($"{_source}: the records read so far claim {_compressedRead} compressed bytes, more than the {_archive.Length}-byte file holds (records overlap: a zip bomb?).");
        return new GuardedStream(Guard(entry.Open, e => $"{_source}: record '{entry.FullName}' cannot be read ({e.Message})"), _source, entry.FullName);
    }

    /// <summary>
    /// Opens a record whose declared size the caller will allocate for. A record no bigger than its compressed
    /// bytes (stored, as PyTorch and np.savez write them) is streamed: its size is already bounded by the file.
    /// A compressed record is first decompressed into memory, at most its declared size, so a record that claims
    /// far more than it holds costs only what it really holds; reading more than declared is corruption.
    /// </summary>
    public Stream OpenSized(ZipArchiveEntry entry)
    {
        var s = Open(entry);
        if (entry.Length <= entry.CompressedLength) return s;
        using (s)
        {
            var copy = new MemoryStream();
            var chunk = new byte[1 << 16];
            long left = entry.Length;
            while (true)
            {
                int n = s.Read(chunk, 0, (int)Math.Min(chunk.Length, left + 1));
                if (n == 0) break;
                if (n > left) throw new InvalidDataException($"{_source}: record '{entry.FullName}' decompresses to more than its declared {entry.Length} bytes.");
                copy.Write(chunk, 0, n);
                left -= n;
            }
            copy.Position = 0;
            return copy;
        }
    }

    /// <summary>Fills <paramref name="bytes"/> from a record; a record shorter than that is truncated.</summary>
    public void ReadExactly(ZipArchiveEntry entry, Span<byte> bytes)
    {
        using var s = Open(entry);
        try { s.ReadExactly(bytes); }
        catch (EndOfStreamException e) { throw new InvalidDataException($"{_source}: record '{entry.FullName}' is truncated.", e); }
    }

    /// <summary>A whole (small) record's bytes, its declared size checked first.</summary>
    public byte[] ReadAll(ZipArchiveEntry entry, long maxRatio)
    {
        CheckDeclaredSize(entry, maxRatio);
        var bytes = new byte[entry.Length];
        ReadExactly(entry, bytes);
        return bytes;
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>Runs a zip-library call, turning the exceptions it throws for malformed input into <see cref="InvalidDataException"/>.</summary>
    internal static T Guard<T>(Func<T> action, Func<Exception, string> message)
    {
        try { return action(); }
        catch (Exception e) when (IsMalformedInput(e)) { throw new InvalidDataException(message(e), e); }
    }

    /// <summary>What System.IO.Compression throws for archives it cannot parse (I/O errors stay <see cref="IOException"/>s).</summary>
    private static bool IsMalformedInput(Exception e) =>
        e is ArgumentException or NotSupportedException or InvalidOperationException or OverflowException
            or IndexOutOfRangeException or FormatException or InvalidDataException;

    /// <summary>A record's stream whose read errors name the file and record.</summary>
    private sealed class GuardedStream(Stream inner, string source, string name) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            try { return inner.Read(buffer); }
            catch (Exception e) when (IsMalformedInput(e)) { throw new InvalidDataException($"{source}: record '{name}' is corrupt ({e.Message})", e); }
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
