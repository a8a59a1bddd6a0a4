namespace Flint;

public static partial class torch
{
    /// <summary>
    /// PyTorch's <c>torch.multinomial(input, num_samples, replacement, generator)</c> on the CPU: indices drawn
    /// from the (unnormalised) weights in each row of a 1-D or 2-D <paramref name="input"/>, with PyTorch 1.13's
    /// algorithms (binary search in the cumulative distribution with replacement; <c>topk(p / Exp(1))</c>
    /// without replacement), so a seeded generator gives PyTorch's indices.
    /// </summary>
    public static Tensor multinomial(Tensor input, long num_samples, bool replacement = false, Generator? generator = null)
    {
        if (input.dim() is not (1 or 2)) throw new ArgumentException("prob_dist must be 1 or 2 dim");
        if (!input.is_floating_point())
            throw new ArgumentException($"multinomial only supports floating-point dtypes for input, got: {DTypes.ShortName(input.dtype)}");
        if (num_samples <= 0) throw new ArgumentException("cannot sample n_sample <= 0 samples");
        long categories = input.shape[^1];
        if (!replacement && num_samples > categories)
            throw new ArgumentException("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        long rows = input.dim() == 1 ? 1 : input.shape[0];
        var p = input.to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
        var result = new long[rows * num_samples];
        var g = Generator.Resolve(generator);
        for (long r = 0; r < rows; r++)
        {
            var row = p.AsSpan((int)(r * categories), (int)categories);
            var outRow = result.AsSpan((int)(r * num_samples), (int)num_samples);
            if (!replacement) WithoutReplacement(g, row, outRow); // PyTorch 1.13 draws one sample with replacement by the binary search too
            else if (input.dtype == ScalarType.Float64) WithReplacement<double>(g, row, outRow);
            else WithReplacement<float>(g, row, outRow); // float32 (and float16/bfloat16, which PyTorch sums in float32)
        }
        // Drawn on the host from the CPU generator; the indices go back to the input's device, as PyTorch returns them.
        var t = torch.tensor(result).to(input.device);
        return input.dim() == 1 ? t : t.reshape(rows, num_samples);
    }

    // at::native multinomial_with_replacement_apply (CPU): normalised cumulative sums in T (the input's dtype, float32 for the
    // half types), one uniform double per sample compared with them.
    private static void WithReplacement<T>(global::Flint.Generator g, ReadOnlySpan<double> weights, Span<long> output)
        where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        var cum = new T[weights.Length];
        T sum = T.Zero;
        for (int j = 0; j < weights.Length; j++)
        {
            double w = weights[j];
            if (!(w >= 0)) throw new ArgumentException("invalid multinomial distribution (encountering probability entry < 0)");
            if (double.IsInfinity(w)) throw new ArgumentException("invalid multinomial distribution (encountering probability entry = infinity or NaN)");
            sum += T.CreateTruncating(w); // exact: the weights came from T (or a narrower type)
            cum[j] = sum;
        }
        if (!(sum > T.Zero)) throw new ArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
        for (int j = 0; j < cum.Length; j++) cum[j] /= sum;
        cum[^1] = T.One;
        lock (g.Mutex)
        {
            for (int s = 0; s < output.Length; s++)
            {
                double u = Distributions.SampleUniformDouble(g, 0, 1);
                int left = 0, right = cum.Length;
                while (right - left > 0)
                {
                    int mid = left + (right - left) / 2;
                    if (double.CreateTruncating(cum[mid]) < u) left = mid + 1; else right = mid;
                }
                output[s] = left;
            }
        }
    }

    // The Gumbel-max trick PyTorch 1.13 uses: q ~ Exp(1), the top num_samples of p / q.
    private static void WithoutReplacement(global::Flint.Generator g, ReadOnlySpan<double> weights, Span<long> output)
    {
        double sum = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentException("probability tensor contains either `inf`, `nan` or element < 0");
            sum += w;
        }
        if (sum == 0) throw new ArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
        var keys = new double[weights.Length];
        lock (g.Mutex)
        {
            for (int j = 0; j < keys.Length; j++)
            {
                double u = Distributions.SampleUniformDouble(g, 0, 1);
                double q = -1.0 * Math.Log(1.0 - u);
                keys[j] = weights[j] / q;
            }
        }
        var order = Enumerable.Range(0, keys.Length).OrderByDescending(j => keys[j]).ToArray();
        for (int s = 0; s < output.Length; s++) output[s] = order[s];
    }
}
