using BenchmarkDotNet.Attributes;

namespace Flint.Bench;

/// <summary>
/// The five matrix products of one iteration of the tutorial's network (N=64, D_in=1000, H=100,
/// D_out=10), float32, with the operands transposed exactly as its backward pass views them.
/// </summary>
[MemoryDiagnoser]
public class GemmSkinnyBenchmarks
{
    private Tensor _x = null!, _w1 = null!, _w2 = null!, _h = null!, _g = null!, _gh = null!;

    /// <summary>Which product of the iteration.</summary>
    [Params("x.mm(w1)", "h.mm(w2)", "g.mm(w2.t())", "h.t().mm(g)", "x.t().mm(gh)")]
    public string Product { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        torch.manual_seed(1);
        _x = torch.randn(64, 1000);
        _w1 = torch.randn(1000, 100);
        _w2 = torch.randn(100, 10);
        _h = torch.randn(64, 100);
        _g = torch.randn(64, 10);
        _gh = torch.randn(64, 100);
    }

    [Benchmark]
    public Tensor MatMul() => Product switch
    {
        "x.mm(w1)" => _x.mm(_w1),
        "h.mm(w2)" => _h.mm(_w2),
        "g.mm(w2.t())" => _g.mm(_w2.t()),
        "h.t().mm(g)" => _h.t().mm(_g),
        _ => _x.t().mm(_gh),
    };
}
