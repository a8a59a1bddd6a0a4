using Flint.Data;
using static Flint.torch.utils.data;

namespace Flint.Tests.Data;

public class DataLoaderBehaviourTests
{
    private sealed class Labelled(long n) : Dataset<(Tensor, long)>
    {
        public int Fetches;
        public int Active;
        public int MaxActive;

        public override long Count => n;

        public override (Tensor, long) this[long index]
        {
            get
            {
                int now = Interlocked.Increment(ref Active);
                int seen;
                while ((seen = MaxActive) < now && Interlocked.CompareExchange(ref MaxActive, now, seen) != seen) { }
                // A fixed sleep let a loaded 2-core CI machine run the workers one after another; waiting
                // (boundedly) for a second fetch to start makes the overlap check depend on the loader only.
                if (WaitForCompany) SpinWait.SpinUntil(() => Volatile.Read(ref MaxActive) > 1, TimeSpan.FromSeconds(10));
                else Thread.Sleep(1);
                Interlocked.Increment(ref Fetches);
                Interlocked.Decrement(ref Active);
                if (index == 13 && ThrowAt13) throw new InvalidDataException("sample 13 is broken");
                return (torch.full([2, 2], (double)index), index * 10);
            }
        }

        public bool ThrowAt13;
        public bool WaitForCompany;
    }

    private sealed class Dicts : Dataset<Dictionary<string, Tensor>>
    {
        public override long Count => 5;
        public override Dictionary<string, Tensor> this[long index] =>
            new() { ["x"] = torch.tensor(new[] { (float)index, -index }), ["y"] = torch.tensor(index) };
    }

    private sealed class Counting(int n) : IterableDataset<Tensor>
    {
        public override IEnumerator<Tensor> GetEnumerator()
        {
            for (int i = 0; i < n; i++) yield return torch.tensor((long)i);
        }
    }

    [Fact]
    public void TupleSamplesCollateToImagesAndInt64Labels()
    {
        var loader = DataLoader(new Labelled(7), batch_size: 3);
        Assert.Equal(3, loader.Count);
        var batches = loader.ToList();
        var (x, y) = batches[0];
        Assert.Equal(new long[] { 3, 2, 2 }, x.shape);
        Assert.Equal(ScalarType.Float32, x.dtype);
        Assert.Equal(ScalarType.Int64, y.dtype);
        Assert.Equal(new long[] { 0, 10, 20 }, y.data<long>().ToArray());
        Assert.Equal(new long[] { 60 }, batches[2].Item2.data<long>().ToArray());
        Assert.Equal(2, DataLoader(new Labelled(7), batch_size: 3, drop_last: true).Count());
    }

    [Fact]
    public void DefaultCollateHandlesNumbersDictsAndNesting()
    {
        var dicts = DataLoader(new Dicts(), batch_size: 2).ToList();
        Assert.Equal(3, dicts.Count);
        Assert.Equal(new long[] { 2, 2 }, dicts[0]["x"].shape);
        Assert.Equal(new float[] { 2, -2, 3, -3 }, dicts[1]["x"].data<float>().ToArray());
        Assert.Equal(new long[] { 4 }, dicts[2]["y"].data<long>().ToArray());

        var floats = (Tensor)default_collate([1.5, 2.5]);
        Assert.Equal(ScalarType.Float64, floats.dtype);
        var bools = (Tensor)default_collate([true, false]);
        Assert.Equal(ScalarType.Bool, bools.dtype);
        var nested = ((Tensor, (Tensor, List<string>)))default_collate([(1L, (2.0f, "a")), (3L, (4.0f, "b"))]);
        Assert.Equal(new long[] { 1, 3 }, nested.Item1.data<long>().ToArray());
        Assert.Equal(new[] { 2.0, 4.0 }, nested.Item2.Item1.data<double>().ToArray());
        Assert.Equal(["a", "b"], nested.Item2.Item2);
        Assert.Throws<InvalidOperationException>(() => default_collate([new object[] { 1L, 2L }, new object[] { 1L }]));
        Assert.Throws<ArgumentException>(() => default_collate([1L, "x"]));
    }

    [Fact]
    public void CustomCollateAndBatchSampler()
    {
        var ds = new Labelled(10);
        var sums = DataLoader(ds, xs => xs.Sum(s => s.Item2), batch_size: 4).ToArray();
        Assert.Equal(new long[] { 60, 220, 170 }, sums);
        var batchSampler = new BatchSampler(new SequentialSampler(10), 3, drop_last: true);
        Assert.Equal([[0L, 1, 2], [3L, 4, 5], [6L, 7, 8]], batchSampler.ToArray());
        var custom = DataLoader(ds, xs => xs.Count, batch_sampler: batchSampler).ToArray();
        Assert.Equal(new[] { 3, 3, 3 }, custom);
        var subset = DataLoader(ds, xs => xs.Select(s => s.Item2).ToArray(), batch_size: 10, sampler: new SubsetRandomSampler([1, 3, 5], new torch.Generator(7))).Single();
        Assert.Equal(new long[] { 10, 30, 50 }, subset.Order().ToArray());
    }

