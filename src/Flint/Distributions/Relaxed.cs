using static Flint.torch.distributions;
using static Flint.torch.distributions.transforms;

namespace Flint.Modules;

/// <summary>
/// The logit of a relaxed Bernoulli (binary Concrete) variable (PyTorch's <c>torch.distributions.LogitRelaxedBernoulli</c>):
/// (logit(U) + logit(p)) / temperature with U ~ Uniform(0, 1) drawn as <c>torch.rand</c>, PyTorch's numbers for the
/// same generator state. As in PyTorch 1.13, <c>has_rsample</c> is false although <c>rsample</c> is reparameterised.
/// </summary>
public class LogitRelaxedBernoulli : Distribution
{
    private Tensor? _probs, _logits;
    private readonly bool _fromProbs;

    /// <summary>The relaxation temperature.</summary>
    public Tensor temperature { get; }

    /// <summary>Exactly one of <paramref name="probs"/> and <paramref name="logits"/>.</summary>
    public LogitRelaxedBernoulli(Tensor temperature, Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null)
        : base(generator, validate_args: validate_args)
    {
        this.temperature = temperature;
        if ((probs is null) == (logits is null))
            throw new ArgumentException("Either `probs` or `logits` must be specified, but not both.");
        _fromProbs = probs is not null;
        if (_fromProbs) _probs = probs; else _logits = logits;
        batch_shape = new Size(param.Shape);
        ValidateArgs();
    }

    private Tensor param => _fromProbs ? _probs! : _logits!;

    /// <summary>The probability of 1.</summary>
    public Tensor probs => _probs ??= DistributionMath.LogitsToProbs(_logits!, isBinary: true);

    /// <summary>The log-odds of 1.</summary>
    public Tensor logits => _logits ??= DistributionMath.ProbsToLogits(_probs!, isBinary: true);

    /// <summary>The shape of the stored parameter.</summary>
    public Size param_shape => new(param.Shape);

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("probs", constraints.unit_interval), ("logits", constraints.real)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters()
    {
        if (_fromProbs) yield return ("probs", _probs!); else yield return ("logits", _logits!);
    }

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.real;

    /// <summary>PyTorch 1.13's LogitRelaxedBernoulli has no mean.</summary>
    public override Tensor mean => throw new NotSupportedException("LogitRelaxedBernoulli does not implement mean");

    /// <summary>PyTorch 1.13's LogitRelaxedBernoulli has no variance.</summary>
    public override Tensor variance => throw new NotSupportedException("LogitRelaxedBernoulli does not implement variance");

    /// <summary>PyTorch 1.13's LogitRelaxedBernoulli has no entropy.</summary>
    public override Tensor entropy() => throw new NotSupportedException("LogitRelaxedBernoulli does not implement entropy");

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var p = DistributionMath.ClampProbs(probs.expand(shape));
        var u = DistributionMath.ClampProbs(DistributionDraws.Uniform(shape, p.dtype, p.device, generator));
        return (u.log() - (-u).log1p() + p.log() - (-p).log1p()) / temperature;
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var b = DistributionMath.BroadcastAll(logits, value);
        var diff = b[0] - b[1] * temperature;
        return temperature.log() + diff - 2 * diff.exp().log1p();
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        var copy = (LogitRelaxedBernoulli)MemberwiseClone();
        copy._probs = _fromProbs || _probs is not null ? probs.expand(batch_shape) : null;
        copy._logits = !_fromProbs || _logits is not null ? logits.expand(batch_shape) : null;
        return Expanded(copy, batch_shape);
    }
}

/// <summary>
/// The relaxed Bernoulli (binary Concrete) distribution on (0, 1) (PyTorch's <c>torch.distributions.RelaxedBernoulli</c>):
/// sigmoid of a <see cref="LogitRelaxedBernoulli"/> sample, reparameterised.
/// </summary>
public class RelaxedBernoulli : TransformedDistribution
{
    /// <summary>Exactly one of <paramref name="probs"/> and <paramref name="logits"/>.</summary>
    public RelaxedBernoulli(Tensor temperature, Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null)
        : base(new LogitRelaxedBernoulli(temperature, probs, logits, generator), new SigmoidTransform(), generator, validate_args) => ValidateArgs();

    private LogitRelaxedBernoulli Logit => (LogitRelaxedBernoulli)base_dist;

    /// <summary>The relaxation temperature.</summary>
    public Tensor temperature => Logit.temperature;

    /// <summary>The probability of 1.</summary>
    public Tensor probs => Logit.probs;

