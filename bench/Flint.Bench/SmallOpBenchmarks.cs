using Flint.Backends;
using BenchmarkDotNet.Attributes;

namespace Flint.Bench;

/// <summary>Per-op overhead: ops on 2×2 tensors, where the arithmetic is negligible.</summary>
[MemoryDiagnoser]
public class SmallOpBenchmarks
{
    private Tensor _a = null!, _b = null!, _c = null!, _g = null!;

    [GlobalSetup]
    public void Setup()
    {
        torch.manual_seed(3);
        _a = torch.randn(2, 2);
        _b = torch.randn(2, 2);
        _c = torch.zeros(2, 2);
        _g = torch.randn(2, 2, requires_grad: true);
    }

    [Benchmark(Baseline = true)] public Tensor Add() => _a.add(_b);
    [Benchmark] public Tensor AddOperator() => _a + _b;
    [Benchmark] public Tensor AddScalar() => _a + 1.0;
    [Benchmark] public Tensor AddInPlace() => _c.add_(_b);
    [Benchmark] public Tensor AddRecordingGraph() => _g.add(_b);
    [Benchmark] public Tensor Mul() => _a.mul(_b);
    [Benchmark] public Tensor Relu() => _a.relu();
    [Benchmark] public Tensor MatMul() => _a.mm(_b);
    [Benchmark] public Tensor Sum() => _a.sum();
    [Benchmark] public float Item() => _a[0, 0].item<float>();
    [Benchmark] public Tensor Transpose() => _a.t();
}
