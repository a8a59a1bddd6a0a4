namespace Flint.Tests.Memory;

public class BufferPoolTests
{
    private const int Large = 100_000; // 400 KB of float32: pooled

    [Fact]
    public void DisposingTheOnlyViewRecyclesTheBuffer()
    {
        var a = torch.ones(Large);
        var buffer = a.Storage.Buffer;
        a.Dispose();
        var b = torch.zeros(Large);
        Assert.Same(buffer, b.Storage.Buffer);
        Assert.Equal(0f, b.sum().item<float>()); // recycled buffers are cleared for zeros()
    }

    [Fact]
    public void ABufferWithALiveViewIsNotRecycled()
    {
        var a = torch.ones(Large);
        var view = a.view(1000, 100);
        var buffer = a.Storage.Buffer;
        a.Dispose();
        var b = torch.zeros(Large);
        Assert.NotSame(buffer, b.Storage.Buffer);
        Assert.Equal(Large, view.sum().item<float>());
    }

    [Fact]
    public void AnEscapedBufferIsNeverRecycled()
    {
        var a = torch.ones(Large) * 2.0;
        var array = a.data<float>();
        var copy = new Tensor[4];
        for (int i = 0; i < 3; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        for (int i = 0; i < copy.Length; i++) copy[i] = torch.zeros(Large);
        Assert.All(array, v => Assert.Equal(2f, v));
        Assert.All(copy, t => Assert.NotSame(array, t.Storage.Buffer));
    }

    [Fact]
    public void UsingADisposedTensorThrows()
    {
        var a = torch.ones(3);
        a.Dispose();
        var e = Assert.Throws<ObjectDisposedException>(() => a + 1.0);
        Assert.Contains("disposed", e.Message);
        Assert.Throws<ObjectDisposedException>(() => a.item<float>());
    }

    [Fact]
    public void DisposeScopeDisposesWhatItCreatedExceptMovedOut()
    {
        var outside = torch.ones(2);
        Tensor inside, kept;
        using (var scope = torch.NewDisposeScope())
        {
            inside = outside + 1.0;
            kept = (outside * 3.0).MoveToOuterDisposeScope();
            Assert.True(scope.DisposablesCount >= 1); // inside, plus wrapped scalars and temporaries
        }
        Assert.Throws<ObjectDisposedException>(() => inside.sum());
        Assert.Equal(6f, kept.sum().item<float>());
        Assert.Equal(2f, outside.sum().item<float>());
    }

    [Fact]
    public void GradientsSurviveTheScopeTheBackwardRanIn()
    {
        var w = torch.ones(new long[] { 3 }, requires_grad: true);
        for (int i = 0; i < 2; i++)
        {
            using var scope = torch.NewDisposeScope();
            (w * 2.0).sum().backward();
        }
        Assert.Equal(new[] { 4f, 4f, 4f }, w.grad!.data<float>());
    }
}
