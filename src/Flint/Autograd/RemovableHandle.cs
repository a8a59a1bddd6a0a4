namespace Flint;

/// <summary>
/// Returned by hook registration (<c>Tensor.register_hook</c>, module backward hooks): <see cref="remove"/>
/// unregisters the hook, as PyTorch's <c>torch.utils.hooks.RemovableHandle</c>. Disposing it removes the hook too.
/// </summary>
public sealed class RemovableHandle : IDisposable
{
    private Action? _remove;

    internal RemovableHandle(Action remove) => _remove = remove;

    /// <summary>Unregisters the hook; removing twice is harmless.</summary>
    public void remove()
    {
        _remove?.Invoke();
        _remove = null;
    }

    /// <summary>Same as <see cref="remove"/>.</summary>
    public void Dispose() => remove();
}
