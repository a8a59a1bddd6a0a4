using BenchmarkDotNet.Attributes;

namespace Flint.Bench;

/// <summary>add, mul, relu, exp on float32 vectors: allocating and in place.</summary>
[MemoryDiagnoser]
public class ElementwiseBenchmarks
{
    private Tensor _a = null!, _b = null!, _c = null!, _minusOne = null!;

    [Params(1_000, 1_000_000, 10_000_000)]
    public long N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.manual_seed(2);
        _a = torch.randn(N);
        _b = torch.randn(N);
        _c = _a.clone();
        // In-place mul by -1 keeps magnitudes fixed across calls (no overflow or denormals).
        _minusOne = torch.full([N], -1.0);
    }

    [Benchmark] public Tensor Add() => _a.add(_b);
    [Benchmark] public Tensor Mul() => _a.mul(_b);
    [Benchmark] public Tensor Relu() => _a.relu();
    [Benchmark] public Tensor Exp() => _a.exp();
    [Benchmark] public Tensor AddInPlace() => _c.add_(_b);
    [Benchmark] public Tensor MulInPlace() => _c.mul_(_minusOne);
    [Benchmark] public Tensor ReluInPlace() => _c.relu_();

    // Exp in place on a copy, since repeated exp_ overflows to inf after a few calls.
    [Benchmark] public Tensor ExpInPlaceAfterCopy() => _c.copy_(_a).exp_();
}
