using static Flint.torch.distributions;
using static Flint.torch.distributions.transforms;

namespace Flint.Modules;

/// <summary>
/// A base distribution pushed through a chain of transforms (PyTorch's <c>TransformedDistribution</c>):
/// Y = f(X), log p(Y) = log p(X) − log |det dY/dX|. Samples are the base distribution's draws mapped forward, so
/// they equal PyTorch's for the same generator state wherever the base's do.
/// </summary>
public class TransformedDistribution : Distribution
{
    /// <summary>The base distribution (wrapped in <see cref="Independent"/> when the transforms need more event dims).</summary>
    public Distribution base_dist { get; private set; }

    /// <summary>The transforms, applied first to last.</summary>
    public IReadOnlyList<Transform> transforms { get; private set; }

    /// <summary>
    /// Applies <paramref name="transforms"/> to <paramref name="base_distribution"/>; batch and event shapes follow
    /// PyTorch's rules (the event dims are the maximum the base and the transforms need).
    /// </summary>
    public TransformedDistribution(Distribution base_distribution, IEnumerable<Transform> transforms, torch.Generator? generator = null, bool? validate_args = null)
        : base(generator, validate_args: validate_args)
    {
        this.transforms = transforms.ToList();
        var baseShape = base_distribution.batch_shape.ToArray().Concat(base_distribution.event_shape.ToArray()).ToArray();
        int baseEventDim = base_distribution.event_shape.Length;
        var transform = new ComposeTransform(this.transforms);
        int domainEventDim = transform.domain.event_dim;
        if (baseShape.Length < domainEventDim)
            throw new ArgumentException($"base_distribution needs to have shape with size at least {domainEventDim}, but got {new Size(baseShape)}.");
        var shape = transform.forward_shape(baseShape);
        var expandedBaseShape = transform.inverse_shape(shape);
        if (!baseShape.SequenceEqual(expandedBaseShape))
            base_distribution = base_distribution.expand(expandedBaseShape[..(expandedBaseShape.Length - baseEventDim)]);
        int reinterpreted = domainEventDim - baseEventDim;
        if (reinterpreted > 0) base_distribution = new Independent(base_distribution, reinterpreted);
        base_dist = base_distribution;
        int eventDim = transform.codomain.event_dim + Math.Max(baseEventDim - domainEventDim, 0);
        int cut = shape.Length - eventDim;
        batch_shape = new Size(shape[..cut]);
        event_shape = new Size(shape[cut..]);
    }

    /// <summary>A single transform.</summary>
    public TransformedDistribution(Distribution base_distribution, Transform transform, torch.Generator? generator = null, bool? validate_args = null)
        : this(base_distribution, [transform], generator, validate_args) { }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support
    {
        get
        {
            if (transforms.Count == 0) return base_dist.support;
            var s = transforms[^1].codomain;
            return event_shape.Length > s.event_dim ? constraints.independent(s, event_shape.Length - s.event_dim) : s;
        }
    }

    /// <inheritdoc/>
    public override bool has_rsample => base_dist.has_rsample;

    /// <summary>PyTorch's TransformedDistribution has no closed-form mean.</summary>
    public override Tensor mean => throw new NotSupportedException($"{GetType().Name} does not implement mean");

    /// <summary>PyTorch's TransformedDistribution has no closed-form variance.</summary>
    public override Tensor variance => throw new NotSupportedException($"{GetType().Name} does not implement variance");

    /// <summary>PyTorch's TransformedDistribution has no closed-form entropy.</summary>
    public override Tensor entropy() => throw new NotSupportedException($"{GetType().Name} does not implement entropy");

