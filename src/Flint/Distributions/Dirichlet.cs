using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The Dirichlet distribution over the simplex (PyTorch's <c>torch.distributions.Dirichlet</c>). Samples are
/// PyTorch's (<c>_sample_dirichlet</c>: normalised double gammas, the same draws for the same CPU generator
/// state); <c>rsample</c> is differentiable through the gammas' implicit gradients (see <c>SampleDirichletFunction</c>).
/// </summary>
public class Dirichlet : Distribution
{
    /// <summary>The concentration α (last dim: the categories).</summary>
    public Tensor concentration { get; private set; }

    /// <summary>Checks α &gt; 0 and that it is at least one-dimensional.</summary>
    public Dirichlet(Tensor concentration, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        if (concentration.dim() < 1) throw new ArgumentException("`concentration` parameter must be at least one-dimensional.");
        this.concentration = concentration;
        batch_shape = new Size(concentration.Shape[..^1]);
        event_shape = new Size(concentration.Shape[^1..]);
        ValidateArgs();
    }

    private Dirichlet(Tensor concentration) : base(null, validate_args: false) => this.concentration = concentration;

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("concentration", constraints.independent(constraints.positive, 1))];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("concentration", concentration)];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.simplex;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => concentration / concentration.sum(-1, keepdim: true);

    /// <inheritdoc/>
    public override Tensor variance
    {
        get
        {
            var con0 = concentration.sum(-1, keepdim: true);
            return concentration * (con0 - concentration) / (con0.pow(2) * (con0 + 1));
        }
    }

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        return SampleDirichletFunction.apply(concentration.expand(shape), generator!);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        return (value.log() * (concentration - 1.0)).sum(-1) + DistributionMath.Lgamma(concentration.sum(-1)) - DistributionMath.Lgamma(concentration).sum(-1);
    }

    /// <inheritdoc/>
    public override Tensor entropy()
    {
        long k = concentration.Shape[^1];
        var a0 = concentration.sum(-1);
        return DistributionMath.Lgamma(concentration).sum(-1) - DistributionMath.Lgamma(a0)
            - (k - a0) * DistributionMath.Digamma(a0)
            - ((concentration - 1.0) * DistributionMath.Digamma(concentration)).sum(-1);
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Dirichlet(concentration.expand([.. batch_shape, .. event_shape.ToArray()])), batch_shape);
}
