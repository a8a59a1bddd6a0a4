using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The Bernoulli distribution, from <c>probs</c> or <c>logits</c> (PyTorch's <c>torch.distributions.Bernoulli</c>);
/// <c>sample</c> is <c>torch.bernoulli(probs.expand(shape))</c>, PyTorch's numbers for the same generator state.
/// </summary>
public class Bernoulli : Distribution
{
    private Tensor? _probs, _logits;
    private readonly bool _fromProbs;

    /// <summary>Exactly one of <paramref name="probs"/> and <paramref name="logits"/>.</summary>
    public Bernoulli(Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        if ((probs is null) == (logits is null))
            throw new ArgumentException("Either `probs` or `logits` must be specified, but not both.");
        _fromProbs = probs is not null;
        if (_fromProbs) _probs = probs; else _logits = logits;
        batch_shape = new Size(param.Shape);
        ValidateArgs();
    }

    private Bernoulli(Tensor? probs, Tensor? logits, bool fromProbs) : base(null, validate_args: false)
    {
        _probs = probs; _logits = logits; _fromProbs = fromProbs;
    }

    private Tensor param => _fromProbs ? _probs! : _logits!;

    /// <summary>The probability of 1.</summary>
    public Tensor probs => _probs ??= DistributionMath.LogitsToProbs(_logits!, isBinary: true);

    /// <summary>The log-odds of 1.</summary>
    public Tensor logits => _logits ??= DistributionMath.ProbsToLogits(_probs!, isBinary: true);

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("probs", constraints.unit_interval), ("logits", constraints.real)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters()
    {
        if (_fromProbs) yield return ("probs", _probs!); else yield return ("logits", _logits!);
    }

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.boolean;

    /// <inheritdoc/>
    public override bool has_enumerate_support => true;

    /// <inheritdoc/>
    public override Tensor mean => probs;

    /// <inheritdoc/>
    public override Tensor mode
    {
        get
        {
            var m = probs.ge(0.5).to(probs.dtype);
            return m.masked_fill(probs.eq(0.5), double.NaN);
        }
    }

    /// <inheritdoc/>
    public override Tensor variance => probs * (1 - probs);

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        using (torch.no_grad()) return DistributionDraws.Bernoulli(probs.expand(shape).contiguous(), generator);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var b = DistributionMath.BroadcastAll(logits, value);
        return -DistributionMath.BceWithLogits(b[0], b[1]);
    }

    /// <inheritdoc/>
    public override Tensor entropy() => DistributionMath.BceWithLogits(logits, probs);

    /// <summary>The values 0 and 1, along a new leading dim (expanded over the batch when <paramref name="expand"/>).</summary>
    public Tensor enumerate_support(bool expand = true)
    {
        var values = torch.tensor(new double[] { 0, 1 }, param.dtype, param.device).view([2, .. Enumerable.Repeat(1L, batch_shape.Length)]);
        return expand ? values.expand([2, .. batch_shape.ToArray()]) : values;
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) =>
        Expanded(new Bernoulli(_probs is not null && _fromProbs ? _probs.expand(batch_shape) : null,
                               !_fromProbs ? _logits!.expand(batch_shape) : null, _fromProbs), batch_shape);
}
