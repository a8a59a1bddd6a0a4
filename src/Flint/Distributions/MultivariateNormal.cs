using static Flint.torch.distributions;

namespace Flint.Modules;

/// <summary>
/// The multivariate normal distribution from a covariance matrix, a precision matrix or a lower Cholesky
/// factor (PyTorch's <c>torch.distributions.MultivariateNormal</c>). The Cholesky factor and the triangular
/// solves are composed from tensor ops (<c>DistributionLinalg</c>), so everything is differentiable and runs on
/// every device; <c>rsample</c> is loc + L·ε with ε = <c>normal_()</c>, PyTorch's draws for the same generator state.
/// </summary>
public class MultivariateNormal : Distribution
{
    private readonly Tensor _L; // the unbroadcasted scale_tril
    private Tensor? _covariance, _precision, _scaleTril;

    /// <summary>The mean vector, expanded to batch_shape + event_shape.</summary>
    public Tensor loc { get; private set; }

    /// <summary>Exactly one of <paramref name="covariance_matrix"/>, <paramref name="precision_matrix"/> and <paramref name="scale_tril"/>.</summary>
    public MultivariateNormal(Tensor loc, Tensor? covariance_matrix = null, Tensor? precision_matrix = null, Tensor? scale_tril = null,
        torch.Generator? generator = null, bool? validate_args = null) : base(generator, validate_args: validate_args)
    {
        if (loc.dim() < 1) throw new ArgumentException("loc must be at least one-dimensional.");
        if ((covariance_matrix is null ? 0 : 1) + (scale_tril is null ? 0 : 1) + (precision_matrix is null ? 0 : 1) != 1)
            throw new ArgumentException("Exactly one of covariance_matrix or precision_matrix or scale_tril may be specified.");
        var (matrix, name) = scale_tril is not null ? (scale_tril, "scale_tril")
            : covariance_matrix is not null ? (covariance_matrix, "covariance_matrix") : (precision_matrix!, "precision_matrix");
        if (matrix.dim() < 2)
            throw new ArgumentException($"{name} matrix must be at least two-dimensional, with optional leading batch dimensions");
        var batch = Shapes.Broadcast(matrix.Shape[..^2], loc.Shape[..^1]);
        var expanded = matrix.expand([.. batch, -1, -1]);
        if (scale_tril is not null) _scaleTril = expanded;
        else if (covariance_matrix is not null) _covariance = expanded;
        else _precision = expanded;
        this.loc = loc.expand([.. batch, -1]);
        batch_shape = new Size(batch);
        event_shape = new Size(this.loc.Shape[^1..]);
        ValidateArgs();
        _L = scale_tril ?? (covariance_matrix is not null ? DistributionLinalg.Cholesky(covariance_matrix) : PrecisionToScaleTril(precision_matrix!));
    }

    private MultivariateNormal(Tensor loc, Tensor l) : base(null, validate_args: false) { this.loc = loc; _L = l; }

    // PyTorch's _precision_to_scale_tril: L = (flip(cholesky(flip(P))))ᵀ⁻¹ by a triangular solve.
    private static Tensor PrecisionToScaleTril(Tensor p)
    {
        var lf = DistributionLinalg.Cholesky(DistributionLinalg.FlipLastTwo(p));
        var lInv = DistributionLinalg.FlipLastTwo(lf).transpose(-2, -1);
        var id = torch.eye(p.Shape[^1], dtype: p.dtype, device: p.device);
        return DistributionLinalg.SolveLower(lInv, id);
    }

    private long[] MatrixShape => [.. batch_shape.ToArray(), .. event_shape.ToArray(), .. event_shape.ToArray()];

    /// <summary>The lower Cholesky factor of the covariance, expanded to batch_shape + (n, n).</summary>
    public Tensor scale_tril => _scaleTril ??= _L.expand(MatrixShape);

    /// <summary>The covariance matrix L·Lᵀ.</summary>
    public Tensor covariance_matrix => _covariance ??= _L.matmul(_L.transpose(-2, -1)).expand(MatrixShape);

    /// <summary>The precision matrix (L·Lᵀ)⁻¹.</summary>
    public Tensor precision_matrix
    {
        get
        {
            if (_precision is not null) return _precision;
            var lInv = DistributionLinalg.SolveLower(_L, torch.eye(_L.Shape[^1], dtype: _L.dtype, device: _L.device));
            return _precision = lInv.transpose(-2, -1).matmul(lInv).expand(MatrixShape);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints =>
        [("loc", constraints.real_vector), ("covariance_matrix", constraints.positive_definite),
         ("precision_matrix", constraints.positive_definite), ("scale_tril", constraints.lower_cholesky)];

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Tensor value)> Parameters()
    {
        yield return ("loc", loc);
        if (_covariance is not null) yield return ("covariance_matrix", _covariance);
        if (_precision is not null) yield return ("precision_matrix", _precision);
        if (_scaleTril is not null) yield return ("scale_tril", _scaleTril);
    }

    /// <inheritdoc/>
    public override constraints.Constraint support => constraints.real_vector;

    /// <inheritdoc/>
    public override bool has_rsample => true;

    internal Tensor unbroadcasted_scale_tril => _L;

    /// <inheritdoc/>
    public override Tensor mean => loc;

    /// <inheritdoc/>
    public override Tensor mode => loc;

    /// <inheritdoc/>
    public override Tensor variance => _L.pow(2).sum(-1).expand([.. batch_shape.ToArray(), .. event_shape.ToArray()]);

    /// <inheritdoc/>
    public override Tensor rsample(params long[] sample_shape)
    {
        var shape = ExtendedShape(sample_shape);
        var eps = DistributionDraws.StandardNormal(shape, loc.dtype, loc.device, generator);
        return loc + _L.matmul(eps.unsqueeze(-1)).squeeze(-1);
    }

    /// <summary>xᵀ(L·Lᵀ)⁻¹x = |L⁻¹x|² over the last dim (PyTorch's <c>_batch_mahalanobis</c>).</summary>
    internal static Tensor Mahalanobis(Tensor l, Tensor x) =>
        DistributionLinalg.SolveLower(l, x.unsqueeze(-1)).squeeze(-1).pow(2).sum(-1);

    /// <inheritdoc/>
    public override Tensor log_prob(Tensor value)
    {
        ValidateSample(value);
        var diff = value - loc;
        var m = Mahalanobis(_L, diff);
        var halfLogDet = DistributionLinalg.Diagonal(_L).log().sum(-1);
        return -0.5 * (event_shape[0] * Math.Log(2 * Math.PI) + m) - halfLogDet;
    }

    /// <inheritdoc/>
    public override Tensor entropy()
    {
        var halfLogDet = DistributionLinalg.Diagonal(_L).log().sum(-1);
        var h = 0.5 * event_shape[0] * (1.0 + Math.Log(2 * Math.PI)) + halfLogDet;
        return batch_shape.Length == 0 ? h : h.expand(batch_shape.ToArray());
    }

    /// <inheritdoc/>
    public override Distribution expand(long[] batch_shape)
    {
        long[] locShape = [.. batch_shape, .. event_shape.ToArray()];
        long[] covShape = [.. locShape, .. event_shape.ToArray()];
        var e = new MultivariateNormal(loc.expand(locShape), _L)
        {
            _covariance = _covariance?.expand(covShape),
            _precision = _precision?.expand(covShape),
            _scaleTril = _scaleTril?.expand(covShape),
        };
        return Expanded(e, batch_shape);
    }
}
