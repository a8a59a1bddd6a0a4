using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The categorical distribution over {0, …, K − 1}, from <c>probs</c> (normalised over the last dim) or
/// <c>logits</c> (PyTorch's <c>torch.distributions.Categorical</c>). <c>sample</c> is
/// <c>torch.multinomial(probs_2d, n, true).T</c>, PyTorch's indices for the same generator state.
/// </summary>
public class Categorical : Distribution
{
    private Tensor? _probs, _logits;
    private readonly bool _fromProbs;
    private readonly long _numEvents;

    /// <summary>Exactly one of <paramref name="probs"/> and <paramref name="logits"/>, at least one-dimensional.</summary>
    public Categorical(Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        if ((probs is null) == (logits is null))
            throw new ArgumentException("Either `probs` or `logits` must be specified, but not both.");
        if (probs is not null)
        {
            if (probs.dim() < 1) throw new ArgumentException("`probs` parameter must be at least one-dimensional.");
            _probs = probs / probs.sum(-1, keepdim: true);
            _fromProbs = true;
        }
        else
        {
            if (logits!.dim() < 1) throw new ArgumentException("`logits` parameter must be at least one-dimensional.");
            _logits = logits - DistributionMath.LogSumExpLast(logits);
        }
        _numEvents = param.Shape[^1];
        batch_shape = new Size(param.dim() > 1 ? param.Shape[..^1] : []);
        ValidateArgs();
    }

    private Categorical(Tensor? probs, Tensor? logits, bool fromProbs, long numEvents) : base(null, validate_args: false)
    {
        _probs = probs; _logits = logits; _fromProbs = fromProbs; _numEvents = numEvents;
    }

    private Tensor param => _fromProbs ? _probs! : _logits!;

    /// <summary>The event probabilities (normalised).</summary>
    public Tensor probs => _probs ??= DistributionMath.LogitsToProbs(_logits!, isBinary: false);

    /// <summary>The normalised log-probabilities.</summary>
    public Tensor logits => _logits ??= DistributionMath.ProbsToLogits(_probs!, isBinary: false);

    /// <summary>The shape of the parameter (batch_shape + [K]).</summary>
    public Size param_shape => new(param.Shape);

    internal long num_events => _numEvents;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints =>
        [("probs", constraints.simplex), ("logits", constraints.independent(constraints.real, 1))];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters()
    {
        if (_fromProbs) yield return ("probs", _probs!); else yield return ("logits", _logits!);
    }

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.integer_interval(0L, _numEvents - 1);

    /// <inheritdoc/>
    public override bool has_enumerate_support => true;

    /// <inheritdoc/>
    public override Tensor mean => torch.full(ExtendedShape([]), double.NaN, probs.dtype, probs.device);

    /// <inheritdoc/>
    public override Tensor mode => probs.argmax(-1);

    /// <inheritdoc/>
    public override Tensor variance => torch.full(ExtendedShape([]), double.NaN, probs.dtype, probs.device);

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        long n = Shapes.Numel(sample_shape);
        using (torch.no_grad())
        {
            var probs2d = probs.reshape(-1, _numEvents);
            var samples2d = torch.multinomial(probs2d, n, true, generator).t();
            return samples2d.reshape(ExtendedShape(sample_shape));
        }
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var v = value.to(ScalarType.Int64).unsqueeze(-1);
        var b = DistributionMath.BroadcastAll(v, logits);
        var index = b[0].narrow(-1, 0, 1);
        return b[1].gather(-1, index).squeeze(-1);
    }

    /// <inheritdoc/>
    public override Tensor entropy()
    {
        var l = logits.clamp(DistributionMath.Lowest(logits.dtype));
        return -(l * probs).sum(-1);
    }

    /// <summary>The values 0 … K − 1 along a new leading dim (expanded over the batch when <paramref name="expand"/>).</summary>
    public Tensor enumerate_support(bool expand = true)
    {
        var values = torch.arange(_numEvents, ScalarType.Int64, param.device).view([-1, .. Enumerable.Repeat(1L, batch_shape.Length)]);
        return expand ? values.expand([-1, .. batch_shape.ToArray()]) : values;
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        long[] paramShape = [.. batch_shape, _numEvents];
        return Expanded(new Categorical(_probs?.expand(paramShape), _logits?.expand(paramShape), _fromProbs, _numEvents), batch_shape);
    }
}
