using Flint.Tests.Ops;

namespace Flint.Cuda.Tests;

/// <summary>The CPU suite's <see cref="RowBlockChecks"/> on cuda:0, and the column sums' bit-for-bit agreement across devices.</summary>
public class RowBlockCudaTests
{
    [Fact]
    public void RowGathersEqualElementGathers() => RowBlockChecks.RowGathersEqualElementGathers(CudaDevice.Device);

    [Fact]
    public void RowPutsAccumulateDuplicates() => RowBlockChecks.RowPutsAccumulateDuplicates(CudaDevice.Device);

    [Fact]
    public void IntegerLeadingSums() => RowBlockChecks.IntegerLeadingSums(CudaDevice.Device);

    [Fact]
    public void LeadingSums() => RowBlockChecks.LeadingSums(CudaDevice.Device);

    /// <summary>Both devices add a column's rows in the same groups and order, so float32 leading sums agree to the bit.</summary>
    [Fact]
    public void LeadingSumsMatchTheCpuBitForBit()
    {
        var x = torch.randn([300, 33]);
        Assert.Equal(x.sum(0).data<float>(), x.to(CudaDevice.Device).sum(0).cpu().data<float>());
    }
}
