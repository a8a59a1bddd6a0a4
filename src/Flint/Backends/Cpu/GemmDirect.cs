using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Flint.Backends.Cpu;

/// <summary>
/// Unpacked GEMM for skinny problems (few rows of A, or a short K): the 6 x (2 vectors) micro-kernel
/// reads B rows in place (B must have unit column stride) and broadcasts A values straight from their
/// strided addresses, so neither operand is copied. Packing pays off only when a packed panel is reused
/// by many tiles; for the tutorial's 64x1000x100 and (1000x64)^T x 64x100 products it was most of the
/// overhead. Columns past the last full panel are copied into a small zero-padded panel (K x at most
/// 2 vectors), and that narrow tail runs a one-vector kernel when it fits, instead of padding to 16.
/// </summary>
/// <remarks>
/// K is blocked exactly as in <see cref="GemmDriver"/> and each C element gets the same operation
/// sequence (one FMA chain per K block from zero, then one add into C), so this path is bit-identical
/// to the packed one, and to itself under any split of M or N.
/// </remarks>
internal static unsafe class GemmDirect
{
    /// <summary>Rows of C per kernel call.</summary>
    public const int MR = 6;

    /// <summary>Columns of C per full panel: two 256-bit vectors (16 floats, 8 doubles).</summary>
    public static int NR<T>() where T : unmanaged => 2 * Vector256<T>.Count;

    /// <summary>The kernels need AVX2 FMA; elsewhere the packed path (with its portable kernel) runs.</summary>
    public static bool IsSupported => System.Runtime.Intrinsics.X86.Fma.IsSupported;

    /// <summary>
    /// C = (accumulate ? C : 0) + A * B for K blocks of <paramref name="kcBlock"/> (which must depend on K
    /// only, for determinism). Full panels read B[k, j] = b[k*brs + j], so <paramref name="bcs"/> must be 1
    /// unless N is narrower than one panel.
    /// </summary>
    public static void Run<T>(int M, int N, int K, int kcBlock, T* a, nint ars, nint acs, T* b, nint brs, nint bcs,
                              T* c, nint ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        int w = Vector256<T>.Count, nr = 2 * w;
        int tailStart = N - N % nr, tailCols = N - tailStart;
        bool tailTwo = tailCols > w;
        int tailLd = tailTwo ? nr : w;
        T* tailPanel = tailCols > 0 ? GemmScratch<T>.B(Math.Min(kcBlock, K) * tailLd) : null;
        T* tile = stackalloc T[MR * nr]; // also 2*MR rows of one vector

        for (int pc = 0; pc < K; pc += kcBlock)
        {
            int kc = Math.Min(kcBlock, K - pc);
            bool add = pc > 0 || accumulate;
            T* ak = a + pc * acs, bk = b + pc * brs;

            // Panel outer, row tiles inner: the kc x nr B panel stays in L1 while every row tile uses it.
            for (int j0 = 0; j0 < tailStart; j0 += nr)
                for (int i0 = 0; i0 < M; i0 += MR)
                    Tile<T, Two>(Math.Min(MR, M - i0), kc, ak + i0 * ars, ars, acs, bk + j0, brs, c + i0 * ldc + j0, ldc, add);

            if (tailCols > 0)
            {
                PackTail(bk + tailStart * bcs, brs, bcs, kc, tailCols, tailLd, tailPanel);
                // A one-vector tail takes 12 rows per call: 12 independent FMA chains, not 6, to cover
                // the FMA latency (it would otherwise run at 3/4 speed).
                int step = tailTwo ? MR : 2 * MR;
                for (int i0 = 0; i0 < M; i0 += step)
                {
                    int rows = Math.Min(step, M - i0);
                    if (tailTwo)
                        Tile<T, Two>(rows, kc, ak + i0 * ars, ars, acs, tailPanel, tailLd, tile, nr, false);
                    else
                        NarrowTile(rows, kc, ak + i0 * ars, ars, acs, tailPanel, tailLd, tile, w, false);
                    Merge(tile, tailTwo ? nr : w, c + i0 * ldc + tailStart, ldc, rows, tailCols, add);
                }
            }
        }
    }

