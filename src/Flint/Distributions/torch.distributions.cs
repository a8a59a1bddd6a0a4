using Flint.Modules;

namespace Flint;

public static partial class torch
{
    public static partial class distributions
    {
        /// <summary>The normal distribution N(loc, scale²).</summary>
        public static Normal Normal(Tensor loc, Tensor scale, Generator? generator = null, bool? validate_args = null) => new(loc, scale, generator, validate_args);
        /// <summary>The normal distribution N(loc, scale²) with scalar parameters of the default dtype.</summary>
        public static Normal Normal(double loc, double scale = 1.0, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(loc), DistributionMath.Scalar(scale), generator, validate_args);

        /// <summary>The uniform distribution on [low, high).</summary>
        public static Uniform Uniform(Tensor low, Tensor high, Generator? generator = null, bool? validate_args = null) => new(low, high, generator, validate_args);
        /// <summary>The uniform distribution on [low, high) with scalar bounds of the default dtype.</summary>
        public static Uniform Uniform(double low, double high, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(low), DistributionMath.Scalar(high), generator, validate_args);

        /// <summary>The Bernoulli distribution from <paramref name="probs"/> or <paramref name="logits"/> (exactly one).</summary>
        public static Bernoulli Bernoulli(Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) => new(probs, logits, generator, validate_args);
        /// <summary>The Bernoulli distribution from a scalar probability or logit (exactly one).</summary>
        public static Bernoulli Bernoulli(double? probs, double? logits = null, Generator? generator = null, bool? validate_args = null) =>
            new(probs is { } p ? DistributionMath.Scalar(p) : null, logits is { } l ? DistributionMath.Scalar(l) : null, generator, validate_args);

        /// <summary>The categorical distribution from <paramref name="probs"/> or <paramref name="logits"/> (exactly one).</summary>
        public static Categorical Categorical(Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) => new(probs, logits, generator, validate_args);

        /// <summary>The one-hot categorical distribution from <paramref name="probs"/> or <paramref name="logits"/> (exactly one).</summary>
        public static OneHotCategorical OneHotCategorical(Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) => new(probs, logits, generator, validate_args);

        /// <summary>The exponential distribution with rate λ.</summary>
        public static Exponential Exponential(Tensor rate, Generator? generator = null, bool? validate_args = null) => new(rate, generator, validate_args);
        /// <summary>The exponential distribution with a scalar rate of the default dtype.</summary>
        public static Exponential Exponential(double rate, Generator? generator = null, bool? validate_args = null) => new(DistributionMath.Scalar(rate), generator, validate_args);

        /// <summary>The Laplace distribution.</summary>
        public static Laplace Laplace(Tensor loc, Tensor scale, Generator? generator = null, bool? validate_args = null) => new(loc, scale, generator, validate_args);
        /// <summary>The Laplace distribution with scalar parameters of the default dtype.</summary>
        public static Laplace Laplace(double loc, double scale, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(loc), DistributionMath.Scalar(scale), generator, validate_args);

        /// <summary>The Cauchy distribution.</summary>
        public static Cauchy Cauchy(Tensor loc, Tensor scale, Generator? generator = null, bool? validate_args = null) => new(loc, scale, generator, validate_args);
        /// <summary>The Cauchy distribution with scalar parameters of the default dtype.</summary>
        public static Cauchy Cauchy(double loc, double scale, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(loc), DistributionMath.Scalar(scale), generator, validate_args);

        /// <summary>The Gumbel distribution.</summary>
        public static Gumbel Gumbel(Tensor loc, Tensor scale, Generator? generator = null, bool? validate_args = null) => new(loc, scale, generator, validate_args);
        /// <summary>The Gumbel distribution with scalar parameters of the default dtype.</summary>
        public static Gumbel Gumbel(double loc, double scale, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(loc), DistributionMath.Scalar(scale), generator, validate_args);

