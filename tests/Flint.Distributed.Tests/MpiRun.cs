using System.Diagnostics;

namespace Flint.Distributed.Tests;

/// <summary>Runs <c>mpirun -np N dotnet Flint.Distributed.Driver.dll scenario</c> on this machine (shared memory, oversubscribed).</summary>
internal static class MpiRun
{
    public static readonly string? MpiRunPath = Find("mpirun");

    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed);

    /// <summary>Skips the calling test, saying why, when Open MPI's mpirun is not installed.</summary>
    public static void RequireMpi()
    {
        if (MpiRunPath is null)
            Assert.Skip("mpirun is not installed (Debian/Ubuntu: apt-get install openmpi-bin libopenmpi-dev); the distributed tests need Open MPI");
    }

    public static Result Run(int ranks, string scenario, TimeSpan? limit = null)
    {
        RequireMpi();
        var driver = Path.Combine(AppContext.BaseDirectory, "Flint.Distributed.Driver.dll");
        var psi = new ProcessStartInfo(MpiRunPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-np", ranks.ToString(), "--oversubscribe", "dotnet", driver, scenario }) psi.ArgumentList.Add(a);
        // Root in CI containers; shared memory only, so no network interface is probed.
        psi.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
        psi.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";
        psi.Environment["OMPI_MCA_btl"] = "self,vader";
        psi.Environment["OMPI_MCA_btl_vader_single_copy_mechanism"] = "none";
        // Each job its own session directory: concurrent mpiruns sharing one fail in orte_session_dir.
        var session = Directory.CreateTempSubdirectory("flint-mpi-");
        psi.Environment["OMPI_MCA_orte_tmpdir_base"] = session.FullName;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit ?? TimeSpan.FromSeconds(90)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"mpirun -np {ranks} {scenario} hung: killed after {sw.Elapsed}\n{stdout.Result}\n{stderr.Result}");
        }
        p.WaitForExit();
        try { session.Delete(recursive: true); } catch (IOException) { } // a killed job may leave files behind
        return new Result(p.ExitCode, stdout.Result + stderr.Result, sw.Elapsed);
    }

    private static string? Find(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);
}
