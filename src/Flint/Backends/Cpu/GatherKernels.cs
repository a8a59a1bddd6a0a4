using System.Numerics.Tensors;

namespace Flint.Backends.Cpu;

/// <summary>
/// The single primitive behind every advanced-indexing op (index, index_put, gather, scatter,
/// index_select, masked_select): the op layer computes storage offsets, these move elements. Each offset
/// starts a run of <c>block</c> consecutive elements (1 for a scattered gather; a whole row for an
/// embedding lookup or index_select along dim 0, which then moves as one span copy or one vector add).
/// </summary>
internal static class GatherKernels
{
    /// <summary>dst[i·block + j] = src[offsets[i] + j] for a dense dst.</summary>
    public static void Take(Array src, long[] offsets, int block, Array dst)
    {
        switch (src)
        {
            case float[] s: Take(s, offsets, block, (float[])dst); break;
            case double[] s: Take(s, offsets, block, (double[])dst); break;
            case long[] s: Take(s, offsets, block, (long[])dst); break;
            case int[] s: Take(s, offsets, block, (int[])dst); break;
            case short[] s: Take(s, offsets, block, (short[])dst); break;
            case sbyte[] s: Take(s, offsets, block, (sbyte[])dst); break;
            case byte[] s: Take(s, offsets, block, (byte[])dst); break;
            case bool[] s: Take(s, offsets, block, (bool[])dst); break;
            case Half[] s: Take(s, offsets, block, (Half[])dst); break;
            case BFloat16[] s: Take(s, offsets, block, (BFloat16[])dst); break;
            default: throw new ArgumentException("unsupported element type");
        }
    }

    private static void Take<T>(T[] src, long[] offsets, int block, T[] dst)
    {
        if (block == 1)
        {
            for (int i = 0; i < offsets.Length; i++) dst[i] = src[offsets[i]];
            return;
        }
        for (int i = 0; i < offsets.Length; i++)
            src.AsSpan(checked((int)offsets[i]), block).CopyTo(dst.AsSpan(i * block, block));
    }

    /// <summary>dst[offsets[i] + j] = values[i·block + j] (or += when accumulating; values must be the dst dtype).</summary>
    public static void Put(Array dst, long[] offsets, int block, Array values, bool accumulate)
    {
        switch (dst)
        {
            case float[] d: if (accumulate) AddFloat(d, offsets, block, (float[])values); else Put(d, offsets, block, (float[])values); break;
            case double[] d: if (accumulate) AddFloat(d, offsets, block, (double[])values); else Put(d, offsets, block, (double[])values); break;
            case long[] d: if (accumulate) Add(d, offsets, block, (long[])values); else Put(d, offsets, block, (long[])values); break;
            case int[] d: if (accumulate) Add(d, offsets, block, (int[])values); else Put(d, offsets, block, (int[])values); break;
            case short[] d: if (accumulate) Add(d, offsets, block, (short[])values); else Put(d, offsets, block, (short[])values); break;
            case sbyte[] d: if (accumulate) Add(d, offsets, block, (sbyte[])values); else Put(d, offsets, block, (sbyte[])values); break;
            case byte[] d: if (accumulate) Add(d, offsets, block, (byte[])values); else Put(d, offsets, block, (byte[])values); break;
            case bool[] d: Put(d, offsets, block, (bool[])values); break;
            case Half[] d: if (accumulate) Add(d, offsets, block, (Half[])values); else Put(d, offsets, block, (Half[])values); break;
            case BFloat16[] d: if (accumulate) Add(d, offsets, block, (BFloat16[])values); else Put(d, offsets, block, (BFloat16[])values); break;
            default: throw new ArgumentException("unsupported element type");
        }
    }

    // float16 adds as PyTorch's c10::Half does: in float32, rounded back to float16 after each add.
    private static void Add(Half[] dst, long[] offsets, int block, Half[] values)
    {
        for (int i = 0; i < offsets.Length; i++)
            for (int j = 0; j < block; j++)
            {
                long o = offsets[i] + j;
                dst[o] = (Half)((float)dst[o] + (float)values[i * block + j]);
            }
    }

    private static void Add(BFloat16[] dst, long[] offsets, int block, BFloat16[] values)
    {
        for (int i = 0; i < offsets.Length; i++)
            for (int j = 0; j < block; j++)
            {
                long o = offsets[i] + j;
                dst[o] = (BFloat16)((float)dst[o] + (float)values[i * block + j]);
            }
    }

    private static void Put<T>(T[] dst, long[] offsets, int block, T[] values)
    {
        if (block == 1)
        {
            for (int i = 0; i < offsets.Length; i++) dst[offsets[i]] = values[i];
            return;
        }
        for (int i = 0; i < offsets.Length; i++)
            values.AsSpan(i * block, block).CopyTo(dst.AsSpan(checked((int)offsets[i]), block));
    }

    // Each destination element receives the same additions in the same order as element by element, so a
    // block add is bit-for-bit the scattered one.
    private static void AddFloat<T>(T[] dst, long[] offsets, int block, T[] values) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (block == 1)
        {
            for (int i = 0; i < offsets.Length; i++) dst[offsets[i]] += values[i];
            return;
        }
        for (int i = 0; i < offsets.Length; i++)
        {
            var row = dst.AsSpan(checked((int)offsets[i]), block);
            TensorPrimitives.Add(row, values.AsSpan(i * block, block), row);
        }
    }

    private static void Add<T>(T[] dst, long[] offsets, int block, T[] values) where T : System.Numerics.INumber<T>
    {
        for (int i = 0; i < offsets.Length; i++)
            for (int j = 0; j < block; j++) dst[offsets[i] + j] += values[i * block + j];
    }
}
