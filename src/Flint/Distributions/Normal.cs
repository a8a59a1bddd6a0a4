using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The normal distribution N(loc, scale²) (PyTorch's <c>torch.distributions.Normal</c>). <c>sample</c> is
/// <c>torch.normal(loc.expand(shape), scale.expand(shape))</c> and <c>rsample</c> is loc + ε·scale with
/// ε = <c>normal_()</c>: both give PyTorch's numbers for the same generator state.
/// </summary>
public class Normal : Distribution
{
    /// <summary>The mean.</summary>
    public Tensor loc { get; private set; }

    /// <summary>The standard deviation.</summary>
    public Tensor scale { get; private set; }

    /// <summary>Broadcasts <paramref name="loc"/> and <paramref name="scale"/> and checks them (scale &gt; 0).</summary>
    public Normal(Tensor loc, Tensor scale, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(loc, scale);
        this.loc = b[0];
        this.scale = b[1];
        batch_shape = new Size(this.loc.Shape);
        ValidateArgs();
    }

    private Normal(Tensor loc, Tensor scale) : base(null, validate_args: false) { this.loc = loc; this.scale = scale; }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("loc", constraints.real), ("scale", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("loc", loc), ("scale", scale)];

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => loc;

    /// <inheritdoc/>
    public override Tensor mode => loc;

    /// <inheritdoc/>
    public override Tensor stddev => scale;

    /// <inheritdoc/>
    public override Tensor variance => scale.pow(2);

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        using (torch.no_grad())
        {
            // at::normal(mean, std): output.normal_(0, 1), then output.mul_(std).add_(mean).
            var eps = DistributionDraws.StandardNormal(shape, loc.dtype, loc.device, generator);
            return eps * scale.expand(shape) + loc.expand(shape);
        }
    }

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var eps = DistributionDraws.StandardNormal(shape, loc.dtype, loc.device, generator);
        return loc + eps * scale;
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var variance2 = scale.pow(2);
        var logScale = scale.log();
        return -(value - loc).pow(2) / (2 * variance2) - logScale - Math.Log(Math.Sqrt(2 * Math.PI));
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        ValidateSample(value);
        return 0.5 * (1 + ((value - loc) * (1.0 / scale) / Math.Sqrt(2)).erf());
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value) => loc + scale * (2 * value - 1).erfinv() * Math.Sqrt(2);

    /// <inheritdoc/>
    public override Tensor entropy() => 0.5 + 0.5 * Math.Log(2 * Math.PI) + scale.log();

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Normal(loc.expand(batch_shape), scale.expand(batch_shape)), batch_shape);
}
