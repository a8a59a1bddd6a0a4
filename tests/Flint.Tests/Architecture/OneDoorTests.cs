using System.Text.RegularExpressions;

namespace Flint.Tests.Architecture;

/// <summary>
/// Only the dispatcher (Ops/Dispatcher*.cs) and the backends call a backend or touch a storage's
/// memory, and only <c>KernelLease</c> keeps storages alive: that is the door the memory work
/// relies on to recycle buffers safely.
/// </summary>
public partial class OneDoorTests
{
    private static bool IsDoorOrBelow(string path) =>
        path.StartsWith("Backends/") || path.StartsWith("Memory/") || path.StartsWith("Ops/Dispatcher") || path.StartsWith("Ops/KernelLease");

    // IO reads and writes raw storage bytes when (de)serialising CPU tensors; it is the one upper
    // layer still allowed to, until the loaders go through the dispatcher.
    private static bool IsSerialisation(string path) => path.StartsWith("IO/");

    [Fact]
    public void OnlyTheDispatcherCallsABackendOrTouchesStorageMemory()
    {
        var violations = new List<string>();
        foreach (var (path, code) in SourceTree.Files)
        {
            if (IsDoorOrBelow(path)) continue;
            foreach (Match m in BackendCall().Matches(code))
                violations.Add($"{path}: {m.Value}");
            if (!IsSerialisation(path))
                foreach (Match m in StorageMemory().Matches(code))
                    violations.Add($"{path}: {m.Value}");
        }
        Assert.True(violations.Count == 0, "outside the door:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void OnlyKernelLeaseKeepsTensorsAlive()
    {
        var sites = SourceTree.Files.Where(f => f.Code.Contains("GC.KeepAlive")).Select(f => f.Path).ToList();
        Assert.Equal(["Ops/KernelLease.cs"], sites);
    }

    [Fact]
    public void NnOptimNumPyAndIoComposeOpsAndNeverRecordNodes()
    {
        var violations = SourceTree.Files
            .Where(f => f.Path.StartsWith("NN/") || f.Path.StartsWith("Optim/") || f.Path.StartsWith("NumPy/") || f.Path.StartsWith("IO/"))
            .Where(f => RecordsNodes().IsMatch(f.Code))
            .Select(f => f.Path).ToList();
        Assert.True(violations.Count == 0, "record autograd nodes outside the op layer:\n" + string.Join("\n", violations));
    }

    [GeneratedRegex(@"\bRecorder\b|\bFunctionNode\b|\bSetHistory\b")]
    private static partial Regex RecordsNodes();

    [GeneratedRegex(@"\bBackend\s*\.\s*(?:For|Cpu)\b|\bIBackend\b|\bDeviceRegistry\s*\.\s*Get\b")]
    private static partial Regex BackendCall();

    [GeneratedRegex(@"\.\s*Buffer\b|\.\s*As\s*<|\bnew\s+Storage\s*\(|\.\s*Memory\b")]
    private static partial Regex StorageMemory();
}
