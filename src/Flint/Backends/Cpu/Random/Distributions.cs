using System.Numerics;

namespace Flint;

/// <summary>
/// Fills buffers with random numbers exactly as PyTorch 1.13's CPU kernels do
/// (<c>aten/src/ATen/native/cpu/DistributionTemplates.h</c>, <c>DistributionKernels.cpp</c>,
/// <c>aten/src/ATen/core/DistributionsHelper.h</c>, <c>TransformationHelper.h</c>), so that
/// <c>torch.manual_seed(s)</c> followed by the same sequence of calls gives the same bits as PyTorch.
/// </summary>
/// <remarks>
/// <para>Every span is the tensor's elements in memory order of a contiguous tensor. PyTorch's
/// serial (TensorIterator) kernels draw one value per element in iteration order; for a non-contiguous
/// destination fill a contiguous temporary in that order and scatter it.</para>
/// <para>Reference behaviour (checked against Debian's python3-torch 1.13.1, CPU capability AVX2):</para>
/// <list type="bullet">
/// <item><c>uniform_real&lt;float&gt;</c>: <c>(random() &amp; (2^24-1)) * 2^-24</c> in float, then <c>fma(x, to - from, from)</c> in float.</item>
/// <item><c>uniform_real&lt;double&gt;</c>: <c>(random64() &amp; (2^53-1)) * 2^-53</c>, then <c>fma(x, to - from, from)</c>.</item>
/// <item>float32 normal with at least 16 elements: <c>normal_fill_AVX2</c> (see <see cref="AvxMathFun"/>).</item>
/// <item>float64 normal with at least 16 elements: <c>normal_fill&lt;double&gt;</c> with libm <c>log</c>/<c>sin</c>/<c>cos</c>.</item>
/// <item>fewer than 16 elements (any dtype): <c>at::normal_distribution&lt;double&gt;</c>, scalar Box-Muller
/// that caches its second (sine) sample in the generator.</item>
/// </list>
/// <para>PyTorch itself is not uniform across CPUs here: a build/CPU whose best kernel is not AVX2 (the
/// <c>DEFAULT</c> or <c>AVX512</c> capability) uses the scalar <c>normal_fill&lt;float&gt;</c> for float32 normals,
/// whose bits differ from the AVX2 ones (with <c>ATEN_CPU_CAPABILITY=default</c>, 24796 of the 64000 values of
/// <c>manual_seed(0); randn(64000)</c> differ, by at most 1.9e-6). Flint follows the AVX2 kernel, which is what
/// PyTorch 1.13 picks on x86-64 CPUs with AVX2 unless it was built with AVX-512 kernels.</para>
/// <para>float64 normals call <see cref="Math.Log(double)"/>, <see cref="Math.Sin"/> and <see cref="Math.Cos"/>, which
/// .NET forwards to the C runtime's libm, as PyTorch does; they match PyTorch where both use the same libm
/// (glibc on Linux). A different libm (e.g. Windows' CRT) may differ in rare last-bit cases.</para>
/// <para>Half/BFloat16 (not implemented, not verified): PyTorch fills them with <c>normal_fill&lt;Half&gt;</c> /
/// <c>normal_fill&lt;BFloat16&gt;</c>, whose uniforms have 11 / 8 random bits and whose Box-Muller arithmetic
/// rounds intermediates to the 16-bit type, so its results are not the float32 results rounded; reproducing
/// them needs a dedicated path.</para>
/// </remarks>
internal static class Distributions
{
    private const float FloatDivisor = 1.0f / (1 << 24);       // 2^-24
    private const double DoubleDivisor = 1.0 / (1UL << 53);     // 2^-53

    // ---------------------------------------------------------------- uniform

    /// <summary><c>uniform_real_distribution&lt;float&gt;(from, to)</c>: one float from one 32-bit draw.</summary>
    public static float SampleUniformFloat(Generator g, float from, float to)
    {
        float x = (g.NextUInt32() & 0xFFFFFF) * FloatDivisor;
        return MathF.FusedMultiplyAdd(x, to - from, from);
    }

    /// <summary><c>uniform_real_distribution&lt;double&gt;(from, to)</c>: one double from one 64-bit draw.</summary>
    public static double SampleUniformDouble(Generator g, double from, double to)
    {
        double x = (g.NextUInt64() & ((1UL << 53) - 1)) * DoubleDivisor;
        return Math.FusedMultiplyAdd(x, to - from, from);
    }

