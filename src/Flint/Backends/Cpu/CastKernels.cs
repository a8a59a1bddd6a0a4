using System.Buffers;

namespace Flint.Backends.Cpu;

/// <summary>
/// Copies between views of different dtypes. Each inner run is read into a double (or, for
/// integer to integer, a long) buffer and written back converted, so one switch per run
/// replaces a 10×10 table of conversion loops. Float to integer truncates toward zero and
/// anything to bool tests for non-zero, as in PyTorch.
/// </summary>
internal static class CastKernels
{
    public static void Copy(long[] shape, Operand src, ScalarType srcType, Operand dst, ScalarType dstType)
    {
        if (srcType == dstType)
        {
            Dispatch.Copy(srcType, shape, src, dst);
            return;
        }
        bool viaLong = DTypes.IsIntegral(srcType, true) && DTypes.IsIntegral(dstType, true);
        var plan = new LoopPlan(shape, src.Strides, dst.Strides);
        long n = plan.InnerSize, ss = plan.InnerStride(0), sd = plan.InnerStride(1);
        var cur = new LoopPlan.Cursor(plan, [src.Offset, dst.Offset]);
        if (viaLong)
        {
            var buf = ArrayPool<long>.Shared.Rent((int)n);
            while (cur.MoveNext())
            {
                ReadLong(srcType, src.Data, cur.Offsets[0], ss, buf.AsSpan(0, (int)n));
                WriteLong(dstType, dst.Data, cur.Offsets[1], sd, buf.AsSpan(0, (int)n));
            }
            ArrayPool<long>.Shared.Return(buf);
        }
        else
        {
            var buf = ArrayPool<double>.Shared.Rent((int)n);
            while (cur.MoveNext())
            {
                ReadDouble(srcType, src.Data, cur.Offsets[0], ss, buf.AsSpan(0, (int)n));
                WriteDouble(dstType, dst.Data, cur.Offsets[1], sd, buf.AsSpan(0, (int)n), srcType);
            }
            ArrayPool<double>.Shared.Return(buf);
        }
    }

    private static void ReadLong(ScalarType t, Array data, long off, long stride, Span<long> o)
    {
        switch (t)
        {
            case ScalarType.Bool: { var d = (bool[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off] ? 1 : 0; break; }
            case ScalarType.Byte: { var d = (byte[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Int8: { var d = (sbyte[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Int16: { var d = (short[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Int32: { var d = (int[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Int64: { var d = (long[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            default: throw new ArgumentException($"not an integral dtype: {t}");
        }
    }

    private static void WriteLong(ScalarType t, Array data, long off, long stride, Span<long> v)
    {
        switch (t)
        {
            case ScalarType.Bool: { var d = (bool[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = v[i] != 0; break; }
            case ScalarType.Byte: { var d = (byte[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = unchecked((byte)v[i]); break; }
            case ScalarType.Int8: { var d = (sbyte[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = unchecked((sbyte)v[i]); break; }
            case ScalarType.Int16: { var d = (short[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = unchecked((short)v[i]); break; }
            case ScalarType.Int32: { var d = (int[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = unchecked((int)v[i]); break; }
            case ScalarType.Int64: { var d = (long[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = v[i]; break; }
            default: throw new ArgumentException($"not an integral dtype: {t}");
        }
    }

    internal static void ReadDouble(ScalarType t, Array data, long off, long stride, Span<double> o)
    {
        switch (t)
        {
            case ScalarType.Bool: { var d = (bool[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off] ? 1 : 0; break; }
            case ScalarType.Byte: { var d = (byte[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Int8: { var d = (sbyte[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Int16: { var d = (short[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Int32: { var d = (int[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Int64: { var d = (long[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Float16: { var d = (Half[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = (double)d[off]; break; }
            case ScalarType.BFloat16: { var d = (BFloat16[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = (float)d[off]; break; }
            case ScalarType.Float32: { var d = (float[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            case ScalarType.Float64: { var d = (double[])data; for (int i = 0; i < o.Length; i++, off += stride) o[i] = d[off]; break; }
            default: throw new ArgumentException($"Unsupported dtype {t}");
        }
    }

    private static void WriteDouble(ScalarType t, Array data, long off, long stride, Span<double> v, ScalarType srcType)
    {
        // Narrow through float first: PyTorch converts double to half via float.
        switch (t)
        {
            case ScalarType.Bool: { var d = (bool[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = v[i] != 0; break; }
            case ScalarType.Byte: { var d = (byte[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = unchecked((byte)(long)v[i]); break; }
            case ScalarType.Int8: { var d = (sbyte[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = unchecked((sbyte)(long)v[i]); break; }
            case ScalarType.Int16: { var d = (short[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = unchecked((short)(long)v[i]); break; }
            case ScalarType.Int32: { var d = (int[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = unchecked((int)(long)v[i]); break; }
            case ScalarType.Int64: { var d = (long[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = (long)v[i]; break; }
            case ScalarType.Float16: { var d = (Half[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = (Half)(float)v[i]; break; }
            case ScalarType.BFloat16: { var d = (BFloat16[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = (BFloat16)(float)v[i]; break; }
            case ScalarType.Float32: { var d = (float[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = (float)v[i]; break; }
            case ScalarType.Float64: { var d = (double[])data; for (int i = 0; i < v.Length; i++, off += stride) d[off] = v[i]; break; }
            default: throw new ArgumentException($"Unsupported dtype {t}");
        }
        _ = srcType;
    }
}
