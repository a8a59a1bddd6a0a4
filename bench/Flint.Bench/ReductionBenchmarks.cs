using BenchmarkDotNet.Attributes;

namespace Flint.Bench;

/// <summary>sum and max over all elements and along each dim of a float32 matrix.</summary>
[MemoryDiagnoser]
public class ReductionBenchmarks
{
    private Tensor _x = null!;

    /// <summary>Rows×columns as "R,C".</summary>
    [Params("1000,1000", "64,100000", "100000,64")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var rc = Shape.Split(',').Select(long.Parse).ToArray();
        torch.manual_seed(4);
        _x = torch.randn(rc[0], rc[1]);
    }

    [Benchmark] public Tensor SumAll() => _x.sum();
    [Benchmark] public Tensor SumDim0() => _x.sum(0);
    [Benchmark] public Tensor SumDim1() => _x.sum(1);
    [Benchmark] public Tensor MaxAll() => _x.max();
    [Benchmark] public Tensor MaxDim0() => _x.max(0).values;
    [Benchmark] public Tensor MaxDim1() => _x.max(1).values;
}
