using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The geometric distribution: the number of failures before the first success (PyTorch's
/// <c>torch.distributions.Geometric</c>); <c>sample</c> is floor(log U / log1p(−p)) with U = <c>uniform_(tiny, 1)</c>,
/// PyTorch's numbers for the same generator state.
/// </summary>
public class Geometric : Distribution
{
    private Tensor? _probs, _logits;
    private readonly bool _fromProbs;

    /// <summary>Exactly one of <paramref name="probs"/> (in (0, 1]) and <paramref name="logits"/>.</summary>
    public Geometric(Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        if ((probs is null) == (logits is null))
            throw new ArgumentException("Either `probs` or `logits` must be specified, but not both.");
        _fromProbs = probs is not null;
        if (_fromProbs) _probs = probs; else _logits = logits;
        batch_shape = new Size(param.Shape);
        ValidateArgs();
        if (_validate_args && _fromProbs)
        {
            var valid = _probs!.gt(0.0);
            if (!valid.all().item<bool>())
                throw new ArgumentException($"Expected parameter probs (Tensor of shape {PyShape(_probs.Shape)}) of distribution {this} " +
                    $"to be positive but found invalid values:\n{_probs.detach().masked_select(valid.logical_not())}");
        }
    }

    private static string PyShape(long[] s) => s.Length == 1 ? $"({s[0]},)" : "(" + string.Join(", ", s) + ")";

    private Tensor param => _fromProbs ? _probs! : _logits!;

    /// <summary>The success probability.</summary>
    public Tensor probs => _probs ??= DistributionMath.LogitsToProbs(_logits!, isBinary: true);

    /// <summary>The log-odds of success.</summary>
    public Tensor logits => _logits ??= DistributionMath.ProbsToLogits(_probs!, isBinary: true);

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("probs", constraints.unit_interval), ("logits", constraints.real)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters()
    {
        if (_fromProbs) yield return ("probs", _probs!); else yield return ("logits", _logits!);
    }

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.nonnegative_integer;

    /// <inheritdoc/>
    public override Tensor mean => 1.0 / probs - 1.0;

    /// <inheritdoc/>
    public override Tensor mode => torch.zeros_like(probs);

    /// <inheritdoc/>
    public override Tensor variance => (1.0 / probs - 1.0) / probs;

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        using (torch.no_grad())
        {
            var u = DistributionDraws.Uniform(shape, probs.dtype, probs.device, generator, DistributionMath.Tiny(probs.dtype), 1);
            return (u.log() / (-probs).log1p()).floor();
        }
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var b = DistributionMath.BroadcastAll(value, probs);
        var p = torch.where(b[1].eq(1.0).logical_and(b[0].eq(0.0)), torch.zeros_like(b[1]), b[1]);
        return b[0] * (-p).log1p() + probs.log();
    }

    /// <inheritdoc/>
    public override Tensor entropy() => DistributionMath.BceWithLogits(logits, probs) / probs;

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        var copy = (Geometric)MemberwiseClone();
        copy._probs = _probs?.expand(batch_shape);
        copy._logits = _logits?.expand(batch_shape);
        return Expanded(copy, batch_shape);
    }
}

/// <summary>
/// The negative binomial distribution: successes before <c>total_count</c> failures (PyTorch's
/// <c>torch.distributions.NegativeBinomial</c>); <c>sample</c> is <c>torch.poisson(Gamma(total_count, exp(−logits)).sample())</c>,
/// PyTorch's numbers for the same generator state.
/// </summary>
public class NegativeBinomial : Distribution
{
    private Tensor? _probs, _logits;
    private readonly bool _fromProbs;

    /// <summary>The number of failures (non-negative, may be real).</summary>
    public Tensor total_count { get; private set; }

    /// <summary>Exactly one of <paramref name="probs"/> (in [0, 1)) and <paramref name="logits"/>.</summary>
    public NegativeBinomial(Tensor total_count, Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null)
        : base(generator, validate_args: validate_args)
    {
        if ((probs is null) == (logits is null))
            throw new ArgumentException("Either `probs` or `logits` must be specified, but not both.");
        _fromProbs = probs is not null;
        var b = DistributionMath.BroadcastAll(total_count, (probs ?? logits)!);
        if (_fromProbs) _probs = b[1]; else _logits = b[1];
        this.total_count = b[0].to(b[1].dtype);
        batch_shape = new Size(b[1].Shape);
        ValidateArgs();
    }

    private Tensor param => _fromProbs ? _probs! : _logits!;

    /// <summary>The success probability.</summary>
    public Tensor probs => _probs ??= DistributionMath.LogitsToProbs(_logits!, isBinary: true);

    /// <summary>The log-odds of success.</summary>
    public Tensor logits => _logits ??= DistributionMath.ProbsToLogits(_probs!, isBinary: true);

