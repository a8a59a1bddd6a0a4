namespace Flint.Autograd;

/// <summary>
/// A tensor saved for backward, with the storage version it had when saved, so an in-place
/// change before backward is caught instead of silently giving a wrong gradient.
/// </summary>
internal readonly struct SavedTensor
{
    private readonly Tensor _tensor;
    private readonly int _version;

    public SavedTensor(Tensor tensor)
    {
        _tensor = tensor;
        _version = tensor.Storage.Version;
    }

    public Tensor Unpack(GradNode node)
    {
        if (_tensor.Storage.Version != _version)
            throw new InvalidOperationException(
                "one of the variables needed for gradient computation has been modified by an inplace operation: " +
                $"[torch.{DTypes.ShortName(_tensor.dtype)}Tensor {Shapes.Str(_tensor.Shape)}], which is output 0 of {(_tensor.grad_fn?.name() ?? "a leaf")}, " +
                $"is at version {_tensor.Storage.Version}; expected version {_version} instead. Hint: the backtrace further above can point at {node.name()}.");
        return _tensor;
    }
}
