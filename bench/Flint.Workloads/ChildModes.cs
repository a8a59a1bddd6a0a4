namespace Flint.Workloads;

/// <summary>
/// What a child process does for the whole-process workloads: print <c>peak_kib</c> and
/// <c>READY</c> after its first tensor result (launch → first result), or run the full autograd
/// program and then report. The parent (<see cref="ChildProcessWorkload"/>) times it.
/// </summary>
public static class ChildModes
{
    /// <summary>Runs Flint's child mode <paramref name="mode"/> ("first" or "autograd"); returns the exit code.</summary>
    public static int RunFlint(string mode)
    {
        switch (mode)
        {
            case "first":
                var t = torch.randn(2, 2);
                Console.Out.WriteLine($"result {(t + t).sum().item<float>()}");
                break;
            case "autograd":
                using (var p = new FlintAutogradProgram(Catalog.TutorialSpec)) Console.Out.WriteLine($"result {p.Run(500)}");
                break;
            default:
                Console.Error.WriteLine($"unknown child mode {mode}");
                return 2;
        }
        Report();
        return 0;
    }

    /// <summary>Prints this process's peak resident memory and READY (what the parent waits for).</summary>
    public static void Report()
    {
        Console.Out.WriteLine($"peak_kib {PeakResidentKiB()}");
        Console.Out.WriteLine("READY");
        Console.Out.Flush();
    }

    /// <summary>VmHWM from /proc/self/status (Linux), else the process's peak working set.</summary>
    public static long PeakResidentKiB()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0]);
            }
        }
        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024;
    }
}
