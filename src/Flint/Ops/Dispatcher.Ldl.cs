using System.Numerics;
using Flint.Backends.Cpu.Decompositions;

namespace Flint.Ops;

// The LDLᵀ door (Ops/LinalgLdl.cs): Bunch–Kaufman factorization and solve on a dense host copy, results back on the
// input's device, as the other decompositions (Dispatcher.Linalg.cs).
internal static partial class Dispatcher
{
    /// <summary>sytrf (lower) of every matrix of a [..., n, n] tensor: LD (strict upper triangle zero), the 1-based int32 pivots [..., n] and the infos.</summary>
    public static (Tensor LD, Tensor Pivots, int[] Info) LdlFactor(Tensor a)
    {
        int n = (int)a.Shape[^1];
        int batch = BatchCount(a);
        var info = new int[batch];
        var piv = new int[batch * n];
        var data = HostElements(a);
        if (a.dtype == ScalarType.Float64) LdlFactor((double[])data, batch, n, piv, info);
        else LdlFactor((float[])data, batch, n, piv, info);
        var ld = FromHost(data, a.dtype, (long[])a.Shape.Clone(), a.device);
        return (ld, FromHost(piv, ScalarType.Int32, (long[])a.Shape[..^1].Clone(), a.device), info);
    }

    private static void LdlFactor<T>(T[] a, int batch, int n, int[] pivots, int[] info) where T : IFloatingPointIeee754<T>
    {
        ForBatch(batch, n, i =>
        {
            var p = new int[n];
            info[i] = LdlKernels.Factor(a, i * n * n, n, p);
            Array.Copy(p, 0, pivots, i * n, n);
        });
    }

    /// <summary>sytrs for every batch element: ld [..., n, n], pivots [..., n] and b [..., n, k] with the same batch dims.</summary>
    public static Tensor LdlSolve(Tensor ld, Tensor pivots, Tensor b)
    {
        int n = (int)ld.Shape[^1], k = (int)b.Shape[^1];
        int batch = BatchCount(ld);
        var piv = ReadInts(pivots);
        Array x = ld.dtype == ScalarType.Float64
            ? LdlSolve((double[])HostElements(ld), piv, (double[])HostElements(b), batch, n, k)
            : LdlSolve((float[])HostElements(ld), piv, (float[])HostElements(b), batch, n, k);
        return FromHost(x, ld.dtype, (long[])b.Shape.Clone(), ld.device);
    }

    private static T[] LdlSolve<T>(T[] ld, int[] piv, T[] b, int batch, int n, int k) where T : IFloatingPointIeee754<T>
    {
        ForBatch(batch, n, i => LdlKernels.Solve(ld, i * n * n, n, piv, i * n, b, i * n * k, k));
        return b;
    }
}
