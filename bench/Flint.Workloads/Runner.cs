using System.Diagnostics;
using System.Globalization;

namespace Flint.Workloads;

/// <summary>
/// The medians of one workload, one entry per side (null where the side cannot run it). For the
/// programs, <see cref="AllocatedBytes"/> is the managed memory allocated per iteration on the running
/// thread and <see cref="Gen2PerThousand"/> the gen-2 collections per 1,000 iterations.
/// </summary>
public sealed record WorkloadResult(WorkloadSpec Spec, double?[] MedianSeconds, double?[] MeanSeconds, double?[] Values, int[] Samples)
{
    /// <summary>Managed bytes allocated per program iteration, per side (programs only).</summary>
    public double?[] AllocatedBytes { get; init; } = new double?[MedianSeconds.Length];

    /// <summary>Gen-2 collections per 1,000 program iterations, per side (programs only).</summary>
    public double?[] Gen2PerThousand { get; init; } = new double?[MedianSeconds.Length];
}

/// <summary>
/// Runs every workload on every side alternately (A B, then B A, …) in this process, so drift and
/// other processes' load hit both sides alike, and takes medians.
/// </summary>
public sealed class Runner(IReadOnlyList<IBenchSide> sides, RunMode mode, TextWriter log)
{
    /// <summary>Only run workloads whose section letter is in this set (null: all).</summary>
    public HashSet<string>? Sections { get; init; }

    /// <summary>Runs the catalog for the mode and returns one result per workload.</summary>
    public List<WorkloadResult> Run()
    {
        var results = new List<WorkloadResult>();
        foreach (var spec in Catalog.Build(mode))
        {
            if (Sections is not null && !Sections.Contains(spec.Section)) continue;
            var clock = Stopwatch.StartNew();
            var result = RunOne(spec);
            results.Add(result);
            log.WriteLine($"  ({spec.Section}) {spec.Name}: " + string.Join("  ", sides.Select((s, i) =>
                $"{s.Name} {Format.Time(result.MedianSeconds[i])}")) + $"   [{clock.Elapsed.TotalSeconds:0.0} s]");
        }
        return results;
    }

    private WorkloadResult RunOne(WorkloadSpec spec)
    {
        using var busy = spec.BusyOtherCore ? new BusyProcess() : null;
        return spec.Kind switch
        {
            WorkloadKind.AutogradProgram or WorkloadKind.NnProgram or WorkloadKind.TransformerStep => RunProgram(spec),
            WorkloadKind.RecurrentProgram => RunProgram(spec),
            WorkloadKind.Process => RunSelfTimed(spec),
            _ => RunBatches(spec),
        };
    }

    /// <summary>Order of the sides in round <paramref name="round"/>: forwards, then backwards.</summary>
    private IEnumerable<int> Order(int round)
    {
        for (int k = 0; k < sides.Count; k++) yield return round % 2 == 0 ? k : sides.Count - 1 - k;
    }

    // Programs: every iteration timed on its own; each round starts from the same seed and weights.
    private WorkloadResult RunProgram(WorkloadSpec spec)
    {
        int rounds = mode switch { RunMode.Full => spec.Args[0] >= 512 ? 2 : 3, RunMode.Quick => 2, _ => 1 };
        int warmup = mode == RunMode.Smoke ? 1 : Math.Min(20, spec.Iterations);
        // Seconds, not iterations: hot paths reach their final code only after tiering and dynamic PGO.
        double warmSeconds = mode switch { RunMode.Full => 3, RunMode.Quick => 1, _ => 0 };
        var times = sides.Select(_ => new List<double>()).ToArray();
        var values = new double?[sides.Count];
        var supported = new bool[sides.Count];
        var allocated = new long[sides.Count];
        var gen2 = new int[sides.Count];
        for (int k = 0; k < sides.Count; k++)
        {
            using var w = sides[k].Prepare(spec);
            if (w is null) continue;
            supported[k] = true;
            long t0 = Stopwatch.GetTimestamp();
            do w.Run(warmup); while (Stopwatch.GetElapsedTime(t0).TotalSeconds < warmSeconds);
        }
        for (int round = 0; round < rounds; round++)
        {
            foreach (var k in Order(round))
            {
                if (!supported[k]) continue;
                using var w = sides[k].Prepare(spec)!;
                double last = double.NaN;
                long bytes0 = GC.GetAllocatedBytesForCurrentThread();
                int gen20 = GC.CollectionCount(2);
                for (int i = 0; i < spec.Iterations; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    last = w.Run(1);
                    times[k].Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
                }
                allocated[k] += GC.GetAllocatedBytesForCurrentThread() - bytes0;
                gen2[k] += GC.CollectionCount(2) - gen20;
                values[k] = last;
            }
        }
        return Result(spec, times, values) with
        {
            AllocatedBytes = [.. Enumerable.Range(0, sides.Count).Select(k => times[k].Count == 0 ? (double?)null : allocated[k] / (double)times[k].Count)],
            Gen2PerThousand = [.. Enumerable.Range(0, sides.Count).Select(k => times[k].Count == 0 ? (double?)null : gen2[k] * 1000.0 / times[k].Count)],
        };
    }

