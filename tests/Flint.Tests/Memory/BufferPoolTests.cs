namespace Flint.Tests.Memory;

[Collection(GlobalPoolCollection.Name)]
public class BufferPoolTests
{
    private const int Large = 100_000; // 400 KB of float32: pooled

    /// <summary>
    /// Starts each test from an empty pool with no finaliser still to run: garbage left by earlier tests
    /// returns its buffers from the finaliser thread, which would otherwise land in the bucket under test.
    /// </summary>
    public BufferPoolTests()
    {
        for (int i = 0; i < 2; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        BufferPool.Clear();
    }

    /// <summary>
    /// Arrays handed to the user never come back to the pool, and must not slow the pool's recycling of everything else:
    /// after 64 MiB of escaped arrays, a natural-code loop of 1 MiB results still gets nearly all of them from the pool.
    /// (Session 8's pacing by an estimate of live bytes counted escaped arrays as live and stretched without bound.)
    /// </summary>
    [Fact]
    public void EscapedArraysDoNotStretchTheRecycling()
    {
        var kept = new List<float[]>();
        for (int i = 0; i < 64; i++) kept.Add(torch.ones(1 << 18).data<float>());
        var a = torch.ones(1 << 18);
        var b = torch.ones(1 << 18);
        for (int i = 0; i < 100; i++) { var warm = a + b; }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 400; i++) { var c = a + b; }
        double perIteration = (GC.GetAllocatedBytesForCurrentThread() - before) / 400.0;
        Assert.True(perIteration < 256 * 1024, $"allocated {perIteration:0} bytes per iteration (a 1 MiB result each)");
        GC.KeepAlive(kept);
    }

    /// <summary>
    /// A full pool makes room by dropping the sizes used longest ago: after the pool filled with arrays of sizes nobody
    /// asks for any more, a new size is still recycled (CI: the test host's 9,000 tests filled the pool, and a
    /// natural-code loop afterwards allocated every buffer fresh, 540 KB per iteration).
    /// </summary>
    [Fact]
    public void AFullPoolEvictsTheSizesUsedLongestAgo()
    {
        long saved = BufferPool.CapacityBytes;
        BufferPool.CapacityBytes = 4 << 20;
        try
        {
            // 4 MiB of stale sizes: 16 sizes of 256 KiB each (float32).
            var stale = new List<float[]>();
            for (int size = 0; size < 16; size++)
            {
                stale.Add(new float[(1 << 16) + size]);
                BufferPool.Return(stale[^1], sizeof(float));
            }
            Assert.True(BufferPool.PooledBytes > (4 << 20) - (1 << 18), $"pool holds {BufferPool.PooledBytes} bytes");
            var fresh = new float[Large];
            BufferPool.Return(fresh, sizeof(float));
            Assert.True(BufferPool.PooledBytes <= BufferPool.CapacityBytes);
            Assert.Same(fresh, BufferPool.Rent<float>(Large, clear: false));
            // The oldest sizes went first: the most recently returned stale size is still there, the first one is not.
            Assert.Same(stale[15], BufferPool.Rent<float>(stale[15].Length, clear: false));
            Assert.NotSame(stale[0], BufferPool.Rent<float>(stale[0].Length, clear: false));
        }
        finally
        {
            BufferPool.CapacityBytes = saved;
            BufferPool.Clear();
        }
    }

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
        var a = torch.ones(Large);
        var buffer = a.Storage.Buffer;
        a.Storage.Escape(); // as data<T>() does for the array it hands out
        a.Dispose();
        Assert.NotSame(buffer, torch.zeros(Large).Storage.Buffer);
    }

    [Fact]
    public void TheCollectorRecyclesTheBufferOfATensorNobodyDisposed()
    {
        // Natural code (no Dispose, no scope): the buffer returns once its storage is unreachable.
        BufferPool.Clear();
        var weak = MakeAndDrop();
        for (int i = 0; i < 3 && weak.IsAlive; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        Assert.False(weak.IsAlive);
        var fresh = new Tensor[4];
        for (int i = 0; i < fresh.Length; i++) fresh[i] = torch.zeros(Large);
        Assert.Contains(fresh, t => t.Storage.Buffer is float[] { Length: Large } && t.Storage.Buffer.GetHashCode() == _droppedHash);
        Assert.All(fresh, t => Assert.Equal(0f, t.sum().item<float>())); // recycled buffers are cleared for zeros()
    }

    private static int _droppedHash;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference MakeAndDrop()
    {
        var t = torch.ones(Large) * 2.0;
        _droppedHash = t.Storage.Buffer.GetHashCode(); // reference identity, without keeping the array reachable
        return new WeakReference(t.Storage);
    }

    [Fact]
    public void AnArrayHandedToTheUserIsNeverRecycled()
    {
        // data<T>() hands out an array: collections must never put it back in the pool under the caller.
        static float[] Export() => (torch.ones(Large) * 2.0).data<float>();
        var array = Export();
        for (int i = 0; i < 3; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        var fresh = new Tensor[4];
        for (int i = 0; i < fresh.Length; i++) fresh[i] = torch.zeros(Large);
        Assert.All(fresh, t => Assert.NotSame(array, t.Storage.Buffer));
        Assert.All(array, v => Assert.Equal(2f, v));
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

public class SetDataViewCountTests
{
    [Fact]
    public void ModuleToInsideADisposeScopeKeepsTheParametersAlive()
    {
        var model = torch.nn.Linear(300, 300); // 90,000 weights: a pooled buffer
        double[] expected;
        using (torch.NewDisposeScope())
        {
            model.to(torch.float64);
            expected = model.weight!.data<double>();
        }
        var other = torch.zeros(300, 300, dtype: torch.float64); // would reuse a wrongly recycled buffer
        other.fill_(7);
        Assert.Equal(expected, model.weight!.data<double>());
        Assert.Equal(torch.float64, model.weight!.dtype);
    }
}
