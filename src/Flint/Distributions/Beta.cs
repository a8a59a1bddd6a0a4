using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The beta distribution (PyTorch's <c>torch.distributions.Beta</c>): the first coordinate of a
/// <see cref="Dirichlet"/>([concentration1, concentration0]), so samples are PyTorch's for the same CPU generator state.
/// </summary>
public class Beta : Distribution
{
    private readonly Dirichlet _dirichlet;

    /// <summary>Broadcasts the concentrations and checks both are positive.</summary>
    public Beta(Tensor concentration1, Tensor concentration0, torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        var b = DistributionMath.BroadcastAll(concentration1, concentration0);
        _dirichlet = new Dirichlet(torch.stack([b[0], b[1]], -1), generator, validate_args);
        batch_shape = _dirichlet.batch_shape;
        ValidateArgs();
    }

    private Beta(Dirichlet dirichlet) : base(null, validate_args: false) => _dirichlet = dirichlet;

    /// <summary>α, the first concentration.</summary>
    public Tensor concentration1 => _dirichlet.concentration.select(-1, 0);

    /// <summary>β, the second concentration.</summary>
    public Tensor concentration0 => _dirichlet.concentration.select(-1, 1);

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [("concentration1", constraints.positive), ("concentration0", constraints.positive)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters() => [("concentration1", concentration1), ("concentration0", concentration0)];

    // The concentrations are properties in PyTorch (not in __dict__), so its repr lists none: Beta().
    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> ReprParameters() => [];

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.unit_interval;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    /// <inheritdoc/>
    public override Tensor mean => concentration1 / (concentration1 + concentration0);

    /// <inheritdoc/>
    public override Tensor variance
    {
        get
        {
            var total = concentration1 + concentration0;
            return concentration1 * concentration0 / (total.pow(2) * (total + 1));
        }
    }

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        _dirichlet.SetGenerator(generator);
        return _dirichlet.rsample(sample_shape).select(-1, 0);
    }

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        return _dirichlet.log_prob(torch.stack([value, 1.0 - value], -1));
    }

    /// <inheritdoc/>
    public override Tensor entropy() => _dirichlet.entropy();

    internal Dirichlet dirichlet => _dirichlet;

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape) => Expanded(new Beta((Dirichlet)_dirichlet.expand(batch_shape)), batch_shape);
}
