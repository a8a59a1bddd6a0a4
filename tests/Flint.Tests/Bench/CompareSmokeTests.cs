using System.Text.Json;
using Flint.Workloads;

namespace Flint.Tests.Bench;

/// <summary>
/// Keeps bench/Compare's Flint side compiling and working: runs every quick workload for a couple
/// of iterations (no TorchSharp, no child processes) and checks the results are real.
/// </summary>
[Collection(GlobalRandomCollection.Name)] // the programs seed torch.manual_seed(0) and compare losses with PyTorch's
public class CompareSmokeTests
{
    [Fact]
    public void QuickWorkloadsRunOnFlintAlone()
    {
        var sides = new IBenchSide[] { new FlintSide() };
        var log = new StringWriter();
        var results = new Runner(sides, RunMode.Smoke, log).Run();

        var expected = Catalog.Build(RunMode.Smoke);
        Assert.Equal(expected.Count, results.Count);
        foreach (var r in results)
        {
            var median = r.MedianSeconds[0];
            // Needing a child launcher (p): skipped, not faked.
            if (r.Spec.Kind is WorkloadKind.Process)
            {
                Assert.Null(median);
                continue;
            }
            Assert.True(median is { } m && m > 0 && double.IsFinite(m), $"{r.Spec.Name}: median {median}"); // a smoke test: no time limit (a loaded machine runs a Debug CNN step for seconds)
            Assert.True(r.Values[0] is { } v && double.IsFinite(v), $"{r.Spec.Name}: value {r.Values[0]}");
        }

        var table = Report.Table(sides, results);
        Assert.Contains("| a | autograd 64/1000/100/10 |", table);
        Assert.Contains("| b | nn.Sequential+MSELoss+SGD 64/1000/100/10 |", table);
        Assert.Contains("GFLOP/s", table);
    }

    [Fact]
    public void AutogradProgramMatchesPyTorchLossByLoss()
    {
        // Losses of the same program in PyTorch 1.13 from seed 0 (tools/golden/gen_bench_autograd.py).
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "bench_autograd.json")));
        var expected = doc.RootElement.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        using var program = new FlintSide().Prepare(Catalog.TutorialSpec)!;
        for (int t = 0; t < expected.Length; t++)
        {
            double loss = program.Run(1);
            // float32 sums of 640 squares ~1e6 each: summation order differs, so 1e-4 relative.
            Assert.True(Math.Abs(loss - expected[t]) <= 1e-4 * expected[t], $"t={t}: Flint {loss}, PyTorch {expected[t]}");
        }
        Assert.True(expected[^1] < expected[0] / 2);
    }

    [Fact]
    public void NnProgramMatchesTheTutorialsOptimSgdCurve()
    {
        // (b) is the tutorial's optim-sgd program: its losses are in tutorial.json (tools/golden/gen_tutorial.py).
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "tutorial.json")));
        var expected = doc.RootElement.GetProperty("optim-sgd").EnumerateArray().Select(e => double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var spec = Catalog.Build(RunMode.Quick).Single(s => s.Kind == WorkloadKind.NnProgram);
        using var program = new FlintSide().Prepare(spec)!;
        for (int t = 0; t < 10; t++)
        {
            double loss = program.Run(1);
            Assert.True(Math.Abs(loss - expected[t]) <= 1e-4 * expected[t], $"t={t}: Flint {loss}, PyTorch {expected[t]}");
        }
        Assert.True(program.Run(20) < expected[0] / 2);
    }

    [Fact]
    public void MedianOfEvenAndOddCounts()
    {
        Assert.Equal(2.0, Runner.Median([3.0, 1.0, 2.0]));
        Assert.Equal(2.5, Runner.Median([4.0, 1.0, 3.0, 2.0]));
    }
}