    /// <summary><c>torch.rand</c> / <c>Tensor.uniform_(from, to)</c> on float32.</summary>
    public static void Uniform(Generator g, Span<float> data, double from, double to)
    {
        float f = (float)from, t = (float)to;
        Span<uint> words = stackalloc uint[DrawChunk];
        lock (g.Mutex)
        {
            for (int start = 0; start < data.Length; start += DrawChunk)
            {
                var chunk = data.Slice(start, Math.Min(DrawChunk, data.Length - start));
                var w = words[..chunk.Length];
                g.Fill(w);
                for (int i = 0; i < chunk.Length; i++)
                    chunk[i] = MathF.FusedMultiplyAdd((w[i] & 0xFFFFFF) * FloatDivisor, t - f, f);
            }
        }
    }

    /// <summary><c>torch.rand</c> / <c>Tensor.uniform_(from, to)</c> on float64.</summary>
    public static void Uniform(Generator g, Span<double> data, double from, double to)
    {
        lock (g.Mutex)
        {
            for (int i = 0; i < data.Length; i++)
                data[i] = SampleUniformDouble(g, from, to);
        }
    }

    // ---------------------------------------------------------------- normal

    /// <summary>
    /// <c>at::normal_distribution&lt;double&gt;(mean, std)</c>: scalar Box-Muller; returns the cosine sample and caches
    /// the sine sample in <see cref="Generator.NextDoubleNormalSample"/> (returned, transformed, by the next call).
    /// The caller must hold <see cref="Generator.Mutex"/> when drawing several values for one operation.
    /// </summary>
    public static double SampleNormal(Generator g, double mean, double std)
    {
        if (g.NextDoubleNormalSample is double cached)
        {
            g.NextDoubleNormalSample = null;
            return Math.FusedMultiplyAdd(cached, std, mean);
        }
        double u1 = SampleUniformDouble(g, 0.0, 1.0);
        double u2 = SampleUniformDouble(g, 0.0, 1.0);
        double r = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        g.NextDoubleNormalSample = r * Math.Sin(theta);
        double ret = r * Math.Cos(theta);
        return Math.FusedMultiplyAdd(ret, std, mean);
    }

    /// <summary>
    /// <c>torch.randn</c> / <c>Tensor.normal_(mean, std)</c> on a contiguous float32 tensor.
    /// With 16 or more elements this is PyTorch's <c>normal_fill_AVX2</c>; below that, the scalar
    /// <see cref="SampleNormal"/> rounded to float.
    /// </summary>
    public static void Normal(Generator g, Span<float> data, double mean, double std)
    {
        lock (g.Mutex)
        {
            if (data.Length < 16)
            {
                NormalSerial(g, data, mean, std);
                return;
            }
            float m = (float)mean, s = (float)std;
            for (int i = 0; i < data.Length; i++)
                data[i] = SampleUniformFloat(g, 0f, 1f);
            int size = data.Length;
            for (int i = 0; i < size - 15; i += 16)
                AvxMathFun.NormalFill16(data.Slice(i, 16), m, s);
            if (size % 16 != 0)
            {
                // Recompute the last 16 values from fresh uniforms.
                Span<float> tail = data[(size - 16)..];
                for (int i = 0; i < 16; i++)
                    tail[i] = SampleUniformFloat(g, 0f, 1f);
                AvxMathFun.NormalFill16(tail, m, s);
            }
        }
    }

    /// <summary>
    /// <c>torch.randn</c> / <c>Tensor.normal_(mean, std)</c> on a contiguous float64 tensor
    /// (<c>normal_fill&lt;double&gt;</c> with 16 or more elements, else <see cref="SampleNormal"/>).
    /// </summary>
    public static void Normal(Generator g, Span<double> data, double mean, double std)
    {
        lock (g.Mutex)
        {
            if (data.Length < 16)
            {
                NormalSerial(g, data, mean, std);
                return;
            }
            for (int i = 0; i < data.Length; i++)
                data[i] = SampleUniformDouble(g, 0.0, 1.0);
            int size = data.Length;
            for (int i = 0; i < size - 15; i += 16)
                NormalFill16(data.Slice(i, 16), mean, std);
            if (size % 16 != 0)
            {
                Span<double> tail = data[(size - 16)..];
                for (int i = 0; i < 16; i++)
                    tail[i] = SampleUniformDouble(g, 0.0, 1.0);
                NormalFill16(tail, mean, std);
            }
        }
    }

    /// <summary>
    /// The serial normal kernel PyTorch uses for fewer than 16 elements or a non-contiguous tensor:
    /// one <see cref="SampleNormal"/> per element (in iteration order), rounded to float.
    /// </summary>
    public static void NormalSerial(Generator g, Span<float> data, double mean, double std)
    {
        lock (g.Mutex)
        {
            for (int i = 0; i < data.Length; i++)
                data[i] = (float)SampleNormal(g, mean, std);
        }
    }

    /// <summary>Float64 version of <see cref="NormalSerial(Generator, Span{float}, double, double)"/>.</summary>
    public static void NormalSerial(Generator g, Span<double> data, double mean, double std)
    {
        lock (g.Mutex)
        {
            for (int i = 0; i < data.Length; i++)
                data[i] = SampleNormal(g, mean, std);
        }
    }

