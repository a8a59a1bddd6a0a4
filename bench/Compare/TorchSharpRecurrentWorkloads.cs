// (r) on TorchSharp: the same LSTM step as FlintLstmProgram, with TorchSharp's DisposeScope per iteration.
using Flint.Workloads;
using TorchSharp;
using static TorchSharp.torch;
using TS = TorchSharp.torch;

/// <summary>nn.LSTM forward + backward, loss = mean of the squared output; Args: sequence, batch, input, hidden.</summary>
internal sealed class TsLstmProgram : IPreparedWorkload
{
    private readonly Tensor _x;
    private readonly TorchSharp.Modules.LSTM _lstm;

    public TsLstmProgram(WorkloadSpec spec)
    {
        long seq = spec.Args[0], batch = spec.Args[1], input = spec.Args[2], hidden = spec.Args[3];
        TS.manual_seed(0);
        _lstm = nn.LSTM(input, hidden);
        _x = TS.randn(seq, batch, input);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int t = 0; t < count; t++)
        {
            using var scope = TS.NewDisposeScope();
            _lstm.zero_grad();
            var (output, _, _) = _lstm.forward(_x, null);
            var loss = output.pow(2).mean();
            last = loss.item<float>();
            loss.backward();
        }
        return last;
    }

    public void Dispose()
    {
        _x.Dispose();
        _lstm.Dispose();
    }
}
