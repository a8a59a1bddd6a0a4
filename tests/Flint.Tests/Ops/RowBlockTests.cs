namespace Flint.Tests.Ops;

/// <summary><see cref="RowBlockChecks"/> on the CPU.</summary>
public class RowBlockTests
{
    [Fact]
    public void RowGathersEqualElementGathers() => RowBlockChecks.RowGathersEqualElementGathers(torch.CPU);

    [Fact]
    public void RowPutsAccumulateDuplicates() => RowBlockChecks.RowPutsAccumulateDuplicates(torch.CPU);

    [Fact]
    public void IntegerLeadingSums() => RowBlockChecks.IntegerLeadingSums(torch.CPU);

    [Fact]
    public void LeadingSums() => RowBlockChecks.LeadingSums(torch.CPU);

    /// <summary>
    /// index_put_ with accumulate under autograd: self's gradient passes through whole (nothing is overwritten), the values'
    /// gradient is the upstream gradient at their positions; without accumulate the written positions pass none to self.
    /// </summary>
    [Fact]
    public void IndexPutAccumulateGradients()
    {
        var idx = torch.tensor(new long[] { 2, 0, 2 });
        var w = torch.arange(12, dtype: ScalarType.Float64).reshape(4, 3);
        foreach (bool accumulate in new[] { true, false })
        {
            var x = torch.ones([4, 3], ScalarType.Float64, requires_grad: true);
            var v = torch.full([3, 3], 2.0, ScalarType.Float64, requires_grad: true);
            var y = x.clone().index_put_([idx], v, accumulate);
            (y * w).sum().backward();
            var wantX = w.clone();
            if (!accumulate) { wantX[idx] = torch.zeros([], ScalarType.Float64); }
            Assert.Equal(wantX.data<double>(), x.grad!.data<double>());
            Assert.Equal(w[idx].data<double>(), v.grad!.data<double>());
            if (accumulate) Assert.Equal(new double[] { 3, 3, 3, 1, 1, 1, 5, 5, 5, 1, 1, 1 }, y.data<double>());
        }
        // TorchSharp's spellings: value first.
        var z = torch.zeros([3]).index_put_(torch.tensor(new[] { 5f }), torch.tensor(new long[] { 1 }));
        Assert.Equal(new[] { 0f, 5f, 0f }, z.data<float>());
        Assert.Equal(new[] { 0f, 0f, 7f }, torch.zeros([3]).index_put_(torch.tensor(7f), TensorIndex.Single(2)).data<float>());
    }

    /// <summary>
    /// The embedding lookup and its backward move rows, so their offset arrays hold one entry per token, not per element:
    /// 2,048 tokens of width 128 used to allocate 4.5 MB of offsets per step (two 2 MB arrays on the large-object heap).
    /// Best of three rounds on this thread, after a warm-up.
    /// </summary>
    [Fact]
    public void EmbeddingAllocatesPerTokenNotPerElement()
    {
        var emb = torch.nn.Embedding(80, 128);
        var tokens = torch.randint(0, 80, [32, 64]);
        long Round()
        {
            // A scope returns the round's buffers to the pool at once, so later rounds count the op's own allocations only.
            using var scope = torch.NewDisposeScope();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var y = emb.call(tokens);
            y.sum().backward();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Round();
        long best = Math.Min(Round(), Math.Min(Round(), Round()));
        Assert.True(best < 1_000_000, $"embedding forward+backward allocated {best:N0} bytes");
    }
}
