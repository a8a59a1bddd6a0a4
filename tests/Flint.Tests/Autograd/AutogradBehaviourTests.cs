namespace Flint.Tests.Autograd;

/// <summary>Leaves, grads, retain_graph, accumulation, retain_grad, detach, autograd.grad and memory.</summary>
public class AutogradBehaviourTests
{
    private static Tensor Leaf() => torch.tensor(new[] { 1.0f, -2.0f, 3.0f }, requires_grad: true);

    [Fact]
    public void LeavesAndNonLeaves()
    {
        var x = Leaf();
        var c = torch.ones(3);
        Assert.True(x.is_leaf && x.requires_grad && x.grad is null && x.grad_fn is null);
        Assert.True(c.is_leaf && !c.requires_grad);
        var y = x * 2;
        Assert.False(y.is_leaf);
        Assert.True(y.requires_grad);
        Assert.Equal("tensor([ 2., -4.,  6.], grad_fn=<MulBackward0>)", y.ToString());
        Assert.Equal("tensor([ 1., -2.,  3.], requires_grad=True)", x.ToString());
        var w = torch.ones(2, 2).requires_grad_();
        Assert.Equal("tensor([[2., 2.],\n        [2., 2.]], grad_fn=<MmBackward0>)", w.mm(torch.ones(2, 2)).ToString());
        Assert.Same(w, w.requires_grad_(false));
        Assert.False(w.requires_grad);
    }

    [Fact]
    public void GradAccumulatesAcrossCalls()
    {
        var x = Leaf();
        (x * x).sum().backward();
        Assert.Equal(new[] { 2f, -4f, 6f }, x.grad!.data<float>());
        (x * 3).sum().backward();
        Assert.Equal(new[] { 5f, -1f, 9f }, x.grad!.data<float>());
        x.grad!.zero_();
        (x * 3).sum().backward();
        Assert.Equal(new[] { 3f, 3f, 3f }, x.grad!.data<float>());
    }

    [Fact]
    public void RetainGraphAllowsSecondBackward()
    {
        var x = Leaf();
        var loss = (x.exp() * x).sum();
        loss.backward(retain_graph: true);
        var first = x.grad!.data<float>();
        loss.backward();
        var second = x.grad!.data<float>();
        for (int i = 0; i < 3; i++) Assert.Equal(2 * first[i], second[i], 5);
        Assert.Throws<InvalidOperationException>(() => loss.backward());
    }

    [Fact]
    public void BackwardWithGradientOnNonScalar()
    {
        var x = Leaf();
        var y = x * x;
        y.backward(torch.tensor(new[] { 1f, 0.5f, -1f }));
        Assert.Equal(new[] { 2f, -2f, -6f }, x.grad!.data<float>());
    }

    [Fact]
    public void RetainGradKeepsNonLeafGradient()
    {
        var x = Leaf();
        var h = x * 2;
        var other = x + 1;
        Assert.Same(h, h.retain_grad());
        Assert.True(h.retains_grad);
        Assert.False(other.retains_grad);
        (h * h + other).sum().backward();
        Assert.Equal(new[] { 4f, -8f, 12f }, h.grad!.data<float>());
        Assert.Null(other.grad);
        Assert.Equal(new[] { 9f, -15f, 25f }, x.grad!.data<float>());
    }

    [Fact]
    public void DetachSharesStorageAndCutsTheGraph()
    {
        var x = Leaf();
        var y = x * 2;
        var d = y.detach();
        Assert.False(d.requires_grad);
        Assert.True(d.is_leaf);
        Assert.Null(d.grad_fn);
        using (torch.no_grad()) d[0] = 100;
        Assert.Equal(100f, y[0].item<float>()); // same storage
        var loss = (y + d).sum();
        loss.backward();
        Assert.Equal(new[] { 2f, 2f, 2f }, x.grad!.data<float>()); // nothing flowed through d
    }

    [Fact]
    public void DetachInPlaceMakesALeaf()
    {
        var y = Leaf() * 2;
        Assert.Same(y, y.detach_());
        Assert.True(y.is_leaf);
        Assert.False(y.requires_grad);
        Assert.Null(y.grad_fn);
    }

    [Fact]
    public void AutogradGradReturnsWithoutTouchingGrad()
    {
        var x = Leaf();
        var w = torch.tensor(new[] { 0.5f, 1f, 2f }, requires_grad: true);
        var y = (x * w).sum();
        var g = torch.autograd.grad([y], [x, w]);
        Assert.Equal(new[] { 0.5f, 1f, 2f }, g[0].data<float>());
        Assert.Equal(new[] { 1f, -2f, 3f }, g[1].data<float>());
        Assert.Null(x.grad);
        Assert.Null(w.grad);
    }

    [Fact]
    public void AutogradGradOfIntermediateAndWithGradOutputs()
    {
        var x = Leaf();
        var h = x * 2;
        var y = h * h;
        var g = torch.autograd.grad([y], [h], [torch.tensor(new[] { 1f, 1f, 0.5f })], retain_graph: true);
        Assert.Equal(new[] { 4f, -8f, 6f }, g[0].data<float>());
        // Several outputs are summed.
        var g2 = torch.autograd.grad([y.sum(), h.sum()], [x]);
        Assert.Equal(new[] { 10f, -14f, 26f }, g2[0].data<float>());
    }

