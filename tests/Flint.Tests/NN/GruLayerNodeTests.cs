using static Flint.torch.nn.utils.rnn;
using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.NN;

/// <summary>
/// A GRU layer direction is one autograd node (<c>GruLayerBackward0</c>, Ops/Recurrent.cs) with a hand-written backward
/// through time: it equals the GRU cell stepped by hand (values and every gradient), and passes float64 gradchecks on
/// packed, unsorted, bidirectional input with and without biases (the golden tests check the values against PyTorch),
/// and its gradient differentiates again under create_graph.
/// </summary>
public class GruLayerNodeTests
{
    [Fact]
    public void EqualsTheCellSteppedByHand()
    {
        var gru = torch.nn.GRU(3, 4, dtype: ScalarType.Float64);
        var cell = torch.nn.GRUCell(3, 4, dtype: ScalarType.Float64);
        var state = gru.state_dict();
        cell.load_state_dict(new Dictionary<string, Tensor>
        {
            ["weight_ih"] = state["weight_ih_l0"], ["weight_hh"] = state["weight_hh_l0"],
            ["bias_ih"] = state["bias_ih_l0"], ["bias_hh"] = state["bias_hh_l0"],
        });
        var x = Rand(1, [5, 2, 3]);
        var h0 = Rand(2, [1, 2, 4]);
        var coef = Rand(3, [5, 2, 4], requires_grad: false);

        var (output, hN) = gru.call(x, h0);
        // The output is a view of the layer's packed rows: the node under it is the whole direction.
        Assert.Equal("GruLayerBackward0", output.grad_fn!.next_functions[0].node!.name());
        output.mul(coef).sum().add(hN.sum()).backward();

        var xc = x.detach().requires_grad_();
        var hc = h0.detach().requires_grad_();
        var h = hc[0];
        var steps = new List<Tensor>();
        for (int t = 0; t < 5; t++) steps.Add(h = cell.call(xc[t], h));
        var manual = torch.stack(steps);
        manual.mul(coef).sum().add(h.sum()).backward();

        Assert.True(output.allclose(manual, 1e-12, 1e-12), "outputs");
        Assert.True(hN[0].allclose(h, 1e-12, 1e-12), "final state");
        Assert.True(x.grad!.allclose(xc.grad!, 1e-10, 1e-12), "input gradient");
        Assert.True(h0.grad!.allclose(hc.grad!, 1e-10, 1e-12), "initial state gradient");
        var p = gru.named_parameters().ToDictionary(e => e.name, e => e.parameter);
        Assert.True(p["weight_hh_l0"].grad!.allclose(cell.weight_hh.grad!, 1e-10, 1e-12), "W_hh gradient");
        Assert.True(p["bias_hh_l0"].grad!.allclose(cell.bias_hh!.grad!, 1e-10, 1e-12), "b_hh gradient");
        Assert.True(p["weight_ih_l0"].grad!.allclose(cell.weight_ih.grad!, 1e-10, 1e-12), "W_ih gradient");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GradcheckOnPackedBidirectionalInput(bool bias)
    {
        var gru = torch.nn.GRU(2, 3, numLayers: 2, bias: bias, bidirectional: true, dtype: ScalarType.Float64);
        Tensor[] inputs = [Rand(4, [3, 3, 2]), Rand(5, [4, 3, 3]), .. gru.parameters()];
        Assert.True(torch.autograd.gradcheck(xs =>
        {
            var packed = pack_padded_sequence(xs[0], new long[] { 2, 3, 1 }, enforce_sorted: false);
            var (o, h) = gru.call(packed, xs[1]);
            return [o.data, h];
        }, inputs, eps: 1e-6, atol: 1e-6, rtol: 1e-4));
    }

    [Fact]
    public void DifferentiatesTwice()
    {
        var gru = torch.nn.GRU(2, 2, dtype: ScalarType.Float64);
        var coef = Rand(6, [3, 2, 2], requires_grad: false);
        var p = gru.named_parameters().ToDictionary(e => e.name, e => e.parameter);
        Assert.True(torch.autograd.gradcheck(xs =>
        {
            // gradcheck's finite differences run under no_grad; the first gradient needs a graph either way.
            using var _ = torch.enable_grad();
            var (o, h) = gru.call(xs[0], xs[1]);
            var g = torch.autograd.grad(o.mul(coef).pow(2).sum().add(h.sum()), [xs[0], p["weight_hh_l0"]], create_graph: true);
            return torch.cat([g[0].reshape(-1), g[1].reshape(-1)]);
        }, [Rand(7, [3, 2, 2]), Rand(8, [1, 2, 2]), .. gru.parameters()], eps: 1e-6, atol: 1e-5, rtol: 1e-3));
    }
}
