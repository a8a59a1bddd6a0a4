using System.Numerics;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>An associative row reduction: its identity and how two partial results combine.</summary>
internal interface IReduceOp
{
    static abstract T Identity<T>() where T : unmanaged, INumber<T>;
    static abstract T Combine<T>(T a, T b) where T : unmanaged, INumber<T>;
}

internal struct SumReduce : IReduceOp
{
    public static T Identity<T>() where T : unmanaged, INumber<T> => T.Zero;
    public static T Combine<T>(T a, T b) where T : unmanaged, INumber<T> => a + b;
}

internal struct ProdReduce : IReduceOp
{
    public static T Identity<T>() where T : unmanaged, INumber<T> => T.One;
    public static T Combine<T>(T a, T b) where T : unmanaged, INumber<T> => a * b;
}

/// <summary>Any over 0/1 bytes (All is the product of 0/1 bytes).</summary>
internal struct MaxReduce : IReduceOp
{
    public static T Identity<T>() where T : unmanaged, INumber<T> => T.Zero;
    public static T Combine<T>(T a, T b) where T : unmanaged, INumber<T> => a > b ? a : b;
}

/// <summary>
/// Row reductions of a dense [rows, n] block. Long rows: one thread group per row, each thread
/// folds a strided slice, then a shared-memory tree. Short rows: one thread per row.
/// </summary>
internal static class ReduceKernels
{
    /// <summary>Shared-memory slots per group; launches use a power-of-two group size up to this.</summary>
    public const int MaxGroup = 256;

    /// <summary>
    /// Column j of a dense [outer, inner] block from <paramref name="offset"/>: rows added in groups of
    /// <paramref name="group"/>, then the group sums (the CPU's order, so both devices round alike). Neighbouring
    /// threads read neighbouring columns, so every row is one coalesced read.
    /// </summary>
    public static void SumOuter<T>(Index1D j, ArrayView<T> x, long offset, int outer, int inner, ArrayView<T> o, int group)
        where T : unmanaged, INumber<T>
    {
        T total = T.Zero;
        for (int start = 0; start < outer; start += group)
        {
            int end = start + group < outer ? start + group : outer;
            T partial = x[offset + (long)start * inner + j];
            for (int i = start + 1; i < end; i++) partial += x[offset + (long)i * inner + j];
            total += partial;
        }
        o[j] = total;
    }

    public static void RowsPerThread<T, TR>(Index1D row, ArrayView<T> x, ArrayView<T> o, int n)
        where T : unmanaged, INumber<T> where TR : IReduceOp
    {
        T acc = TR.Identity<T>();
        long start = (long)row.X * n;
        for (int j = 0; j < n; j++) acc = TR.Combine(acc, x[start + j]);
        o[row] = acc;
    }

    /// <summary>
    /// Group g reduces segment g % <paramref name="segments"/> of row g / segments into o[g]: with one
    /// segment a whole row; with several, a first pass that spreads a few long rows over many groups.
    /// </summary>
    public static void RowsPerGroup<T, TR>(ArrayView<T> x, ArrayView<T> o, int n, int segments)
        where T : unmanaged, INumber<T> where TR : IReduceOp
    {
        var shared = SharedMemory.Allocate<T>(MaxGroup);
        int g = Grid.IdxX, tid = Group.IdxX, size = Group.DimX;
        int row = g / segments, seg = g % segments;
        int segLen = (n + segments - 1) / segments;
        int from = seg * segLen, to = Math.Min(n, from + segLen);
        long start = (long)row * n;
        T acc = TR.Identity<T>();
        for (int j = from + tid; j < to; j += size) acc = TR.Combine(acc, x[start + j]);
        shared[tid] = acc;
        Group.Barrier();
        for (int s = size / 2; s > 0; s >>= 1)
        {
            if (tid < s) shared[tid] = TR.Combine(shared[tid], shared[tid + s]);
            Group.Barrier();
        }
        if (tid == 0) o[g] = shared[0];
    }

    /// <summary>True when (vb, ib) beats (va, ia): NaN wins, then the larger (smaller) value, then the earlier index.</summary>
    private static bool Better<T>(T va, long ia, T vb, long ib, int max) where T : unmanaged, INumber<T>
    {
        bool na = T.IsNaN(va), nb = T.IsNaN(vb);
        if (na || nb) return nb && (!na || ib < ia);
        if (max != 0 ? vb > va : vb < va) return true;
        return vb == va && ib < ia;
    }

    public static void ExtremePerThread<T>(Index1D row, ArrayView<T> x, ArrayView<T> values, ArrayView<long> indices, int n, int max)
        where T : unmanaged, INumber<T>
    {
        long start = (long)row.X * n;
        T best = x[start];
        long bi = 0;
        for (int j = 1; j < n; j++)
        {
            T v = x[start + j];
            if (Better(best, bi, v, j, max)) { best = v; bi = j; }
        }
        values[row] = best;
        indices[row] = bi;
    }

    public static void ExtremePerGroup<T>(ArrayView<T> x, ArrayView<T> values, ArrayView<long> indices, int n, int max)
        where T : unmanaged, INumber<T>
    {
        var sv = SharedMemory.Allocate<T>(MaxGroup);
        var si = SharedMemory.Allocate<long>(MaxGroup);
        int row = Grid.IdxX, tid = Group.IdxX, size = Group.DimX;
        long start = (long)row * n;
        // n ≥ size here, so every thread starts from a real element.
        T best = x[start + tid];
        long bi = tid;
        for (int j = tid + size; j < n; j += size)
        {
            T v = x[start + j];
            if (Better(best, bi, v, j, max)) { best = v; bi = j; }
        }
        sv[tid] = best;
        si[tid] = bi;
        Group.Barrier();
        for (int s = size / 2; s > 0; s >>= 1)
        {
            if (tid < s && Better(sv[tid], si[tid], sv[tid + s], si[tid + s], max))
            {
                sv[tid] = sv[tid + s];
                si[tid] = si[tid + s];
            }
            Group.Barrier();
        }
        if (tid == 0)
        {
            values[row] = sv[0];
            indices[row] = si[0];
        }
    }
}
