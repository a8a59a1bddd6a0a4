using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace Flint.IO.SafeTensors;

/// <summary>One tensor's entry in a safetensors header.</summary>
internal readonly record struct SafeTensorsEntry(string Name, ScalarType DType, long[] Shape, long Begin, long End);

/// <summary>
/// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, N bytes
/// of UTF-8 JSON (<c>{"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ...,
/// "__metadata__": {"key": "value"}}</c>), then the byte buffer, offsets relative to its start. The
/// header is validated as the reference implementation does: entries must tile the buffer exactly
/// (no gaps, overlaps or bytes past the end) and each must hold shape × dtype-size bytes.
/// </summary>
internal static class SafeTensorsFormat
{
    /// <summary>The reference implementation's limit on the header size (100 MB).</summary>
    public const long MaxHeaderSize = 100_000_000;
    public const string MetadataKey = "__metadata__";

    public static string DTypeName(ScalarType t) => t switch
    {
        ScalarType.Bool => "BOOL",
        ScalarType.Byte => "U8",
        ScalarType.Int8 => "I8",
        ScalarType.Int16 => "I16",
        ScalarType.Int32 => "I32",
        ScalarType.Int64 => "I64",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Float32 => "F32",
        ScalarType.Float64 => "F64",
        _ => throw new ArgumentException($"safetensors: unsupported dtype {t}"),
    };

    private static ScalarType ParseDType(string name, string tensor, string source) => name switch
    {
        "BOOL" => ScalarType.Bool,
        "U8" => ScalarType.Byte,
        "I8" => ScalarType.Int8,
        "I16" => ScalarType.Int16,
        "I32" => ScalarType.Int32,
        "I64" => ScalarType.Int64,
        "F16" => ScalarType.Float16,
        "BF16" => ScalarType.BFloat16,
        "F32" => ScalarType.Float32,
        "F64" => ScalarType.Float64,
        "U16" or "U32" or "U64" or "F8_E4M3" or "F8_E5M2" or "F8_E8M0" or "F4" or "F6_E2M3" or "F6_E3M2" or "C64" =>
            throw new InvalidDataException($"{source}: tensor '{tensor}' has dtype {name}, which Flint does not support."),
        _ => throw new InvalidDataException($"{source}: tensor '{tensor}' has unknown dtype '{name}'."),
    };

