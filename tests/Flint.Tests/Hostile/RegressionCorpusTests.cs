namespace Flint.Tests.Hostile;

/// <summary>
/// Replays Hostile/corpus/FORMAT/*.bin in a child process: the hand-made probes of issue 12 (written by
/// tools/hostile/make_corpus.py) and every input the fuzzer ever flagged. Each must keep the loader contract,
/// and the probes must fail (or load) for the reason they were made for.
/// </summary>
public class RegressionCorpusTests
{
    public static TheoryData<string> Formats => new(Flint.Fuzz.Loaders.Formats);

    /// <summary>What each probe must produce: "loaded", or a fragment of the exception's type and message.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["pt/nested-tuples-1m.bin"] = "InvalidDataException: torch.load: the file's containers nest deeper than 1000 levels",
        ["pt/nested-lists-via-appends.bin"] = "nest deeper than 1000 levels",
        ["pt/mark-nesting-100k.bin"] = "MARKs nest deeper than 1000 levels",
        ["pt/tuple-key-nesting.bin"] = "a tuple used as a dict key holds more than 1000 values",
        ["pt/tuple-dag-key.bin"] = "a tuple used as a dict key holds more than 1000 values",
        ["pt/int-key-hash-flood.bin"] = "loaded",
        ["pt/self-referencing-optimizer-state.bin"] = "loaded",
        ["pt/view-extent-overflow.bin"] = "the element count of size [4611686018427387904, 4] overflows",
        ["pt/view-numel-overflow-stride0.bin"] = "the element count of size [4294967296, 4294967296] overflows",
        ["pt/storage-numel-times-size-wraps.bin"] = "storage '0' should hold 4611686018427387904 torch.float32 elements",
        ["pt/integer-requires-grad.bin"] = "a torch.int64 tensor cannot require gradients",
        ["pt/integer-parameter-requires-grad.bin"] = "a torch.int64 parameter cannot require gradients",
        ["pt/declared-2gb-record.bin"] = "claims 2000000000 bytes from",
        ["pt/declared-huge-pickle.bin"] = "claims 4294967280 bytes from",
        ["pt/duplicate-records.bin"] = "the archive holds two records named 'archive/data/0'",
        ["optim/lr-not-a-number.bin"] = "ArgumentException: optimizer state dict: parameter group key 'lr' has a value of type String",
        ["optim/self-referencing-state.bin"] = "ArgumentException: loaded state dict has a different number of parameter groups",
        ["npy/shape-overflow.bin"] = "has more elements than fit in 64 bits",
        ["npy/bytes-overflow.bin"] = "has more elements than fit in 64 bits",
        ["npy/rank-65.bin"] = "declares 65 dimensions, more than the limit of 64",
        ["npy/rank-300k.bin"] = "more than NumPy's limit of 10000",
        ["npy/header-100kb.bin"] = "more than NumPy's limit of 10000",
        ["npz/duplicate-names.bin"] = "two records named 'a.npy'",
        ["npz/duplicate-after-extension.bin"] = "two arrays named 'a'",
        ["npz/deflate-bomb-trailing.bin"] = "loaded",
        ["npz/declared-size-lies.bin"] = "more than compression can produce",
        ["safetensors/lone-surrogate-name.bin"] = "the header holds a string that is not valid Unicode",
        ["safetensors/lone-surrogate-metadata.bin"] = "the header holds a string that is not valid Unicode",
        ["safetensors/invalid-utf8-name.bin"] = "InvalidDataException",
        ["safetensors/shape-overflow.bin"] = "whose size overflows",
        ["safetensors/rank-65.bin"] = "has 65 dimensions, more than the limit of 64",
        ["safetensors/header-over-100mb.bin"] = "exceeds the 100000000-byte limit",
        ["module/lone-surrogate-name.bin"] = "the header holds a string that is not valid Unicode",
        ["module/wrong-shape.bin"] = "ArgumentException: Error(s) in loading state_dict for Sequential",
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void EveryRecordedInputKeepsTheContract(string format)
    {
        string dir = Path.Combine(FuzzHost.CorpusDir, format);
        var files = Directory.GetFiles(dir, "*.bin").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var r = FuzzHost.Run(TimeSpan.FromSeconds(120), ["replay", format, .. files]);
        Assert.True(r.ExitCode == 0, $"replaying {format}: exit {r.ExitCode}{(r.TimedOut ? " (hung: killed)" : "")}\n{r.Output}");
        var lines = r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).ToList();
        Assert.Equal(files.Length, lines.Count);
        foreach (var file in files)
        {
            string name = Path.GetFileName(file);
            string line = Assert.Single(lines, l => l.StartsWith($"ok {name} -> ", StringComparison.Ordinal));
            if (Expected.TryGetValue($"{format}/{name}", out var want)) Assert.Contains(want, line);
            else Assert.StartsWith("fuzz-", name); // only fuzzer finds may go without a stated reason
        }
    }

    [Fact]
    public void EveryProbeIsInTheCorpus()
    {
        foreach (var key in Expected.Keys)
            Assert.True(File.Exists(Path.Combine(FuzzHost.CorpusDir, key)), $"missing probe {key}; run tools/hostile/make_corpus.py");
    }
}
