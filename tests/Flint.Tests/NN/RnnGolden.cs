using System.Text.Json;

namespace Flint.Tests.NN;

/// <summary>Reads tests/golden/rnn.json (made by tools/golden/gen_rnn.py with PyTorch 1.13) and builds its modules.</summary>
internal static class RnnGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "rnn.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static JsonElement Case(string section, string name) =>
        Root.GetProperty(section).EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> Names(string section) =>
        Root.GetProperty(section).EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    private static long Int(JsonElement kw, string key, long fallback) => kw.TryGetProperty(key, out var v) ? v.GetInt64() : fallback;

    private static bool Bool(JsonElement kw, string key, bool fallback) => kw.TryGetProperty(key, out var v) ? v.GetBoolean() : fallback;

    /// <summary>Flint's module for a golden (kind, kwargs), built with the same arguments PyTorch got.</summary>
    public static torch.nn.Module Build(string kind, JsonElement kw, ScalarType? dtype = null)
    {
        long input = kw.GetProperty("input_size").GetInt64(), hidden = kw.GetProperty("hidden_size").GetInt64();
        long layers = Int(kw, "num_layers", 1);
        bool bias = Bool(kw, "bias", true), batchFirst = Bool(kw, "batch_first", false), bidirectional = Bool(kw, "bidirectional", false);
        double dropout = kw.TryGetProperty("dropout", out var d) ? d.GetDouble() : 0;
        var nonlinearity = kw.TryGetProperty("nonlinearity", out var n) && n.GetString() == "relu" ? torch.nn.NonLinearities.ReLU : torch.nn.NonLinearities.Tanh;
        return kind switch
        {
            "LSTM" => torch.nn.LSTM(input, hidden, layers, bias, batchFirst, dropout, bidirectional, dtype: dtype, projSize: Int(kw, "proj_size", 0)),
            "GRU" => torch.nn.GRU(input, hidden, layers, bias, batchFirst, dropout, bidirectional, dtype: dtype),
            "RNN" => torch.nn.RNN(input, hidden, layers, nonlinearity, bias, batchFirst, dropout, bidirectional, dtype: dtype),
            "RNNCell" => torch.nn.RNNCell(input, hidden, nonlinearity, bias, dtype: dtype),
            "LSTMCell" => torch.nn.LSTMCell(input, hidden, bias, dtype: dtype),
            "GRUCell" => torch.nn.GRUCell(input, hidden, bias, dtype: dtype),
            _ => throw new ArgumentException(kind),
        };
    }

    /// <summary>Runs a module on (input, states) as TorchSharp code would; returns [output?, finals...].</summary>
    public static Tensor[] Run(torch.nn.Module module, Tensor input, Tensor[]? states) => module switch
    {
        Flint.Modules.LSTM m => m.call(input, states is null ? null : (states[0], states[1])) is var (o, h, c) ? [o, h, c] : [],
        Flint.Modules.GRU m => m.call(input, states?[0]) is var (o, h) ? [o, h] : [],
        Flint.Modules.RNN m => m.call(input, states?[0]) is var (o, h) ? [o, h] : [],
        Flint.Modules.LSTMCell m => m.call(input, states is null ? null : (states[0], states[1])) is var (h, c) ? [h, c] : [],
        Flint.Modules.GRUCell m => [m.call(input, states?[0])],
        Flint.Modules.RNNCell m => [m.call(input, states?[0])],
        _ => throw new ArgumentException(module.GetType().Name),
    };

    public static Dictionary<string, Tensor> StateDict(JsonElement sd) =>
        sd.EnumerateObject().ToDictionary(p => p.Name, p => NNGolden.Tensor(p.Value));

    public static Tensor[]? States(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : e.EnumerateArray().Select(x => NNGolden.Tensor(x).requires_grad_(true)).ToArray();
}
