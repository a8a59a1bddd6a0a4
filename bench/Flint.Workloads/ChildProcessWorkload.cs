using System.Diagnostics;

namespace Flint.Workloads;

/// <summary>A workload that times itself (the runner's stopwatch would include the wrong part).</summary>
public interface ISelfTimed
{
    /// <summary>Runs once; returns the seconds that count and the workload's value.</summary>
    (double Seconds, double Value) RunTimed();
}

/// <summary>
/// Starts a child process and times launch → the child's READY line; the value is the child's
/// peak resident memory in MiB (VmHWM at READY).
/// </summary>
public sealed class ChildProcessWorkload(ProcessStartInfo start) : IPreparedWorkload, ISelfTimed
{
    /// <inheritdoc />
    public (double Seconds, double Value) RunTimed()
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        double seconds = double.NaN, peakMiB = double.NaN;
        var errors = child.StandardError.ReadToEndAsync();
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("peak_kib ", StringComparison.Ordinal)) peakMiB = long.Parse(line.AsSpan(9)) / 1024.0;
            else if (line == "READY") { seconds = clock.Elapsed.TotalSeconds; break; }
        }
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (double.IsNaN(seconds) || child.ExitCode != 0)
            throw new InvalidOperationException($"child {start.FileName} {string.Join(' ', start.ArgumentList)} failed (exit {child.ExitCode}): {errors.Result}");
        return (seconds, peakMiB);
    }

    /// <inheritdoc />
    public double Run(int count)
    {
        double value = double.NaN;
        for (int i = 0; i < count; i++) value = RunTimed().Value;
        return value;
    }

    /// <inheritdoc />
    public void Dispose() { }
}
