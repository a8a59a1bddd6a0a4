using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Flint.IO.Npy;

/// <summary>
/// NumPy's .npy format (magic <c>\x93NUMPY</c>, version, header length, header dict, raw data) and .npz
/// (a zip of .npy files, as <c>np.savez</c> writes them, stored; <c>np.savez_compressed</c>'s deflated
/// entries are read too). Reads versions 1.0 to 3.0, either byte order and Fortran order (as a view
/// with column-major strides, like <c>torch.from_numpy</c>); writes version 1.0 (2.0 when the header
/// needs it), C order, little-endian.
/// </summary>
internal static class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(Tensor tensor, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var t = tensor.device.type == DeviceType.CPU ? tensor.detach().contiguous() : tensor.detach().to(torch.CPU).contiguous();
        var header = new NpyHeader(t.dtype, false, false, t.Shape);
        string text = header.Format(10);
        byte major = 1;
        if (text.Length > ushort.MaxValue) { major = 2; text = header.Format(12); }
        stream.Write(Magic);
        stream.WriteByte(major);
        stream.WriteByte(0);
        Span<byte> len = stackalloc byte[4];
        if (major == 1) { BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)text.Length); stream.Write(len[..2]); }
        else { BinaryPrimitives.WriteUInt32LittleEndian(len, (uint)text.Length); stream.Write(len); }
        stream.Write(Encoding.Latin1.GetBytes(text));
        using var lease = new Ops.KernelLease(t); // t may be a temporary: keep its buffer out of the pool until written
        stream.Write(StorageBytes.Of(t.Storage.Buffer, t.dtype, t.Offset, t.numel()));
    }

    /// <summary>NumPy's own limit on the header it reads (<c>max_header_size</c>, 10,000 bytes since NumPy 1.24).</summary>
    public const int MaxHeaderLength = 10_000;

    /// <summary>
    /// Reads one array. <paramref name="available"/> is how many bytes the stream holds from here when it
    /// cannot seek (an .npz record's declared size): the data's size is checked against it before allocating.
    /// When that size is unproven (a compressed record can claim far more than it holds) the data is read in
    /// chunks first, so only bytes that really exist are ever allocated for.
    /// </summary>
    public static Tensor Read(Stream stream, string source, long? available = null, bool sizeUnproven = false)
    {
        long remaining = stream.CanSeek ? stream.Length - stream.Position : available ?? long.MaxValue;
        Span<byte> prefix = stackalloc byte[8];
        ReadExactly(stream, prefix, source, "the magic string");
        if (!prefix[..6].SequenceEqual(Magic))
            throw new InvalidDataException($"{source}: not a .npy file (it does not start with \\x93NUMPY).");
        byte major = prefix[6];
        if (major is < 1 or > 3) throw new InvalidDataException($"{source}: unsupported .npy format version {major}.{prefix[7]}.");
        int headerLength;
        if (major == 1)
        {
            Span<byte> l = stackalloc byte[2];
            ReadExactly(stream, l, source, "the header length");
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(l);
        }
        else
        {
            Span<byte> l = stackalloc byte[4];
            ReadExactly(stream, l, source, "the header length");
            uint n = BinaryPrimitives.ReadUInt32LittleEndian(l);
            headerLength = (int)Math.Min(n, int.MaxValue);
        }
        if (headerLength > MaxHeaderLength)
            throw new InvalidDataException($"{source}: the .npy header is {headerLength} bytes, more than NumPy's limit of {MaxHeaderLength} (corrupt or hostile file?).");
        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, source, "the header");
        string text = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        var header = NpyHeader.Parse(text, source);

        if (header.Shape.Length > ShapeMath.MaxRank)
            throw new InvalidDataException($"{source}: the .npy header declares {header.Shape.Length} dimensions, more than the limit of {ShapeMath.MaxRank}.");
        int elementSize = DTypes.ElementSize(header.DType);
        if (!ShapeMath.TryNumel(header.Shape, out long numel) || !ShapeMath.TryMultiply(numel, elementSize, out long dataBytes))
            throw new InvalidDataException($"{source}: the .npy shape {Shapes.Str(header.Shape)} has more elements than fit in 64 bits (corrupt file?).");
        long left = remaining - (headerLength + (major == 1 ? 10 : 12));
        if (dataBytes > left)
            throw new InvalidDataException($"{source}: the data of shape {Shapes.Str(header.Shape)} needs {dataBytes} bytes but only {Math.Max(left, 0)} follow the header (truncated file?).");
        if (sizeUnproven) stream = ReadChunked(stream, dataBytes, source);
        var storage = StorageBytes.Allocate(header.DType, numel, source);
        var bytes = StorageBytes.Writable(storage.Buffer, header.DType);
        ReadExactly(stream, bytes, source, "the array data");
        if (header.BigEndian) StorageBytes.SwapBytes(bytes, DTypes.ElementSize(header.DType));
        StorageBytes.NormalizeBools(storage);

        var shape = header.Shape;
        long[] strides;
        if (header.FortranOrder)
        {
            strides = new long[shape.Length];
            long s = 1;
            for (int i = 0; i < shape.Length; i++) { strides[i] = s; s *= Math.Max(shape[i], 1); } // bounded by numel, checked above
        }
        else strides = Shapes.ContiguousStrides(shape);
        return new Tensor(storage, shape, strides, 0);
    }

    public static void WriteNpz(IDictionary<string, Tensor> arrays, Stream stream, bool compress)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, t) in arrays)
        {
            var entry = zip.CreateEntry(name + ".npy", compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            entry.LastWriteTime = FixedTime;
            using var s = entry.Open();
            Write(t, s);
        }
    }

    public static Dictionary<string, Tensor> ReadNpz(Stream stream, string source)
    {
        using var zip = new ZipRecords(stream, source, ".npz file");
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            string name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
            if (result.ContainsKey(name))
                throw new InvalidDataException($"{source}: the archive holds two arrays named '{name}'; Flint refuses to pick one.");
            // Record streams do not seek: the declared size (checked against the archive first) bounds the reader.
            using var s = zip.Open(entry);
            result[name] = Read(s, $"{source}[{entry.FullName}]", entry.Length, sizeUnproven: entry.Length > entry.CompressedLength);
        }
        return result;
    }

    /// <summary>Exactly <paramref name="count"/> bytes of <paramref name="stream"/>, read in bounded chunks (fewer: truncated).</summary>
    private static MemoryStream ReadChunked(Stream stream, long count, string source)
    {
        var copy = new MemoryStream();
        var chunk = new byte[1 << 16];
        while (copy.Length < count)
        {
            int n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, count - copy.Length));
            if (n == 0) throw new InvalidDataException($"{source}: the file ends inside the array data ({copy.Length} of {count} bytes; truncated or corrupt).");
            copy.Write(chunk, 0, n);
        }
        copy.Position = 0;
        return copy;
    }

    private static void ReadExactly(Stream s, Span<byte> bytes, string source, string what)
    {
        try { s.ReadExactly(bytes); }
        catch (EndOfStreamException e) { throw new InvalidDataException($"{source}: the file ends inside {what} (truncated file?).", e); }
    }
}
