namespace Flint.Workloads;

/// <summary>
/// (r): nn.LSTM forward and backward over a (seq, batch, input) sequence, loss = mean of the squared output,
/// gradients cleared each iteration: the recurrent layer's training step without an optimizer.
/// Args: sequence length, batch, input size, hidden size.
/// </summary>
internal sealed class FlintLstmProgram : IPreparedWorkload
{
    private readonly Tensor _x;
    private readonly Flint.Modules.LSTM _lstm;
    private readonly bool _scoped;

    public FlintLstmProgram(WorkloadSpec spec, bool scoped = false)
    {
        _scoped = scoped;
        long seq = spec.Args[0], batch = spec.Args[1], input = spec.Args[2], hidden = spec.Args[3];
        torch.manual_seed(0);
        _lstm = torch.nn.LSTM(input, hidden);
        _x = torch.randn(seq, batch, input);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int t = 0; t < count; t++)
        {
            using var scope = _scoped ? torch.NewDisposeScope() : null;
            _lstm.zero_grad();
            var (output, _, _) = _lstm.call(_x);
            var loss = output.pow(2).mean();
            last = loss.item<float>();
            loss.backward();
        }
        return last;
    }

    public void Dispose() { }
}