    /// <summary>The log-odds of 1.</summary>
    public Tensor logits => Logit.logits;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("probs", constraints.unit_interval), ("logits", constraints.real)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("probs", probs), ("logits", logits)];

    /// <summary>PyTorch lists no parameters in the repr (they are properties of the base).</summary>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.unit_interval;

    /// <inheritdoc/>
    public override bool has_rsample => true;
}

/// <summary>
/// The log of a relaxed one-hot categorical (Concrete) variable (PyTorch's <c>torch.distributions.ExpRelaxedCategorical</c>):
/// log-softmax((logits + Gumbel) / temperature) with the Gumbel noise from <c>torch.rand</c>, PyTorch's numbers for the
/// same generator state.
/// </summary>
public class ExpRelaxedCategorical : Distribution
{
    private Categorical _categorical;

    /// <summary>The relaxation temperature.</summary>
    public Tensor temperature { get; }

    /// <summary>Exactly one of <paramref name="probs"/> and <paramref name="logits"/> (last dim: the categories).</summary>
    public ExpRelaxedCategorical(Tensor temperature, Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null)
        : base(generator, validate_args: validate_args)
    {
        _categorical = new Categorical(probs, logits);
        this.temperature = temperature;
        batch_shape = _categorical.batch_shape;
        event_shape = new Size([_categorical.param_shape[-1]]);
        ValidateArgs();
    }

    /// <summary>The event probabilities (normalised).</summary>
    public Tensor probs => _categorical.probs;

    /// <summary>The normalised log-probabilities.</summary>
    public Tensor logits => _categorical.logits;

    /// <summary>The shape of the stored parameter.</summary>
    public Size param_shape => _categorical.param_shape;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("probs", constraints.simplex), ("logits", constraints.real_vector)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("probs", probs), ("logits", logits)];

    /// <summary>PyTorch lists no parameters in the repr (they live on the inner categorical).</summary>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.real_vector;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <summary>PyTorch 1.13's ExpRelaxedCategorical has no mean.</summary>
    public override Tensor mean => throw new NotSupportedException("ExpRelaxedCategorical does not implement mean");

    /// <summary>PyTorch 1.13's ExpRelaxedCategorical has no variance.</summary>
    public override Tensor variance => throw new NotSupportedException("ExpRelaxedCategorical does not implement variance");

    /// <summary>PyTorch 1.13's ExpRelaxedCategorical has no entropy.</summary>
    public override Tensor entropy() => throw new NotSupportedException("ExpRelaxedCategorical does not implement entropy");

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var u = DistributionMath.ClampProbs(DistributionDraws.Uniform(shape, logits.dtype, logits.device, generator));
        var gumbels = -(-u.log()).log();
        var scores = (logits + gumbels) / temperature;
        return scores - scores.logsumexp(-1, keepdim: true);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        long k = _categorical.num_events;
        ValidateSample(value);
        var b = DistributionMath.BroadcastAll(logits, value);
        var logScale = DistributionMath.Lgamma(torch.full_like(temperature, (double)k)) - temperature.log() * (double)(-(k - 1));
        var score = b[0] - b[1] * temperature;
        score = (score - score.logsumexp(-1, keepdim: true)).sum(-1);
        return score + logScale;
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        var copy = (ExpRelaxedCategorical)MemberwiseClone();
        copy._categorical = (Categorical)_categorical.expand(batch_shape);
        return Expanded(copy, batch_shape);
    }
}

/// <summary>
/// The relaxed one-hot categorical (Concrete / Gumbel-softmax) distribution on the simplex (PyTorch's
/// <c>torch.distributions.RelaxedOneHotCategorical</c>): exp of an <see cref="ExpRelaxedCategorical"/> sample.
/// </summary>
public class RelaxedOneHotCategorical : TransformedDistribution
{
    /// <summary>Exactly one of <paramref name="probs"/> and <paramref name="logits"/> (last dim: the categories).</summary>
    public RelaxedOneHotCategorical(Tensor temperature, Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null)
        : base(new ExpRelaxedCategorical(temperature, probs, logits, generator, validate_args), new ExpTransform(), generator, validate_args) => ValidateArgs();

    private ExpRelaxedCategorical Exp => (ExpRelaxedCategorical)base_dist;

    /// <summary>The relaxation temperature.</summary>
    public Tensor temperature => Exp.temperature;

    /// <summary>The event probabilities (normalised).</summary>
    public Tensor probs => Exp.probs;

    /// <summary>The normalised log-probabilities.</summary>
    public Tensor logits => Exp.logits;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("probs", constraints.simplex), ("logits", constraints.real_vector)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("probs", probs), ("logits", logits)];

    /// <summary>PyTorch lists no parameters in the repr (they are properties of the base).</summary>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.simplex;

    /// <inheritdoc/>
    public override bool has_rsample => true;
}
