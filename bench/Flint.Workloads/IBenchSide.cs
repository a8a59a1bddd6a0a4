namespace Flint.Workloads;

/// <summary>One library under test (Flint, TorchSharp): prepares workloads for the runner.</summary>
public interface IBenchSide
{
    /// <summary>Short name shown in the table.</summary>
    string Name { get; }

    /// <summary>
    /// Sets a workload up (inputs, weights, seed) without timing it; null when this side
    /// cannot run it (for example an API not built yet).
    /// </summary>
    IPreparedWorkload? Prepare(WorkloadSpec spec);
}

/// <summary>A workload ready to run; the runner times <see cref="Run"/>.</summary>
public interface IPreparedWorkload : IDisposable
{
    /// <summary>
    /// Runs <paramref name="count"/> units (program iterations, op calls, or one child process)
    /// and returns a value that shows the work happened: the last loss, a checksum, peak MiB.
    /// </summary>
    double Run(int count);
}
