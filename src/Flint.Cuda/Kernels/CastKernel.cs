using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>
/// Dtype-converting copy with PyTorch's cast rules, as the CPU's CastKernels: integer to
/// integer goes through long, everything else through double (float → int truncates toward
/// zero, x → bool is x != 0, double → half narrows through float). One kernel for all 90
/// pairs: the storages arrive as bytes and the dtype codes (<see cref="ScalarType"/> values)
/// pick the typed view per element.
/// </summary>
internal static class CastKernel
{
    public static void Cast(Index1D i, Dims d, ArrayView<byte> src, Strided ss, ArrayView<byte> dst, Strided sd, int srcType, int dstType)
    {
        long si = Strided.At(d, ss, i), di = Strided.At(d, sd, i);
        if (IsIntegral(srcType) && IsIntegral(dstType)) WriteLong(dst, di, dstType, ReadLong(src, si, srcType));
        else WriteDouble(dst, di, dstType, ReadDouble(src, si, srcType));
    }

    private static bool IsIntegral(int t) => t <= (int)ScalarType.Int64 || t == (int)ScalarType.Bool;

    private static long ReadLong(ArrayView<byte> v, long i, int t)
    {
        if (t == (int)ScalarType.Int8) return v.Cast<sbyte>()[i];
        if (t == (int)ScalarType.Int16) return v.Cast<short>()[i];
        if (t == (int)ScalarType.Int32) return v.Cast<int>()[i];
        if (t == (int)ScalarType.Int64) return v.Cast<long>()[i];
        return v[i]; // Byte, Bool (0/1)
    }

    private static double ReadDouble(ArrayView<byte> v, long i, int t)
    {
        if (t == (int)ScalarType.Float32) return v.Cast<float>()[i];
        if (t == (int)ScalarType.Float64) return v.Cast<double>()[i];
        if (t == (int)ScalarType.Float16) return HalfBits.HalfToFloat(v.Cast<ushort>()[i]);
        if (t == (int)ScalarType.BFloat16) return HalfBits.BFloat16ToFloat(v.Cast<ushort>()[i]);
        return ReadLong(v, i, t);
    }

    private static void WriteLong(ArrayView<byte> v, long i, int t, long x)
    {
        if (t == (int)ScalarType.Bool) v[i] = x != 0 ? (byte)1 : (byte)0;
        // The masks keep ILGPU from fusing (byte)(long)f into one saturating float-to-byte conversion:
        // PyTorch (and the CPU) wrap, so -1.0 → 255.
        else if (t == (int)ScalarType.Byte) v[i] = unchecked((byte)(x & 0xFF));
        else if (t == (int)ScalarType.Int8) v.Cast<sbyte>()[i] = unchecked((sbyte)(x & 0xFF));
        else if (t == (int)ScalarType.Int16) v.Cast<short>()[i] = unchecked((short)(x & 0xFFFF));
        else if (t == (int)ScalarType.Int32) v.Cast<int>()[i] = unchecked((int)(x & 0xFFFFFFFF));
        else v.Cast<long>()[i] = x;
    }

    private static void WriteDouble(ArrayView<byte> v, long i, int t, double x)
    {
        if (t == (int)ScalarType.Float32) v.Cast<float>()[i] = (float)x;
        else if (t == (int)ScalarType.Float64) v.Cast<double>()[i] = x;
        else if (t == (int)ScalarType.Float16) v.Cast<ushort>()[i] = HalfBits.FloatToHalf((float)x);
        else if (t == (int)ScalarType.BFloat16) v.Cast<ushort>()[i] = HalfBits.FloatToBFloat16((float)x);
        else if (t == (int)ScalarType.Bool) v[i] = x != 0 ? (byte)1 : (byte)0;
        else WriteLong(v, i, t, (long)x);
    }
}
