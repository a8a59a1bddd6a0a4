using static Flint.torch;

namespace Flint.Tests.Concurrency;

/// <summary>
/// What the README promises about threads: independent models (each with its own tensors, optimizer and
/// dispose scopes) train on several threads at once with exactly the results they get alone, and one model's
/// forward under no_grad may run from many threads at once.
/// </summary>
public class ThreadSafetyTests
{
    /// <summary>A small MLP whose weights come from <paramref name="seed"/> alone (never from the shared generator).</summary>
    private static nn.Module<Tensor, Tensor> Model(int seed)
    {
        var model = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1));
        using (no_grad())
        {
            int k = 0;
            foreach (var p in model.parameters())
            {
                long n = p.numel();
                var values = Enumerable.Range(0, (int)n).Select(i => (float)Math.Sin(seed * 131 + k * 17 + i) * 0.3f).ToArray();
                p.copy_(tensor(values).reshape(p.shape));
                k++;
            }
        }
        return model;
    }

    private static (Tensor X, Tensor Y) Data(int seed)
    {
        var x = tensor(Enumerable.Range(0, 64 * 8).Select(i => (float)Math.Cos(seed + i * 0.37)).ToArray()).reshape(64, 8);
        var y = x.sum(1, keepdim: true).sin();
        return (x, y);
    }

    /// <summary>Trains for a few steps; returns the final loss and every parameter's bytes.</summary>
    private static (float Loss, string Parameters) Train(int seed)
    {
        using var scope = NewDisposeScope();
        var model = Model(seed);
        var (x, y) = Data(seed);
        var opt = optim.Adam(model.parameters(), 0.01);
        float loss = 0;
        for (int step = 0; step < 25; step++)
        {
            opt.zero_grad();
            var l = (model.call(x) - y).pow(2).mean();
            l.backward();
            opt.step();
            loss = l.item<float>();
        }
        return (loss, string.Join(";", model.parameters().Select(p => IO.IOGolden.Hex(p.detach()))));
    }

    [Fact]
    public void IndependentModelsTrainedOnSeveralThreadsMatchTrainingAlone()
    {
        int[] seeds = [1, 2, 3, 4];
        var alone = seeds.Select(Train).ToArray();
        Assert.Equal(seeds.Length, alone.Select(r => r.Parameters).Distinct().Count()); // the seeds really differ
        var together = new (float, string)[seeds.Length];
        var threads = seeds.Select((s, i) => new Thread(() => together[i] = Train(s))).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.Equal(alone, together);
    }

    [Fact]
    public void OneModelsForwardUnderNoGradIsSafeFromManyThreads()
    {
        var model = Model(7);
        model.eval();
        var inputs = Enumerable.Range(0, 8).Select(i => Data(100 + i).X).ToArray();
        string[] expected;
        using (no_grad()) expected = inputs.Select(x => IO.IOGolden.Hex(model.call(x))).ToArray();

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            using var guard = no_grad(); // grad mode is per thread, as in PyTorch
            for (int rep = 0; rep < 40; rep++)
            {
                string got = IO.IOGolden.Hex(model.call(inputs[(i + rep) % inputs.Length]));
                if (got != expected[(i + rep) % inputs.Length]) failures.Add($"thread {i} rep {rep}");
            }
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.Empty(failures);
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void GradModeIsPerThread()
    {
        using var off = no_grad();
        bool other = false;
        var t = new Thread(() => other = is_grad_enabled());
        t.Start();
        t.Join();
        Assert.False(is_grad_enabled());
        Assert.True(other);
    }
}
