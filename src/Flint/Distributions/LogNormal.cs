using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The log-normal distribution: exp of a <see cref="Normal"/>(loc, scale) (PyTorch's
/// <c>torch.distributions.LogNormal</c>, a transformed distribution with <c>ExpTransform</c>).
/// </summary>
public class LogNormal : Distribution
{
    private readonly Normal _base;

    /// <summary>Checks the base Normal's parameters (scale &gt; 0).</summary>
    public LogNormal(Tensor loc, Tensor scale, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        _base = new Normal(loc, scale, generator, validate_args);
        batch_shape = _base.batch_shape;
    }

    private LogNormal(Normal baseDist) : base(null, validate_args: false) => _base = baseDist;

    /// <summary>The base Normal.</summary>
    public Normal base_dist => _base;

    /// <summary>The mean of log X.</summary>
    public Tensor loc => _base.loc;

    /// <summary>The standard deviation of log X.</summary>
    public Tensor scale => _base.scale;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("loc", constraints.real), ("scale", constraints.positive)];

    // loc and scale are properties in PyTorch (not in __dict__), so its repr lists none: LogNormal().
    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.positive;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => (loc + scale.pow(2) / 2).exp();

    /// <inheritdoc/>
    public override Tensor mode => (loc - scale.pow(2)).exp();

    /// <inheritdoc/>
    public override Tensor variance => (scale.pow(2).exp() - 1) * (2 * loc + scale.pow(2)).exp();

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        using (torch.no_grad()) return WithGenerator().sample(sample_shape).exp();
    }

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape) => WithGenerator().rsample(sample_shape).exp();

    private Normal WithGenerator() { _base.SetGenerator(generator); return _base; }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var x = value.log();
        return (0.0 - x) + _base.log_prob(x);
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value) => _base.cdf(value.log());

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value) => _base.icdf(value).exp();

    /// <inheritdoc/>
    public override Tensor entropy() => _base.entropy() + loc;

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new LogNormal((Normal)_base.expand(batch_shape)), batch_shape);
}
