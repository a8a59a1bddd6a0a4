using System.Text.Json;

namespace Flint.Tests.OpInfo;

/// <summary>
/// The golden cases that tests/Flint.Cuda.Tests/CudaGoldenOpTests.cs does not run on cuda:0, with the reason. Kept here,
/// beside the table, so the Core ATen coverage doc (tests/Flint.Tests/Coverage) counts the CUDA cases by the same rule.
/// </summary>
public static class CudaGoldenSkips
{
    /// <summary>
    /// Cases that cannot run on cuda for a principled reason (reported as skipped with the reason):
    /// index_put_ without accumulate through an index that repeats writes one element twice, which
    /// PyTorch documents as undefined ("the behaviour is undefined if indices contain duplicate
    /// elements"); its CPU golden value is the last write, while parallel device writes race, on
    /// PyTorch's CUDA kernels as on Flint's. Duplicate indices with accumulate=True are tested in
    /// TensorOpsTests.IndexPutAccumulatesDuplicatesInTheBackward.
    /// </summary>
    public static string? Reason(GoldenCase c) =>
        c.Op == "index_put_" && c.Error is null && RepeatsAnIndex(c.Args[1])
            ? "index_put_ (accumulate=False) with a repeated index: PyTorch documents the result as undefined, the CPU's last write is not a device contract"
            : null;

    /// <summary>A single int64 index tensor with a repeated value (the golden table's only duplicate-write shape).</summary>
    private static bool RepeatsAnIndex(JsonElement index)
    {
        var entries = index.GetProperty("index").EnumerateArray().Where(e => e.TryGetProperty("t", out _)).ToArray();
        if (entries.Length != 1) return false;
        var t = entries[0].GetProperty("t");
        if (t.GetProperty("dtype").GetString() != "int64") return false;
        var values = t.GetProperty("data").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        return values.Distinct().Count() < values.Length;
    }
}