    [Fact]
    public void CreateGraphGivesSecondDerivatives()
    {
        var x = torch.tensor(new[] { 1.0, 2.0 }, torch.float64, requires_grad: true);
        var y = (x * x * x).sum();
        var dx = torch.autograd.grad([y], [x], create_graph: true)[0];
        Assert.True(dx.requires_grad);
        Assert.Equal(new[] { 3.0, 12.0 }, dx.data<double>());
        var ddx = torch.autograd.grad([dx.sum()], [x])[0];
        Assert.Equal(new[] { 6.0, 12.0 }, ddx.data<double>());
    }

    [Fact]
    public void AutogradBackwardAccumulatesFromSeveralRoots()
    {
        var x = Leaf();
        torch.autograd.backward([(x * 2).sum(), x * x], [torch.ones([]), torch.ones(3)]);
        Assert.Equal(new[] { 4f, -2f, 8f }, x.grad!.data<float>());
    }

    [Fact]
    public void GradFlowsToFloat32LeafThroughFloat64Op()
    {
        var x = Leaf();
        var y = (x.to(torch.float64) * 3.0).sum();
        y.backward();
        Assert.Equal(ScalarType.Float32, x.grad!.dtype);
        Assert.Equal(new[] { 3f, 3f, 3f }, x.grad.data<float>());
    }

    [Fact]
    public void TiedExtremes()
    {
        // PyTorch: amax and max() share the gradient among ties; max(dim) sends it to the returned index.
        var x = torch.tensor(new[] { 1f, 3f, 3f, 2f }, requires_grad: true);
        x.amax(0).backward();
        Assert.Equal(new[] { 0f, 0.5f, 0.5f, 0f }, x.grad!.data<float>());
        x.grad = null;
        x.max().backward();
        Assert.Equal(new[] { 0f, 0.5f, 0.5f, 0f }, x.grad!.data<float>());
        x.grad = null;
        var (values, indexes) = x.max(0);
        values.backward();
        var expected = new float[4];
        expected[indexes.item<long>()] = 1;
        Assert.Equal(expected, x.grad!.data<float>());
    }

    [Fact]
    public void ReducingOverDimZeroIsADimNotADtype()
    {
        var a = torch.ones(2, 3, requires_grad: true);
        Assert.Equal(new long[] { 3 }, a.sum(0).shape);
        Assert.Equal(new long[] { 3 }, a.mean(0).shape);
        Assert.Equal(new long[] { 3 }, a.prod(0).shape);
        Assert.Equal(ScalarType.Float32, a.mean(0).dtype);
    }

    [Fact]
    public void SavedTensorsAreFreedAfterBackward()
    {
        // The loss (and so its whole graph) stays reachable, but the nodes drop what they saved.
        var x = torch.ones(100, requires_grad: true);
        var (saved, loss) = MakeAndBackward(x, retain: false);
        var (kept, loss2) = MakeAndBackward(x, retain: true);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(saved.IsAlive);
        Assert.True(kept.IsAlive); // retain_graph keeps it, so the test can tell the two apart
        GC.KeepAlive(loss);
        GC.KeepAlive(loss2);
    }

    private static (WeakReference, Tensor) MakeAndBackward(Tensor x, bool retain)
    {
        var h = x.exp();                  // saved by ExpBackward0; h*2 and sum save nothing of h
        var loss = (h * 2).sum();
        var weak = new WeakReference(h);
        loss.backward(retain_graph: retain);
        return (weak, loss);
    }
}

/// <summary>
/// The heap after 10,000 training iterations is no larger than after 1,000 although the loop never
/// calls Dispose. Runs alone: GC.GetTotalMemory counts every thread's allocations.
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class AutogradMemoryTests
{
    [Fact]
    public void TrainingLoopMemoryStaysFlat()
    {
        var x = TestData.Rand(11, [16, 20], requires_grad: false).to(torch.float32);
        var y = TestData.Rand(12, [16, 4], requires_grad: false).to(torch.float32);
        var w1 = TestData.Rand(13, [20, 8], requires_grad: false).to(torch.float32).requires_grad_();
        var w2 = TestData.Rand(14, [8, 4], requires_grad: false).to(torch.float32).requires_grad_();
        long at1000 = 0;
        for (int t = 1; t <= 10_000; t++)
        {
            var loss = (x.mm(w1).clamp(min: 0).mm(w2) - y).pow(2).sum();
            loss.backward();
            using (torch.no_grad())
            {
                w1 -= 1e-4 * w1.grad!;
                w2 -= 1e-4 * w2.grad!;
                w1.grad!.zero_();
                w2.grad!.zero_();
            }
            if (t == 1000) at1000 = CollectedHeap();
        }
        long at10000 = CollectedHeap();
        Assert.True(at10000 < at1000 + 256 * 1024, $"heap grew from {at1000} to {at10000} bytes");
    }

    private static long CollectedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
