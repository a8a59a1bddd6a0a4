using Flint.Backends;

namespace Flint.Cuda.Tests;

/// <summary>
/// Without a GPU, the emulator runs the kernels as .NET code; this proves they also compile for
/// NVIDIA hardware: every kernel instantiation the backend launches goes through ILGPU's PTX
/// backend (sm_70 and sm_90), and every op struct the op layer can send is among them.
/// </summary>
public class PtxCompileTests
{
    /// <summary>sm_70 (the oldest GPU with the features the kernels use) and sm_90 (the H100 the GPU check targets).</summary>
    public static TheoryData<int> Architectures() => new() { 70, 90 };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void EveryKernelInstantiationCompilesToPtx(int sm)
    {
        var results = sm == 90
            ? PtxCompileCheck.Run(null, ILGPU.Runtime.Cuda.CudaArchitecture.SM_90, ILGPU.Runtime.Cuda.CudaInstructionSet.ISA_78)
            : PtxCompileCheck.Run();
        Assert.True(results.Count > 150, $"only {results.Count} instantiations: the list lost kernels");
        var failed = results.Where(r => r.Error is not null).Select(r => $"{r.Kernel}: {r.Error}").ToArray();
        Assert.True(failed.Length == 0, "kernels that do not compile to PTX:\n" + string.Join("\n", failed));
        Assert.All(results, r => Assert.True(r.PtxChars > 200, $"{r.Kernel}: {r.PtxChars} characters of PTX"));
    }

    [Fact]
    public void EveryOpStructIsCompiled()
    {
        var compiled = PtxCompileCheck.Instantiations()
            .SelectMany(k => k.Kernel.IsGenericMethod ? k.Kernel.GetGenericArguments() : [])
            .ToHashSet();
        var opInterfaces = new[] { typeof(IBinaryOp), typeof(IUnaryOp), typeof(IFloatUnaryOp), typeof(ICompareOp) };
        var ops = typeof(AddOp).Assembly.GetTypes()
            .Where(t => t.IsValueType && t.GetInterfaces().Any(opInterfaces.Contains))
            .ToArray();
        Assert.True(ops.Length >= 25, $"found only {ops.Length} op structs");
        // FloatPowOp reaches the device as the backend's own FloatPow kernel (its CPU form inspects typeof(T));
        // erf and erfinv as the DeviceErf/DeviceErfinv math kernels (one float64 definition shared with the CPU);
        // Atan2Op as the backend's Atan2 kernel (compiled above), for the same reason as FloatPowOp.
        // The special functions of Backends/SpecialOperators.cs never reach a device kernel: Ops/Dispatcher.Special.cs
        // evaluates them on the host and copies the result back (ILGPU cannot compile their float64 series; documented).
        Type[] hostRouted =
        [
            typeof(ErfcOp), typeof(ErfcxOp), typeof(LgammaOp), typeof(DigammaOp), typeof(I0Op), typeof(I0eOp), typeof(I1Op),
            typeof(I1eOp), typeof(NdtrOp), typeof(NdtriOp), typeof(LogNdtrOp), typeof(Exp2Op), typeof(SignbitOp),
            typeof(FrexpMantissaOp), typeof(FrexpExponentOp), typeof(PolygammaOp), typeof(ZetaOp), typeof(GammaincOp),
            typeof(GammainccOp), typeof(CopysignOp), typeof(NextafterOp),
            // The Cephes functions of Backends/SpecialOperators.Cephes.cs, host-routed the same way (Ops/CephesFunctions.cs).
            typeof(AiryAiOp), typeof(BesselJ0Op), typeof(BesselJ1Op), typeof(BesselY0Op), typeof(BesselY1Op),
            typeof(ModifiedBesselK0Op), typeof(ModifiedBesselK1Op), typeof(ScaledModifiedBesselK0Op), typeof(ScaledModifiedBesselK1Op),
            typeof(ChebyshevTOp), typeof(ChebyshevUOp), typeof(ChebyshevVOp), typeof(ChebyshevWOp), typeof(ShiftedChebyshevTOp),
            typeof(ShiftedChebyshevUOp), typeof(ShiftedChebyshevVOp), typeof(ShiftedChebyshevWOp), typeof(HermiteHOp),
            typeof(HermiteHeOp), typeof(LaguerreLOp), typeof(LegendrePOp),
        ];
        var routed = new[] { typeof(FloatPowOp), typeof(ErfOp), typeof(ErfinvOp), typeof(Atan2Op) }.Concat(hostRouted).ToArray();
        var missing = ops.Where(t => !routed.Contains(t) && !compiled.Contains(t)).Select(t => t.Name).ToArray();
        Assert.True(missing.Length == 0, "op structs no PTX instantiation covers: " + string.Join(", ", missing));
    }
}
