using static Flint.torch.distributions;
using static Flint.torch.distributions.transforms;

namespace Flint.Modules;

/// <summary>
/// The two-parameter Weibull distribution (PyTorch's <c>torch.distributions.Weibull</c>): scale·E^(1/concentration)
/// with E ~ Exponential(1), so samples are PyTorch's for the same generator state.
/// </summary>
public class Weibull : TransformedDistribution
{
    /// <summary>The scale λ.</summary>
    public Tensor scale { get; private set; }

    /// <summary>The shape k.</summary>
    public Tensor concentration { get; private set; }

    /// <summary>1 / k.</summary>
    public Tensor concentration_reciprocal { get; private set; }

    /// <summary>Broadcasts the parameters and checks both are positive.</summary>
    public Weibull(Tensor scale, Tensor concentration, torch.Generator? generator = null, bool? validate_args = null)
        : this(DistributionMath.BroadcastAll(scale, concentration), generator, validate_args) { }

    private Weibull(Tensor[] b, torch.Generator? generator, bool? validate_args)
        : base(new Exponential(torch.ones_like(b[0]), generator, validate_args),
               [new PowerTransform(b[1].reciprocal()), new AffineTransform(0.0, b[0])], generator, validate_args)
    {
        scale = b[0];
        concentration = b[1];
        concentration_reciprocal = concentration.reciprocal();
        ValidateArgs();
    }