    /// <summary>The base distribution, drawing from this distribution's generator when it has one.</summary>
    protected Distribution Base()
    {
        if (generator is not null) base_dist.SetGenerator(generator);
        return base_dist;
    }

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        using (torch.no_grad())
        {
            var x = Base().sample(sample_shape);
            foreach (var t in transforms) x = t.call(x);
            return x;
        }
    }

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var x = Base().rsample(sample_shape);
        foreach (var t in transforms) x = t.call(x);
        return x;
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        int eventDim = event_shape.Length;
        Tensor? logProb = null;
        var y = value;
        for (int i = transforms.Count - 1; i >= 0; i--)
        {
            var t = transforms[i];
            var x = t.inv.call(y);
            eventDim += t.domain.event_dim - t.codomain.event_dim;
            var term = SumRightmost(t.log_abs_det_jacobian(x, y), eventDim - t.domain.event_dim);
            logProb = logProb is null ? 0.0 - term : logProb - term;
            y = x;
        }
        var baseTerm = SumRightmost(base_dist.log_prob(y), eventDim - base_dist.event_shape.Length);
        return logProb is null ? 0.0 + baseTerm : logProb + baseTerm;
    }

    private Tensor Monotonize(Tensor value)
    {
        object sign = 1;
        foreach (var t in transforms) sign = ComposeTransform.MulSign(sign, t.SignObject);
        if (sign is int s && s == 1) return value;
        return sign is int i ? i * (value - 0.5) + 0.5 : (Tensor)sign * (value - 0.5) + 0.5;
    }

    /// <inheritdoc/>
    public override Tensor cdf(Tensor value)
    {
        for (int i = transforms.Count - 1; i >= 0; i--) value = transforms[i].inv.call(value);
        if (_validate_args) base_dist.ValidateSampleOf(value);
        return Monotonize(base_dist.cdf(value));
    }

    /// <inheritdoc/>
    public override Tensor icdf(Tensor value)
    {
        value = base_dist.icdf(Monotonize(value));
        foreach (var t in transforms) value = t.call(value);
        return value;
    }

    /// <summary>Expands the subclass's own stored parameters on an expanded copy (the base is expanded already).</summary>
    protected virtual void ExpandParameters(long[] batch_shape) { }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        var shape = batch_shape.Concat(event_shape.ToArray()).ToArray();
        for (int i = transforms.Count - 1; i >= 0; i--) shape = transforms[i].inverse_shape(shape);
        var copy = (TransformedDistribution)MemberwiseClone();
        copy.base_dist = base_dist.expand(shape[..(shape.Length - base_dist.event_shape.Length)]);
        copy.ExpandParameters(batch_shape);
        return Expanded(copy, batch_shape);
    }
}

/// <summary>
/// Reinterprets the rightmost <c>reinterpreted_batch_ndims</c> batch dims of a distribution as event dims
/// (PyTorch's <c>Independent</c>): log_prob and entropy sum over them; samples are the base's.
/// </summary>
public class Independent : Distribution
{
    /// <summary>The wrapped distribution.</summary>
    public Distribution base_dist { get; private set; }

    /// <summary>How many batch dims become event dims.</summary>
    public int reinterpreted_batch_ndims { get; }

    /// <summary>Wraps <paramref name="base_distribution"/>.</summary>
    public Independent(Distribution base_distribution, int reinterpreted_batch_ndims, torch.Generator? generator = null, bool? validate_args = null)
        : base(generator, validate_args: validate_args)
    {
        if (reinterpreted_batch_ndims > base_distribution.batch_shape.Length)
            throw new ArgumentException("Expected reinterpreted_batch_ndims <= len(base_distribution.batch_shape), " +
                $"actual {reinterpreted_batch_ndims} vs {base_distribution.batch_shape.Length}");
        var shape = base_distribution.batch_shape.ToArray().Concat(base_distribution.event_shape.ToArray()).ToArray();
        int eventDim = reinterpreted_batch_ndims + base_distribution.event_shape.Length;
        batch_shape = new Size(shape[..(shape.Length - eventDim)]);
        event_shape = new Size(shape[(shape.Length - eventDim)..]);
        base_dist = base_distribution;
        this.reinterpreted_batch_ndims = reinterpreted_batch_ndims;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [];

    /// <inheritdoc/>
    public override bool has_rsample => base_dist.has_rsample;

    /// <inheritdoc/>
    public override bool has_enumerate_support => reinterpreted_batch_ndims <= 0 && base_dist.has_enumerate_support;

    /// <inheritdoc/>
    public override constraints.Constraint support =>
        reinterpreted_batch_ndims != 0 ? constraints.independent(base_dist.support, reinterpreted_batch_ndims) : base_dist.support;

    /// <inheritdoc/>
    public override Tensor mean => base_dist.mean;

    /// <inheritdoc/>
    public override Tensor mode => base_dist.mode;

    /// <inheritdoc/>
    public override Tensor variance => base_dist.variance;

    private Distribution Base()
    {
        if (generator is not null) base_dist.SetGenerator(generator);
        return base_dist;
    }

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape) => Base().sample(sample_shape);

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape) => Base().rsample(sample_shape);

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value) => SumRightmost(base_dist.log_prob(value), reinterpreted_batch_ndims);

    /// <inheritdoc/>
    public override Tensor entropy() => SumRightmost(base_dist.entropy(), reinterpreted_batch_ndims);

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        var copy = (Independent)MemberwiseClone();
        copy.base_dist = base_dist.expand([.. batch_shape, .. event_shape.ToArray()[..reinterpreted_batch_ndims]]);
        return Expanded(copy, batch_shape);
    }

    /// <summary>PyTorch's repr: <c>Independent(Normal(loc: torch.Size([3]), scale: torch.Size([3])), 1)</c>.</summary>
    public override string ToString() => $"Independent({base_dist}, {reinterpreted_batch_ndims})";
}