    /// <summary>The shape of the stored parameter.</summary>
    public Size param_shape => new(param.Shape);

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints =>
        [("total_count", constraints.greater_than_eq(0L)), ("probs", constraints.half_open_interval(0.0, 1.0)), ("logits", constraints.real)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters()
    {
        yield return ("total_count", total_count);
        if (_fromProbs) yield return ("probs", _probs!); else yield return ("logits", _logits!);
    }

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.nonnegative_integer;

    /// <inheritdoc/>
    public override Tensor mean => total_count * logits.exp();

    /// <inheritdoc/>
    public override Tensor mode => ((total_count - 1) * logits.exp()).floor().clamp(0.0);

    /// <inheritdoc/>
    public override Tensor variance => mean / (-logits).sigmoid();

    /// <summary>PyTorch 1.13's NegativeBinomial has no entropy.</summary>
    public override Tensor entropy() => throw new NotSupportedException("NegativeBinomial does not implement entropy");

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        using (torch.no_grad())
        {
            var gamma = new Gamma(total_count, (-logits).exp(), generator, validate_args: false);
            var rate = gamma.sample(sample_shape);
            return NativeSamplers.Poisson(rate, generator);
        }
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var logUnnormalized = total_count * torch.nn.functional.logsigmoid(-logits) + value * torch.nn.functional.logsigmoid(logits);
        var logNormalization = -DistributionMath.Lgamma(total_count + value) + DistributionMath.Lgamma(1.0 + value) + DistributionMath.Lgamma(total_count);
        logNormalization = torch.where((total_count + value).eq(0.0), torch.zeros_like(logNormalization), logNormalization);
        return logUnnormalized - logNormalization;
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        var copy = (NegativeBinomial)MemberwiseClone();
        copy.total_count = total_count.expand(batch_shape);
        copy._probs = _probs?.expand(batch_shape);
        copy._logits = _logits?.expand(batch_shape);
        return Expanded(copy, batch_shape);
    }
}

/// <summary>
/// The chi-squared distribution with <c>df</c> degrees of freedom, Gamma(df / 2, 1 / 2) (PyTorch's
/// <c>torch.distributions.Chi2</c>); samples are Gamma's, PyTorch's numbers for the same generator state.
/// </summary>
public class Chi2 : Gamma
{
    /// <summary>Checks df &gt; 0.</summary>
    public Chi2(Tensor df, torch.Generator? generator = null, bool? validate_args = null)
        : base(0.5 * df, torch.full_like(df, 0.5), generator, validate_args) { }

    private Chi2(Tensor concentration, Tensor rate, bool _) : base(concentration, rate, null, validate_args: false) { }

    /// <summary>The degrees of freedom (2 · concentration).</summary>
    public Tensor df => concentration * 2;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("df", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("df", df)];

    /// <summary>PyTorch lists no parameters in the repr (df is a property).</summary>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Chi2(concentration.expand(batch_shape), rate.expand(batch_shape), false), batch_shape);
}

/// <summary>
/// The Fisher–Snedecor F distribution (PyTorch's <c>torch.distributions.FisherSnedecor</c>): a ratio of two gamma
/// draws, reparameterised; samples are PyTorch's for the same generator state.
/// </summary>
public class FisherSnedecor : Distribution
{
    private Gamma _gamma1, _gamma2;

    /// <summary>The numerator degrees of freedom.</summary>
    public Tensor df1 { get; private set; }

    /// <summary>The denominator degrees of freedom.</summary>
    public Tensor df2 { get; private set; }

    /// <summary>Broadcasts the parameters and checks both are positive.</summary>
    public FisherSnedecor(Tensor df1, Tensor df2, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(df1, df2);
        this.df1 = b[0];
        this.df2 = b[1];
        _gamma1 = new Gamma(this.df1 * 0.5, this.df1, generator);
        _gamma2 = new Gamma(this.df2 * 0.5, this.df2, generator);
        batch_shape = new Size(this.df1.Shape);
        ValidateArgs();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("df1", constraints.positive), ("df2", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("df1", df1), ("df2", df2)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.positive;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean
    {
        get
        {
            var d2 = df2.masked_fill(df2.le(2.0), double.NaN);
            return d2 / (d2 - 2);
        }
    }

    /// <inheritdoc/>
    public override Tensor mode => ((df1 - 2) / df1 * df2 / (df2 + 2)).masked_fill(df1.le(2.0), double.NaN);

    /// <inheritdoc/>
    public override Tensor variance
    {
        get
        {
            var d2 = df2.masked_fill(df2.le(4.0), double.NaN);
            return 2 * d2.pow(2) * (df1 + d2 - 2) / (df1 * (d2 - 2).pow(2) * (d2 - 4));
        }
    }

    /// <summary>PyTorch 1.13's FisherSnedecor has no entropy.</summary>
    public override Tensor entropy() => throw new NotSupportedException("FisherSnedecor does not implement entropy");

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        _gamma1.SetGenerator(generator);
        _gamma2.SetGenerator(generator);
        var x1 = _gamma1.rsample(sample_shape).view(shape);
        var x2 = _gamma2.rsample(sample_shape).view(shape);
        double tiny = DistributionMath.Tiny(x2.dtype);
        x2 = x2.clamp(tiny);
        return (x1 / x2).clamp(tiny);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var ct1 = df1 * 0.5;
        var ct2 = df2 * 0.5;
        var ct3 = df1 / df2;
        var t1 = DistributionMath.Lgamma(ct1 + ct2) - DistributionMath.Lgamma(ct1) - DistributionMath.Lgamma(ct2);
        var t2 = ct1 * ct3.log() + (ct1 - 1) * value.log();
        var t3 = (ct1 + ct2) * (ct3 * value).log1p();
        return t1 + t2 - t3;
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        var copy = (FisherSnedecor)MemberwiseClone();
        copy.df1 = df1.expand(batch_shape);
        copy.df2 = df2.expand(batch_shape);
        copy._gamma1 = (Gamma)_gamma1.expand(batch_shape);
        copy._gamma2 = (Gamma)_gamma2.expand(batch_shape);
        return Expanded(copy, batch_shape);
    }
}
