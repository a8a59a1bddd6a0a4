using System.Text.Json;

namespace Flint.Tests.NN;

/// <summary>
/// nn.RNN, nn.LSTM, nn.GRU and their cells against PyTorch 1.13 (tests/golden/rnn.json): seeded default init,
/// parameter names, printing, outputs, and gradients for inputs, initial states and parameters.
/// </summary>
[Collection(DefaultGeneratorCollection.Name)]
public class RnnGoldenTests
{
    private const double Rtol = 1e-4, Atol = 2e-5;

    public static IEnumerable<object[]> ModuleCases => RnnGolden.Names("modules");

    public static IEnumerable<object[]> CellCases => RnnGolden.Names("cells");

    [Theory]
    [MemberData(nameof(ModuleCases))]
    public void LayerMatchesPyTorch(string name) => CheckCase(RnnGolden.Case("modules", name), hasOutput: true);

    [Theory]
    [MemberData(nameof(CellCases))]
    public void CellMatchesPyTorch(string name) => CheckCase(RnnGolden.Case("cells", name), hasOutput: false);

    private static void CheckCase(JsonElement c, bool hasOutput)
    {
        var kind = c.GetProperty("kind").GetString()!;
        torch.manual_seed(0);
        var module = RnnGolden.Build(kind, c.GetProperty("kwargs"));
        Assert.Equal(c.GetProperty("repr").GetString(), module.ToString());
        Assert.Equal(c.GetProperty("param_names").EnumerateArray().Select(x => x.GetString()), module.named_parameters().Select(p => p.name));
        var state = module.state_dict();
        var expectedState = c.GetProperty("state_dict");
        Assert.Equal(expectedState.EnumerateObject().Select(p => p.Name), state.Keys);
        foreach (var p in expectedState.EnumerateObject()) NNGolden.AssertExact(p.Value, state[p.Name], $"init {p.Name}");

        var x = NNGolden.Tensor(c.GetProperty("input")).requires_grad_(true);
        var states = RnnGolden.States(c.GetProperty("h0"));
        if (c.TryGetProperty("train_seed", out var seed) && seed.ValueKind == JsonValueKind.Number)
        {
            module.train();
            torch.manual_seed(seed.GetInt64());
        }
        else module.eval();
        var results = RnnGolden.Run(module, x, states);
        var finals = hasOutput ? results[1..] : results;
        var loss = torch.zeros([]);
        if (hasOutput)
        {
            NNGolden.AssertClose(c.GetProperty("output"), results[0], Rtol, Atol, "output");
            loss = loss.add(results[0].mul(NNGolden.Tensor(c.GetProperty("w_out"))).sum());
        }
        var expectedFinals = c.GetProperty("finals").EnumerateArray().ToArray();
        var weights = c.GetProperty("w_finals").EnumerateArray().ToArray();
        Assert.Equal(expectedFinals.Length, finals.Length);
        for (int i = 0; i < finals.Length; i++)
        {
            NNGolden.AssertClose(expectedFinals[i], finals[i], Rtol, Atol, $"final {i}");
            loss = loss.add(finals[i].mul(NNGolden.Tensor(weights[i])).sum());
        }
        loss.backward();
        NNGolden.AssertClose(c.GetProperty("grad_input"), x.grad!, Rtol, Atol, "grad input");
        if (states is not null)
        {
            var expectedGrads = c.GetProperty("grad_h0").EnumerateArray().ToArray();
            for (int i = 0; i < states.Length; i++) NNGolden.AssertClose(expectedGrads[i], states[i].grad!, Rtol, Atol, $"grad state {i}");
        }
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var g in c.GetProperty("grad_params").EnumerateObject())
            NNGolden.AssertClose(g.Value, parameters[g.Name].grad!, Rtol, Atol, $"grad {g.Name}");
    }

    [Fact]
    public void PrintsAsPyTorch()
    {
        var r = RnnGolden.Root.GetProperty("reprs");
        Assert.Equal(r.GetProperty("lstm_print").GetString(), torch.nn.LSTM(10, 20, numLayers: 2, batchFirst: true).ToString());
        Assert.Equal(r.GetProperty("lstm_all").GetString(),
            torch.nn.LSTM(10, 20, numLayers: 3, bias: false, batchFirst: true, dropout: 0.5, bidirectional: true, projSize: 5).ToString());
        Assert.Equal(r.GetProperty("gru").GetString(), torch.nn.GRU(10, 20).ToString());
        Assert.Equal(r.GetProperty("rnn_relu").GetString(), torch.nn.RNN(10, 20, nonLinearity: torch.nn.NonLinearities.ReLU).ToString());
        Assert.Equal(r.GetProperty("rnn_cell_relu").GetString(), torch.nn.RNNCell(10, 20, torch.nn.NonLinearities.ReLU, bias: false).ToString());
        Assert.Equal(r.GetProperty("lstm_cell").GetString(), torch.nn.LSTMCell(10, 20).ToString());
        Assert.Equal(r.GetProperty("gru_cell").GetString(), torch.nn.GRUCell(10, 20, bias: false).ToString());
    }

    public static IEnumerable<object[]> ErrorCases =>
        RnnGolden.Root.GetProperty("errors").EnumerateArray().Select((_, i) => new object[] { i });

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void WrongSizesFailWithPyTorchsMessage(int index)
    {
        var e = RnnGolden.Root.GetProperty("errors")[index];
        var module = RnnGolden.Build(e.GetProperty("kind").GetString()!, e.GetProperty("kwargs"));
        var x = torch.zeros(e.GetProperty("input_shape").EnumerateArray().Select(v => v.GetInt64()).ToArray());
        var hs = e.GetProperty("h_shapes");
        Tensor[]? states = hs.ValueKind == JsonValueKind.Null ? null
            : hs.EnumerateArray().Select(s => torch.zeros(s.EnumerateArray().Select(v => v.GetInt64()).ToArray())).ToArray();
        var ex = Assert.ThrowsAny<ArgumentException>(() => RnnGolden.Run(module, x, states));
        Assert.Equal(e.GetProperty("message").GetString(), ex.Message);
    }

    [Fact]
    public void ConstructorArgumentsAreChecked()
    {
        Assert.Equal("proj_size has to be smaller than hidden_size", Assert.Throws<ArgumentException>(() => torch.nn.LSTM(3, 4, projSize: 4)).Message);
        Assert.Equal("dropout should be a number in range [0, 1] representing the probability of an element being zeroed",
            Assert.Throws<ArgumentException>(() => torch.nn.GRU(3, 4, dropout: 1.5)).Message);
    }
}
