using System.Text.Json;

namespace Flint.Tests.NN;

/// <summary>Reads tests/golden/attention.json (made by tools/golden/gen_attention.py with PyTorch 1.13).</summary>
internal static class AttentionGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "attention.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    /// <summary>The indices of the cases in one section, for xUnit theories.</summary>
    public static TheoryData<string> Names(string section) => new(Root.GetProperty(section).EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    public static JsonElement Case(string section, string name) =>
        Root.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>The encoded tensor (bool values included), exactly.</summary>
    public static Tensor Tensor(JsonElement e, Device? device = null)
    {
        var shape = NNGolden.Shape(e);
        var dtype = e.GetProperty("dtype").GetString()!;
        var values = e.GetProperty("values");
        Tensor t = dtype switch
        {
            "bool" => torch.tensor(values.EnumerateArray().Select(x => x.GetBoolean()).ToArray()),
            "int64" => torch.tensor(values.EnumerateArray().Select(x => x.GetInt64()).ToArray()),
            "float32" => torch.tensor(values.EnumerateArray().Select(x => (float)NNGolden.Number(x)).ToArray(), ScalarType.Float32),
            "float64" => torch.tensor(values.EnumerateArray().Select(NNGolden.Number).ToArray(), ScalarType.Float64),
            _ => throw new ArgumentException(dtype),
        };
        t = t.reshape(shape);
        return device is null ? t : t.to(device);
    }

    public static Tensor? TensorOrNull(JsonElement e, Device? device = null) => e.ValueKind == JsonValueKind.Null ? null : Tensor(e, device);

    /// <summary>A state_dict written as [[key, tensor], ...], in PyTorch's key order.</summary>
    public static List<(string key, Tensor value)> State(JsonElement e) =>
        e.EnumerateArray().Select(p => (p[0].GetString()!, Tensor(p[1]))).ToList();

    public static void AssertClose(JsonElement expected, Tensor actual, string context, double rtol = 1e-4, double atol = 1e-5) =>
        NNGolden.AssertClose(expected, actual.cpu(), rtol, atol, context);
}
