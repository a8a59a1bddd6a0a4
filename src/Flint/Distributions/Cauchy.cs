using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The Cauchy distribution (PyTorch's <c>torch.distributions.Cauchy</c>); <c>rsample</c> is loc + ε·scale with
/// ε = <c>cauchy_()</c>, PyTorch's numbers for the same generator state.
/// </summary>
public class Cauchy : Distribution
{
    /// <summary>The location (median).</summary>
    public Tensor loc { get; private set; }

    /// <summary>The half width at half maximum.</summary>
    public Tensor scale { get; private set; }

    /// <summary>Broadcasts the parameters and checks scale &gt; 0.</summary>
    public Cauchy(Tensor loc, Tensor scale, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(loc, scale);
        this.loc = b[0];
        this.scale = b[1];
        batch_shape = new Size(this.loc.Shape);
        ValidateArgs();
    }

    private Cauchy(Tensor loc, Tensor scale) : base(null, validate_args: false) { this.loc = loc; this.scale = scale; }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("loc", constraints.real), ("scale", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("loc", loc), ("scale", scale)];

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => torch.full(ExtendedShape([]), double.NaN, loc.dtype, loc.device);

    /// <inheritdoc/>
    public override Tensor mode => loc;

    /// <inheritdoc/>
    public override Tensor variance => torch.full(ExtendedShape([]), double.PositiveInfinity, loc.dtype, loc.device);

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var eps = DistributionDraws.StandardCauchy(shape, loc.dtype, loc.device, generator);
        return loc + eps * scale;
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        return -Math.Log(Math.PI) - scale.log() - (1 + ((value - loc) / scale).pow(2)).log();
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        ValidateSample(value);
        return DistributionMath.Atan((value - loc) / scale) / Math.PI + 0.5;
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value)
    {
        var angle = Math.PI * (value - 0.5);
        return angle.sin() / angle.cos() * scale + loc;
    }

    /// <inheritdoc/>
    public override Tensor entropy() => Math.Log(4 * Math.PI) + scale.log();

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Cauchy(loc.expand(batch_shape), scale.expand(batch_shape)), batch_shape);
}
