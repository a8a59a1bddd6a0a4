using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Flint.Backends.Cpu;

/// <summary>
/// 6x16 float micro-kernel: 12 ymm accumulators + 2 B vectors + 1 broadcast = 15 of the 16 AVX2
/// registers, and 12 independent FMA chains hide the 4-cycle FMA latency on 2 FMA ports.
/// </summary>
internal unsafe struct GemmMicroKernelF32 : IGemmMicroKernel<float>
{
    public static int MR => 6;
    public static int NR => 16;
    // 256 x 16 x 4 B = 16 KiB B micro-panel (half of L1d); 144 x 256 x 4 B = 144 KiB A block (L2).
    public static int KC => 256;
    public static int MC => 144;
    public static int NC => 3072;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(int kc, float* a, float* b, float* c, nint ldc, bool accumulate)
    {
        if (Fma.IsSupported)
            RunFma(kc, a, b, c, ldc, accumulate);
        else
            GemmMicroKernelPortable.Run(6, 16, kc, a, b, c, ldc, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunFma(int kc, float* a, float* b, float* c, nint ldc, bool accumulate)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default, c50 = default, c51 = default;

        for (int k = 0; k < kc; k++)
        {
            Vector256<float> b0 = Avx.LoadVector256(b);
            Vector256<float> b1 = Avx.LoadVector256(b + 8);
            Vector256<float> av = Avx.BroadcastScalarToVector256(a);
            c00 = Fma.MultiplyAdd(av, b0, c00);
            c01 = Fma.MultiplyAdd(av, b1, c01);
            av = Avx.BroadcastScalarToVector256(a + 1);
            c10 = Fma.MultiplyAdd(av, b0, c10);
            c11 = Fma.MultiplyAdd(av, b1, c11);
            av = Avx.BroadcastScalarToVector256(a + 2);
            c20 = Fma.MultiplyAdd(av, b0, c20);
            c21 = Fma.MultiplyAdd(av, b1, c21);
            av = Avx.BroadcastScalarToVector256(a + 3);
            c30 = Fma.MultiplyAdd(av, b0, c30);
            c31 = Fma.MultiplyAdd(av, b1, c31);
            av = Avx.BroadcastScalarToVector256(a + 4);
            c40 = Fma.MultiplyAdd(av, b0, c40);
            c41 = Fma.MultiplyAdd(av, b1, c41);
            av = Avx.BroadcastScalarToVector256(a + 5);
            c50 = Fma.MultiplyAdd(av, b0, c50);
            c51 = Fma.MultiplyAdd(av, b1, c51);
            a += 6;
            b += 16;
        }

        if (accumulate)
        {
            // All loads before any store: with a power-of-two ldc (4 KiB rows at n=1024) a load issued
            // after a store to the row above matches its low 12 address bits and stalls (4K aliasing).
            float* r0 = c, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc;
            c00 = Avx.Add(Avx.LoadVector256(r0), c00); c01 = Avx.Add(Avx.LoadVector256(r0 + 8), c01);
            c10 = Avx.Add(Avx.LoadVector256(r1), c10); c11 = Avx.Add(Avx.LoadVector256(r1 + 8), c11);
            c20 = Avx.Add(Avx.LoadVector256(r2), c20); c21 = Avx.Add(Avx.LoadVector256(r2 + 8), c21);
            c30 = Avx.Add(Avx.LoadVector256(r3), c30); c31 = Avx.Add(Avx.LoadVector256(r3 + 8), c31);
            c40 = Avx.Add(Avx.LoadVector256(r4), c40); c41 = Avx.Add(Avx.LoadVector256(r4 + 8), c41);
            c50 = Avx.Add(Avx.LoadVector256(r5), c50); c51 = Avx.Add(Avx.LoadVector256(r5 + 8), c51);
            Avx.Store(r0, c00); Avx.Store(r0 + 8, c01);
            Avx.Store(r1, c10); Avx.Store(r1 + 8, c11);
            Avx.Store(r2, c20); Avx.Store(r2 + 8, c21);
            Avx.Store(r3, c30); Avx.Store(r3 + 8, c31);
            Avx.Store(r4, c40); Avx.Store(r4 + 8, c41);
            Avx.Store(r5, c50); Avx.Store(r5 + 8, c51);
        }
        else
        {
            float* r = c;
            Avx.Store(r, c00); Avx.Store(r + 8, c01); r += ldc;
            Avx.Store(r, c10); Avx.Store(r + 8, c11); r += ldc;
            Avx.Store(r, c20); Avx.Store(r + 8, c21); r += ldc;
            Avx.Store(r, c30); Avx.Store(r + 8, c31); r += ldc;
            Avx.Store(r, c40); Avx.Store(r + 8, c41); r += ldc;
            Avx.Store(r, c50); Avx.Store(r + 8, c51);
        }
    }
}
