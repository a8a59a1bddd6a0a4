using System.Diagnostics;

namespace Flint.Tests.Hostile;

/// <summary>
/// Runs tests/Flint.Fuzz (copied beside the tests) as a child process: an input that kills the process reading
/// it (a stack overflow cannot be caught in .NET) then fails one test with the input named, instead of ending the run.
/// </summary>
internal static class FuzzHost
{
    public static string CorpusDir => Path.Combine(AppContext.BaseDirectory, "Hostile", "corpus");
    public static string GoldenDir => Path.Combine(AppContext.BaseDirectory, "golden", "io");

    public sealed record Result(int ExitCode, bool TimedOut, string Output);

    public static Result Run(TimeSpan timeout, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Flint.Fuzz.dll");
        Assert.True(File.Exists(dll), $"the fuzzer was not built beside the tests: {dll}");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        bool exited = p.WaitForExit(timeout);
        if (!exited) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return new Result(exited ? p.ExitCode : -1, !exited, stdout.Result + stderr.Result);
    }
}
