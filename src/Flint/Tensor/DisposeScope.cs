namespace Flint;

/// <summary>
/// TorchSharp's dispose scope: every tensor created on this thread while the scope is the
/// innermost one is disposed with it, except those moved out. Optional in Flint (memory is
/// managed), but it returns large buffers for reuse at once, and TorchSharp code using
/// <c>using var scope = torch.NewDisposeScope();</c> ports unchanged.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? _current;

    private readonly DisposeScope? _outer;
    private readonly List<Tensor> _tensors = new();
    private bool _disposed;

    internal DisposeScope()
    {
        _outer = _current;
        _current = this;
    }

    /// <summary>This thread's innermost scope (null when none): <c>torch.CurrentDisposeScope</c>.</summary>
    internal static DisposeScope? Current => _current;

    /// <summary>The tensors this scope will dispose.</summary>
    public int DisposablesCount => _tensors.Count(t => ReferenceEquals(t.Scope, this));

    /// <summary>
    /// Until disposed, tensors made on this thread belong to no scope: for state that must outlive the
    /// caller's scope (optimizer buffers), as TorchSharp's optimizers detach theirs.
    /// </summary>
    internal static SuspendedScope Suspend()
    {
        var suspended = new SuspendedScope(_current);
        _current = null;
        return suspended;
    }

    internal readonly struct SuspendedScope(DisposeScope? previous) : IDisposable
    {
        public void Dispose() => _current = previous;
    }

    internal static void Register(Tensor t)
    {
        var scope = _current;
        if (scope is null) return;
        t.Scope = scope;
        scope._tensors.Add(t);
    }

    /// <summary>Moves tensors to the enclosing scope (or out of all scopes when there is none).</summary>
    public void MoveToOuter(params Tensor[] tensors)
    {
        foreach (var t in tensors)
        {
            if (!ReferenceEquals(t.Scope, this)) continue;
            t.Scope = _outer;
            _outer?._tensors.Add(t);
        }
    }

    /// <summary>Makes this scope the owner of <paramref name="t"/>, taking it from the scope that owned it (TorchSharp's MoveToOtherDisposeScope).</summary>
    internal void Adopt(Tensor t)
    {
        if (_disposed) throw new ObjectDisposedException(nameof(DisposeScope), "The dispose scope has been disposed.");
        if (ReferenceEquals(t.Scope, this)) return;
        t.Scope = this;
        _tensors.Add(t);
    }

    /// <summary>Takes tensors out of every scope: they live until collected or disposed by hand.</summary>
    public void Detach(params Tensor[] tensors)
    {
        foreach (var t in tensors)
            if (ReferenceEquals(t.Scope, this)) t.Scope = null;
    }

    /// <summary>
    /// Disposes every tensor this scope owns except <paramref name="keep"/>, which stay owned by it; the scope stays
    /// open (TorchSharp's <c>DisposeEverythingBut</c>, for loops that keep a few results per iteration).
    /// </summary>
    public void DisposeEverythingBut(params Tensor[] keep)
    {
        var kept = new HashSet<Tensor>(keep, ReferenceEqualityComparer.Instance);
        var remaining = new List<Tensor>();
        foreach (var t in _tensors)
        {
            if (!ReferenceEquals(t.Scope, this)) continue;
            if (kept.Contains(t)) { remaining.Add(t); continue; }
            t.Scope = null;
            t.Dispose();
        }
        _tensors.Clear();
        _tensors.AddRange(remaining);
    }

    /// <summary>Disposes every tensor still owned by this scope and makes the enclosing scope current.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var t in _tensors)
            if (ReferenceEquals(t.Scope, this)) { t.Scope = null; t.Dispose(); }
        _tensors.Clear();
        if (ReferenceEquals(_current, this)) _current = _outer;
    }
}
