using System.Numerics;
using Flint.Backends.Cpu.Decompositions;

namespace Flint.Ops;

// More of the linalg door (see Dispatcher.Linalg.cs): triangular solves and the rectangular LU factorization, on a
// dense host copy, results back on the input's device.
internal static partial class Dispatcher
{
    /// <summary>Solves T X = B for every batch element: a [..., n, n] (its upper or lower triangle) and b [..., n, k] with the same batch dims.</summary>
    public static Tensor TriangularSolve(Tensor a, Tensor b, bool upper, bool unit)
    {
        int n = (int)a.Shape[^1], k = (int)b.Shape[^1];
        int batch = BatchCount(a);
        Array x = a.dtype == ScalarType.Float64
            ? TriangularSolve((double[])HostElements(a), (double[])HostElements(b), batch, n, k, upper, unit)
            : TriangularSolve((float[])HostElements(a), (float[])HostElements(b), batch, n, k, upper, unit);
        return FromHost(x, a.dtype, (long[])b.Shape.Clone(), a.device);
    }

    private static T[] TriangularSolve<T>(T[] a, T[] b, int batch, int n, int k, bool upper, bool unit) where T : IFloatingPointIeee754<T>
    {
        ForBatch(batch, n, i => TriangularKernels.Solve(a, i * n * n, n, upper, unit, b, i * n * k, k));
        return b;
    }

    /// <summary>LAPACK getrf of every matrix of a [..., m, n] tensor: the packed LU factors, the 1-based pivots (int32, [..., min(m, n)]) and the infos.</summary>
    public static (Tensor LU, Tensor Pivots, int[] Info) LuFactor(Tensor a)
    {
        int m = (int)a.Shape[^2], n = (int)a.Shape[^1], k = Math.Min(m, n);
        int batch = BatchCount(a);
        var info = new int[batch];
        var piv = new int[batch * k];
        var data = HostElements(a);
        if (a.dtype == ScalarType.Float64) LuFactor((double[])data, batch, m, n, piv, info);
        else LuFactor((float[])data, batch, m, n, piv, info);
        var lu = FromHost(data, a.dtype, (long[])a.Shape.Clone(), a.device);
        return (lu, FromHost(piv, ScalarType.Int32, [.. a.Shape[..^2], k], a.device), info);
    }

    private static void LuFactor<T>(T[] a, int batch, int m, int n, int[] pivots, int[] info) where T : IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        ForBatch(batch, Math.Max(m, n), i =>
        {
            var p = new int[k];
            info[i] = TriangularKernels.LuFactor(a, i * m * n, m, n, p);
            for (int j = 0; j < k; j++) pivots[i * k + j] = p[j] + 1;
        });
    }

    /// <summary>The values of an integer tensor (the pivots of lu_factor) as a host int array.</summary>
    public static int[] ReadInts(Tensor t)
    {
        var host = t.dtype == ScalarType.Int32 ? t : t.to(ScalarType.Int32);
        return (int[])ReadAll(host);
    }
}
