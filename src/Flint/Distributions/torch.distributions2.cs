using Flint.Modules;

namespace Flint;

public static partial class torch
{
    public static partial class distributions
    {
        /// <summary>The half-normal distribution |N(0, scale²)|.</summary>
        public static HalfNormal HalfNormal(Tensor scale, Generator? generator = null, bool? validate_args = null) => new(scale, generator, validate_args);
        /// <summary>The half-normal distribution with a scalar scale of the default dtype.</summary>
        public static HalfNormal HalfNormal(double scale, Generator? generator = null, bool? validate_args = null) => new(DistributionMath.Scalar(scale), generator, validate_args);

        /// <summary>The half-Cauchy distribution |Cauchy(0, scale)|.</summary>
        public static HalfCauchy HalfCauchy(Tensor scale, Generator? generator = null, bool? validate_args = null) => new(scale, generator, validate_args);
        /// <summary>The half-Cauchy distribution with a scalar scale of the default dtype.</summary>
        public static HalfCauchy HalfCauchy(double scale, Generator? generator = null, bool? validate_args = null) => new(DistributionMath.Scalar(scale), generator, validate_args);

        /// <summary>The Weibull distribution with <paramref name="scale"/> λ and shape <paramref name="concentration"/> k.</summary>
        public static Weibull Weibull(Tensor scale, Tensor concentration, Generator? generator = null, bool? validate_args = null) => new(scale, concentration, generator, validate_args);
        /// <summary>The Weibull distribution with scalar parameters of the default dtype.</summary>
        public static Weibull Weibull(double scale, double concentration, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(scale), DistributionMath.Scalar(concentration), generator, validate_args);

        /// <summary>The Pareto type I distribution with <paramref name="scale"/> and tail index <paramref name="alpha"/>.</summary>
        public static Pareto Pareto(Tensor scale, Tensor alpha, Generator? generator = null, bool? validate_args = null) => new(scale, alpha, generator, validate_args);
        /// <summary>The Pareto distribution with scalar parameters of the default dtype.</summary>
        public static Pareto Pareto(double scale, double alpha, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(scale), DistributionMath.Scalar(alpha), generator, validate_args);

        /// <summary>The Kumaraswamy distribution with concentrations a (<paramref name="concentration1"/>) and b (<paramref name="concentration0"/>).</summary>
        public static Kumaraswamy Kumaraswamy(Tensor concentration1, Tensor concentration0, Generator? generator = null, bool? validate_args = null) => new(concentration1, concentration0, generator, validate_args);
        /// <summary>The Kumaraswamy distribution with scalar concentrations of the default dtype.</summary>
        public static Kumaraswamy Kumaraswamy(double concentration1, double concentration0, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(concentration1), DistributionMath.Scalar(concentration0), generator, validate_args);

        /// <summary>The geometric distribution from <paramref name="probs"/> or <paramref name="logits"/> (exactly one).</summary>
        public static Geometric Geometric(Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) => new(probs, logits, generator, validate_args);

        /// <summary>The negative binomial distribution with <paramref name="total_count"/> failures and exactly one of <paramref name="probs"/> and <paramref name="logits"/>.</summary>
        public static NegativeBinomial NegativeBinomial(Tensor total_count, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) =>
            new(total_count, probs, logits, generator, validate_args);
        /// <summary>The negative binomial distribution with a scalar number of failures.</summary>
        public static NegativeBinomial NegativeBinomial(double total_count, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) =>
            new(torch.tensor(total_count, (probs ?? logits)?.dtype ?? get_default_dtype()), probs, logits, generator, validate_args);

        /// <summary>The chi-squared distribution with <paramref name="df"/> degrees of freedom.</summary>
        public static Chi2 Chi2(Tensor df, Generator? generator = null, bool? validate_args = null) => new(df, generator, validate_args);
        /// <summary>The chi-squared distribution with a scalar df of the default dtype.</summary>
        public static Chi2 Chi2(double df, Generator? generator = null, bool? validate_args = null) => new(DistributionMath.Scalar(df), generator, validate_args);

