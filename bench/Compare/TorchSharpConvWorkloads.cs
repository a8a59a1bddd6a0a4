// The TorchSharp side of (v): the same convolution layer, forward and backward, in a DisposeScope per iteration.
using Flint.Workloads;
using TorchSharp;
using TS = TorchSharp.torch;

internal sealed class TsConv : IPreparedWorkload
{
    private readonly TS.Tensor _x;
    private readonly TorchSharp.Modules.Conv2d _conv;

    public TsConv(WorkloadSpec spec)
    {
        long n = spec.Args[0], cin = spec.Args[1], cout = spec.Args[2], h = spec.Args[3], w = spec.Args[4], k = spec.Args[5], p = spec.Args[6];
        TS.manual_seed(0);
        _x = TS.randn(new[] { n, cin, h, w }, requires_grad: true);
        _conv = TS.nn.Conv2d(cin, cout, k, padding: p);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int i = 0; i < count; i++)
        {
            using var scope = TS.NewDisposeScope();
            _x.grad = null;
            _conv.zero_grad();
            var y = _conv.call(_x);
            var loss = y.sum();
            loss.backward();
            last = _conv.bias!.grad!.sum().item<float>();
        }
        return last;
    }

    public void Dispose() { _x.Dispose(); _conv.Dispose(); }
}
