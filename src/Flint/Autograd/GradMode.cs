namespace Flint.Autograd;

/// <summary>
/// Whether ops record the graph, per thread (PyTorch's grad mode). <c>torch.no_grad()</c>
/// and <c>torch.enable_grad()</c> return guards that restore the previous mode on dispose,
/// so they nest correctly.
/// </summary>
internal static class GradMode
{
    [ThreadStatic] private static bool _disabled;

    public static bool IsEnabled => !_disabled;

    public static GradModeGuard Set(bool enabled)
    {
        var guard = new GradModeGuard(!_disabled);
        _disabled = !enabled;
        return guard;
    }

    internal static void Restore(bool enabled) => _disabled = !enabled;
}

/// <summary>Restores the grad mode that was active when it was created. Returned by <c>torch.no_grad()</c>.</summary>
public sealed class GradModeGuard : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    internal GradModeGuard(bool previous) => _previous = previous;

    /// <summary>Restores the previous grad mode.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        GradMode.Restore(_previous);
    }
}
