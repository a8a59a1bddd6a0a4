using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Flint.Backends.Cpu;

/// <summary>
/// Copies strided operand blocks into the contiguous, k-major micro-panel layout the micro-kernels
/// stream through. Packing is where arbitrary strides (including transposed views) are absorbed, so
/// the kernel only ever sees unit-stride data. Edge panels are zero-padded to full MR/NR so the
/// kernel never needs a masked variant.
/// </summary>
/// <remarks>
/// The two common layouts that need a gather (row-major A, and column-major B i.e. <c>w.t()</c>) are
/// transposed in registers 8x8 (float) or 4x4 (double): for skinny problems packing is a
/// significant fraction of the run time.
/// </remarks>
internal static unsafe class GemmPacking
{
    /// <summary>Extra elements the packed-A buffer needs past its end (vector stores may overrun a group).</summary>
    public const int PackASlack = 8;

    /// <summary>
    /// Packs the mc x kc block A[i, k] = a[i*rs + k*cs] into ceil(mc/mr) panels, each laid out as
    /// kc groups of mr consecutive values (one per row).
    /// </summary>
    public static void PackA<T>(T* a, nint rs, nint cs, int mc, int kc, int mr, T* dst) where T : unmanaged
    {
        for (int i0 = 0; i0 < mc; i0 += mr)
        {
            int rows = Math.Min(mr, mc - i0);
            T* src = a + i0 * rs;
            if (rows == 6 && mr == 6)
                PackA6(src, rs, cs, kc, dst, canOverread: i0 + 8 <= mc);
            else
                PackAGeneric(src, rs, cs, rows, kc, mr, dst);
            dst += mr * kc;
        }
    }

