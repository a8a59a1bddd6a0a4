using System.Globalization;
using System.Text.Json;

namespace Flint.Tests.OpInfo;

/// <summary>A Python scalar from the golden file: an int, a float or a bool (they promote differently).</summary>
public readonly record struct GScalar(char Kind, long I, double F, bool B)
{
    public double Value => Kind switch { 'i' => I, 'b' => B ? 1 : 0, _ => F };

    public override string ToString() => Kind switch
    {
        'i' => I.ToString(CultureInfo.InvariantCulture),
        'b' => B ? "True" : "False",
        _ => F.ToString("R", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// One case of tests/golden/ops.json (written by tools/golden/gen_ops.py): an op name, its
/// PyTorch arguments and PyTorch's result or error message. Arguments decode afresh for every
/// call, so a case can run twice (e.g. in-place ops checked against their inputs).
/// </summary>
public sealed class GoldenCase
{
    public required int Index { get; init; }
    public required string Op { get; init; }
    public required JsonElement[] Args { get; init; }
    public required Dictionary<string, JsonElement> Kwargs { get; init; }
    public JsonElement? Out { get; init; }
    public string? Error { get; init; }

    /// <summary>The arguments; tensors (and index tensors) on <paramref name="device"/>, CPU when null.</summary>
    public OpArgs Decode(Device? device = null) => new(
        [.. Args.Select(a => DecodeValue(a, device))],
        Kwargs.ToDictionary(kv => kv.Key, kv => DecodeValue(kv.Value, device)));

    /// <summary>A short label for the test explorer: index, op and argument shapes.</summary>
    public string Label()
    {
        var parts = Args.Select(Describe).Concat(Kwargs.Select(kv => $"{kv.Key}={Describe(kv.Value)}"));
        return $"{Index:0000} {Op}({string.Join(", ", parts)})";
    }

    private static string Describe(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null) return "None";
        if (e.TryGetProperty("dtype", out var dt))
        {
            string s = $"{dt.GetString()}{Shapes.Str(e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray())}";
            return e.TryGetProperty("view", out var v) ? s + "." + string.Join(".", v.EnumerateArray().Select(x => x.EnumerateObject().First().Name)) : s;
        }
        var p = e.EnumerateObject().First();
        return p.Name switch
        {
            "ints" => Shapes.Str(p.Value.EnumerateArray().Select(x => x.GetInt64()).ToArray()),
            "tensors" => "[" + string.Join(", ", p.Value.EnumerateArray().Select(Describe)) + "]",
            "index" => "idx" + p.Value.GetArrayLength(),
            "scalar_type" => p.Value.GetString()!,
            _ => p.Value.ToString(),
        };
    }

    // ---- decoding -------------------------------------------------------------------------

    public static ScalarType ParseDType(string name) => name switch
    {
        "uint8" => ScalarType.Byte,
        "int8" => ScalarType.Int8,
        "int16" => ScalarType.Int16,
        "int32" => ScalarType.Int32,
        "int64" => ScalarType.Int64,
        "float16" => ScalarType.Float16,
        "bfloat16" => ScalarType.BFloat16,
        "float32" => ScalarType.Float32,
        "float64" => ScalarType.Float64,
        "bool" => ScalarType.Bool,
        _ => throw new InvalidDataException($"Unknown dtype {name}."),
    };

    public static double ParseDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "nan" => BitConverter.Int64BitsToDouble(0x7FF8000000000000), // positive, as Python writes it (.NET's double.NaN has the sign bit set)
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        },
        _ => throw new InvalidDataException($"Unexpected value {e}."),
    };

    public static object? DecodeValue(JsonElement e, Device? device = null)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        if (e.TryGetProperty("dtype", out _)) return DecodeTensor(e, device);
        var p = e.EnumerateObject().First();
        return p.Name switch
        {
            "int" => new GScalar('i', p.Value.GetInt64(), 0, false),
            "float" => new GScalar('f', 0, ParseDouble(p.Value), false),
            "bool" => new GScalar('b', 0, 0, p.Value.GetBoolean()),
            "ints" => p.Value.EnumerateArray().Select(x => x.GetInt64()).ToArray(),
            "tensors" => p.Value.EnumerateArray().Select(x => (Tensor)DecodeValue(x, device)!).ToArray(),
            "scalar_type" => ParseDType(p.Value.GetString()!),
            "str" => p.Value.GetString(),
            "index" => p.Value.EnumerateArray().Select(x => DecodeIndex(x, device)).ToArray(),
            _ => throw new InvalidDataException($"Unknown encoding {p.Name}."),
        };
    }

    private static TensorIndex DecodeIndex(JsonElement e, Device? device)
    {
        var p = e.EnumerateObject().First();
        switch (p.Name)
        {
            case "i": return TensorIndex.Single(p.Value.GetInt64());
            case "ellipsis": return TensorIndex.Ellipsis;
            case "none": return TensorIndex.None;
            case "t": return TensorIndex.Tensor((Tensor)DecodeValue(p.Value, device)!);
            case "slice":
                var s = p.Value.EnumerateArray().ToArray();
                long? Opt(JsonElement x) => x.ValueKind == JsonValueKind.Null ? null : x.GetInt64();
                return TensorIndex.Slice(Opt(s[0]), Opt(s[1]), s[2].GetInt64());
            default: throw new InvalidDataException($"Unknown index entry {p.Name}.");
        }
    }

    /// <summary>
    /// The stored contiguous tensor, moved to <paramref name="device"/> when given, then the view recipe
    /// (transpose, slice, expand, permute) applied there, so device kernels see the same strided views.
    /// </summary>
    public static Tensor DecodeTensor(JsonElement e, Device? device = null)
    {
        var dtype = ParseDType(e.GetProperty("dtype").GetString()!);
        long[] shape = [.. e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64())];
        var data = e.GetProperty("data");
        Tensor t = dtype switch
        {
            ScalarType.Bool => torch.tensor(data.EnumerateArray().Select(x => x.GetBoolean()).ToArray(), shape),
            _ when DTypes.IsFloatingPoint(dtype) => torch.tensor(data.EnumerateArray().Select(ParseDouble).ToArray(), shape, dtype),
            _ => torch.tensor(data.EnumerateArray().Select(x => x.GetInt64()).ToArray(), shape, dtype),
        };
        if (device is not null) t = t.to(device);
        if (e.TryGetProperty("view", out var view))
            foreach (var step in view.EnumerateArray())
            {
                var p = step.EnumerateObject().First();
                long[] a = [.. p.Value.EnumerateArray().Select(x => x.GetInt64())];
                t = p.Name switch
                {
                    "transpose" => t.transpose(a[0], a[1]),
                    "permute" => t.permute(a),
                    "expand" => t.expand(a),
                    "slice" => t[[.. Enumerable.Repeat(TensorIndex.Colon, (int)a[0]), TensorIndex.Slice(a[1], a[2], a[3])]],
                    _ => throw new InvalidDataException($"Unknown view step {p.Name}."),
                };
            }
        return t;
    }

    // ---- loading --------------------------------------------------------------------------

    // ops.json holds the original families; a family added later brings its own ops-<family>.json
    // (written by its own tools/golden/gen_ops_<family>.py), so parallel work never edits one file.
    private static readonly Lazy<GoldenCase[]> All = new(() => LoadAll());

    private static GoldenCase[] LoadAll()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "golden");
        var files = Directory.GetFiles(dir, "ops-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var cases = new List<GoldenCase>();
        foreach (var file in files.Prepend("ops.json"))
            cases.AddRange(Load(file!, cases.Count));
        return [.. cases];
    }

    public static GoldenCase[] Cases => All.Value;

    private static GoldenCase[] Load(string file, int firstIndex)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", file)));
        var list = new List<GoldenCase>();
        int i = firstIndex;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var kw = new Dictionary<string, JsonElement>();
            if (c.TryGetProperty("kwargs", out var k))
                foreach (var p in k.EnumerateObject()) kw[p.Name] = p.Value;
            list.Add(new GoldenCase
            {
                Index = i++,
                Op = c.GetProperty("op").GetString()!,
                Args = [.. c.GetProperty("args").EnumerateArray()],
                Kwargs = kw,
                Out = c.TryGetProperty("out", out var o) ? o : null,
                Error = c.TryGetProperty("error", out var err) ? err.GetString() : null,
            });
        }
        return [.. list];
    }
}

