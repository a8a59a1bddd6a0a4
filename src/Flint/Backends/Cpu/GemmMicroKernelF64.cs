using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Flint.Backends.Cpu;

/// <summary>
/// 6x8 double micro-kernel: same register budget as the float kernel (12 ymm accumulators), each
/// ymm holding 4 doubles, so a B micro-panel row is again 64 bytes (one cache line).
/// </summary>
internal unsafe struct GemmMicroKernelF64 : IGemmMicroKernel<double>
{
    public static int MR => 6;
    public static int NR => 8;
    // 256 x 8 x 8 B = 16 KiB B micro-panel (L1d); 96 x 256 x 8 B = 192 KiB A block (L2).
    public static int KC => 256;
    public static int MC => 96;
    public static int NC => 2048;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(int kc, double* a, double* b, double* c, nint ldc, bool accumulate)
    {
        if (Fma.IsSupported)
            RunFma(kc, a, b, c, ldc, accumulate);
        else
            GemmMicroKernelPortable.Run(6, 8, kc, a, b, c, ldc, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunFma(int kc, double* a, double* b, double* c, nint ldc, bool accumulate)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<double> c40 = default, c41 = default, c50 = default, c51 = default;

        for (int k = 0; k < kc; k++)
        {
            Vector256<double> b0 = Avx.LoadVector256(b);
            Vector256<double> b1 = Avx.LoadVector256(b + 4);
            Vector256<double> av = Avx.BroadcastScalarToVector256(a);
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
            b += 8;
        }

        if (accumulate)
        {
            // All loads before any store, as in the float kernel: avoids 4K-aliasing stalls when ldc is a power of two.
            double* r0 = c, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc;
            c00 = Avx.Add(Avx.LoadVector256(r0), c00); c01 = Avx.Add(Avx.LoadVector256(r0 + 4), c01);
            c10 = Avx.Add(Avx.LoadVector256(r1), c10); c11 = Avx.Add(Avx.LoadVector256(r1 + 4), c11);
            c20 = Avx.Add(Avx.LoadVector256(r2), c20); c21 = Avx.Add(Avx.LoadVector256(r2 + 4), c21);
            c30 = Avx.Add(Avx.LoadVector256(r3), c30); c31 = Avx.Add(Avx.LoadVector256(r3 + 4), c31);
            c40 = Avx.Add(Avx.LoadVector256(r4), c40); c41 = Avx.Add(Avx.LoadVector256(r4 + 4), c41);
            c50 = Avx.Add(Avx.LoadVector256(r5), c50); c51 = Avx.Add(Avx.LoadVector256(r5 + 4), c51);
            Avx.Store(r0, c00); Avx.Store(r0 + 4, c01);
            Avx.Store(r1, c10); Avx.Store(r1 + 4, c11);
            Avx.Store(r2, c20); Avx.Store(r2 + 4, c21);
            Avx.Store(r3, c30); Avx.Store(r3 + 4, c31);
            Avx.Store(r4, c40); Avx.Store(r4 + 4, c41);
            Avx.Store(r5, c50); Avx.Store(r5 + 4, c51);
        }
        else
        {
            double* r = c;
            Avx.Store(r, c00); Avx.Store(r + 4, c01); r += ldc;
            Avx.Store(r, c10); Avx.Store(r + 4, c11); r += ldc;
            Avx.Store(r, c20); Avx.Store(r + 4, c21); r += ldc;
            Avx.Store(r, c30); Avx.Store(r + 4, c31); r += ldc;
            Avx.Store(r, c40); Avx.Store(r + 4, c41); r += ldc;
            Avx.Store(r, c50); Avx.Store(r + 4, c51);
        }
    }
}
