using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The Gumbel distribution (PyTorch's <c>torch.distributions.Gumbel</c>): PyTorch's transformed
/// Uniform(tiny, 1 − eps) through log, negation, log and loc − scale·x, step by step, so samples, cdf and
/// icdf are PyTorch's numbers for the same generator state.
/// </summary>
public class Gumbel : Distribution
{
    private const double EulerGamma = 0.57721566490153286060;
    private readonly Uniform _base;

    /// <summary>The location (mode).</summary>
    public Tensor loc { get; private set; }

    /// <summary>The scale β.</summary>
    public Tensor scale { get; private set; }

    /// <summary>Broadcasts the parameters and checks scale &gt; 0.</summary>
    public Gumbel(Tensor loc, Tensor scale, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(loc, scale);
        this.loc = b[0];
        this.scale = b[1];
        var dt = this.loc.dtype;
        _base = new Uniform(torch.full_like(this.loc, DistributionMath.Tiny(dt)), torch.full_like(this.loc, 1 - DistributionMath.Eps(dt)), generator, validate_args);
        batch_shape = new Size(this.loc.Shape);
        ValidateArgs();
    }

    private Gumbel(Tensor loc, Tensor scale, Uniform baseDist) : base(null, validate_args: false) { this.loc = loc; this.scale = scale; _base = baseDist; }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("loc", constraints.real), ("scale", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("loc", loc), ("scale", scale)];

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => loc + scale * EulerGamma;

    /// <inheritdoc/>
    public override Tensor mode => loc;

    /// <inheritdoc/>
    public override Tensor stddev => Math.PI / Math.Sqrt(6) * scale;

    /// <inheritdoc/>
    public override Tensor variance => stddev.pow(2);

    // The transforms: log, 0 + (−1)·x, log, loc + (−scale)·x.
    private Tensor Forward(Tensor u) => loc + (-scale) * (0L + (-torch.ones_like(scale)) * u.log()).log();

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        using (torch.no_grad()) return Forward(Base().sample(sample_shape));
    }

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape) => Forward(Base().rsample(sample_shape));

    private Uniform Base() { _base.SetGenerator(generator); return _base; }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var y = (loc - value) / scale;
        return (y - y.exp()) - scale.log();
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        // The inverse transforms in reverse order, the base's cdf, then PyTorch's sign·(v − ½) + ½ (sign = +1).
        var x = ((((value - loc) / (-scale)).exp() - 0L) / (-torch.ones_like(scale))).exp();
        var c = _base.cdf(x);
        return torch.ones_like(scale) * (c - 0.5) + 0.5;
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value)
    {
        var v = torch.ones_like(scale) * (value - 0.5) + 0.5;
        return Forward(_base.icdf(v));
    }

    /// <inheritdoc/>
    public override Tensor entropy() => scale.log() + (1 + EulerGamma);

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) =>
        Expanded(new Gumbel(loc.expand(batch_shape), scale.expand(batch_shape), (Uniform)_base.expand(batch_shape)), batch_shape);
}
