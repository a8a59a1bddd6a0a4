using System.Numerics;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>Host scalars of a where: bit 1 = a, 2 = b, 4 = cond is a host value.</summary>
internal struct WhereScalars<TB> where TB : unmanaged
{
    public TB A, B;
    public byte Cond;
    public int Mode;
}

/// <summary>
/// Kernels that only move elements (fill, same-dtype copy, where, take, put). They are generic
/// over the element's bit pattern (byte/ushort/uint/ulong by element size), so the ten dtypes
/// (bool as 0/1 bytes, half types as 16 bits) share four instantiations.
/// </summary>
internal static class MoveKernels
{
    public static void Fill<TB>(Index1D i, Dims d, ArrayView<TB> o, Strided so, TB value) where TB : unmanaged =>
        o[Strided.At(d, so, i)] = value;

    public static void Copy<TB>(Index1D i, Dims d, ArrayView<TB> src, Strided ss, ArrayView<TB> dst, Strided sd) where TB : unmanaged =>
        dst[Strided.At(d, sd, i)] = src[Strided.At(d, ss, i)];

    public static void Where<TB>(Index1D i, Dims d, ArrayView<byte> c, Strided sc, ArrayView<TB> a, Strided sa, ArrayView<TB> b, Strided sb,
        ArrayView<TB> o, Strided so, WhereScalars<TB> s) where TB : unmanaged
    {
        byte cond = (s.Mode & 4) != 0 ? s.Cond : c[Strided.At(d, sc, i)];
        TB v;
        if (cond != 0) v = (s.Mode & 1) != 0 ? s.A : a[Strided.At(d, sa, i)];
        else v = (s.Mode & 2) != 0 ? s.B : b[Strided.At(d, sb, i)];
        o[Strided.At(d, so, i)] = v;
    }

    public static void Take<TB>(Index1D i, ArrayView<TB> src, ArrayView<long> offsets, ArrayView<TB> dst) where TB : unmanaged =>
        dst[i] = src[offsets[i]];

    public static void Put<TB>(Index1D i, ArrayView<TB> dst, ArrayView<long> offsets, ArrayView<TB> src) where TB : unmanaged =>
        dst[offsets[i]] = src[i];

    // Accumulating put: atomics where the hardware has them, so duplicate offsets all add up.
    public static void PutAddF32(Index1D i, ArrayView<float> dst, ArrayView<long> offsets, ArrayView<float> src) => Atomic.Add(ref dst[offsets[i]], src[i]);
    public static void PutAddF64(Index1D i, ArrayView<double> dst, ArrayView<long> offsets, ArrayView<double> src) => Atomic.Add(ref dst[offsets[i]], src[i]);
    public static void PutAddI32(Index1D i, ArrayView<int> dst, ArrayView<long> offsets, ArrayView<int> src) => Atomic.Add(ref dst[offsets[i]], src[i]);
    public static void PutAddI64(Index1D i, ArrayView<long> dst, ArrayView<long> offsets, ArrayView<long> src) => Atomic.Add(ref dst[offsets[i]], src[i]);

    /// <summary>
    /// Accumulating put for float16 (<paramref name="bf16"/> = 0) and bfloat16 (1): each add is in float32, rounded
    /// back to 16 bits, as PyTorch's half atomicAdd; a compare-and-swap on the 32-bit word that holds the element
    /// makes duplicate offsets all add up. The view is the whole block (a multiple of 512 bytes), so every word exists.
    /// </summary>
    public static void PutAddHalf(Index1D i, ArrayView<uint> dst, ArrayView<long> offsets, ArrayView<ushort> src, int bf16)
    {
        long off = offsets[i];
        long word = off >> 1;
        int shift = (int)(off & 1) * 16;
        float v = bf16 != 0 ? HalfBits.BFloat16ToFloat(src[i]) : HalfBits.HalfToFloat(src[i]);
        uint old = dst[word];
        while (true)
        {
            ushort cur = (ushort)((old >> shift) & 0xFFFFu);
            float sum = (bf16 != 0 ? HalfBits.BFloat16ToFloat(cur) : HalfBits.HalfToFloat(cur)) + v;
            uint bits = bf16 != 0 ? HalfBits.FloatToBFloat16(sum) : HalfBits.FloatToHalf(sum);
            uint next = (old & ~(0xFFFFu << shift)) | (bits << shift);
            uint seen = Atomic.CompareExchange(ref dst[word], old, next);
            if (seen == old) return;
            old = seen;
        }
    }

    /// <summary>Accumulating put for the small integer types (no atomics): one thread walks every offset, deterministically.</summary>
    public static void PutAddSerial<T>(Index1D i, ArrayView<T> dst, ArrayView<long> offsets, ArrayView<T> src, int count) where T : unmanaged, INumber<T>
    {
        if (i != 0) return;
        for (int j = 0; j < count; j++) dst[offsets[j]] += src[j];
    }
}