    [Fact]
    public void ArgumentErrorsSayWhatIsWrong()
    {
        var ds = new Labelled(4);
        Assert.Contains("mutually exclusive with shuffle",
            Assert.Throws<ArgumentException>(() => DataLoader(ds, shuffle: true, sampler: new SequentialSampler(4))).Message);
        Assert.Contains("batch_sampler option is mutually exclusive",
            Assert.Throws<ArgumentException>(() => DataLoader(ds, batch_size: 2, batch_sampler: new BatchSampler(new SequentialSampler(4), 2, false))).Message);
        Assert.Contains("num_workers option should be non-negative",
            Assert.Throws<ArgumentException>(() => DataLoader(ds, num_workers: -1)).Message);
        Assert.Contains("batch_size should be a positive integer value, but got batch_size=0",
            Assert.Throws<ArgumentException>(() => DataLoader(ds, batch_size: 0)).Message);
        Assert.Contains("num_samples should be a positive integer value",
            Assert.Throws<ArgumentException>(() => new RandomSampler(0)).Message);
        Assert.Contains("Sum of input lengths does not equal",
            Assert.Throws<ArgumentException>(() => random_split(ds, [1L, 2L])).Message);
        Assert.Contains("Fraction at index 0 is not between 0 and 1",
            Assert.Throws<ArgumentException>(() => random_split(ds, [1.5, -0.5])).Message);
        Assert.Contains("without replacement",
            Assert.Throws<ArgumentException>(() => new WeightedRandomSampler([1.0, 2.0], 3, replacement: false).ToArray()).Message);
    }

    [Fact]
    public void WorkersPrefetchInOrder()
    {
        var serial = DataLoader(new Labelled(40), batch_size: 3).Select(b => b.Item2.data<long>().ToArray()).ToArray();
        var ds = new Labelled(40) { WaitForCompany = true };
        var parallel = DataLoader(ds, batch_size: 3, num_workers: 3).Select(b => b.Item2.data<long>().ToArray()).ToArray();
        Assert.Equal(serial, parallel);
        Assert.True(ds.MaxActive > 1, "with num_workers = 3 several samples load at once");
    }

    [Fact]
    public void EarlyBreakWaitsForTheBatchesInFlight()
    {
        var ds = new Labelled(200);
        int seen = 0;
        foreach (var _ in DataLoader(ds, batch_size: 2, num_workers: 4))
        {
            if (++seen == 2) break;
        }
        int fetched = ds.Fetches;
        Assert.Equal(0, ds.Active);
        Assert.True(fetched <= 2 * (2 + 8), $"only the prefetched batches were loaded ({fetched} samples)");
        Thread.Sleep(20);
        Assert.Equal(fetched, ds.Fetches);   // nothing keeps loading after the loop left
    }

    [Fact]
    public void WorkerExceptionsReachTheLoop()
    {
        var ds = new Labelled(20) { ThrowAt13 = true };
        var e = Assert.Throws<InvalidDataException>(() => DataLoader(ds, batch_size: 4, num_workers: 2).ToList());
        Assert.Equal("sample 13 is broken", e.Message);
        Assert.Equal(0, ds.Active);
    }

    [Fact]
    public void DatasetsCompose()
    {
        var a = new TensorDataset(torch.arange(3));
        var b = new TensorDataset(torch.arange(10, 15));
        var both = a + b;
        Assert.Equal(8, both.Count);
        Assert.Equal(new long[] { 3, 8 }, both.cumulative_sizes.ToArray());
        Assert.Equal(11L, both[4][0].item<long>());
        Assert.Equal(14L, both[-1][0].item<long>());
        var empty = new TensorDataset(torch.arange(0));
        Assert.Equal(10L, new ConcatDataset<Tensor[]>([a, empty, b])[3][0].item<long>());
        Assert.Throws<IndexOutOfRangeException>(() => both[8]);
        var sub = new Subset<Tensor[]>(b, [4, 0]);
        Assert.Equal(14L, sub[0][0].item<long>());
        Assert.Equal(10L, sub[-1][0].item<long>());

        var iter = DataLoader(new Counting(7), batch_size: 3).Select(t => t.data<long>().ToArray()).ToArray();
        Assert.Equal([[0L, 1, 2], [3L, 4, 5], [6L]], iter);
        var dropped = DataLoader(new Counting(7), batch_size: 3, num_workers: 2, drop_last: true).Select(t => t.data<long>().ToArray()).ToArray();
        Assert.Equal([[0L, 1, 2], [3L, 4, 5]], dropped);
        Assert.Throws<InvalidOperationException>(() => DataLoader(new Counting(7)).Count);
    }
}
