using System.Numerics;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>Geometry of a batched strided matrix product (element offsets and strides).</summary>
internal struct GemmArgs
{
    public int M, N, K, BatchBase;
    public long AOffset, ABatch, ARs, ACs;
    public long BOffset, BBatch, BRs, BCs;
}

/// <summary>
/// Tiled shared-memory GEMM: each t×t thread group (t = 16 on a GPU, smaller on the emulator,
/// whose groups are OS threads) computes a t×t tile of c, staging t×t tiles of a and b in
/// shared memory; grid z is the batch. Any operand strides (a
/// transposed view reads transposed), c dense row-major [batch, m, n].
/// </summary>
internal static class MatMulKernel
{
    public const int Tile = 16;

    public static void Gemm<T>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmArgs g) where T : unmanaged, INumber<T>
    {
        var ta = SharedMemory.Allocate<T>(Tile * Tile);
        var tb = SharedMemory.Allocate<T>(Tile * Tile);
        int tx = Group.IdxX, ty = Group.IdxY, t = Group.DimX;
        int col = Grid.IdxX * t + tx, row = Grid.IdxY * t + ty;
        long batch = g.BatchBase + Grid.IdxZ;
        long aBase = g.AOffset + batch * g.ABatch, bBase = g.BOffset + batch * g.BBatch;
        T acc = T.Zero;
        for (int k0 = 0; k0 < g.K; k0 += t)
        {
            int ka = k0 + tx, kb = k0 + ty;
            ta[ty * Tile + tx] = row < g.M && ka < g.K ? a[aBase + row * g.ARs + ka * g.ACs] : T.Zero;
            tb[ty * Tile + tx] = kb < g.K && col < g.N ? b[bBase + kb * g.BRs + col * g.BCs] : T.Zero;
            Group.Barrier();
            for (int p = 0; p < t; p++) acc += ta[ty * Tile + p] * tb[p * Tile + tx];
            Group.Barrier();
        }
        if (row < g.M && col < g.N) c[batch * g.M * g.N + (long)row * g.N + col] = acc;
    }
}
