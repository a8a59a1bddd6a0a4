namespace Flint.Autograd;

/// <summary>
/// Anomaly detection (<c>torch.autograd.detect_anomaly</c>): while on, the engine checks every gradient a
/// node returns and throws naming the node when one holds NaN, with PyTorch's message
/// "Function 'MulBackward0' returned nan values in its 0th output.". Per thread, like grad mode (PyTorch's
/// flag is process-wide; a per-thread flag keeps parallel work, and parallel tests, unaffected). PyTorch also
/// records each forward op's Python stack trace in this mode; Flint names the node only.
/// </summary>
internal static class AnomalyMode
{
    [ThreadStatic] private static bool _enabled;

    public static bool IsEnabled => _enabled;

    /// <summary>Sets the mode; the returned guard restores the previous one.</summary>
    public static AnomalyModeGuard Set(bool enabled)
    {
        var guard = new AnomalyModeGuard(_enabled);
        _enabled = enabled;
        return guard;
    }

    internal static void Restore(bool enabled) => _enabled = enabled;

    /// <summary>Throws when one of <paramref name="grads"/> (the node's results) holds NaN.</summary>
    public static void Check(GradNode node, Tensor?[] grads)
    {
        for (int i = 0; i < grads.Length; i++)
        {
            if (grads[i] is not { } g || !g.is_floating_point()) continue;
            using var noGrad = GradMode.Set(false);
            if (g.ne(g).any().item<bool>()) // NaN is the only value unequal to itself
                throw new InvalidOperationException($"Function '{node.name()}' returned nan values in its {i}th output.");
        }
    }
}

/// <summary>Restores the anomaly mode that was active when it was created.</summary>
public sealed class AnomalyModeGuard : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    internal AnomalyModeGuard(bool previous) => _previous = previous;

    /// <summary>Restores the previous anomaly mode.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        AnomalyMode.Restore(_previous);
    }
}
