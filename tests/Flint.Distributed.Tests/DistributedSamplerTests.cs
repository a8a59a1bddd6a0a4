using System.Text.Json;
using Flint;

namespace Flint.Distributed.Tests;

/// <summary>DistributedSampler gives every rank PyTorch 1.13's indices (tests/golden/distributed.json, tools/golden/gen_distributed.py).</summary>
public class DistributedSamplerTests
{
    [Fact]
    public void EveryRankGetsPyTorchsIndicesForEachSeedAndEpoch()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "distributed.json")));
        int cases = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            long size = c.GetProperty("size").GetInt64();
            int replicas = c.GetProperty("num_replicas").GetInt32();
            bool shuffle = c.GetProperty("shuffle").GetBoolean(), dropLast = c.GetProperty("drop_last").GetBoolean();
            long seed = c.GetProperty("seed").GetInt64();
            foreach (var epoch in c.GetProperty("epochs").EnumerateObject())
            {
                var ranks = epoch.Value.EnumerateArray().ToArray();
                for (int rank = 0; rank < replicas; rank++)
                {
                    var sampler = new DistributedSampler(size, replicas, rank, shuffle, seed, dropLast);
                    sampler.set_epoch(long.Parse(epoch.Name));
                    var expected = ranks[rank].EnumerateArray().Select(e => e.GetInt64()).ToArray();
                    Assert.Equal(expected, sampler.ToArray());
                    Assert.Equal(expected.Length, sampler.Count);
                    cases++;
                }
            }
        }
        Assert.True(cases > 50, $"only {cases} rank orders checked");
    }

    [Fact]
    public void ShufflesDifferInEpochsAndRanksPartitionTheData()
    {
        var e0 = new DistributedSampler(20, 2, 0, seed: 3).ToArray();
        var s = new DistributedSampler(20, 2, 0, seed: 3);
        s.set_epoch(1);
        Assert.NotEqual(e0, s.ToArray());
        var both = e0.Concat(new DistributedSampler(20, 2, 1, seed: 3)).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), both);
    }

    [Fact]
    public void RejectsARankOutsideTheReplicas()
    {
        var e = Assert.Throws<ArgumentException>(() => new DistributedSampler(10, num_replicas: 2, rank: 2));
        Assert.Equal("Invalid rank 2, rank should be in the interval [0, 1]", e.Message);
    }

    [Fact]
    public void IsReachableAsTorchUtilsData()
    {
        var ds = new torch.utils.data.TensorDataset(torch.arange(9L));
        var sampler = torch.utils.data.DistributedSampler(ds, num_replicas: 3, rank: 1, shuffle: false);
        Assert.Equal([1L, 4L, 7L], sampler.ToArray());
        var loader = torch.utils.data.DataLoader(ds, batch_size: 2, sampler: sampler);
        Assert.Equal(2, loader.Count());
    }
}
