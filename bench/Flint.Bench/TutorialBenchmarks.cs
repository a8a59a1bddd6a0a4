using BenchmarkDotNet.Attributes;
using Flint.Workloads;

namespace Flint.Bench;

/// <summary>
/// One training iteration of each tutorial program (64/1000/100/10): manual backprop and autograd.
/// The nn.Sequential/optim version and the custom autograd Function version join when Flint has
/// torch.nn modules, torch.optim and torch.autograd.Function.
/// </summary>
[MemoryDiagnoser]
public class TutorialBenchmarks
{
    private const double LearningRate = 1e-6;
    private Tensor _x = null!, _y = null!, _w1 = null!, _w2 = null!;
    private IPreparedWorkload _autograd = null!;

    [GlobalSetup]
    public void Setup()
    {
        torch.manual_seed(0);
        _x = torch.randn(64, 1000);
        _y = torch.randn(64, 10);
        _w1 = torch.randn(1000, 100);
        _w2 = torch.randn(100, 10);
        _autograd = new FlintSide().Prepare(Catalog.TutorialSpec)!;
    }

    /// <summary>The notebook's "PyTorch: Tensors" cell: forward and backward by hand.</summary>
    [Benchmark]
    public float ManualBackprop()
    {
        var h = _x.mm(_w1);
        var h_relu = h.clamp(min: 0);
        var y_pred = h_relu.mm(_w2);
        var loss = (y_pred - _y).pow(2).sum().item<float>();
        var grad_y_pred = 2.0 * (y_pred - _y);
        var grad_w2 = h_relu.t().mm(grad_y_pred);
        var grad_h_relu = grad_y_pred.mm(_w2.t());
        var grad_h = grad_h_relu.clone();
        grad_h[h < 0] = 0;
        var grad_w1 = _x.t().mm(grad_h);
        var w1 = _w1;
        var w2 = _w2;
        w1 -= LearningRate * grad_w1;
        w2 -= LearningRate * grad_w2;
        return loss;
    }

    /// <summary>The notebook's "Tensors and autograd" cell (bench/Compare's workload (a)).</summary>
    [Benchmark]
    public double Autograd() => _autograd.Run(1);
}
