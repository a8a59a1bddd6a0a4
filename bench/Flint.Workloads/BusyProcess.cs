using System.Diagnostics;

namespace Flint.Workloads;

/// <summary>
/// A second process that keeps one core busy (a shell spin loop) for workload (g); disposing
/// kills it. On systems without /bin/sh it does nothing and <see cref="Running"/> is false.
/// </summary>
public sealed class BusyProcess : IDisposable
{
    private readonly Process? _spinner;

    /// <summary>Starts the spinner.</summary>
    public BusyProcess()
    {
        if (!File.Exists("/bin/sh")) return;
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("while :; do :; done");
        _spinner = Process.Start(start);
    }

    /// <summary>Whether the spinner is running.</summary>
    public bool Running => _spinner is { HasExited: false };

    /// <inheritdoc />
    public void Dispose()
    {
        if (_spinner is null) return;
        if (!_spinner.HasExited) _spinner.Kill();
        _spinner.WaitForExit();
        _spinner.Dispose();
    }
}
