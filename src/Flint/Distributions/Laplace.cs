using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The Laplace distribution (PyTorch's <c>torch.distributions.Laplace</c>); <c>rsample</c> is
/// loc − scale·sign(u)·log1p(−|u|) with u = <c>uniform_(eps − 1, 1)</c>, PyTorch's numbers for the same generator state.
/// </summary>
public class Laplace : Distribution
{
    /// <summary>The location (mean).</summary>
    public Tensor loc { get; private set; }

    /// <summary>The scale b.</summary>
    public Tensor scale { get; private set; }

    /// <summary>Broadcasts the parameters and checks scale &gt; 0.</summary>
    public Laplace(Tensor loc, Tensor scale, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(loc, scale);
        this.loc = b[0];
        this.scale = b[1];
        batch_shape = new Size(this.loc.Shape);
        ValidateArgs();
    }

    private Laplace(Tensor loc, Tensor scale) : base(null, validate_args: false) { this.loc = loc; this.scale = scale; }

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
    public override Tensor variance => 2 * scale.pow(2);

    /// <inheritdoc/>
    public override Tensor stddev => Math.Sqrt(2) * scale;

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var u = DistributionDraws.Uniform(shape, loc.dtype, loc.device, generator, DistributionMath.Eps(loc.dtype) - 1, 1);
        return loc - scale * u.sign() * (-u.abs()).log1p();
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        return -(2 * scale).log() - (value - loc).abs() / scale;
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        ValidateSample(value);
        return 0.5 - 0.5 * (value - loc).sign() * DistributionMath.Expm1(-(value - loc).abs() / scale);
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value)
    {
        var term = value - 0.5;
        return loc - scale * term.sign() * (-2 * term.abs()).log1p();
    }

    /// <inheritdoc/>
    public override Tensor entropy() => 1 + (2 * scale).log();

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Laplace(loc.expand(batch_shape), scale.expand(batch_shape)), batch_shape);
}