    private static void PackTail<T>(T* src, nint brs, nint bcs, int kc, int cols, int ld, T* dst) where T : unmanaged
    {
        for (int k = 0; k < kc; k++, src += brs, dst += ld)
        {
            int j = 0;
            for (; j < cols; j++) dst[j] = src[j * bcs];
            for (; j < ld; j++) dst[j] = default;
        }
    }

    private static void Merge<T>(T* tile, int tileLd, T* c, nint ldc, int rows, int cols, bool add)
        where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < rows; i++, c += ldc, tile += tileLd)
        {
            if (add)
                for (int j = 0; j < cols; j++) c[j] += tile[j];
            else
                for (int j = 0; j < cols; j++) c[j] = tile[j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile<T, TV>(int rows, int kc, T* a, nint ars, nint acs, T* b, nint brs, T* c, nint ldc, bool add)
        where T : unmanaged where TV : struct, IConst
    {
        switch (rows)
        {
            case 6: Kernel<T, R6, TV>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 5: Kernel<T, R5, TV>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 4: Kernel<T, R4, TV>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 3: Kernel<T, R3, TV>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 2: Kernel<T, R2, TV>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            default: Kernel<T, R1, TV>(kc, a, ars, acs, b, brs, c, ldc, add); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NarrowTile<T>(int rows, int kc, T* a, nint ars, nint acs, T* b, nint brs, T* c, nint ldc, bool add)
        where T : unmanaged
    {
        switch (rows)
        {
            case 12: Narrow<T, R12>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 11: Narrow<T, R11>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 10: Narrow<T, R10>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 9: Narrow<T, R9>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 8: Narrow<T, R8>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            case 7: Narrow<T, R7>(kc, a, ars, acs, b, brs, c, ldc, add); break;
            default: Tile<T, One>(rows, kc, a, ars, acs, b, brs, c, ldc, add); break;
        }
    }

    /// <summary>One-vector kernel for 7 to 12 rows: rows 6.. are addressed from a second base pointer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Narrow<T, TR>(int kc, T* a, nint ars, nint acs, T* b, nint brs, T* c, nint ldc, bool add)
        where T : unmanaged where TR : struct, IConst
    {
        int rows = TR.Value;
        Vector256<T> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector256<T> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
        nint o1 = ars, o2 = 2 * ars, o3 = 3 * ars, o4 = 4 * ars, o5 = 5 * ars;
        T* a6 = a + 6 * ars;

        for (int k = 0; k < kc; k++, a += acs, a6 += acs, b += brs)
        {
            Vector256<T> b0 = Vector256.Load(b);
            c0 = Fma(Vector256.Create(a[0]), b0, c0);
            c1 = Fma(Vector256.Create(a[o1]), b0, c1);
            c2 = Fma(Vector256.Create(a[o2]), b0, c2);
            c3 = Fma(Vector256.Create(a[o3]), b0, c3);
            c4 = Fma(Vector256.Create(a[o4]), b0, c4);
            c5 = Fma(Vector256.Create(a[o5]), b0, c5);
            c6 = Fma(Vector256.Create(a6[0]), b0, c6);
            if (rows > 7) c7 = Fma(Vector256.Create(a6[o1]), b0, c7);
            if (rows > 8) c8 = Fma(Vector256.Create(a6[o2]), b0, c8);
            if (rows > 9) c9 = Fma(Vector256.Create(a6[o3]), b0, c9);
            if (rows > 10) c10 = Fma(Vector256.Create(a6[o4]), b0, c10);
            if (rows > 11) c11 = Fma(Vector256.Create(a6[o5]), b0, c11);
        }

        StoreRow(c, c0, c0, false, add);
        StoreRow(c + ldc, c1, c1, false, add);
        StoreRow(c + 2 * ldc, c2, c2, false, add);
        StoreRow(c + 3 * ldc, c3, c3, false, add);
        StoreRow(c + 4 * ldc, c4, c4, false, add);
        StoreRow(c + 5 * ldc, c5, c5, false, add);
        StoreRow(c + 6 * ldc, c6, c6, false, add);
        if (rows > 7) StoreRow(c + 7 * ldc, c7, c7, false, add);
        if (rows > 8) StoreRow(c + 8 * ldc, c8, c8, false, add);
        if (rows > 9) StoreRow(c + 9 * ldc, c9, c9, false, add);
        if (rows > 10) StoreRow(c + 10 * ldc, c10, c10, false, add);
        if (rows > 11) StoreRow(c + 11 * ldc, c11, c11, false, add);
    }

    /// <summary>
    /// C[0..rows, 0..vecs*w] = (add ? C : 0) + A * B for A[i, k] = a[i*ars + k*acs] and B[k, j] = b[k*brs + j].
    /// The row and vector counts are type constants so the JIT drops the unused accumulators and branches.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel<T, TR, TV>(int kc, T* a, nint ars, nint acs, T* b, nint brs, T* c, nint ldc, bool add)
        where T : unmanaged where TR : struct, IConst where TV : struct, IConst
    {
        int rows = TR.Value;
        bool two = TV.Value == 2;
        int w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        nint o1 = ars, o2 = 2 * ars, o3 = 3 * ars, o4 = 4 * ars, o5 = 5 * ars;

        for (int k = 0; k < kc; k++, a += acs, b += brs)
        {
            Vector256<T> b0 = Vector256.Load(b);
            Vector256<T> b1 = two ? Vector256.Load(b + w) : default;
            Vector256<T> av = Vector256.Create(a[0]);
            c00 = Fma(av, b0, c00);
            if (two) c01 = Fma(av, b1, c01);
            if (rows > 1)
            {
                av = Vector256.Create(a[o1]);
                c10 = Fma(av, b0, c10);
                if (two) c11 = Fma(av, b1, c11);
            }
            if (rows > 2)
            {
                av = Vector256.Create(a[o2]);
                c20 = Fma(av, b0, c20);
                if (two) c21 = Fma(av, b1, c21);
            }
            if (rows > 3)
            {
                av = Vector256.Create(a[o3]);
                c30 = Fma(av, b0, c30);
                if (two) c31 = Fma(av, b1, c31);
            }
            if (rows > 4)
            {
                av = Vector256.Create(a[o4]);
                c40 = Fma(av, b0, c40);
                if (two) c41 = Fma(av, b1, c41);
            }
            if (rows > 5)
            {
                av = Vector256.Create(a[o5]);
                c50 = Fma(av, b0, c50);
                if (two) c51 = Fma(av, b1, c51);
            }
        }

        StoreRow(c, c00, c01, two, add);
        if (rows > 1) StoreRow(c + ldc, c10, c11, two, add);
        if (rows > 2) StoreRow(c + 2 * ldc, c20, c21, two, add);
        if (rows > 3) StoreRow(c + 3 * ldc, c30, c31, two, add);
        if (rows > 4) StoreRow(c + 4 * ldc, c40, c41, two, add);
        if (rows > 5) StoreRow(c + 5 * ldc, c50, c51, two, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<T>(T* c, Vector256<T> v0, Vector256<T> v1, bool two, bool add) where T : unmanaged
    {
        // C + acc, the same single rounding as the packed kernels' merge.
        if (add)
        {
            v0 = Vector256.Load(c) + v0;
            if (two) v1 = Vector256.Load(c + Vector256<T>.Count) + v1;
        }
        Vector256.Store(v0, c);
        if (two) Vector256.Store(v1, c + Vector256<T>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> y, Vector256<T> z) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
        return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();
    }

    /// <summary>A compile-time integer carried by a struct type argument.</summary>
    private interface IConst { static abstract int Value { get; } }
    private struct R1 : IConst { public static int Value => 1; }
    private struct R2 : IConst { public static int Value => 2; }
    private struct R3 : IConst { public static int Value => 3; }
    private struct R4 : IConst { public static int Value => 4; }
    private struct R5 : IConst { public static int Value => 5; }
    private struct R6 : IConst { public static int Value => 6; }
    private struct R7 : IConst { public static int Value => 7; }
    private struct R8 : IConst { public static int Value => 8; }
    private struct R9 : IConst { public static int Value => 9; }
    private struct R10 : IConst { public static int Value => 10; }
    private struct R11 : IConst { public static int Value => 11; }
    private struct R12 : IConst { public static int Value => 12; }
    private struct One : IConst { public static int Value => 1; }
    private struct Two : IConst { public static int Value => 2; }
}
