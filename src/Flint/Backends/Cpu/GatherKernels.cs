namespace Flint.Backends.Cpu;

/// <summary>
/// The single primitive behind every advanced-indexing op (index, index_put, gather, scatter,
/// index_select, masked_select): the op layer computes storage offsets, these move elements.
/// </summary>
internal static class GatherKernels
{
    /// <summary>dst[i] = src[offsets[i]] for a dense dst.</summary>
    public static void Take(Array src, long[] offsets, Array dst)
    {
        switch (src)
        {
            case float[] s: Take(s, offsets, (float[])dst); break;
            case double[] s: Take(s, offsets, (double[])dst); break;
            case long[] s: Take(s, offsets, (long[])dst); break;
            case int[] s: Take(s, offsets, (int[])dst); break;
            case short[] s: Take(s, offsets, (short[])dst); break;
            case sbyte[] s: Take(s, offsets, (sbyte[])dst); break;
            case byte[] s: Take(s, offsets, (byte[])dst); break;
            case bool[] s: Take(s, offsets, (bool[])dst); break;
            case Half[] s: Take(s, offsets, (Half[])dst); break;
            case BFloat16[] s: Take(s, offsets, (BFloat16[])dst); break;
            default: throw new ArgumentException("unsupported element type");
        }
    }

    private static void Take<T>(T[] src, long[] offsets, T[] dst)
    {
        for (int i = 0; i < offsets.Length; i++) dst[i] = src[offsets[i]];
    }

    /// <summary>dst[offsets[i]] = values[i] (or += when accumulating; values must be the dst dtype).</summary>
    public static void Put(Array dst, long[] offsets, Array values, bool accumulate)
    {
        switch (dst)
        {
            case float[] d: if (accumulate) Add(d, offsets, (float[])values); else Put(d, offsets, (float[])values); break;
            case double[] d: if (accumulate) Add(d, offsets, (double[])values); else Put(d, offsets, (double[])values); break;
            case long[] d: if (accumulate) Add(d, offsets, (long[])values); else Put(d, offsets, (long[])values); break;
            case int[] d: if (accumulate) Add(d, offsets, (int[])values); else Put(d, offsets, (int[])values); break;
            case short[] d: if (accumulate) Add(d, offsets, (short[])values); else Put(d, offsets, (short[])values); break;
            case sbyte[] d: if (accumulate) Add(d, offsets, (sbyte[])values); else Put(d, offsets, (sbyte[])values); break;
            case byte[] d: if (accumulate) Add(d, offsets, (byte[])values); else Put(d, offsets, (byte[])values); break;
            case bool[] d: Put(d, offsets, (bool[])values); break;
            case Half[] d: if (accumulate) Add(d, offsets, (Half[])values); else Put(d, offsets, (Half[])values); break;
            case BFloat16[] d: if (accumulate) Add(d, offsets, (BFloat16[])values); else Put(d, offsets, (BFloat16[])values); break;
            default: throw new ArgumentException("unsupported element type");
        }
    }

    // float16 adds as PyTorch's c10::Half does: in float32, rounded back to float16 after each add.
    private static void Add(Half[] dst, long[] offsets, Half[] values)
    {
        for (int i = 0; i < offsets.Length; i++) dst[offsets[i]] = (Half)((float)dst[offsets[i]] + (float)values[i]);
    }

    private static void Add(BFloat16[] dst, long[] offsets, BFloat16[] values)
    {
        for (int i = 0; i < offsets.Length; i++) dst[offsets[i]] = (BFloat16)((float)dst[offsets[i]] + (float)values[i]);
    }

    private static void Put<T>(T[] dst, long[] offsets, T[] values)
    {
        for (int i = 0; i < offsets.Length; i++) dst[offsets[i]] = values[i];
    }

    private static void Add<T>(T[] dst, long[] offsets, T[] values) where T : System.Numerics.INumber<T>
    {
        for (int i = 0; i < offsets.Length; i++) dst[offsets[i]] += values[i];
    }
}
