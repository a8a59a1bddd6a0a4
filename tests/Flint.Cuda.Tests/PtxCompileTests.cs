using Flint.Backends;

namespace Flint.Cuda.Tests;

/// <summary>
/// Without a GPU, the emulator runs the kernels as .NET code; this proves they also compile for
/// NVIDIA hardware: every kernel instantiation the backend launches goes through ILGPU's PTX
/// backend (sm_70), and every op struct the op layer can send is among them.
/// </summary>
public class PtxCompileTests
{
    [Fact]
    public void EveryKernelInstantiationCompilesToPtx()
    {
        var results = PtxCompileCheck.Run();
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
        // FloatPowOp reaches the device as the backend's own FloatPow kernel (its CPU form inspects typeof(T)).
        var missing = ops.Where(t => t != typeof(FloatPowOp) && !compiled.Contains(t)).Select(t => t.Name).ToArray();
        Assert.True(missing.Length == 0, "op structs no PTX instantiation covers: " + string.Join(", ", missing));
    }
}
