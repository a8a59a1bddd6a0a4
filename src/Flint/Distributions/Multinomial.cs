using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The multinomial distribution: counts of <c>total_count</c> categorical draws (PyTorch's
/// <c>torch.distributions.Multinomial</c>); <c>sample</c> scatters PyTorch's Categorical indices, so counts are
/// PyTorch's for the same generator state.
/// </summary>
public class Multinomial : Distribution
{
    private readonly Categorical _categorical;
    private readonly Binomial _binomial;

    /// <summary>The number of trials.</summary>
    public long total_count { get; }

    /// <summary>An integer <paramref name="total_count"/> and exactly one of <paramref name="probs"/> and <paramref name="logits"/>.</summary>
    public Multinomial(long total_count, Tensor? probs = null, Tensor? logits = null, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        this.total_count = total_count;
        _categorical = new Categorical(probs, logits, generator);
        _binomial = new Binomial(torch.tensor((double)total_count, _categorical.probs.dtype, _categorical.probs.device), probs: _categorical.probs);
        batch_shape = _categorical.batch_shape;
        event_shape = new Size(_categorical.param_shape.ToArray()[^1..]);
        ValidateArgs();
    }

    private Multinomial(long totalCount, Categorical categorical, Binomial binomial) : base(null, validate_args: false)
    {
        total_count = totalCount; _categorical = categorical; _binomial = binomial;
    }

    /// <summary>The event probabilities.</summary>
    public Tensor probs => _categorical.probs;

    /// <summary>The normalised log-probabilities.</summary>
    public Tensor logits => _categorical.logits;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("probs", constraints.simplex), ("logits", constraints.real_vector)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("probs", probs), ("logits", logits)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.multinomial(total_count);

    /// <inheritdoc/>
    public override Tensor mean => probs * total_count;

    /// <inheritdoc/>
    public override Tensor variance => total_count * probs * (1 - probs);

    /// <inheritdoc/>
    public override Tensor sample(params long[] sample_shape)
    {
        _categorical.SetGenerator(generator);
        using (torch.no_grad())
        {
            var samples = _categorical.sample([total_count, .. sample_shape]);
            // (total_count, sample, batch) -> (sample, batch, total_count)
            var order = Enumerable.Range(1, (int)samples.dim() - 1).Select(i => (long)i).Append(0L).ToArray();
            samples = samples.permute(order);
            var counts = torch.zeros(ExtendedShape(sample_shape), ScalarType.Int64, samples.device);
            counts = counts.scatter_add(-1, samples, torch.ones_like(samples));
            return counts.type_as(probs);
        }
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var b = DistributionMath.BroadcastAll(logits, value);
        var l = b[0];
        var v = b[1];
        var logFactorialN = DistributionMath.Lgamma(v.sum(-1) + 1);
        var logFactorialXs = DistributionMath.Lgamma(v + 1).sum(-1);
        l = l.masked_fill(v.eq(0.0).logical_and(l.eq(double.NegativeInfinity)), 0.0);
        var logPowers = (l * v).sum(-1);
        return logFactorialN - logFactorialXs + logPowers;
    }

    /// <inheritdoc/>
    public override Tensor entropy()
    {
        var n = torch.tensor((double)total_count, probs.dtype, probs.device);
        var catEntropy = _categorical.entropy();
        // PyTorch's n is an int64 tensor, so its lgamma(n + 1) is a float32 (default dtype) value.
        var lgammaN1 = torch.tensor((float)NativeSamplers.LogGamma(total_count + 1.0), ScalarType.Float32, probs.device);
        var term1 = n * catEntropy - lgammaN1;
        var support = _binomial.enumerate_support(expand: false);
        support = support.narrow(0, 1, support.Shape[0] - 1);
        var binomialProbs = _binomial.log_prob(support).exp();
        var weights = DistributionMath.Lgamma(support + 1);
        var term2 = (binomialProbs * weights).sum([0, -1]);
        return term1 + term2;
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) =>
        Expanded(new Multinomial(total_count, (Categorical)_categorical.expand(batch_shape), (Binomial)_binomial.expand([.. batch_shape, event_shape[0]])), batch_shape);
}
