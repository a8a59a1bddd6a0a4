using Flint.Tests.Autograd;

namespace Flint.Cuda.Tests;

/// <summary>
/// The sequence-model ops of issue 16 on cuda:0: their gradchecks (the golden values run in
/// <see cref="CudaGoldenOpTests"/> from tests/golden/ops-sequence.json), and the sort/scan kernels
/// against the CPU on rows long enough to cross several positions.
/// </summary>
public class SequenceOpsTests
{
    public static TheoryData<string> Names() =>
    [
        "tril", "triu_diag", "masked_fill_tensor_value", "sort_values", "sort_descending_dim0", "topk", "topk_smallest_dim0",
        "cumsum", "cumsum_dim0", "cumprod", "cumprod_with_zeros", "erf", "erfinv", "gelu", "gelu_tanh", "silu",
        "layer_norm", "embedding", "embedding_unused_padding", "cross_entropy_bct",
        "leaky_relu", "elu", "softplus", "hardswish", "logsigmoid", "mish", "glu", "prelu", "repeat_interleave_tensor", "addmm", "baddbmm",
        "einsum_attention", "einsum_ellipsis_three", "einsum_diagonal", "group_norm", "rms_norm", "embedding_bag_mean", "embedding_bag_max",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void GradCheckOnCuda(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));

    /// <summary>
    /// Rows longer than the insertion sort's limit take the merge sort: values and indices equal the CPU's stable sort,
    /// with many ties (few distinct keys), NaNs, infinities and signed zeros, for lengths that are and are not powers of two.
    /// </summary>
    [Fact]
    public void LongRowsMergeSortStablyAsTheCpu()
    {
        foreach (int n in new[] { 33, 64, 1000 })
        {
            var keys = torch.randint(0, 7, [3, n]).to(ScalarType.Float32) - 3;
            keys[0, 5] = torch.tensor(float.NaN);
            keys[1, n - 1] = torch.tensor(float.PositiveInfinity);
            keys[2, 0] = torch.tensor(-0f);
            keys[2, 1] = torch.tensor(float.NaN);
            foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64, ScalarType.Int64 })
            {
                var x = dtype == ScalarType.Int64 ? torch.where(keys.isnan(), torch.zeros([]), keys).clamp(-10, 10).to(dtype) : keys.to(dtype);
                foreach (var desc in new[] { false, true })
                {
                    var (cv, ci) = x.sort(1, descending: desc, stable: true);
                    var (gv, gi) = x.to(CudaDevice.Device).sort(1, descending: desc, stable: true);
                    Assert.Equal(cv.to(ScalarType.Float64).data<double>(), gv.cpu().to(ScalarType.Float64).data<double>());
                    Assert.Equal(ci.data<long>(), gi.cpu().data<long>());
                }
            }
        }
    }

    [Fact]
    public void SortAndScanKernelsAgreeWithTheCpu()
    {
        var x = torch.tensor(new[] { 3f, float.NaN, -1f, 2f, 2f, 0f, -0f, 7f, 1f, float.NegativeInfinity, 2f, 5f }).reshape(2, 6);
        var d = x.to(CudaDevice.Device);
        foreach (var desc in new[] { false, true })
        {
            var (cv, ci) = x.sort(1, descending: desc, stable: true);
            var (gv, gi) = d.sort(1, descending: desc, stable: true);
            Assert.Equal(cv.data<float>(), gv.cpu().data<float>());
            Assert.Equal(ci.data<long>(), gi.cpu().data<long>());
        }
        var y = torch.arange(1.0, 13.0, dtype: ScalarType.Float64).reshape(3, 4) * 0.5;
        Assert.Equal(y.cumsum(1).data<double>(), y.to(CudaDevice.Device).cumsum(1).cpu().data<double>());
        Assert.Equal(y.cumprod(0).data<double>(), y.to(CudaDevice.Device).cumprod(0).cpu().data<double>());
        var ints = torch.tensor(new long[] { 5, -2, 7, 7, 1 });
        Assert.Equal(ints.topk(3).indices.data<long>(), ints.to(CudaDevice.Device).topk(3).indices.cpu().data<long>());
        Assert.Equal(ints.cumsum(0).data<long>(), ints.to(CudaDevice.Device).cumsum(0).cpu().data<long>());
    }

    [Fact]
    public void LayersRunOnCuda()
    {
        var emb = torch.nn.Embedding(10, 4, padding_idx: 0).to(CudaDevice.Device);
        var ln = torch.nn.LayerNorm(4).to(CudaDevice.Device);
        var idx = torch.tensor(new long[] { 0, 3, 9, 3 }).reshape(2, 2).to(CudaDevice.Device);
        var y = torch.nn.functional.gelu(ln.call(emb.call(idx)));
        Assert.Equal(CudaDevice.Device, y.device);
        y.sum().backward();
        Assert.Equal(0f, emb.weight.grad!.cpu()[0].abs().sum().item<float>());
        Assert.NotNull(ln.weight!.grad);
        var probs = torch.tensor(new[] { 0.1f, 0.7f, 0.2f }).to(CudaDevice.Device);
        Assert.Equal(CudaDevice.Device, torch.multinomial(probs, 1).device);
        var oh = torch.nn.functional.one_hot(torch.tensor(new long[] { 2, 0 }).to(CudaDevice.Device), 3);
        Assert.Equal(new long[] { 0, 0, 1, 1, 0, 0 }, oh.cpu().data<long>());
    }
}
