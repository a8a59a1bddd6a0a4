using System.Globalization;
using System.Text.Json;

namespace Flint.Tests.NumPy;

/// <summary>Loads tests/golden/numpy.json (tools/golden/gen_numpy.py, NumPy 1.24) and decodes its arrays.</summary>
internal static class NumPyGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "numpy.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static double Bits(string hex) => BitConverter.Int64BitsToDouble(unchecked((long)ulong.Parse(hex, NumberStyles.HexNumber)));

    public static double[] Doubles(JsonElement hexes) => hexes.EnumerateArray().Select(e => Bits(e.GetString()!)).ToArray();

    public static long[] Shape(JsonElement e) => e.EnumerateArray().Select(d => d.GetInt64()).ToArray();

    public static NDType DType(string name) => name switch
    {
        "float64" => np.float64,
        "float32" => np.float32,
        "float16" => np.float16,
        "int64" => np.int64,
        "int32" => np.int32,
        "int16" => np.int16,
        "int8" => np.int8,
        "uint8" => np.uint8,
        "bool" => np.bool_,
        _ => throw new ArgumentException(name),
    };

    /// <summary>An array from its encoded dtype, shape and elements.</summary>
    public static NDArray Array(JsonElement e)
    {
        var shape = Shape(e.GetProperty("shape"));
        var dtype = DType(e.GetProperty("dtype").GetString()!);
        var data = e.GetProperty("data");
        NDArray flat;
        if (dtype.name.StartsWith("float", StringComparison.Ordinal)) flat = np.array(Doubles(data));
        else if (dtype == np.bool_) flat = np.array(data.EnumerateArray().Select(d => d.GetBoolean()).ToArray());
        else flat = np.array(data.EnumerateArray().Select(d => d.GetInt64()).ToArray());
        return flat.astype(dtype).reshape(shape);
    }

    /// <summary>The elements of a float array, row-major, as doubles.</summary>
    public static double[] Values(NDArray a) => torch.from_numpy(a).to(ScalarType.Float64).contiguous().data<double>();
}
