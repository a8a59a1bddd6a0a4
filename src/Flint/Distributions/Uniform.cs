using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The uniform distribution on [low, high) (PyTorch's <c>torch.distributions.Uniform</c>);
/// <c>rsample</c> is low + <c>torch.rand</c>·(high − low), PyTorch's numbers for the same generator state.
/// </summary>
public class Uniform : Distribution
{
    /// <summary>The lower bound (inclusive).</summary>
    public Tensor low { get; private set; }

    /// <summary>The upper bound (exclusive).</summary>
    public Tensor high { get; private set; }

    /// <summary>Broadcasts the bounds and checks low &lt; high.</summary>
    public Uniform(Tensor low, Tensor high, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(low, high);
        this.low = b[0];
        this.high = b[1];
        batch_shape = new Size(this.low.Shape);
        if (_validate_args && !this.low.lt(this.high).all().item<bool>())
            throw new ArgumentException("Uniform is not defined when low>= high");
    }

    private Uniform(Tensor low, Tensor high) : base(null, validate_args: false) { this.low = low; this.high = high; }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("low", constraints.dependent), ("high", constraints.dependent)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("low", low), ("high", high)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.interval(low, high);

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => (high + low) / 2;

    /// <inheritdoc/>
    public override Tensor mode => torch.full_like(high, double.NaN);

    /// <inheritdoc/>
    public override Tensor stddev => (high - low) / Math.Sqrt(12);

    /// <inheritdoc/>
    public override Tensor variance => (high - low).pow(2) / 12;

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var rand = DistributionDraws.Uniform(shape, low.dtype, low.device, generator);
        return low + rand * (high - low);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var lb = low.le(value).type_as(low);
        var ub = high.gt(value).type_as(low);
        return lb.mul(ub).log() - (high - low).log();
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        ValidateSample(value);
        return ((value - low) / (high - low)).clamp(0, 1);
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value) => value * (high - low) + low;

    /// <inheritdoc/>
    public override Tensor entropy() => (high - low).log();

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Uniform(low.expand(batch_shape), high.expand(batch_shape)), batch_shape);
}
