using BenchmarkDotNet.Attributes;

namespace Flint.Bench;

/// <summary>C = A·B allocating, float32 and float64: square sizes and the tutorial's skinny shapes.</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private Tensor _a = null!, _b = null!;

    /// <summary>M×K·K×N as "M,K,N".</summary>
    [Params("64,64,64", "128,128,128", "256,256,256", "512,512,512", "1024,1024,1024", "2048,2048,2048",
        "64,1000,100", "1000,64,100", "64,10,100")]
    public string Shape { get; set; } = "";

    [Params(ScalarType.Float32, ScalarType.Float64)]
    public ScalarType DType { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var mkn = Shape.Split(',').Select(long.Parse).ToArray();
        torch.manual_seed(1);
        _a = torch.randn(mkn[0], mkn[1], dtype: DType);
        _b = torch.randn(mkn[1], mkn[2], dtype: DType);
    }

    [Benchmark]
    public Tensor MatMul() => _a.mm(_b);
}
