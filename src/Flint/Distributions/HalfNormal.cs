using static Flint.torch.distributions;
using static Flint.torch.distributions.transforms;

namespace Flint.Modules;

/// <summary>
/// The half-normal distribution |X| with X ~ N(0, scale²) (PyTorch's <c>torch.distributions.HalfNormal</c>);
/// samples are the absolute values of Normal's draws, PyTorch's numbers for the same generator state.
/// </summary>
public class HalfNormal : TransformedDistribution
{
    /// <summary>Checks scale &gt; 0.</summary>
    public HalfNormal(Tensor scale, torch.Generator? generator = null, bool? validate_args = null)
        : base(new Normal(torch.zeros_like(scale), scale, generator, validate_args: false), new AbsTransform(), generator, validate_args) => ValidateArgs();

    /// <summary>The scale of the underlying normal.</summary>
    public Tensor scale => ((Normal)base_dist).scale;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("scale", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("scale", scale)];

    /// <summary>PyTorch lists no parameters in the repr (scale is a property of the base).</summary>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.nonnegative;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => scale * Math.Sqrt(2 / Math.PI);

    /// <inheritdoc/>
    public override Tensor mode => torch.zeros_like(scale);

    /// <inheritdoc/>
    public override Tensor variance => scale.pow(2) * (1 - 2 / Math.PI);

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var lp = base_dist.log_prob(value) + Math.Log(2);
        return torch.where(value.ge(0.0), lp, torch.full_like(lp, double.NegativeInfinity));
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        ValidateSample(value);
        return 2 * base_dist.cdf(value) - 1;
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value) => base_dist.icdf((value + 1) / 2);

    /// <inheritdoc/>
    public override Tensor entropy() => base_dist.entropy() - Math.Log(2);
}

/// <summary>
/// The half-Cauchy distribution |X| with X ~ Cauchy(0, scale) (PyTorch's <c>torch.distributions.HalfCauchy</c>);
/// samples are the absolute values of Cauchy's draws, PyTorch's numbers for the same generator state.
/// </summary>
public class HalfCauchy : TransformedDistribution
{
    /// <summary>Checks scale &gt; 0.</summary>
    public HalfCauchy(Tensor scale, torch.Generator? generator = null, bool? validate_args = null)
        : base(new Cauchy(torch.zeros_like(scale), scale, generator, validate_args: false), new AbsTransform(), generator, validate_args) => ValidateArgs();

    /// <summary>The scale of the underlying Cauchy distribution.</summary>
    public Tensor scale => ((Cauchy)base_dist).scale;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("scale", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("scale", scale)];

    /// <summary>PyTorch lists no parameters in the repr (scale is a property of the base).</summary>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.nonnegative;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => torch.full(ExtendedShape([]), double.PositiveInfinity, scale.dtype, scale.device);

    /// <inheritdoc/>
    public override Tensor mode => torch.zeros_like(scale);

    /// <inheritdoc/>
    public override Tensor variance => base_dist.variance;

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        value = value.to(scale.dtype);
        var lp = base_dist.log_prob(value) + Math.Log(2);
        return torch.where(value.ge(0.0), lp, torch.full_like(lp, double.NegativeInfinity));
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        ValidateSample(value);
        return 2 * base_dist.cdf(value) - 1;
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value) => base_dist.icdf((value + 1) / 2);

    /// <inheritdoc/>
    public override Tensor entropy() => base_dist.entropy() - Math.Log(2);
}