        /// <summary>The log-normal distribution: exp of N(loc, scale²).</summary>
        public static LogNormal LogNormal(Tensor loc, Tensor scale, Generator? generator = null, bool? validate_args = null) => new(loc, scale, generator, validate_args);
        /// <summary>The log-normal distribution with scalar parameters of the default dtype.</summary>
        public static LogNormal LogNormal(double loc, double scale, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(loc), DistributionMath.Scalar(scale), generator, validate_args);

        /// <summary>The multivariate normal distribution from exactly one of a covariance matrix, a precision matrix or a lower Cholesky factor.</summary>
        public static MultivariateNormal MultivariateNormal(Tensor loc, Tensor? covariance_matrix = null, Tensor? precision_matrix = null, Tensor? scale_tril = null,
            Generator? generator = null, bool? validate_args = null) => new(loc, covariance_matrix, precision_matrix, scale_tril, generator, validate_args);

        /// <summary>The gamma distribution with shape <paramref name="concentration"/> and <paramref name="rate"/>.</summary>
        public static Gamma Gamma(Tensor concentration, Tensor rate, Generator? generator = null, bool? validate_args = null) => new(concentration, rate, generator, validate_args);
        /// <summary>The gamma distribution with scalar parameters of the default dtype.</summary>
        public static Gamma Gamma(double concentration, double rate, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(concentration), DistributionMath.Scalar(rate), generator, validate_args);

        /// <summary>The beta distribution with concentrations α (<paramref name="concentration1"/>) and β (<paramref name="concentration0"/>).</summary>
        public static Beta Beta(Tensor concentration1, Tensor concentration0, Generator? generator = null, bool? validate_args = null) => new(concentration1, concentration0, generator, validate_args);
        /// <summary>The beta distribution with scalar concentrations of the default dtype.</summary>
        public static Beta Beta(double concentration1, double concentration0, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(concentration1), DistributionMath.Scalar(concentration0), generator, validate_args);

        /// <summary>The Dirichlet distribution with concentration α (last dim: the categories).</summary>
        public static Dirichlet Dirichlet(Tensor concentration, Generator? generator = null, bool? validate_args = null) => new(concentration, generator, validate_args);

        /// <summary>Student's t distribution.</summary>
        public static StudentT StudentT(Tensor df, Tensor? loc = null, Tensor? scale = null, Generator? generator = null, bool? validate_args = null) => new(df, loc, scale, generator, validate_args);
        /// <summary>Student's t distribution with scalar parameters of the default dtype.</summary>
        public static StudentT StudentT(double df, double loc = 0.0, double scale = 1.0, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(df), DistributionMath.Scalar(loc), DistributionMath.Scalar(scale), generator, validate_args);

        /// <summary>The Poisson distribution with rate λ.</summary>
        public static Poisson Poisson(Tensor rate, Generator? generator = null, bool? validate_args = null) => new(rate, generator, validate_args);
        /// <summary>The Poisson distribution with a scalar rate of the default dtype.</summary>
        public static Poisson Poisson(double rate, Generator? generator = null, bool? validate_args = null) => new(DistributionMath.Scalar(rate), generator, validate_args);

        /// <summary>The binomial distribution with <paramref name="total_count"/> trials and exactly one of <paramref name="probs"/> and <paramref name="logits"/>.</summary>
        public static Binomial Binomial(Tensor total_count, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) => new(total_count, probs, logits, generator, validate_args);
        /// <summary>The binomial distribution with an integer number of trials.</summary>
        public static Binomial Binomial(long total_count, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) =>
            new(torch.tensor((double)total_count, (probs ?? logits)?.dtype ?? get_default_dtype()), probs, logits, generator, validate_args);

        /// <summary>The multinomial distribution: counts of <paramref name="total_count"/> categorical draws.</summary>
        public static Multinomial Multinomial(long total_count, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) => new(total_count, probs, logits, generator, validate_args);
    }
}
