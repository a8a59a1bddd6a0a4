using System.Text.Json;

namespace Flint.Tests.NN;

/// <summary>Reads tests/golden/nn.json (made by tools/golden/gen_nn.py with PyTorch 1.13).</summary>
internal static class NNGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "nn.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static ScalarType DType(string name) => name switch
    {
        "float32" => ScalarType.Float32,
        "float64" => ScalarType.Float64,
        "int64" => ScalarType.Int64,
        _ => throw new ArgumentException(name),
    };

    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new FormatException(s) }
        : e.GetDouble();

    public static long[] Shape(JsonElement e) => e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();

    public static double[] Values(JsonElement e) => e.GetProperty("values").EnumerateArray().Select(Number).ToArray();

    /// <summary>The encoded tensor, exactly (float32 values are exact in JSON doubles).</summary>
    public static Tensor Tensor(JsonElement e)
    {
        var shape = Shape(e);
        var dtype = DType(e.GetProperty("dtype").GetString()!);
        if (dtype == ScalarType.Int64)
            return torch.tensor(e.GetProperty("values").EnumerateArray().Select(x => x.GetInt64()).ToArray()).reshape(shape);
        var values = Values(e);
        var t = dtype == ScalarType.Float32
            ? torch.tensor(values.Select(v => (float)v).ToArray(), ScalarType.Float32)
            : torch.tensor(values, ScalarType.Float64);
        return t.reshape(shape);
    }

    /// <summary>Asserts shape and dtype match and every element is within atol + rtol * |expected| (NaNs must match).</summary>
    public static void AssertClose(JsonElement expected, Tensor actual, double rtol, double atol, string context)
    {
        Assert.True(Shape(expected).SequenceEqual(actual.shape), $"{context}: shape {actual.size()} vs [{string.Join(", ", Shape(expected))}]");
        Assert.Equal(DType(expected.GetProperty("dtype").GetString()!), actual.dtype);
        var exp = Values(expected);
        var act = actual.to(ScalarType.Float64).data<double>();
        for (int i = 0; i < exp.Length; i++)
        {
            if (double.IsNaN(exp[i])) { Assert.True(double.IsNaN(act[i]), $"{context}[{i}]: expected nan, got {act[i]}"); continue; }
            if (double.IsInfinity(exp[i])) { Assert.Equal(exp[i], act[i]); continue; }
            Assert.True(Math.Abs(exp[i] - act[i]) <= atol + rtol * Math.Abs(exp[i]),
                $"{context}[{i}]: expected {exp[i]:R}, got {act[i]:R}");
        }
    }

    /// <summary>Asserts bit-exact equality with the golden values.</summary>
    public static void AssertExact(JsonElement expected, Tensor actual, string context)
    {
        Assert.True(Shape(expected).SequenceEqual(actual.shape), $"{context}: shape {actual.size()}");
        Assert.Equal(DType(expected.GetProperty("dtype").GetString()!), actual.dtype);
        var exp = Values(expected);
        var act = actual.to(ScalarType.Float64).data<double>();
        for (int i = 0; i < exp.Length; i++)
            Assert.True(exp[i].Equals(act[i]), $"{context}[{i}]: expected {exp[i]:R}, got {act[i]:R}");
    }
}

/// <summary>
/// Tests that seed the process-wide generator run alone (after the parallel tests), so no other test
/// draws from it between their manual_seed and their checks.
/// </summary>
[CollectionDefinition(DefaultGeneratorCollection.Name, DisableParallelization = true)]
public sealed class DefaultGeneratorCollection
{
    public const string Name = "nn default generator";
}