    /// <summary>Reads and checks the 8-byte length prefix against the file size; returns the header length.</summary>
    public static int HeaderLength(ReadOnlySpan<byte> prefix, long fileLength, string source)
    {
        if (fileLength < 8)
            throw new InvalidDataException($"{source}: {fileLength} bytes is too short for a safetensors file (it starts with an 8-byte header length).");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > MaxHeaderSize)
            throw new InvalidDataException($"{source}: the header length {n} exceeds the {MaxHeaderSize}-byte limit (corrupt file?).");
        if (8 + (long)n > fileLength)
            throw new InvalidDataException($"{source}: the header length {n} runs past the end of the {fileLength}-byte file (truncated or corrupt).");
        return (int)n;
    }

    /// <summary>Parses and validates the header; entries come back in buffer order.</summary>
    public static (List<SafeTensorsEntry> Entries, Dictionary<string, string>? Metadata) ParseHeader(ReadOnlySpan<byte> header, long bufferLength, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(header.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: the header is not valid JSON ({e.Message}).", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: the header is not a JSON object.");
            var entries = new List<SafeTensorsEntry>();
            Dictionary<string, string>? metadata = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (!seen.Add(p.Name)) throw new InvalidDataException($"{source}: the header names '{p.Name}' twice.");
                    if (p.Name == MetadataKey) metadata = ParseMetadata(p.Value, source);
                    else entries.Add(ParseEntry(p.Name, p.Value, source));
                }
            }
            catch (InvalidOperationException e)
            {
                // System.Text.Json's answer to a string that is not valid Unicode (a lone surrogate escape such as "\ud800").
                throw new InvalidDataException($"{source}: the header holds a string that is not valid Unicode ({e.Message}).", e);
            }
            Validate(entries, bufferLength, source);
            return (entries, metadata);
        }
    }

    private static Dictionary<string, string> ParseMetadata(JsonElement e, string source)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{source}: {MetadataKey} is not an object of strings.");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String) throw new InvalidDataException($"{source}: {MetadataKey}['{p.Name}'] is not a string.");
            result[p.Name] = p.Value.GetString()!;
        }
        return result;
    }

    private static SafeTensorsEntry ParseEntry(string name, JsonElement e, string source)
    {
        if (e.ValueKind != JsonValueKind.Object
            || !e.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array
            || !e.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
            throw new InvalidDataException($"{source}: tensor '{name}' needs \"dtype\" (a string), \"shape\" (a list) and \"data_offsets\" (two integers).");
        if (shape.GetArrayLength() > ShapeMath.MaxRank)
            throw new InvalidDataException($"{source}: tensor '{name}' has {shape.GetArrayLength()} dimensions, more than the limit of {ShapeMath.MaxRank}.");
        var dims = new long[shape.GetArrayLength()];
        int i = 0;
        foreach (var d in shape.EnumerateArray())
            dims[i++] = NonNegative(d, name, "shape", source);
        long begin = NonNegative(offsets[0], name, "data_offsets", source), end = NonNegative(offsets[1], name, "data_offsets", source);
        return new SafeTensorsEntry(name, ParseDType(dtype.GetString()!, name, source), dims, begin, end);
    }

    private static long NonNegative(JsonElement e, string name, string field, string source) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long v) && v >= 0
            ? v
            : throw new InvalidDataException($"{source}: tensor '{name}' has an invalid {field} value {e.GetRawText()} (expected a non-negative integer).");

    private static void Validate(List<SafeTensorsEntry> entries, long bufferLength, string source)
    {
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expectedBegin = 0;
        foreach (var e in entries)
        {
            if (e.End < e.Begin)
                throw new InvalidDataException($"{source}: tensor '{e.Name}' has data_offsets [{e.Begin}, {e.End}] that end before they begin.");
            if (e.Begin != expectedBegin)
                throw new InvalidDataException(e.Begin < expectedBegin
                    ? $"{source}: tensor '{e.Name}' (bytes {e.Begin}..{e.End}) overlaps the tensor before it, which ends at byte {expectedBegin}."
                    : $"{source}: tensor '{e.Name}' begins at byte {e.Begin}, leaving a gap after byte {expectedBegin}.");
            long numel = 1;
            try
            {
                foreach (var d in e.Shape) numel = checked(numel * d);
                long bytes = checked(numel * DTypes.ElementSize(e.DType));
                if (bytes != e.End - e.Begin)
                    throw new InvalidDataException($"{source}: tensor '{e.Name}' of shape {Shapes.Str(e.Shape)} and dtype {DTypeName(e.DType)} needs {bytes} bytes, but its data_offsets [{e.Begin}, {e.End}] span {e.End - e.Begin}.");
            }
            catch (OverflowException)
            {
                throw new InvalidDataException($"{source}: tensor '{e.Name}' has a shape {Shapes.Str(e.Shape)} whose size overflows.");
            }
            expectedBegin = e.End;
        }
        if (expectedBegin != bufferLength)
            throw new InvalidDataException(expectedBegin > bufferLength
                ? $"{source}: the tensors need {expectedBegin} bytes of data but the file holds only {bufferLength} after the header (truncated or corrupt)."
                : $"{source}: the tensors cover {expectedBegin} bytes but the file holds {bufferLength} after the header (trailing bytes).");
    }

    /// <summary>Writes header and data; tensors are laid out by element size (largest first), then by name, as the reference writer does.</summary>
    public static void Write(IDictionary<string, Tensor> tensors, IDictionary<string, string>? metadata, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var items = new List<(string Name, Tensor T)>(tensors.Count);
        foreach (var (name, t) in tensors)
        {
            if (name == MetadataKey) throw new ArgumentException($"safetensors: '{MetadataKey}' is reserved and cannot name a tensor.");
            ArgumentNullException.ThrowIfNull(t, name);
            var c = t.device.type == DeviceType.CPU ? t.detach().contiguous() : t.detach().to(torch.CPU).contiguous();
            DTypeName(c.dtype); // throws for an unsupported dtype before anything is written
            items.Add((name, c));
        }
        items.Sort((a, b) =>
        {
            int bySize = DTypes.ElementSize(b.T.dtype).CompareTo(DTypes.ElementSize(a.T.dtype));
            return bySize != 0 ? bySize : string.CompareOrdinal(a.Name, b.Name);
        });

        var json = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (k, v) in metadata)
                    w.WriteString(k, v ?? throw new ArgumentException($"safetensors: metadata '{k}' is null; values must be strings."));
                w.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, t) in items)
            {
                long bytes = t.numel() * DTypes.ElementSize(t.dtype);
                w.WriteStartObject(name);
                w.WriteString("dtype", DTypeName(t.dtype));
                w.WriteStartArray("shape");
                foreach (var d in t.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset + bytes);
                w.WriteEndArray();
                w.WriteEndObject();
                offset += bytes;
            }
            w.WriteEndObject();
        }
        int padded = (json.WrittenCount + 7) / 8 * 8; // the data then starts 8-byte aligned
        if (padded > MaxHeaderSize)
            throw new ArgumentException($"safetensors: the header would be {padded} bytes, more than the format's limit of {MaxHeaderSize}; readers (including Python's safetensors) refuse such files. Save fewer tensors or less metadata per file.");
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)padded);
        stream.Write(prefix);
        stream.Write(json.WrittenSpan);
        for (int i = json.WrittenCount; i < padded; i++) stream.WriteByte((byte)' ');
        foreach (var (_, t) in items)
        {
            using var lease = new Ops.KernelLease(t); // keeps the buffer out of the pool until written
            stream.Write(StorageBytes.Of(t.Storage.Buffer, t.dtype, t.Offset, t.numel()));
        }
    }

    /// <summary>Reads up to <c>destination.Length</c> bytes at <c>offset</c>; returns how many it read (fewer only at the end of the data).</summary>
    public delegate int ReadAt(long offset, Span<byte> destination);

    /// <summary>
    /// Reads tensors (sorted by name) from data of <paramref name="length"/> bytes. Each tensor's bytes are read
    /// straight into its storage once the header has been validated against the length; data that turns out
    /// shorter than that (a file truncated while it is read) is reported as truncated, never trusted.
    /// </summary>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string>? Metadata) Read(ReadAt read, long length, string source, bool metadataOnly = false)
    {
        Span<byte> prefix = stackalloc byte[8];
        ReadFully(read, 0, prefix[..(int)Math.Min(length, 8)], source);
        int n = HeaderLength(prefix, length, source);
        long dataStart = 8 + (long)n;
        var header = new byte[n];
        ReadFully(read, 8, header, source);
        var (entries, metadata) = ParseHeader(header, length - dataStart, source);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        if (metadataOnly) return (tensors, metadata);
        // Python's load_file returns the tensors in name order.
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var e in entries)
        {
            long numel = (e.End - e.Begin) / DTypes.ElementSize(e.DType);
            var storage = StorageBytes.Allocate(e.DType, numel, $"{source}: tensor '{e.Name}'");
            ReadFully(read, dataStart + e.Begin, StorageBytes.Writable(storage.Buffer, e.DType), source);
            StorageBytes.NormalizeBools(storage);
            tensors[e.Name] = new Tensor(storage, e.Shape, Shapes.ContiguousStrides(e.Shape), 0);
        }
        return (tensors, metadata);
    }

    private static void ReadFully(ReadAt read, long offset, Span<byte> destination, string source)
    {
        while (destination.Length > 0)
        {
            int got = read(offset, destination);
            if (got <= 0)
                throw new InvalidDataException($"{source}: the data ends at byte {offset}, before the header says it should (the file was truncated, perhaps while it was read).");
            offset += got;
            destination = destination[got..];
        }
    }
}
