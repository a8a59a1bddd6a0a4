using System.Globalization;
using System.Text.Json;

namespace Flint.Tests.Core;

/// <summary>
/// Checks <see cref="TensorFormatter"/> against PyTorch 1.13's <c>repr</c>, recorded by
/// <c>tools/golden/gen_format.py</c> in <c>tests/golden/format.json</c>.
/// </summary>
public class TensorFormatterTests
{
    private sealed record GoldenCase(long[] Shape, ScalarType DType, double[] Values, string[] Suffixes, string Repr);

    private static readonly Lazy<GoldenCase[]> Cases = new(LoadCases);

    private static GoldenCase[] LoadCases()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", "format.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<GoldenCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            long[] shape = [.. c.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())];
            ScalarType dtype = ParseDType(c.GetProperty("dtype").GetString()!);
            double[] values = [.. c.GetProperty("values").EnumerateArray().Select(ParseValue)];
            string[] suffixes = [.. c.GetProperty("suffixes").EnumerateArray().Select(e => e.GetString()!)];
            cases.Add(new GoldenCase(shape, dtype, values, suffixes, c.GetProperty("repr").GetString()!));
        }
        return [.. cases];
    }

    private static double ParseValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "-0.0" => -0.0,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        },
        _ => throw new InvalidDataException($"Unexpected value {e}."),
    };

    private static ScalarType ParseDType(string name) => name switch
    {
        "uint8" => ScalarType.Byte,
        "int8" => ScalarType.Int8,
        "int16" => ScalarType.Int16,
        "int32" => ScalarType.Int32,
        "int64" => ScalarType.Int64,
        "float16" => ScalarType.Float16,
        "float32" => ScalarType.Float32,
        "float64" => ScalarType.Float64,
        "bool" => ScalarType.Bool,
        "bfloat16" => ScalarType.BFloat16,
        _ => throw new InvalidDataException($"Unknown dtype {name}."),
    };

    public static TheoryData<int> CaseIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.Value.Length; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void GoldenFileHasCases() => Assert.True(Cases.Value.Length >= 60);

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void MatchesPyTorchRepr(int index)
    {
        var c = Cases.Value[index];
        string actual = TensorFormatter.Format(c.Shape, c.DType, c.Values, c.Suffixes);
        Assert.Equal(c.Repr, actual);
    }

    [Theory]
    [InlineData(new long[] { 2, 4 }, "torch.Size([2, 4])")]
    [InlineData(new long[] { }, "torch.Size([])")]
    [InlineData(new long[] { 5 }, "torch.Size([5])")]
    [InlineData(new long[] { 0, 3, 1 }, "torch.Size([0, 3, 1])")]
    public void FormatSize(long[] shape, string expected) => Assert.Equal(expected, TensorFormatter.FormatSize(shape));

    [Theory]
    [InlineData(ScalarType.Float32, "torch.float32")]
    [InlineData(ScalarType.Float64, "torch.float64")]
    [InlineData(ScalarType.Float16, "torch.float16")]
    [InlineData(ScalarType.BFloat16, "torch.bfloat16")]
    [InlineData(ScalarType.Int64, "torch.int64")]
    [InlineData(ScalarType.Int32, "torch.int32")]
    [InlineData(ScalarType.Int16, "torch.int16")]
    [InlineData(ScalarType.Int8, "torch.int8")]
    [InlineData(ScalarType.Byte, "torch.uint8")]
    [InlineData(ScalarType.Bool, "torch.bool")]
    public void DTypeName(ScalarType dtype, string expected) => Assert.Equal(expected, TensorFormatter.DTypeName(dtype));

    [Theory]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(2.5, 0, "2")]
    [InlineData(-0.00001, 4, "-0.0000")]
    [InlineData(1.00005, 4, "1.0001")] // binary value is above the tie
    public void FormatFixedRoundsLikePython(double value, int precision, string expected) =>
        Assert.Equal(expected, TensorFormatter.FormatFixed(value, precision));

    [Theory]
    [InlineData(1e-5, "1.0000e-05")]
    [InlineData(9.99985e10, "9.9998e+10")] // exact tie: to even
    [InlineData(9.99995e10, "1.0000e+11")] // exact tie: to even, carries
    [InlineData(9.99996e10, "1.0000e+11")]
    [InlineData(1.5e200, "1.5000e+200")]
    [InlineData(5e-324, "4.9407e-324")]
    [InlineData(-0.0, "-0.0000e+00")]
    public void FormatExponentLikePython(double value, string expected) =>
        Assert.Equal(expected, TensorFormatter.FormatExponent(value, 4));

    [Fact]
    public void RejectsWrongValueCount() =>
        Assert.Throws<ArgumentException>(() => TensorFormatter.Format([2, 2], ScalarType.Float32, new double[3], []));
}
