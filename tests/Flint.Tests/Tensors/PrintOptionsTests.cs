using System.Globalization;
using System.Text.Json;

namespace Flint.Tests.Tensors;

/// <summary>
/// <c>torch.set_printoptions</c> against PyTorch 1.13: the reprs in <c>tests/golden/printing.json</c> were recorded by
/// <c>tools/golden/gen_printing.py</c> after the same set_printoptions calls.
/// </summary>
[Collection(PrintOptionsCollection.Name)]
public sealed class PrintOptionsTests : PrintOptionsTestBase
{
    private sealed record Golden(Tensor[] Tensors, OptionSet[] Sets);
    private sealed record OptionSet(JsonElement[] Calls, JsonElement Options, string[] Reprs);

    private static readonly Lazy<Golden> Data = new(Load);

    private static Golden Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", "printing.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var tensors = new List<Tensor>();
        foreach (var t in doc.RootElement.GetProperty("tensors").EnumerateArray())
        {
            long[] shape = [.. t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())];
            double[] values = [.. t.GetProperty("values").EnumerateArray().Select(ParseValue)];
            var dtype = t.GetProperty("dtype").GetString() switch
            {
                "int64" => ScalarType.Int64,
                "int32" => ScalarType.Int32,
                "float32" => ScalarType.Float32,
                "float64" => ScalarType.Float64,
                "bool" => ScalarType.Bool,
                var s => throw new InvalidDataException(s),
            };
            tensors.Add(torch.tensor(values, ScalarType.Float64).reshape(shape).to(dtype));
        }
        var sets = doc.RootElement.GetProperty("option_sets").EnumerateArray().Select(s => new OptionSet(
            [.. s.GetProperty("calls").EnumerateArray().Select(c => c.Clone())],
            s.GetProperty("options").Clone(),
            [.. s.GetProperty("reprs").EnumerateArray().Select(r => r.GetString()!)])).ToArray();
        return new Golden([.. tensors], sets);
    }

    private static double ParseValue(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => double.Parse(s!, CultureInfo.InvariantCulture) }
        : e.GetDouble();

    private static int? Int(JsonElement call, string name) => call.TryGetProperty(name, out var v) ? v.GetInt32() : null;

    /// <summary>Makes the same set_printoptions call as the Python script.</summary>
    private static void Apply(JsonElement call) => torch.set_printoptions(
        precision: Int(call, "precision"),
        threshold: call.TryGetProperty("threshold", out var t) ? t.GetDouble() : null,
        edgeitems: Int(call, "edgeitems"),
        linewidth: Int(call, "linewidth"),
        profile: call.TryGetProperty("profile", out var p) ? p.GetString() : null,
        sci_mode: call.TryGetProperty("sci_mode", out var s) ? s.GetBoolean() : null);

    public static TheoryData<int> SetIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Data.Value.Sets.Length; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void GoldenFileHasCases()
    {
        Assert.True(Data.Value.Sets.Length >= 15);
        Assert.True(Data.Value.Tensors.Length >= 20);
    }

    [Theory]
    [MemberData(nameof(SetIndices))]
    public void ReprMatchesPyTorchUnderOptions(int index)
    {
        var set = Data.Value.Sets[index];
        ResetPrintOptions();
        foreach (var call in set.Calls) Apply(call);

        var o = torch.get_printoptions();
        Assert.Equal(set.Options.GetProperty("precision").GetInt32(), o.precision);
        var threshold = set.Options.GetProperty("threshold");
        Assert.Equal(threshold.ValueKind == JsonValueKind.String ? double.PositiveInfinity : threshold.GetDouble(), o.threshold);
        Assert.Equal(set.Options.GetProperty("edgeitems").GetInt32(), o.edgeitems);
        Assert.Equal(set.Options.GetProperty("linewidth").GetInt32(), o.linewidth);
        var sci = set.Options.GetProperty("sci_mode");
        Assert.Equal(sci.ValueKind == JsonValueKind.Null ? null : sci.GetBoolean(), o.sci_mode);

        var tensors = Data.Value.Tensors;
        for (int i = 0; i < tensors.Length; i++)
            Assert.True(set.Reprs[i] == tensors[i].ToString(), $"option set {index}, tensor {i}:\nexpected\n{set.Reprs[i]}\nactual\n{tensors[i]}");
    }

    [Fact]
    public void DefaultProfileRestoresDefaults()
    {
        torch.set_printoptions(precision: 1, threshold: 3, edgeitems: 1, linewidth: 20, sci_mode: true);
        Assert.Equal("tensor([1.0e+00,  ..., 5.0e+00])", torch.tensor(new float[] { 1, 2, 3, 4, 5 }).ToString());
        torch.set_printoptions(profile: "default");
        Assert.Equal(PrintOptions.Default, torch.get_printoptions());
        Assert.Equal("tensor([1., 2., 3., 4., 5.])", torch.tensor(new float[] { 1, 2, 3, 4, 5 }).ToString());
    }

    [Fact]
    public void OptionsAreProcessWide()
    {
        torch.set_printoptions(precision: 2);
        string? seen = null;
        var thread = new Thread(() => seen = torch.tensor(new[] { 1.12345f }).ToString());
        thread.Start();
        thread.Join();
        Assert.Equal("tensor([1.12])", seen);
    }
}
