using Flint.Tests.OpInfo;

namespace Flint.Cuda.Tests;

/// <summary>
/// The CPU suite's golden op table (tests/golden/ops.json, PyTorch 1.13) run on cuda:0: every
/// tensor argument (index tensors too) is decoded, moved to the device and only then given its
/// view recipe (transpose, slice, expand, permute), so device kernels see the strided inputs the
/// CPU kernels see. Results must live on cuda:0 and match PyTorch with the op's tolerance; error
/// cases must throw PyTorch's message, the same exception the CPU throws.
/// </summary>
/// <remarks>
/// Every case runs, on the emulator too (about 80 s of the suite's two minutes on a 2-core machine;
/// the full table found bugs a per-op subset missed). Creation ops, which take no tensor, run through
/// <see cref="CudaCreation"/> with device: cuda.
/// </remarks>
public class CudaGoldenOpTests
{
    /// <summary>The shared skip rule (<see cref="CudaGoldenSkips.Reason"/>): one principled case today.</summary>
    private static string? SkipReason(GoldenCase c) => CudaGoldenSkips.Reason(c);

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var c in GoldenCase.Cases) data.Add(c.Index, c.Label());
        return data;
    }

    [Fact]
    public void EveryGoldenOpHasACudaPath()
    {
        var missing = GoldenCase.Cases.Select(c => c.Op).Distinct()
            .Where(op => !OpTable.Ops.ContainsKey(op) && !CudaCreation.Ops.ContainsKey(op)).ToArray();
        Assert.Empty(missing);
        // The skip rule stays narrow: one case today.
        Assert.Single(GoldenCase.Cases, c => SkipReason(c) is not null);
        Assert.True(GoldenCase.Cases.Length > 2000, "the golden file lost its cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorchOnCuda(int index, string label)
    {
        var c = GoldenCase.Cases[index];
        if (SkipReason(c) is { } reason) Assert.Skip($"{label}: {reason}");
        var dev = CudaDevice.Device;
        bool creation = CudaCreation.Ops.TryGetValue(c.Op, out var create);
        Func<OpArgs, object?> run = creation ? a => create!(a, dev) : OpTable.Ops[c.Op].Run;
        var tol = OpTable.Ops[c.Op].Tolerance;

        if (c.Error is not null)
        {
            var ex = Record.Exception(() => run(c.Decode(dev)));
            Assert.True(ex is not null, $"{label}: expected PyTorch's error \"{c.Error}\", but cuda returned a result");
            GoldenAssert.PyTorchError(ex!, c.Error, label);
            var cpu = Record.Exception(() => (creation ? a => create!(a, torch.CPU) : OpTable.Ops[c.Op].Run)(c.Decode()));
            Assert.True(cpu is not null && cpu.GetType() == ex!.GetType() && cpu.Message == GoldenAssert.OnCpuTerms(ex.Message),
                $"{label}: cuda throws {ex!.GetType().Name} \"{ex.Message}\", the CPU {cpu?.GetType().Name} \"{cpu?.Message}\"");
            return;
        }
        var actual = run(c.Decode(dev));
        GoldenAssert.Matches(c.Out!.Value, ToCpu(actual, label), tol, label);
    }

    /// <summary>Checks every tensor result lives on cuda:0 (no silent CPU fallback), then copies it to the host.</summary>
    internal static object? ToCpu(object? result, string label) => result switch
    {
        Tensor t => Host(t, label),
        Tensor[] ts => ts.Select(t => Host(t, label)).ToArray(),
        _ => result,
    };

    private static Tensor Host(Tensor t, string label)
    {
        Assert.True(t.device == torch.CUDA, $"{label}: the result is on {t.device}, not cuda:0");
        var h = t.cpu();
        Assert.Equal(DeviceType.CPU, h.device.type);
        return h;
    }
}
