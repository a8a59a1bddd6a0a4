using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// Student's t distribution (PyTorch's <c>torch.distributions.StudentT</c>). <c>rsample</c> is
/// loc + scale·X·rsqrt(Z / df) with X = <c>normal_()</c> and Z ~ Chi2(df) = Gamma(df/2, 1/2), PyTorch's draws in
/// PyTorch's order, differentiable in all three parameters (df through the gamma's implicit gradient).
/// </summary>
public class StudentT : Distribution
{
    private readonly Gamma _chi2;

    /// <summary>The degrees of freedom.</summary>
    public Tensor df { get; private set; }

    /// <summary>The location.</summary>
    public Tensor loc { get; private set; }

    /// <summary>The scale.</summary>
    public Tensor scale { get; private set; }

    /// <summary>Broadcasts the parameters and checks df &gt; 0 and scale &gt; 0.</summary>
    public StudentT(Tensor df, Tensor? loc = null, Tensor? scale = null, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(df, loc ?? DistributionMath.Scalar(0.0).to(df.dtype), scale ?? DistributionMath.Scalar(1.0).to(df.dtype));
        this.df = b[0];
        this.loc = b[1];
        this.scale = b[2];
        _chi2 = new Gamma(0.5 * this.df, torch.full_like(this.df, 0.5), generator, validate_args);
        batch_shape = new Size(this.df.Shape);
        ValidateArgs();
    }

    private StudentT(Tensor df, Tensor loc, Tensor scale, Gamma chi2) : base(null, validate_args: false) { this.df = df; this.loc = loc; this.scale = scale; _chi2 = chi2; }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("df", constraints.positive), ("loc", constraints.real), ("scale", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("df", df), ("loc", loc), ("scale", scale)];

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => torch.where(df.le(1.0), torch.full_like(loc, double.NaN), loc);

    /// <inheritdoc/>
    public override Tensor mode => loc;

    /// <inheritdoc/>
    public override Tensor variance
    {
        get
        {
            var safeDf = torch.where(df.gt(2.0), df, torch.full_like(df, 3.0));
            var finite = scale.pow(2) * safeDf / (safeDf - 2);
            var infinite = torch.where(df.gt(1.0), torch.full_like(df, double.PositiveInfinity), torch.full_like(df, double.NaN));
            return torch.where(df.gt(2.0), finite, infinite);
        }
    }

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var x = DistributionDraws.StandardNormal(shape, df.dtype, df.device, generator);
        _chi2.SetGenerator(generator);
        var z = _chi2.rsample(sample_shape);
        var y = x * (z / df).rsqrt();
        return loc + scale * y;
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var y = (value - loc) / scale;
        var z = scale.log() + 0.5 * df.log() + 0.5 * Math.Log(Math.PI) + DistributionMath.Lgamma(0.5 * df) - DistributionMath.Lgamma(0.5 * (df + 1.0));
        return -0.5 * (df + 1.0) * (y.pow(2.0) / df).log1p() - z;
    }

    /// <inheritdoc/>
    public override Tensor entropy()
    {
        var lbeta = DistributionMath.Lgamma(0.5 * df) + NativeSamplers.LogGamma(0.5) - DistributionMath.Lgamma(0.5 * (df + 1));
        return scale.log() + 0.5 * (df + 1) * (DistributionMath.Digamma(0.5 * (df + 1)) - DistributionMath.Digamma(0.5 * df)) + 0.5 * df.log() + lbeta;
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) =>
        Expanded(new StudentT(df.expand(batch_shape), loc.expand(batch_shape), scale.expand(batch_shape), (Gamma)_chi2.expand(batch_shape)), batch_shape);
}
