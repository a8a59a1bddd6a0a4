using System.Diagnostics;

namespace Flint.Fuzz;

/// <summary>
/// The loader contract of issue 12, checked for one input: the loader returns data or throws
/// <see cref="InvalidDataException"/> (or an <see cref="IOException"/>), within the time limit, allocating at
/// most a small multiple of the input plus what it returns. Anything else is a violation, described.
/// </summary>
public static class Contract
{
    /// <summary>The contract's time limit, measured in CPU time so that a busy machine (CI, parallel tests) does not fail it.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    /// <summary>Wall-clock limit: only a loader that waits or spins far beyond the CPU limit trips it.</summary>
    public static readonly TimeSpan WallLimit = TimeSpan.FromSeconds(20);

    /// <summary>Null when the contract held; otherwise what broke it.</summary>
    public static string? Check(string format, byte[] input) => Check(format, input, out _);

    /// <summary>As <see cref="Check(string, byte[])"/>; <paramref name="outcome"/> says what the loader did ("loaded" or the exception's type and message).</summary>
    public static string? Check(string format, byte[] input, out string outcome)
    {
        outcome = "loaded";
        long before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long returnedBytes = 0;
        string? violation = null;
        try
        {
            returnedBytes = Loaders.Run(format, input);
        }
        catch (InvalidDataException e) { violation = CheckMessage(e); outcome = Describe(e); }
        catch (IOException e) when (e is not EndOfStreamException) { violation = CheckMessage(e); outcome = Describe(e); }
        catch (ArgumentException e) when (format is "optim" or "module")
        {
            // load_state_dict (optimizer or module) documents ArgumentException for a dict that does not fit.
            violation = CheckMessage(e);
            outcome = Describe(e);
        }
        catch (Exception e)
        {
            violation = $"{e.GetType().FullName} escaped: {e.Message}\n{e.StackTrace}";
            outcome = Describe(e);
        }
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (violation is null && (cpuUsed > TimeLimit || clock.Elapsed > WallLimit))
            violation = $"took {cpuUsed.TotalSeconds:F2} s of CPU, {clock.Elapsed.TotalSeconds:F2} s of wall time (limits {TimeLimit.TotalSeconds} s, {WallLimit.TotalSeconds} s) for {input.Length} bytes";
        outcome += $" [{cpuUsed.TotalMilliseconds:F0} ms CPU]";
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long allowance = 64L * input.Length + 4 * returnedBytes + (32L << 20);
        if (violation is null && allocated > allowance)
            violation = $"allocated {allocated} bytes for a {input.Length}-byte input returning {returnedBytes} bytes (allowance {allowance})";
        return violation;
    }

    private static string Describe(Exception e) => e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ");

    private static string? CheckMessage(Exception e) =>
        string.IsNullOrWhiteSpace(e.Message) ? $"{e.GetType().Name} without a message" : null;
}