    // normal_fill_16<double>: libm log/sin/cos; `radius * cos * std + mean` is contracted to an FMA.
    private static void NormalFill16(Span<double> data, double mean, double std)
    {
        data = data[..16];
        for (int j = 0; j < 8; j++)
        {
            double u1 = 1 - data[j];
            double u2 = data[j + 8];
            double radius = Math.Sqrt(-2 * Math.Log(u1));
            double theta = 2.0 * Math.PI * u2;
            data[j] = Math.FusedMultiplyAdd(radius * Math.Cos(theta), std, mean);
            data[j + 8] = Math.FusedMultiplyAdd(radius * Math.Sin(theta), std, mean);
        }
    }

    // ---------------------------------------------------------------- integers

    /// <summary>
    /// <c>torch.randint(low, high)</c> / <c>random_(from, to)</c> on int64: <c>low + draw % (high - low)</c>, where
    /// the draw is <c>random()</c> (32 bits) when the range is below 2^32 and <c>random64()</c> otherwise.
    /// </summary>
    public static void RandomInt(Generator g, Span<long> data, long low, long high)
    {
        if (low >= high)
            throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}");
        ulong range = unchecked((ulong)high - (ulong)low);
        lock (g.Mutex)
        {
            if (range >= 1UL << 32)
            {
                for (int i = 0; i < data.Length; i++)
                    data[i] = unchecked((long)(g.NextUInt64() % range + (ulong)low));
            }
            else
            {
                for (int i = 0; i < data.Length; i++)
                    data[i] = unchecked((long)(g.NextUInt32() % range + (ulong)low));
            }
        }
    }

    /// <summary>
    /// <c>torch.randperm(n)</c> (int64): identity, then for <c>i</c> in <c>0..n-2</c> swap element <c>i</c> with
    /// element <c>i + random() % (n - i)</c>.
    /// </summary>
    public static void RandPerm(Generator g, Span<long> data)
    {
        long n = data.Length;
        for (int i = 0; i < data.Length; i++)
            data[i] = i;
        lock (g.Mutex)
        {
            for (long i = 0; i < n - 1; i++)
            {
                long z = (long)(g.NextUInt32() % (ulong)(n - i));
                (data[(int)i], data[(int)(z + i)]) = (data[(int)(z + i)], data[(int)i]);
            }
        }
    }

    // ---------------------------------------------------------------- bernoulli

    /// <summary>
    /// <c>Tensor.bernoulli_(p)</c> with a scalar <c>p</c> (non-MKL kernel): 1 where a double uniform
    /// (one <c>random64()</c>) is below <paramref name="p"/>, else 0. <c>dropout</c> on CPU draws its mask this
    /// way with <c>p = 1 - dropout_p</c>.
    /// </summary>
    public static void Bernoulli(Generator g, Span<float> data, double p) => BernoulliFill(g, data, p);

    private const int DrawChunk = 2048;

    /// <summary>
    /// One <c>random64()</c> per element (the high word drawn first), compared as the double in [0, 1) that
    /// <see cref="SampleUniformDouble"/> makes of it; the words are drawn in bulk, a chunk at a time.
    /// </summary>
    private static void BernoulliFill<T>(Generator g, Span<T> data, double p) where T : unmanaged, INumberBase<T>
    {
        Span<uint> words = stackalloc uint[2 * DrawChunk];
        lock (g.Mutex)
        {
            for (int start = 0; start < data.Length; start += DrawChunk)
            {
                var chunk = data.Slice(start, Math.Min(DrawChunk, data.Length - start));
                var w = words[..(2 * chunk.Length)];
                g.Fill(w);
                // (bits & 2^53-1)·2^-53 < p, compared exactly in integers: p·2^53 is exact, and an integer is
                // below it exactly when it is below its ceiling.
                ulong below = p >= 1 ? 1UL << 53 : p <= 0 ? 0 : (ulong)Math.Ceiling(p * (1UL << 53));
                var pairs = System.Runtime.InteropServices.MemoryMarshal.Cast<uint, ulong>(w);
                for (int i = 0; i < chunk.Length; i++)
                {
                    // The first word drawn is the high half: swap the halves of the little-endian pair.
                    ulong bits = System.Numerics.BitOperations.RotateLeft(pairs[i], 32);
                    chunk[i] = (bits & ((1UL << 53) - 1)) < below ? T.One : T.Zero;
                }
            }
        }
    }

    /// <summary>Float64 version of <see cref="Bernoulli(Generator, Span{float}, double)"/>.</summary>
    public static void Bernoulli(Generator g, Span<double> data, double p) => BernoulliFill(g, data, p);
}