    // Micro workloads: batches sized to a few milliseconds, alternating sides batch by batch.
    private WorkloadResult RunBatches(WorkloadSpec spec)
    {
        int samples = mode switch { RunMode.Full => 11, RunMode.Quick => 5, _ => 2 };
        double target = mode switch { RunMode.Full => 0.02, RunMode.Quick => 0.008, _ => 0 };
        // Long enough for tiered JIT to replace the first (unoptimised) code: 30 calls + 100 ms delay.
        double warm = mode switch { RunMode.Full => 0.5, RunMode.Quick => 0.2, _ => 0 };
        var prepared = sides.Select(s => s.Prepare(spec)).ToArray();
        try
        {
            var counts = new int[sides.Count];
            var times = sides.Select(_ => new List<double>()).ToArray();
            var values = new double?[sides.Count];
            for (int k = 0; k < sides.Count; k++)
            {
                if (prepared[k] is not { } w) continue;
                WarmUp(w, warm);
                counts[k] = Calibrate(w, target);
            }
            for (int round = 0; round < samples; round++)
            {
                foreach (var k in Order(round))
                {
                    if (prepared[k] is not { } w) continue;
                    // libgomp's workers spin for a while after each parallel call; let the other side's
                    // threads go idle so each batch measures one library, not the two competing for cores.
                    Thread.Sleep(SettleMilliseconds);
                    long t0 = Stopwatch.GetTimestamp();
                    values[k] = w.Run(counts[k]);
                    times[k].Add(Stopwatch.GetElapsedTime(t0).TotalSeconds / counts[k]);
                }
            }
            return Result(spec, times, values);
        }
        finally
        {
            foreach (var w in prepared) w?.Dispose();
        }
    }

    /// <summary>Pause before each timed micro-op batch (both sides alike).</summary>
    private const int SettleMilliseconds = 30;

    /// <summary>Runs <paramref name="w"/> for at least <paramref name="seconds"/> and at least twice.</summary>
    private static void WarmUp(IPreparedWorkload w, double seconds)
    {
        long t0 = Stopwatch.GetTimestamp();
        int calls = 0;
        do { w.Run(1); calls++; } while (calls < 2 || Stopwatch.GetElapsedTime(t0).TotalSeconds < seconds);
    }

    /// <summary>How many calls fill about <paramref name="target"/> seconds (at least 1).</summary>
    private static int Calibrate(IPreparedWorkload w, double target)
    {
        int count = 1;
        while (true)
        {
            long t0 = Stopwatch.GetTimestamp();
            w.Run(count);
            double s = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            if (s >= target / 4 || count >= 1 << 24)
                return Math.Max(1, (int)Math.Min(1 << 24, count * target / Math.Max(s, 1e-9)));
            count *= 4;
        }
    }

    private WorkloadResult RunSelfTimed(WorkloadSpec spec)
    {
        int samples = mode == RunMode.Full ? 3 : 1;
        var prepared = sides.Select(s => s.Prepare(spec)).ToArray();
        var times = sides.Select(_ => new List<double>()).ToArray();
        var values = new double?[sides.Count];
        for (int round = 0; round < samples; round++)
        {
            foreach (var k in Order(round))
            {
                if (prepared[k] is not ISelfTimed w) continue;
                var (seconds, value) = w.RunTimed();
                times[k].Add(seconds);
                values[k] = value;
            }
        }
        foreach (var w in prepared) w?.Dispose();
        return Result(spec, times, values);
    }

    private static WorkloadResult Result(WorkloadSpec spec, List<double>[] times, double?[] values) =>
        new(spec,
            times.Select(t => t.Count == 0 ? (double?)null : Median(t)).ToArray(),
            times.Select(t => t.Count == 0 ? (double?)null : t.Average()).ToArray(),
            values, times.Select(t => t.Count).ToArray());

    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count).</summary>
    public static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}

/// <summary>Number formatting for the table.</summary>
public static class Format
{
    /// <summary>Seconds with a unit that keeps three significant digits.</summary>
    public static string Time(double? seconds) => seconds switch
    {
        null => "–",
        < 1e-6 => (seconds.Value * 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " ns",
        < 1e-3 => (seconds.Value * 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        < 1 => (seconds.Value * 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => seconds.Value.ToString("0.00", CultureInfo.InvariantCulture) + " s",
    };

    /// <summary>A number with the given format, invariant culture.</summary>
    public static string Num(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
