using static Flint.torch.nn.utils.rnn;

namespace Flint.Cuda.Tests;

/// <summary>
/// The recurrent layers and cells on cuda:0 (tiny shapes for the emulator): outputs and gradients for inputs,
/// initial states and parameters equal the CPU's, and a float64 gradcheck of the LSTM runs on the device.
/// </summary>
public class CudaRnnTests
{
    private static Device Cuda => CudaDevice.Device;

    /// <summary>Runs <paramref name="run"/> on the CPU, moves module and inputs to cuda:0, runs again and compares.</summary>
    private static void SameOnCuda<T>(T module, Tensor[] inputs, Func<T, Tensor[], Tensor[]> run) where T : torch.nn.Module
    {
        var cpuOut = Run(module, inputs, run, out var cpuGrads);
        module.zero_grad();
        module.to(Cuda);
        var cudaInputs = inputs.Select(x => x.detach().to(Cuda).requires_grad_(true)).ToArray();
        var cudaOut = Run(module, cudaInputs, run, out var cudaGrads);
        for (int i = 0; i < cpuOut.Length; i++)
        {
            Check.OnCuda(cudaOut[i]);
            Check.Close(cpuOut[i], cudaOut[i].cpu(), 1e-4, 1e-5, $"output {i}");
        }
        for (int i = 0; i < cpuGrads.Length; i++) Check.Close(cpuGrads[i], cudaGrads[i].cpu(), 1e-4, 1e-5, $"gradient {i}");
    }

    private static Tensor[] Run<T>(T module, Tensor[] inputs, Func<T, Tensor[], Tensor[]> run, out Tensor[] grads) where T : torch.nn.Module
    {
        var outputs = run(module, inputs);
        var loss = outputs.Select((o, i) => o.mul(i + 1.5).sum()).Aggregate((a, b) => a.add(b));
        loss.backward();
        grads = inputs.Select(x => x.grad!).Concat(module.parameters().Select(p => p.grad!)).Select(g => g.detach().clone()).ToArray();
        return outputs.Select(o => o.detach()).ToArray();
    }

    private static Tensor Randn(params long[] shape) => torch.randn(shape).requires_grad_(true);

    [Fact]
    public void LstmBidirectionalWithProjection() =>
        SameOnCuda(torch.nn.LSTM(2, 3, numLayers: 2, bidirectional: true, projSize: 2), [Randn(3, 2, 2), Randn(4, 2, 2), Randn(4, 2, 3)],
            (m, x) => m.call(x[0], (x[1], x[2])) is var (o, h, c) ? [o, h, c] : []);

    [Fact]
    public void GruAndRnnBatchFirst()
    {
        SameOnCuda(torch.nn.GRU(2, 3, batchFirst: true, bidirectional: true), [Randn(2, 3, 2)], (m, x) => m.call(x[0]) is var (o, h) ? [o, h] : []);
        SameOnCuda(torch.nn.RNN(2, 3, numLayers: 2, nonLinearity: torch.nn.NonLinearities.ReLU), [Randn(3, 2, 2), Randn(2, 2, 3)],
            (m, x) => m.call(x[0], x[1]) is var (o, h) ? [o, h] : []);
    }

    [Fact]
    public void Cells()
    {
        SameOnCuda(torch.nn.LSTMCell(2, 3), [Randn(2, 2), Randn(2, 3), Randn(2, 3)], (m, x) => m.call(x[0], (x[1], x[2])) is var (h, c) ? [h, c] : []);
        SameOnCuda(torch.nn.GRUCell(2, 3), [Randn(2, 2), Randn(2, 3)], (m, x) => [m.call(x[0], x[1])]);
        SameOnCuda(torch.nn.RNNCell(2, 3), [Randn(2), Randn(3)], (m, x) => [m.call(x[0], x[1])]);
    }

    [Fact]
    public void LstmOnPackedInput() =>
        SameOnCuda(torch.nn.LSTM(2, 3), [Randn(3, 3, 2)], (m, x) =>
        {
            var packed = pack_padded_sequence(x[0], new long[] { 2, 3, 1 }, enforce_sorted: false);
            var (o, h, c) = m.call(packed);
            return [pad_packed_sequence(o).Item1, h, c];
        });

    [Fact]
    public void LstmGradcheckOnDevice()
    {
        var lstm = torch.nn.LSTM(2, 2, dtype: ScalarType.Float64, device: Cuda);
        var x = torch.randn([2, 2, 2], ScalarType.Float64).to(Cuda).requires_grad_(true);
        var h = torch.randn([1, 2, 2], ScalarType.Float64).to(Cuda).requires_grad_(true);
        var c = torch.randn([1, 2, 2], ScalarType.Float64).to(Cuda).requires_grad_(true);
        Assert.True(torch.autograd.gradcheck(xs =>
        {
            var (o, hn, cn) = lstm.call(xs[0], (xs[1], xs[2]));
            return [o, hn, cn];
        }, [x, h, c, .. lstm.parameters()], atol: 1e-6, rtol: 1e-4));
    }
}
