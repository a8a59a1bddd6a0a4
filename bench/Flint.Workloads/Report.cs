using System.Runtime.InteropServices;
using System.Text;

namespace Flint.Workloads;

/// <summary>Prints results as a Markdown table: medians, the first side over the second, and rates.</summary>
public static class Report
{
    /// <summary>The machine, for the table's heading: CPU model, cores, OS, runtime.</summary>
    public static string Machine()
    {
        string cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) cpu = line[(line.IndexOf(':') + 1)..].Trim();
        }
        var isa = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "AVX-512"
            : System.Runtime.Intrinsics.X86.Fma.IsSupported ? "AVX2+FMA" : "no AVX2";
        return $"{cpu}, {Environment.ProcessorCount} cores, {isa}; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>
    /// The Markdown table of <paramref name="results"/>: each side's median, then the first side's
    /// median over each other side's (Flint natural code / TorchSharp, Flint natural / Flint scoped).
    /// </summary>
    public static string Table(IReadOnlyList<string> sides, IReadOnlyList<WorkloadResult> results)
    {
        var sb = new StringBuilder();
        sb.Append("| | workload | ").Append(string.Join(" | ", sides.Select(s => s + " median")));
        foreach (var other in sides.Skip(1)) sb.Append($" | {sides[0]}/{other}");
        sb.AppendLine(" | notes |");
        sb.Append("|---|---|").Append(string.Concat(Enumerable.Repeat("---:|", 2 * sides.Count - 1))).AppendLine("---|");
        foreach (var r in results)
        {
            sb.Append($"| {r.Spec.Section} | {r.Spec.Name} | ");
            sb.Append(string.Join(" | ", r.MedianSeconds.Select(Format.Time)));
            for (int k = 1; k < sides.Count; k++) sb.Append(" | ").Append(Ratio(r.MedianSeconds[0], r.MedianSeconds[k]));
            sb.Append(" | ").Append(Notes(sides.Count, r, results)).AppendLine(" |");
        }
        return sb.ToString();
    }

    /// <summary>The table for sides given as objects.</summary>
    public static string Table(IReadOnlyList<IBenchSide> sides, IReadOnlyList<WorkloadResult> results) =>
        Table([.. sides.Select(s => s.Name)], results);

    private static string Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 ? Format.Num(x / y, "0.00") : "–";

    private static string Notes(int sideCount, WorkloadResult r, IReadOnlyList<WorkloadResult> all)
    {
        string PerSide(Func<int, string?> f) =>
            string.Join(" / ", Enumerable.Range(0, sideCount).Select(f).Where(s => s is not null));
        switch (r.Spec.Kind)
        {
            case WorkloadKind.Gemm:
                return PerSide(k => r.MedianSeconds[k] is { } s ? Format.Num(r.Spec.Flops / s / 1e9, "0.0") : null) + " GFLOP/s";
            case WorkloadKind.Elementwise:
                return PerSide(k => r.MedianSeconds[k] is { } s ? Format.Num(r.Spec.Bytes / s / 1e9, "0.0") : null) + " GB/s";
            case WorkloadKind.Process:
                return "peak " + PerSide(k => r.Values[k] is { } v ? Format.Num(v, "0") : null) + " MiB";
            case WorkloadKind.RecurrentProgram:
            case WorkloadKind.AutogradProgram or WorkloadKind.NnProgram or WorkloadKind.TransformerStep:
                // The mean shows stalls the median hides (a descheduled thread pool or OpenMP barrier).
                var text = "mean " + PerSide(k => r.MeanSeconds[k] is { } m ? Format.Time(m) : null)
                    + "; final loss " + PerSide(k => r.Values[k] is { } v ? Format.Num(v, "G4") : null)
                    + "; KiB allocated/it " + PerSide(k => r.AllocatedBytes[k] is { } b ? Format.Num(b / 1024, "0.0") : null)
                    + "; gen-2 GCs/1000 it " + PerSide(k => r.Gen2PerThousand[k] is { } g ? Format.Num(g, "0.#") : null);
                if (r.Spec.BusyOtherCore)
                {
                    var quiet = all.FirstOrDefault(q => q.Spec.Section == "a");
                    if (quiet is not null)
                        text += "; busy/quiet " + PerSide(k => Ratio(r.MedianSeconds[k], quiet.MedianSeconds[k]) + "×");
                }
                return text;
            default:
                return "";
        }
    }
}