    // canOverread: rows 6 and 7 after src exist too, so an 8-wide load along a column stays in bounds.
    private static void PackA6<T>(T* src, nint rs, nint cs, int kc, T* dst, bool canOverread) where T : unmanaged
    {
        int k = 0;
        if (rs == 1)
        {
            // Column-major (transposed) A: the 6 values for each k are already contiguous.
            if (Avx.IsSupported && typeof(T) == typeof(double))
            {
                for (; k < kc; k++, dst += 6)
                {
                    double* s = (double*)(src + k * cs);
                    Avx.Store((double*)dst, Avx.LoadVector256(s));
                    Sse2.Store((double*)dst + 4, Sse2.LoadVector128(s + 4));
                }
            }
            else if (Avx.IsSupported && typeof(T) == typeof(float) && canOverread)
            {
                // 8-wide copy; the 2 extra values land in the next group and are overwritten by it.
                for (; k < kc; k++, dst += 6)
                    Avx.Store((float*)dst, Avx.LoadVector256((float*)(src + k * cs)));
            }
            for (; k < kc; k++, dst += 6)
            {
                T* s = src + k * cs;
                dst[0] = s[0]; dst[1] = s[1]; dst[2] = s[2]; dst[3] = s[3]; dst[4] = s[4]; dst[5] = s[5];
            }
            return;
        }
        if (cs == 1 && Avx.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                float* r0 = (float*)src, r1 = r0 + rs, r2 = r1 + rs, r3 = r2 + rs, r4 = r3 + rs, r5 = r4 + rs;
                float* d = (float*)dst;
                for (; k + 8 <= kc; k += 8, d += 48)
                {
                    // Rows 6 and 7 of the 8x8 transpose are zero; each 8-wide store spills two
                    // junk values into the next k group, which the next store overwrites.
                    Transpose8x8AndStore(Avx.LoadVector256(r0 + k), Avx.LoadVector256(r1 + k), Avx.LoadVector256(r2 + k),
                                         Avx.LoadVector256(r3 + k), Avx.LoadVector256(r4 + k), Avx.LoadVector256(r5 + k),
                                         Vector256<float>.Zero, Vector256<float>.Zero, d, 6);
                }
                dst = (T*)d;
            }
            else if (typeof(T) == typeof(double))
            {
                double* r0 = (double*)src, r1 = r0 + rs, r2 = r1 + rs, r3 = r2 + rs, r4 = r3 + rs, r5 = r4 + rs;
                double* d = (double*)dst;
                for (; k + 4 <= kc; k += 4, d += 24)
                {
                    Transpose4x4AndStore(Avx.LoadVector256(r0 + k), Avx.LoadVector256(r1 + k), Avx.LoadVector256(r2 + k),
                                         Avx.LoadVector256(r3 + k), d, 6);
                    Vector256<double> v4 = Avx.LoadVector256(r4 + k), v5 = Avx.LoadVector256(r5 + k);
                    Vector256<double> lo = Avx.UnpackLow(v4, v5), hi = Avx.UnpackHigh(v4, v5); // (k0,k2) and (k1,k3) pairs
                    Sse2.Store(d + 4, lo.GetLower());
                    Sse2.Store(d + 10, hi.GetLower());
                    Sse2.Store(d + 16, lo.GetUpper());
                    Sse2.Store(d + 22, hi.GetUpper());
                }
                dst = (T*)d;
            }
        }
        nint r1s = rs, r2s = 2 * rs, r3s = 3 * rs, r4s = 4 * rs, r5s = 5 * rs;
        for (; k < kc; k++, dst += 6)
        {
            T* s = src + k * cs;
            dst[0] = s[0]; dst[1] = s[r1s]; dst[2] = s[r2s]; dst[3] = s[r3s]; dst[4] = s[r4s]; dst[5] = s[r5s];
        }
    }

    private static void PackAGeneric<T>(T* src, nint rs, nint cs, int rows, int kc, int mr, T* dst) where T : unmanaged
    {
        for (int k = 0; k < kc; k++, dst += mr)
        {
            T* s = src + k * cs;
            int i = 0;
            for (; i < rows; i++) dst[i] = s[i * rs];
            for (; i < mr; i++) dst[i] = default;
        }
    }

    /// <summary>
    /// Packs the kc x nc block B[k, j] = b[k*rs + j*cs] into ceil(nc/nr) panels, each laid out as
    /// kc groups of nr consecutive values (one per column).
    /// </summary>
    public static void PackB<T>(T* b, nint rs, nint cs, int kc, int nc, int nr, T* dst) where T : unmanaged
    {
        for (int j0 = 0; j0 < nc; j0 += nr)
        {
            int cols = Math.Min(nr, nc - j0);
            T* src = b + j0 * cs;
            if (cols == nr && nr * sizeof(T) == 64)
                PackBLine(src, rs, cs, kc, dst);
            else
                PackBGeneric(src, rs, cs, kc, cols, nr, dst);
            dst += nr * kc;
        }
    }

    /// <summary>Full panel whose rows are one 64-byte cache line (16 floats or 8 doubles).</summary>
    private static void PackBLine<T>(T* src, nint rs, nint cs, int kc, T* dst) where T : unmanaged
    {
        int nr = 64 / sizeof(T);
        int k = 0;
        if (cs == 1)
        {
            // Row-major B: each k row of the panel is one contiguous run.
            for (; k < kc; k++, dst += nr)
            {
                T* s = src + k * rs;
                Vector256.Store(Vector256.Load((byte*)s), (byte*)dst);
                Vector256.Store(Vector256.Load((byte*)s + 32), (byte*)dst + 32);
            }
            return;
        }
        if (rs == 1 && Avx.IsSupported)
        {
            // Column-major B (a transposed weight, w.t()): each column is contiguous in k.
            if (typeof(T) == typeof(float))
            {
                float* s = (float*)src;
                float* d = (float*)dst;
                for (; k + 8 <= kc; k += 8, d += 128)
                {
                    for (int g = 0; g < 16; g += 8)
                    {
                        float* c0 = s + g * cs + k;
                        Transpose8x8AndStore(Avx.LoadVector256(c0), Avx.LoadVector256(c0 + cs), Avx.LoadVector256(c0 + 2 * cs),
                                             Avx.LoadVector256(c0 + 3 * cs), Avx.LoadVector256(c0 + 4 * cs), Avx.LoadVector256(c0 + 5 * cs),
                                             Avx.LoadVector256(c0 + 6 * cs), Avx.LoadVector256(c0 + 7 * cs), d + g, 16);
                    }
                }
                dst = (T*)d;
            }
            else if (typeof(T) == typeof(double))
            {
                double* s = (double*)src;
                double* d = (double*)dst;
                for (; k + 4 <= kc; k += 4, d += 32)
                {
                    for (int g = 0; g < 8; g += 4)
                    {
                        double* c0 = s + g * cs + k;
                        Transpose4x4AndStore(Avx.LoadVector256(c0), Avx.LoadVector256(c0 + cs), Avx.LoadVector256(c0 + 2 * cs),
                                             Avx.LoadVector256(c0 + 3 * cs), d + g, 8);
                    }
                }
                dst = (T*)d;
            }
        }
        for (; k < kc; k++, dst += nr)
        {
            T* s = src + k * rs;
            for (int j = 0; j < nr; j++)
                dst[j] = s[j * cs];
        }
    }

    private static void PackBGeneric<T>(T* src, nint rs, nint cs, int kc, int cols, int nr, T* dst) where T : unmanaged
    {
        for (int k = 0; k < kc; k++, dst += nr)
        {
            T* s = src + k * rs;
            int j = 0;
            for (; j < cols; j++) dst[j] = s[j * cs];
            for (; j < nr; j++) dst[j] = default;
        }
    }

    /// <summary>
    /// Transposes the 8x8 block whose rows are r0..r7 and stores output row kk (= column kk of the
    /// input) at dst + kk*stride, in increasing kk order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8AndStore(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3,
                                             Vector256<float> r4, Vector256<float> r5, Vector256<float> r6, Vector256<float> r7,
                                             float* dst, nint stride)
    {
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + stride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * stride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * stride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * stride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * stride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * stride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * stride, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>Double counterpart of <see cref="Transpose8x8AndStore"/> for a 4x4 block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4AndStore(Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3,
                                             double* dst, nint stride)
    {
        Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1); // (a0 b0 | a2 b2), (a1 b1 | a3 b3)
        Vector256<double> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Avx.Store(dst, Avx.Permute2x128(t0, t2, 0x20));
        Avx.Store(dst + stride, Avx.Permute2x128(t1, t3, 0x20));
        Avx.Store(dst + 2 * stride, Avx.Permute2x128(t0, t2, 0x31));
        Avx.Store(dst + 3 * stride, Avx.Permute2x128(t1, t3, 0x31));
    }
}
