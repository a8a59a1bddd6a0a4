namespace Flint.Autograd;

/// <summary>
/// <c>torch.inference_mode()</c>: a scope that records no graph, like <c>no_grad</c>, and reports itself through
/// <c>torch.is_inference_mode_enabled()</c>. PyTorch additionally flags the tensors made inside as inference
/// tensors (which later may not be saved for backward or updated in place outside the mode); Flint does not
/// flag them: <c>inference_mode(false)</c> turns grad mode on again, as PyTorch's does. Its tensors made inside are ordinary tensors that do not require grad, so code that is valid
/// under PyTorch's inference mode behaves the same, and code PyTorch would reject is not rejected.
/// </summary>
internal static class InferenceMode
{
    [ThreadStatic] private static bool _enabled;

    public static bool IsEnabled => _enabled;

    public static InferenceModeGuard Set(bool enabled)
    {
        var guard = new InferenceModeGuard(_enabled, GradMode.Set(!enabled));
        _enabled = enabled;
        return guard;
    }

    internal static void Restore(bool enabled) => _enabled = enabled;
}

/// <summary>Leaves inference mode (restoring the previous inference and grad modes). Returned by <c>torch.inference_mode()</c>.</summary>
public sealed class InferenceModeGuard : IDisposable
{
    private readonly bool _previous;
    private readonly GradModeGuard _grad;
    private bool _disposed;

    internal InferenceModeGuard(bool previous, GradModeGuard grad)
    {
        _previous = previous;
        _grad = grad;
    }

    /// <summary>Restores the previous modes.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _grad.Dispose();
        InferenceMode.Restore(_previous);
    }
}
