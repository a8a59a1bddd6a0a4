namespace Flint.Tests.Hostile;

/// <summary>
/// Fuzzes each loader for a bounded time (FLINT_FUZZ_SECONDS, default 20 s per format) in a child process,
/// from a seed corpus of files Flint writes plus the PyTorch- and NumPy-written golden files. Any input that
/// breaks the loader contract (an exception outside InvalidDataException/IOException, more than 2 s, memory
/// beyond a small multiple of the input, or a dead process) fails the test and is kept under the work folder;
/// add it to Hostile/corpus/FORMAT/ so <see cref="RegressionCorpusTests"/> replays it forever.
/// </summary>
public class FuzzTests
{
    public static TheoryData<string> Formats => new(Flint.Fuzz.Loaders.Formats);

    [Theory]
    [MemberData(nameof(Formats))]
    public void LoaderHoldsItsContractUnderMutation(string format)
    {
        double seconds = double.TryParse(Environment.GetEnvironmentVariable("FLINT_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 20;
        string work = Path.Combine(Path.GetTempPath(), $"flint-fuzz-{format}-{Guid.NewGuid():N}");
        int seed = Random.Shared.Next();
        var r = FuzzHost.Run(TimeSpan.FromSeconds(seconds + 90), "fuzz", format, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), work, FuzzHost.GoldenDir, seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string current = Path.Combine(work, "current.bin");
        string killer = File.Exists(current) ? Convert.ToBase64String(File.ReadAllBytes(current)) : "(none)";
        Assert.True(r.ExitCode == 0,
            $"fuzzing {format} (seed {seed}) broke the contract; inputs kept in {work}. Exit {r.ExitCode}{(r.TimedOut ? " (hung: killed)" : "")}; " +
            $"input running when the process ended (base64): {killer}\n{r.Output}");
        Assert.Contains($"format={format}", r.Output);
        Assert.Matches(@"runs=[1-9]\d*", r.Output); // it really ran inputs
        Directory.Delete(work, recursive: true);
    }
}
