using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The gamma distribution with shape <c>concentration</c> and <c>rate</c> (PyTorch's <c>torch.distributions.Gamma</c>).
/// <c>rsample</c> is <c>_standard_gamma(concentration) / rate</c> with PyTorch's sampler (the same draws for the
/// same CPU generator state) and its implicit reparameterisation gradient with respect to the concentration.
/// </summary>
public class Gamma : Distribution
{
    /// <summary>The shape α.</summary>
    public Tensor concentration { get; private set; }

    /// <summary>The rate β (1 / scale).</summary>
    public Tensor rate { get; private set; }

    /// <summary>Broadcasts the parameters and checks both are positive.</summary>
    public Gamma(Tensor concentration, Tensor rate, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(concentration, rate);
        this.concentration = b[0];
        this.rate = b[1];
        batch_shape = new Size(this.concentration.Shape);
        ValidateArgs();
    }

    private Gamma(Tensor concentration, Tensor rate) : base(null, validate_args: false) { this.concentration = concentration; this.rate = rate; }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("concentration", constraints.positive), ("rate", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("concentration", concentration), ("rate", rate)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.nonnegative;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => concentration / rate;

    /// <inheritdoc/>
    public override Tensor mode => ((concentration - 1) / rate).clamp(0);

    /// <inheritdoc/>
    public override Tensor variance => concentration / rate.pow(2);

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var value = StandardGammaFunction.apply(concentration.expand(shape), generator!) / rate.expand(shape);
        // PyTorch clamps the values (not the graph) at tiny.
        using (torch.no_grad()) value.detach().clamp_(DistributionMath.Tiny(value.dtype));
        return value;
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        return DistributionMath.Xlogy(concentration, rate) + DistributionMath.Xlogy(concentration - 1, value)
            - rate * value - DistributionMath.Lgamma(concentration);
    }

    /// <inheritdoc/>
    public override Tensor entropy() =>
        concentration - rate.log() + DistributionMath.Lgamma(concentration) + (1.0 - concentration) * DistributionMath.Digamma(concentration);

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Gamma(concentration.expand(batch_shape), rate.expand(batch_shape)), batch_shape);
}