        /// <summary>The Fisher–Snedecor F distribution.</summary>
        public static FisherSnedecor FisherSnedecor(Tensor df1, Tensor df2, Generator? generator = null, bool? validate_args = null) => new(df1, df2, generator, validate_args);
        /// <summary>The Fisher–Snedecor F distribution with scalar parameters of the default dtype.</summary>
        public static FisherSnedecor FisherSnedecor(double df1, double df2, Generator? generator = null, bool? validate_args = null) =>
            new(DistributionMath.Scalar(df1), DistributionMath.Scalar(df2), generator, validate_args);

        /// <summary>Reinterprets the rightmost <paramref name="reinterpreted_batch_ndims"/> batch dims of <paramref name="base_distribution"/> as event dims.</summary>
        public static Independent Independent(Distribution base_distribution, int reinterpreted_batch_ndims, Generator? generator = null, bool? validate_args = null) =>
            new(base_distribution, reinterpreted_batch_ndims, generator, validate_args);

        /// <summary>The logit of a relaxed Bernoulli variable at <paramref name="temperature"/>.</summary>
        public static LogitRelaxedBernoulli LogitRelaxedBernoulli(Tensor temperature, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) =>
            new(temperature, probs, logits, generator, validate_args);

        /// <summary>The relaxed Bernoulli (binary Concrete) distribution at <paramref name="temperature"/>.</summary>
        public static RelaxedBernoulli RelaxedBernoulli(Tensor temperature, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) =>
            new(temperature, probs, logits, generator, validate_args);

        /// <summary>The log of a relaxed one-hot categorical variable at <paramref name="temperature"/>.</summary>
        public static ExpRelaxedCategorical ExpRelaxedCategorical(Tensor temperature, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) =>
            new(temperature, probs, logits, generator, validate_args);

        /// <summary>The relaxed one-hot categorical (Gumbel-softmax) distribution at <paramref name="temperature"/>.</summary>
        public static RelaxedOneHotCategorical RelaxedOneHotCategorical(Tensor temperature, Tensor? probs = null, Tensor? logits = null, Generator? generator = null, bool? validate_args = null) =>
            new(temperature, probs, logits, generator, validate_args);

        /// <summary>A base distribution pushed through <paramref name="transforms"/>.</summary>
        public static TransformedDistribution TransformedDistribution(Distribution base_distribution, IEnumerable<transforms.Transform> transforms, Generator? generator = null, bool? validate_args = null) =>
            new(base_distribution, transforms, generator, validate_args);

        /// <summary>
        /// PyTorch's <c>ExponentialFamily</c>: distributions with density exp(⟨t(x), θ⟩ − F(θ) + k(x)). Subclasses give
        /// the natural parameters θ, the log normaliser F and the carrier measure's mean; <see cref="entropy"/> is then
        /// the Bregman-divergence formula, differentiated with autograd.
        /// </summary>
        public abstract class ExponentialFamily : Distribution
        {
            /// <summary>Sets the generator and shapes.</summary>
            protected ExponentialFamily(Generator? generator, long[]? batch_shape = null, long[]? event_shape = null, bool? validate_args = null)
                : base(generator, batch_shape, event_shape, validate_args) { }

            /// <summary>The natural parameters θ.</summary>
            protected abstract Tensor[] _natural_params { get; }

            /// <summary>The log normaliser F(θ).</summary>
            protected abstract Tensor _log_normalizer(params Tensor[] natural_params);

            /// <summary>E[k(x)], the mean of the carrier measure.</summary>
            protected abstract Tensor _mean_carrier_measure { get; }

            /// <summary>H = F(θ) − ⟨θ, ∇F(θ)⟩ − E[k(x)].</summary>
            public override Tensor entropy()
            {
                var result = -_mean_carrier_measure;
                var nparams = _natural_params.Select(p => p.detach().requires_grad_()).ToArray();
                var lgNormal = _log_normalizer(nparams);
                var gradients = autograd.grad(lgNormal.sum(), nparams, create_graph: true);
                result = result + lgNormal;
                for (int i = 0; i < nparams.Length; i++)
                    result = result - (nparams[i] * gradients[i]).reshape([.. batch_shape.ToArray(), -1]).sum(-1);
                return result;
            }
        }
    }
}
