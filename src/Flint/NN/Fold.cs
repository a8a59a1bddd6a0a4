namespace Flint.Modules;

/// <summary>
/// Combines sliding local blocks (N, C·kH·kW, L) or (C·kH·kW, L) into an image (N, C, H, W), summing where
/// blocks overlap (PyTorch's <c>nn.Fold</c>, col2im; the adjoint of <see cref="Unfold"/>). Built by <c>torch.nn.Fold</c>.
/// </summary>
public sealed class Fold : torch.nn.Module<Tensor, Tensor>
{
    private readonly long[] _output, _kernel, _dilation, _padding, _stride;
    private readonly string _repr;

    internal Fold(long[] output, long[] kernel, long[] dilation, long[] padding, long[] stride, string repr)
    {
        (_output, _kernel, _dilation, _padding, _stride, _repr) = (output, kernel, dilation, padding, stride, repr);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => FoldFunctional.FoldCols(input, _output, _kernel, _dilation, _padding, _stride);

    /// <inheritdoc/>
    public override string extra_repr() => _repr;
}
