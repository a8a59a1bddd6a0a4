namespace Flint.Autograd;

/// <summary>
/// A tensor saved for backward, with the storage version it had when saved, so an in-place
/// change before backward is caught instead of silently giving a wrong gradient. Saving takes a
/// claim on the storage (as a view would), so the user may dispose the tensor itself: its buffer
/// stays out of the pool until the node releases what it saved (<see cref="Release"/>), or until
/// the whole graph is collected.
/// </summary>
internal readonly struct SavedTensor
{
    private readonly Tensor _tensor;
    private readonly int _version;

    public SavedTensor(Tensor tensor)
    {
        _tensor = tensor;
        _version = tensor.Storage.Version;
        tensor.Storage.AddView();
    }

    /// <summary>Drops the graph's claim on the storage (once, when the node frees its saved tensors).</summary>
    public void Release() => _tensor.Storage.ReleaseView();

    public Tensor Unpack(GradNode node)
    {
        if (_tensor.Storage.Version != _version)
            throw new InvalidOperationException(
                "one of the variables needed for gradient computation has been modified by an inplace operation: " +
                $"[torch.{DTypes.ShortName(_tensor.dtype)}Tensor {Shapes.Str(_tensor.Shape)}], which is output 0 of {(_tensor.grad_fn?.name() ?? "a leaf")}, " +
                $"is at version {_tensor.Storage.Version}; expected version {_version} instead. Hint: the backtrace further above can point at {node.name()}.");
        return _tensor.IsDisposed ? _tensor.AliasForGraph() : _tensor;
    }
}
