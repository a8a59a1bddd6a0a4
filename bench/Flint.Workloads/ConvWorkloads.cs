namespace Flint.Workloads;

/// <summary>
/// (v): y = conv(x) for a batch that requires grad, then y.sum().backward(): the forward, the input
/// gradient and the weight and bias gradients of one nn.Conv2d, as in the middle of a CNN. Natural code
/// (no scope, no Dispose) unless scoped.
/// </summary>
internal sealed class FlintConv : IPreparedWorkload
{
    private readonly Tensor _x;
    private readonly Modules.Conv2d _conv;
    private readonly bool _scoped;

    public FlintConv(WorkloadSpec spec, bool scoped = false)
    {
        _scoped = scoped;
        long n = spec.Args[0], cin = spec.Args[1], cout = spec.Args[2], h = spec.Args[3], w = spec.Args[4], k = spec.Args[5], p = spec.Args[6];
        torch.manual_seed(0);
        _x = torch.randn([n, cin, h, w], requires_grad: true);
        _conv = torch.nn.Conv2d(cin, cout, k, padding: p);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int i = 0; i < count; i++)
        {
            using var scope = _scoped ? torch.NewDisposeScope() : null;
            _x.grad = null;
            _conv.zero_grad();
            var y = _conv.call(_x);
            var loss = y.sum();
            loss.backward();
            last = _conv.bias!.grad!.sum().item<float>();
        }
        return last;
    }

    public void Dispose() { }
}
