using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The Poisson distribution (PyTorch's <c>torch.distributions.Poisson</c>); <c>sample</c> is PyTorch's
/// <c>torch.poisson</c> sampler, the same counts for the same CPU generator state.
/// </summary>
public class Poisson : Distribution
{
    /// <summary>The rate λ.</summary>
    public Tensor rate { get; private set; }

    /// <summary>Checks rate ≥ 0.</summary>
    public Poisson(Tensor rate, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        this.rate = rate;
        batch_shape = new Size(rate.Shape);
        ValidateArgs();
    }

    private Poisson(Tensor rate) : base(null, validate_args: false) => this.rate = rate;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("rate", constraints.nonnegative)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("rate", rate)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.nonnegative_integer;

    /// <inheritdoc/>
    public override Tensor mean => rate;

    /// <inheritdoc/>
    public override Tensor mode => rate.floor();

    /// <inheritdoc/>
    public override Tensor variance => rate;

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        using (torch.no_grad()) return NativeSamplers.Poisson(rate.expand(shape), generator);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var b = DistributionMath.BroadcastAll(rate, value);
        return DistributionMath.Xlogy(b[1], b[0]) - b[0] - DistributionMath.Lgamma(b[1] + 1);
    }

    /// <summary>PyTorch 1.13's Poisson has no entropy.</summary>
    public override Tensor entropy() => throw new NotSupportedException("Poisson does not implement entropy");

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Poisson(rate.expand(batch_shape)), batch_shape);
}
