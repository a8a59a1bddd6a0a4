namespace Flint.Tests.Memory;

/// <summary>
/// A buffer is never shared by two live tensors, whatever the collector does: several threads
/// create, view, slice, drop and compute on pool-sized tensors while collections are forced, and
/// check every result against a value computed from their own thread and step numbers.
/// </summary>
public class PoolSafetyStressTests
{
    [Fact]
    public async Task BuffersAreNeverSharedWhileCollectionsRun()
    {
        const int threads = 4, steps = 150, n = 20_000; // 80 KB float32 buffers: pooled
        using var stop = new CancellationTokenSource();
        var ct = TestContext.Current.CancellationToken;
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Thread.Sleep(1);
            }
        }, ct);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var workers = Enumerable.Range(0, threads).Select(id => Task.Run(() =>
        {
            var kept = new Queue<(Tensor t, float value)>();
            for (int s = 0; s < steps; s++)
            {
                float value = id * 1000 + s;
                var a = torch.full([n], value);
                var b = (a * 2.0).view(100, 200)[10..90]; // a slice of a view of a temporary
                var c = b.t().contiguous() + 1.0;          // [200, 80], every element 2·value + 1
                if (s % 3 == 0) a.Dispose();               // some dropped by hand, the rest left to the collector
                kept.Enqueue((c, 2 * value + 1));
                if (kept.Count > 5)
                {
                    var (old, expected) = kept.Dequeue();
                    float min = old.min().item<float>(), max = old.max().item<float>();
                    if (min != expected || max != expected) failures.Enqueue($"thread {id} step {s}: expected {expected}, saw [{min}, {max}]");
                }
            }
            foreach (var (old, expected) in kept)
                if (old.min().item<float>() != expected || old.max().item<float>() != expected) failures.Enqueue($"thread {id}: final check of {expected} failed");
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        stop.Cancel();
        await collector;
        Assert.Empty(failures);
    }
}
