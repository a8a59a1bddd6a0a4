using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The binomial distribution over {0, …, total_count}, from <c>probs</c> or <c>logits</c> (PyTorch's
/// <c>torch.distributions.Binomial</c>); <c>sample</c> is PyTorch's <c>torch.binomial</c> sampler (BTRS / inversion).
/// </summary>
public class Binomial : Distribution
{
    private Tensor? _probs, _logits;
    private readonly bool _fromProbs;

    /// <summary>The number of trials (a float tensor of the parameter's dtype).</summary>
    public Tensor total_count { get; private set; }

    /// <summary><paramref name="total_count"/> and exactly one of <paramref name="probs"/> and <paramref name="logits"/>.</summary>
    public Binomial(Tensor total_count, Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        if ((probs is null) == (logits is null))
            throw new ArgumentException("Either `probs` or `logits` must be specified, but not both.");
        _fromProbs = probs is not null;
        var b = DistributionMath.BroadcastAll(total_count, (probs ?? logits)!);
        this.total_count = b[0].type_as(b[1]);
        if (_fromProbs) _probs = b[1]; else _logits = b[1];
        batch_shape = new Size(b[1].Shape);
        ValidateArgs();
    }

    private Binomial(Tensor totalCount, Tensor? probs, Tensor? logits, bool fromProbs) : base(null, validate_args: false)
    {
        total_count = totalCount; _probs = probs; _logits = logits; _fromProbs = fromProbs;
    }

    private Tensor param => _fromProbs ? _probs! : _logits!;

    /// <summary>The success probability.</summary>
    public Tensor probs => _probs ??= DistributionMath.LogitsToProbs(_logits!, isBinary: true);

    /// <summary>The log-odds of success.</summary>
    public Tensor logits => _logits ??= DistributionMath.ProbsToLogits(_probs!, isBinary: true);

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints =>
        [("total_count", constraints.nonnegative_integer), ("probs", constraints.unit_interval), ("logits", constraints.real)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters()
    {
        yield return ("total_count", total_count);
        if (_fromProbs) yield return ("probs", _probs!); else yield return ("logits", _logits!);
    }

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.integer_interval(0L, total_count);

    /// <inheritdoc/>
    public override bool has_enumerate_support => true;

    /// <inheritdoc/>
    public override Tensor mean => total_count * probs;

    /// <inheritdoc/>
    public override Tensor mode => ((total_count + 1) * probs).floor().minimum(total_count);

    /// <inheritdoc/>
    public override Tensor variance => total_count * probs * (1 - probs);

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        using (torch.no_grad()) return NativeSamplers.Binomial(total_count.expand(shape), probs.expand(shape), generator);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var logFactorialN = DistributionMath.Lgamma(total_count + 1);
        var logFactorialK = DistributionMath.Lgamma(value + 1);
        var logFactorialNmk = DistributionMath.Lgamma(total_count - value + 1);
        // _clamp_by_zero(x) = (x.clamp(min=0) + x - x.clamp(max=0)) / 2
        var clamped = (logits.clamp_min(0) + logits - logits.clamp_max(0)) / 2;
        var normalizeTerm = total_count * clamped + total_count * (-logits.abs()).exp().log1p() - logFactorialN;
        return value * logits - logFactorialK - logFactorialNmk - normalizeTerm;
    }

    /// <summary>The values 0 … total_count along a new leading dim (a homogeneous total_count only).</summary>
    public Tensor enumerate_support(bool expand = true)
    {
        long n = (long)total_count.max().item<double>();
        if (total_count.min().item<double>() != n)
            throw new NotSupportedException("Inhomogeneous total count not supported by `enumerate_support`.");
        var values = torch.arange(0L, 1 + n, 1L, param.dtype, param.device).view([-1, .. Enumerable.Repeat(1L, batch_shape.Length)]);
        return expand ? values.expand([-1, .. batch_shape.ToArray()]) : values;
    }

    /// <inheritdoc/>
    public override Tensor entropy()
    {
        long n = (long)total_count.max().item<double>();
        if (total_count.min().item<double>() != n)
            throw new NotSupportedException("Inhomogeneous total count not supported by `entropy`.");
        var lp = log_prob(enumerate_support(false));
        return -(lp.exp() * lp).sum(0);
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) =>
        Expanded(new Binomial(total_count.expand(batch_shape), _fromProbs ? _probs!.expand(batch_shape) : null, _fromProbs ? null : _logits!.expand(batch_shape), _fromProbs), batch_shape);
}
