using System.Text.Json;
using static Flint.torch.utils.data;

namespace Flint.Tests.Data;

/// <summary>Shuffled orders, samplers and random_split against PyTorch 1.13 (tools/golden/gen_data.py).</summary>
[Collection(GlobalRandomCollection.Name)]
public class DataGoldenTests
{
    private static readonly Lazy<JsonDocument> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "data.json"))));

    private static JsonElement G(string key) => Golden.Value.RootElement.GetProperty(key);
    private static long[] Longs(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();
    private static long[][] Batches(JsonElement e) => e.EnumerateArray().Select(Longs).ToArray();
    private static long[][] Batches(IEnumerable<Tensor[]> loader) => loader.Select(b => b[0].data<long>().ToArray()).ToArray();

    [Fact]
    public void SeedDrawIsRandomInt64()
    {
        torch.manual_seed(0);
        var expected = Longs(G("random_int64_seed0"));
        Assert.Equal(expected, Enumerable.Range(0, 3).Select(_ => torch.RandomInt64(null)).ToArray());
    }

    [Fact]
    public void ShuffleWithTheDefaultGeneratorMatchesPyTorch()
    {
        torch.manual_seed(0);
        var loader = DataLoader(new TensorDataset(torch.arange(10)), batch_size: 3, shuffle: true);
        var epochs = G("shuffle_default_seed0").EnumerateArray().Select(Batches).ToArray();
        Assert.Equal(epochs[0], Batches(loader));
        Assert.Equal(epochs[1], Batches(loader));
        // The default generator advanced exactly as PyTorch's did.
        var after = G("after_two_epochs_randn").EnumerateArray().Select(x => (float)x.GetDouble()).ToArray();
        Assert.Equal(after, torch.randn(3).data<float>().ToArray());

        torch.manual_seed(0);
        var dropLast = DataLoader(new TensorDataset(torch.arange(100)), batch_size: 16, shuffle: true, drop_last: true);
        Assert.Equal(6, dropLast.Count);
        Assert.Equal(Batches(G("shuffle_default_seed0_n100_drop_last")), Batches(dropLast));
    }

    [Fact]
    public void ShuffleWithAGeneratorMatchesPyTorch()
    {
        var loader = DataLoader(new TensorDataset(torch.arange(10)), batch_size: 4, shuffle: true, generator: new torch.Generator().manual_seed(42));
        var epochs = G("shuffle_generator42").EnumerateArray().Select(Batches).ToArray();
        Assert.Equal(epochs[0], Batches(loader));
        Assert.Equal(epochs[1], Batches(loader));
    }

    [Fact]
    public void SamplersMatchPyTorch()
    {
        Assert.Equal(Longs(G("random_sampler_replacement_gen1")),
            new RandomSampler(10, replacement: true, num_samples: 40, generator: new torch.Generator().manual_seed(1)).ToArray());
        Assert.Equal(Longs(G("random_sampler_num_samples_gen2")),
            new RandomSampler(10, num_samples: 25, generator: new torch.Generator().manual_seed(2)).ToArray());
        Assert.Equal(Longs(G("subset_random_sampler_gen3")),
            new SubsetRandomSampler([10, 20, 30, 40, 50, 60], new torch.Generator().manual_seed(3)).ToArray());
        var weights = G("weights").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(Longs(G("weighted_replacement_gen5")),
            new WeightedRandomSampler(weights, 50, replacement: true, generator: new torch.Generator().manual_seed(5)).ToArray());
        Assert.Equal(Longs(G("weighted_no_replacement_gen6")),
            new WeightedRandomSampler(weights, 4, replacement: false, generator: new torch.Generator().manual_seed(6)).ToArray());
    }

    [Fact]
    public void RandomSplitMatchesPyTorch()
    {
        var ten = new TensorDataset(torch.arange(10));
        Assert.Equal(Batches(G("random_split_3_7_gen42")),
            random_split(ten, [3L, 7L], new torch.Generator().manual_seed(42)).Select(s => s.indices.ToArray()).ToArray());
        var split = random_split(new TensorDataset(torch.arange(31)), [0.3, 0.3, 0.4], new torch.Generator().manual_seed(42));
        Assert.Equal(new long[] { 10, 9, 12 }, split.Select(s => s.Count).ToArray());   // floor: 9, 9, 12; the remainder 1 goes to the first
        Assert.Equal(Batches(G("random_split_fractions_31_gen42")), split.Select(s => s.indices.ToArray()).ToArray());
        torch.manual_seed(0);
        Assert.Equal(Batches(G("random_split_default_seed0")),
            random_split(new TensorDataset(torch.arange(8)), [5L, 3L]).Select(s => s.indices.ToArray()).ToArray());
    }
}