/// <summary>Decoded arguments of one call, with typed accessors for the op table.</summary>
public sealed class OpArgs(object?[] positional, Dictionary<string, object?> keywords)
{
    public int Count => positional.Length;
    public object? this[int i] => positional[i];
    public Tensor T(int i) => (Tensor)positional[i]!;
    public bool IsTensor(int i) => i < positional.Length && positional[i] is Tensor;
    public bool IsInts(int i) => i < positional.Length && positional[i] is long[];
    public GScalar S(int i) => (GScalar)positional[i]!;
    public bool IsInt(int i) => positional[i] is GScalar { Kind: 'i' };
    public long L(int i) => S(i).I;
    public double D(int i) => S(i).Value;
    public long[] Ints(int i) => (long[])positional[i]!;
    public Tensor[] Ts(int i) => (Tensor[])positional[i]!;
    public TensorIndex[] Index(int i) => (TensorIndex[])positional[i]!;
    public ScalarType Dt(int i) => (ScalarType)positional[i]!;

    public bool Has(string name) => keywords.ContainsKey(name) && keywords[name] is not null;
    public GScalar KwS(string name) => (GScalar)keywords[name]!;
    public double? KwD(string name) => Has(name) ? KwS(name).Value : null;
    /// <summary>A keyword argument as decoded (a string, tensor, GScalar, ...), or null when absent.</summary>
    public object? Kw(string name) => keywords.TryGetValue(name, out var v) ? v : null;
    public bool KeepDim => Has("keepdim") && KwS("keepdim").B;
    public bool Unbiased => !Has("unbiased") || KwS("unbiased").B;
    public ScalarType? DType => Has("dtype") ? (ScalarType)keywords["dtype"]! : null;
}
