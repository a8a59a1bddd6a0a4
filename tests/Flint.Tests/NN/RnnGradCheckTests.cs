using static Flint.torch.nn.utils.rnn;

namespace Flint.Tests.NN;

/// <summary>
/// The recurrent layers' and cells' backward against central differences in float64: inputs, initial states
/// and every parameter (gradcheck writes into the parameters in place, so the module sees the perturbation).
/// </summary>
public class RnnGradCheckTests
{
    private static Tensor Randn(params long[] shape) => torch.randn(shape, ScalarType.Float64).requires_grad_(true);

    private static void Check(torch.nn.Module module, Tensor[] inputs, Func<Tensor[], IList<Tensor>> run)
    {
        var all = inputs.Concat(module.parameters()).ToArray();
        Assert.True(torch.autograd.gradcheck(xs => run(xs), all, eps: 1e-6, atol: 1e-6, rtol: 1e-4));
    }

    [Fact]
    public void LstmBidirectionalWithProjection()
    {
        var lstm = torch.nn.LSTM(2, 3, numLayers: 2, bidirectional: true, projSize: 2, dtype: ScalarType.Float64);
        Check(lstm, [Randn(3, 2, 2), Randn(4, 2, 2), Randn(4, 2, 3)], xs =>
        {
            var (o, h, c) = lstm.call(xs[0], (xs[1], xs[2]));
            return [o, h, c];
        });
    }

    [Fact]
    public void LstmBatchFirstWithoutInitialState()
    {
        var lstm = torch.nn.LSTM(2, 3, batchFirst: true, dtype: ScalarType.Float64);
        Check(lstm, [Randn(2, 3, 2)], xs =>
        {
            var (o, h, c) = lstm.call(xs[0]);
            return [o, h, c];
        });
    }

    [Fact]
    public void GruBidirectional()
    {
        var gru = torch.nn.GRU(2, 3, numLayers: 2, bidirectional: true, dtype: ScalarType.Float64);
        Check(gru, [Randn(3, 2, 2), Randn(4, 2, 3)], xs =>
        {
            var (o, h) = gru.call(xs[0], xs[1]);
            return [o, h];
        });
    }

    [Fact]
    public void RnnTanhAndRelu()
    {
        foreach (var nl in new[] { torch.nn.NonLinearities.Tanh, torch.nn.NonLinearities.ReLU })
        {
            var rnn = torch.nn.RNN(2, 3, numLayers: 2, nonLinearity: nl, dtype: ScalarType.Float64);
            Check(rnn, [Randn(3, 2, 2), Randn(2, 2, 3)], xs =>
            {
                var (o, h) = rnn.call(xs[0], xs[1]);
                return [o, h];
            });
        }
    }

    [Fact]
    public void LstmOnPackedUnsortedInput()
    {
        var lstm = torch.nn.LSTM(2, 2, bidirectional: true, dtype: ScalarType.Float64);
        Check(lstm, [Randn(3, 3, 2), Randn(2, 3, 2), Randn(2, 3, 2)], xs =>
        {
            var packed = pack_padded_sequence(xs[0], new long[] { 2, 3, 1 }, enforce_sorted: false);
            var (o, h, c) = lstm.call(packed, (xs[1], xs[2]));
            return [o.data, h, c];
        });
    }

    [Fact]
    public void Cells()
    {
        var lstm = torch.nn.LSTMCell(2, 3, dtype: ScalarType.Float64);
        Check(lstm, [Randn(2, 2), Randn(2, 3), Randn(2, 3)], xs =>
        {
            var (h, c) = lstm.call(xs[0], (xs[1], xs[2]));
            return [h, c];
        });
        var gru = torch.nn.GRUCell(2, 3, dtype: ScalarType.Float64);
        Check(gru, [Randn(2, 2), Randn(2, 3)], xs => [gru.call(xs[0], xs[1])]);
        var rnn = torch.nn.RNNCell(2, 3, torch.nn.NonLinearities.Tanh, dtype: ScalarType.Float64);
        Check(rnn, [Randn(2), Randn(3)], xs => [rnn.call(xs[0], xs[1])]);
    }

    [Fact]
    public void DropoutActsOnlyInTrainingBetweenLayers()
    {
        var lstm = torch.nn.LSTM(3, 4, numLayers: 2, dropout: 1.0);
        var x = torch.randn([5, 2, 3]);
        lstm.train();
        var (trained, _, _) = lstm.call(x);
        lstm.eval();
        var (evaluated, _, _) = lstm.call(x);
        // With p = 1 the first layer's output is all zeros in training, so the second layer sees only zeros.
        Assert.False(trained.allclose(evaluated));
        var w = lstm.all_weights[1];
        var h = torch.zeros([2, 4]);
        var c = torch.zeros([2, 4]);
        var bias = w[2].add(w[3]);
        for (int t = 0; t < 5; t++)
        {
            var gates = torch.nn.functional.linear(h, w[1], bias).chunk(4, 1);
            c = gates[1].sigmoid().mul(c).add(gates[0].sigmoid().mul(gates[2].tanh()));
            h = gates[3].sigmoid().mul(c.tanh());
            Assert.True(trained[t].allclose(h, rtol: 1e-5, atol: 1e-6));
        }
    }
}
