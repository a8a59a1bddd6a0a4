namespace Flint;

/// <summary>
/// The serial CPU samplers behind <c>Tensor.exponential_</c>, <c>cauchy_</c>, <c>log_normal_</c>, <c>geometric_</c>,
/// <c>random_()</c> and <c>bernoulli_(Tensor p)</c>, as PyTorch 1.13's CPU kernels draw
/// them (<c>aten/src/ATen/native/cpu/DistributionTemplates.h</c>, <c>aten/src/ATen/core/TransformationHelper.h</c>): one element after another in memory order of a contiguous
/// tensor, each from <see cref="Distributions.SampleUniformDouble"/> (one 64-bit draw) unless it says otherwise, so a
/// seeded generator gives PyTorch's values (tests/golden/tensor-surface.json).
/// </summary>
internal static class ScalarSamplers
{
    /// <summary><c>exponential_(lambd)</c>: −1/λ · log(1 − u), in double.</summary>
    public static void Exponential(Generator g, Span<double> data, double lambda)
    {
        lock (g.Mutex)
            for (int i = 0; i < data.Length; i++)
                data[i] = -1.0 / lambda * Math.Log(1.0 - Distributions.SampleUniformDouble(g, 0, 1));
    }

    /// <summary><c>cauchy_(median, sigma)</c>: median + sigma · tan(π(u − ½)), in double.</summary>
    public static void Cauchy(Generator g, Span<double> data, double median, double sigma)
    {
        lock (g.Mutex)
            for (int i = 0; i < data.Length; i++)
                data[i] = median + sigma * Math.Tan(Math.PI * (Distributions.SampleUniformDouble(g, 0, 1) - 0.5));
    }

    /// <summary><c>log_normal_(mean, std)</c>: exp of the scalar Box-Muller normal (<see cref="Distributions.SampleNormal"/>).</summary>
    public static void LogNormal(Generator g, Span<double> data, double mean, double std)
    {
        lock (g.Mutex)
            for (int i = 0; i < data.Length; i++)
                data[i] = Math.Exp(Distributions.SampleNormal(g, mean, std));
    }

    /// <summary><c>geometric_(p)</c>: ⌈log(u) / log1p(−p)⌉, the number of Bernoulli(p) trials up to the first success.</summary>
    public static void Geometric(Generator g, Span<double> data, double p)
    {
        double denominator = Backends.SpecialMath.Log1pAccurate(-p);
        lock (g.Mutex)
            for (int i = 0; i < data.Length; i++)
                data[i] = Math.Ceiling(Math.Log(Distributions.SampleUniformDouble(g, 0, 1)) / denominator);
    }

    /// <summary>
    /// <c>random_()</c> over the dtype's full range: one <c>random64()</c> for float64 and int64, one <c>random()</c>
    /// otherwise, reduced modulo 2^digits + 1 for floating types (every integer they hold exactly), modulo max + 1 for
    /// integers, and to the low bit for bool.
    /// </summary>
    public static void FullRange(Generator g, Span<long> data, ScalarType dtype)
    {
        bool wide = dtype is ScalarType.Float64 or ScalarType.Int64;
        ulong modulus = dtype switch
        {
            ScalarType.Float64 => (1UL << 53) + 1,
            ScalarType.Float32 => (1UL << 24) + 1,
            ScalarType.Float16 => (1UL << 11) + 1,
            ScalarType.BFloat16 => (1UL << 8) + 1,
            ScalarType.Int64 => 1UL << 63,
            ScalarType.Int32 => 1UL << 31,
            ScalarType.Int16 => 1UL << 15,
            ScalarType.Int8 => 1UL << 7,
            ScalarType.Byte => 1UL << 8,
            ScalarType.Bool => 2,
            _ => throw new ArgumentException($"\"random_kernel_cpu\" not implemented for '{DTypes.ShortName(dtype)}'"),
        };
        lock (g.Mutex)
            for (int i = 0; i < data.Length; i++)
            {
                ulong v = wide ? g.NextUInt64() : g.NextUInt32();
                data[i] = (long)(v % modulus);
            }
    }

    /// <summary>
    /// <c>bernoulli_(p)</c> with a probability tensor: 1 where a uniform is below p. A float64 p compares with a double
    /// uniform (one <c>random64()</c>); any other p with a float uniform (24 bits of one <c>random()</c>) against p as float.
    /// </summary>
    public static void BernoulliTensor(Generator g, Span<double> data, ReadOnlySpan<double> p, bool doubleP)
    {
        lock (g.Mutex)
            for (int i = 0; i < data.Length; i++)
            {
                if (p[i] is < 0 or > 1 || double.IsNaN(p[i]))
                    throw new ArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
                data[i] = doubleP
                    ? (Distributions.SampleUniformDouble(g, 0, 1) < p[i] ? 1 : 0)
                    : (Distributions.SampleUniformFloat(g, 0, 1) < (float)p[i] ? 1 : 0);
            }
    }
}
