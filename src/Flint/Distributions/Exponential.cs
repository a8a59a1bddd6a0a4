using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The exponential distribution with rate λ (PyTorch's <c>torch.distributions.Exponential</c>);
/// <c>rsample</c> is <c>exponential_()</c> / rate, PyTorch's numbers for the same generator state.
/// </summary>
public class Exponential : Distribution
{
    /// <summary>The rate λ (1 / mean).</summary>
    public Tensor rate { get; private set; }

    /// <summary>Checks rate &gt; 0.</summary>
    public Exponential(Tensor rate, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        this.rate = rate;
        batch_shape = new Size(rate.Shape);
        ValidateArgs();
    }

    private Exponential(Tensor rate) : base(null, validate_args: false) => this.rate = rate;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("rate", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("rate", rate)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.nonnegative;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => 1.0 / rate;

    /// <inheritdoc/>
    public override Tensor mode => torch.zeros_like(rate);

    /// <inheritdoc/>
    public override Tensor stddev => 1.0 / rate;

    /// <inheritdoc/>
    public override Tensor variance => rate.pow(-2);

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        return DistributionDraws.StandardExponential(shape, rate.dtype, rate.device, generator) / rate;
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        return rate.log() - rate * value;
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        ValidateSample(value);
        return 1 - (-rate * value).exp();
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value) => -(1 - value).log() / rate;

    /// <inheritdoc/>
    public override Tensor entropy() => 1.0 - rate.log();

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Exponential(rate.expand(batch_shape)), batch_shape);
}