    /// <inheritdoc/>
    protected override void ExpandParameters(long[] batch_shape)
    {
        scale = scale.expand(batch_shape);
        concentration = concentration.expand(batch_shape);
        concentration_reciprocal = concentration.reciprocal();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("scale", constraints.positive), ("concentration", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("scale", scale), ("concentration", concentration)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.positive;

    /// <inheritdoc/>
    public override Tensor mean => scale * DistributionMath.Lgamma(1 + concentration_reciprocal).exp();

    /// <inheritdoc/>
    public override Tensor mode => scale * ((concentration - 1) / concentration).pow(concentration.reciprocal());

    /// <inheritdoc/>
    public override Tensor variance => scale.pow(2) * (DistributionMath.Lgamma(1 + 2 * concentration_reciprocal).exp()
        - (2 * DistributionMath.Lgamma(1 + concentration_reciprocal)).exp());

    /// <inheritdoc/>
    public override Tensor entropy() => DistributionsExtra.EulerGamma * (1 - concentration_reciprocal) + (scale * concentration_reciprocal).log() + 1;
}

/// <summary>
/// The Pareto type I distribution (PyTorch's <c>torch.distributions.Pareto</c>): scale·e^E with E ~ Exponential(alpha),
/// so samples are PyTorch's for the same generator state.
/// </summary>
public class Pareto : TransformedDistribution
{
    /// <summary>The scale (the minimum of the support).</summary>
    public Tensor scale { get; private set; }

    /// <summary>The shape (tail index) α.</summary>
    public Tensor alpha { get; private set; }

    /// <summary>Broadcasts the parameters and checks both are positive.</summary>
    public Pareto(Tensor scale, Tensor alpha, torch.Generator? generator = null, bool? validate_args = null)
        : this(DistributionMath.BroadcastAll(scale, alpha), generator, validate_args) { }

    private Pareto(Tensor[] b, torch.Generator? generator, bool? validate_args)
        : base(new Exponential(b[1], generator, validate_args), [new ExpTransform(), new AffineTransform(0.0, b[0])], generator, validate_args)
    {
        scale = b[0];
        alpha = b[1];
        ValidateArgs();
    }

    /// <inheritdoc/>
    protected override void ExpandParameters(long[] batch_shape)
    {
        scale = scale.expand(batch_shape);
        alpha = alpha.expand(batch_shape);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("alpha", constraints.positive), ("scale", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("alpha", alpha), ("scale", scale)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.greater_than_eq(scale);

    /// <inheritdoc/>
    public override Tensor mean
    {
        get
        {
            var a = alpha.clamp(1.0);
            return a * scale / (a - 1);
        }
    }

    /// <inheritdoc/>
    public override Tensor mode => scale;

    /// <inheritdoc/>
    public override Tensor variance
    {
        get
        {
            var a = alpha.clamp(2.0);
            return scale.pow(2) * a / ((a - 1).pow(2) * (a - 2));
        }
    }

    /// <inheritdoc/>
    public override Tensor entropy() => (scale / alpha).log() + (1 + alpha.reciprocal());
}

/// <summary>
/// The Kumaraswamy distribution on (0, 1) (PyTorch's <c>torch.distributions.Kumaraswamy</c>):
/// (1 − U^(1/b))^(1/a) with U ~ Uniform(0, 1), so samples are PyTorch's for the same generator state.
/// </summary>
public class Kumaraswamy : TransformedDistribution
{
    /// <summary>The first concentration a (α).</summary>
    public Tensor concentration1 { get; private set; }

    /// <summary>The second concentration b (β).</summary>
    public Tensor concentration0 { get; private set; }

    /// <summary>Broadcasts the parameters and checks both are positive.</summary>
    public Kumaraswamy(Tensor concentration1, Tensor concentration0, torch.Generator? generator = null, bool? validate_args = null)
        : this(DistributionMath.BroadcastAll(concentration1, concentration0), generator, validate_args) { }

    private Kumaraswamy(Tensor[] b, torch.Generator? generator, bool? validate_args)
        : base(new Uniform(torch.full_like(b[1], 0.0), torch.full_like(b[1], 1.0), generator, validate_args),
               [new PowerTransform(b[1].reciprocal()), new AffineTransform(1.0, -1.0), new PowerTransform(b[0].reciprocal())], generator, validate_args)
    {
        concentration1 = b[0];
        concentration0 = b[1];
        ValidateArgs();
    }

    /// <inheritdoc/>
    protected override void ExpandParameters(long[] batch_shape)
    {
        concentration1 = concentration1.expand(batch_shape);
        concentration0 = concentration0.expand(batch_shape);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("concentration1", constraints.positive), ("concentration0", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("concentration1", concentration1), ("concentration0", concentration0)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.unit_interval;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    private static Tensor Moments(Tensor a, Tensor b, int n)
    {
        var arg1 = 1 + n / a;
        var logValue = DistributionMath.Lgamma(arg1) + DistributionMath.Lgamma(b) - DistributionMath.Lgamma(arg1 + b);
        return b * logValue.exp();
    }

    /// <inheritdoc/>
    public override Tensor mean => Moments(concentration1, concentration0, 1);

    /// <inheritdoc/>
    public override Tensor mode
    {
        get
        {
            // PyTorch 1.13's formula, term for term.
            var logMode = concentration0.reciprocal() * (-concentration0).log1p() - (-concentration0 * concentration1).log1p();
            logMode = logMode.masked_fill(concentration0.lt(1.0).logical_or(concentration1.lt(1.0)), double.NaN);
            return logMode.exp();
        }
    }

    /// <inheritdoc/>
    public override Tensor variance => Moments(concentration1, concentration0, 2) - mean.pow(2);

    /// <inheritdoc/>
    public override Tensor entropy()
    {
        var t1 = 1 - concentration1.reciprocal();
        var t0 = 1 - concentration0.reciprocal();
        var h0 = DistributionMath.Digamma(concentration0 + 1) + DistributionsExtra.EulerGamma;
        return t0 + t1 * h0 - concentration1.log() - concentration0.log();
    }
}

/// <summary>Constants shared by the distributions added with Weibull and Kumaraswamy.</summary>
internal static class DistributionsExtra
{
    /// <summary>The Euler–Mascheroni constant (PyTorch's <c>euler_constant</c>).</summary>
    public const double EulerGamma = 0.57721566490153286060;
}
