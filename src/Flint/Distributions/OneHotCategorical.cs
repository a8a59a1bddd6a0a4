using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The categorical distribution with one-hot samples (PyTorch's <c>torch.distributions.OneHotCategorical</c>):
/// a <see cref="Categorical"/> whose indices are one-hot encoded.
/// </summary>
public class OneHotCategorical : Distribution
{
    private readonly Categorical _categorical;

    /// <summary>Exactly one of <paramref name="probs"/> and <paramref name="logits"/>, at least one-dimensional.</summary>
    public OneHotCategorical(Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        _categorical = new Categorical(probs, logits, generator);
        batch_shape = _categorical.batch_shape;
        event_shape = new Size([_categorical.num_events]);
        ValidateArgs();
    }

    private OneHotCategorical(Categorical categorical) : base(null, validate_args: false) => _categorical = categorical;

    /// <summary>The event probabilities.</summary>
    public Tensor probs => _categorical.probs;

    /// <summary>The normalised log-probabilities.</summary>
    public Tensor logits => _categorical.logits;

    /// <summary>The shape of the parameter (batch_shape + [K]).</summary>
    public Size param_shape => _categorical.param_shape;

    internal Categorical categorical => _categorical;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints =>
        [("probs", constraints.simplex), ("logits", constraints.independent(constraints.real, 1))];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("probs", probs), ("logits", logits)];

    // probs and logits are properties in PyTorch (not in __dict__), so its repr lists none: OneHotCategorical().
    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.one_hot;

    /// <inheritdoc/>
    public override bool has_enumerate_support => true;

    /// <inheritdoc/>
    public override Tensor mean => probs;

    /// <inheritdoc/>
    public override Tensor mode => torch.nn.functional.one_hot(probs.argmax(-1), probs.Shape[^1]).to(probs.dtype);

    /// <inheritdoc/>
    public override Tensor variance => probs * (1 - probs);

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        var indices = _categorical.sample(sample_shape);
        return torch.nn.functional.one_hot(indices, _categorical.num_events).to(probs.dtype);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        return _categorical.log_prob(value.max(-1).indexes);
    }

    /// <inheritdoc/>
    public override Tensor entropy() => _categorical.entropy();

    /// <summary>The K one-hot vectors along a new leading dim (expanded over the batch when <paramref name="expand"/>).</summary>
    public Tensor enumerate_support(bool expand = true)
    {
        long n = event_shape[0];
        var values = torch.eye(n, dtype: probs.dtype, device: probs.device).view([n, .. Enumerable.Repeat(1L, batch_shape.Length), n]);
        return expand ? values.expand([n, .. batch_shape.ToArray(), n]) : values;
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) =>
        Expanded(new OneHotCategorical((Categorical)_categorical.expand(batch_shape)), batch_shape);
}
