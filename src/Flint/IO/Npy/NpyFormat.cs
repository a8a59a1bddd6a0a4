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
        stream.Write(StorageBytes.Of(t.Storage.Buffer, t.dtype, t.Offset, t.numel()));
    }

    public static Tensor Read(Stream stream, string source)
    {
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
            if (n > 1 << 24) throw new InvalidDataException($"{source}: a .npy header of {n} bytes is implausibly large (corrupt file?).");
            headerLength = (int)n;
        }
        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, source, "the header");
        string text = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        var header = NpyHeader.Parse(text, source);

        long numel = 1;
        foreach (var d in header.Shape) numel = checked(numel * d);
        if (stream.CanSeek && stream.Length - stream.Position < numel * DTypes.ElementSize(header.DType))
            throw new InvalidDataException($"{source}: the data of shape {Shapes.Str(header.Shape)} needs {numel * DTypes.ElementSize(header.DType)} bytes but only {stream.Length - stream.Position} follow the header (truncated file?).");
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
            for (int i = 0; i < shape.Length; i++) { strides[i] = s; s *= shape[i]; }
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
        ZipArchive zip;
        try { zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{source}: not a readable .npz file; the zip archive is truncated or corrupt ({e.Message})", e); }
        using (zip)
        {
            var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                string name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
                if (entry.Length > 0 && stream.CanSeek && entry.CompressedLength > stream.Length)
                    throw new InvalidDataException($"{source}: entry '{entry.FullName}' claims more bytes than the whole file.");
                using var s = entry.Open();
                // Entry streams do not seek; a bounded copy lets the reader check sizes before allocating.
                using var buffered = new MemoryStream();
                s.CopyTo(buffered);
                buffered.Position = 0;
                result[name] = Read(buffered, $"{source}[{entry.FullName}]");
            }
            return result;
        }
    }

    private static void ReadExactly(Stream s, Span<byte> bytes, string source, string what)
    {
        try { s.ReadExactly(bytes); }
        catch (EndOfStreamException e) { throw new InvalidDataException($"{source}: the file ends inside {what} (truncated file?).", e); }
    }
}
