using Flint.Ops;

namespace Flint;

// TorchSharp's random Tensor methods: the in-place fills and bernoulli/multinomial, forwarding to Ops/RandomFills.cs
// (PyTorch 1.13's CPU algorithms, so a seeded generator gives PyTorch's values).
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Fills in place with U[from, to) samples (float dtypes), as <c>torch.rand</c> draws them.</summary>
        public Tensor uniform_(double from = 0.0, double to = 1.0, Generator? generator = null) => RandomFills.Uniform(this, from, to, generator);

        /// <summary>Fills in place with N(mean, std²) samples (float dtypes), as <c>torch.randn</c> draws them.</summary>
        public Tensor normal_(double mean = 0.0, double std = 1.0, Generator? generator = null) => RandomFills.Normal(this, mean, std, generator);

        /// <summary>Fills in place with integers uniformly from [from, to), in this tensor's dtype.</summary>
        public Tensor random_(double from, double to, Generator? generator = null) => RandomFills.RandomFromTo(this, checked((long)from), checked((long)to), generator);

        /// <summary>Fills in place with integers uniformly from [0, to), in this tensor's dtype.</summary>
        public Tensor random_(double to, Generator? generator = null) => RandomFills.RandomFromTo(this, 0, checked((long)to), generator);

        /// <summary>
        /// Fills in place with integers uniformly over the dtype's range: [0, 2^mantissa] for floating types (every integer
        /// they hold exactly), [0, max] for integer types, {false, true} for bool.
        /// </summary>
        public Tensor random_(Generator? generator = null) => RandomFills.RandomFull(this, generator);

        /// <summary>Fills in place with Exp(λ) samples: −log(1 − u)/λ.</summary>
        public Tensor exponential_(double lambda = 1.0, Generator? generator = null) => RandomFills.Exponential(this, lambda, generator);

        /// <summary>Fills in place with Cauchy(median, sigma) samples.</summary>
        public Tensor cauchy_(double median = 0.0, double sigma = 1.0, Generator? generator = null) => RandomFills.Cauchy(this, median, sigma, generator);

        /// <summary>Fills in place with samples whose logarithm is N(mean, std²).</summary>
        public Tensor log_normal_(double mean = 1.0, double std = 2.0, Generator? generator = null) => RandomFills.LogNormal(this, mean, std, generator);

        /// <summary>Fills in place with Geometric(p) samples: the number of Bernoulli(p) trials up to and including the first success.</summary>
        public Tensor geometric_(double p, Generator? generator = null) => RandomFills.Geometric(this, p, generator);

        /// <summary>Fills in place with 1 with probability <paramref name="p"/>, else 0.</summary>
        public Tensor bernoulli_(double p = 0.5, Generator? generator = null) => RandomFills.Bernoulli(this, p, generator);

        /// <summary>Fills in place with 1 with probability <paramref name="p"/> (broadcast to this tensor's shape), else 0.</summary>
        public Tensor bernoulli_(Tensor p, Generator? generator = null) => RandomFills.Bernoulli(this, p, generator);

        /// <summary>A new tensor of this dtype: 1 with probability given by each element of this tensor, else 0.</summary>
        public Tensor bernoulli(Generator? generator = null) => RandomFills.BernoulliOf(this, generator);

        /// <summary>Indices drawn from the (unnormalised) weights in each row (<c>torch.multinomial</c>).</summary>
        public Tensor multinomial(long num_samples, bool replacement = false, Generator? generator = null) =>
            torch.multinomial(this, num_samples, replacement, generator);
    }
}
