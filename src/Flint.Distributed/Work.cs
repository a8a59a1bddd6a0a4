using Flint.Distributed.Mpi;

namespace Flint.Distributed;

/// <summary>
/// PyTorch's <c>Work</c>: the handle of an operation issued with <c>async_op: true</c> (and of
/// <c>isend</c>/<c>irecv</c>). The tensors it writes hold the result once <see cref="wait"/> returns
/// (or <see cref="is_completed"/> has returned true): a tensor that had to be staged (a CUDA tensor, a
/// non-contiguous one, float16/bfloat16/bool reductions) is copied back on that call's thread.
/// </summary>
public class Work
{
    private readonly ManualResetEventSlim _done = new(false, spinCount: 200);
    private Exception? _error;
    private Action? _finish;
    private int _finished;

    internal Work(string name) => Name = name;

    internal string Name { get; }

    /// <summary>The rank a receive got its message from (<c>irecv</c> without a source).</summary>
    internal int SourceRank { get; set; } = -1;

    internal void OnFinish(Action finish) => _finish = finish;

    internal void Complete(Exception? error)
    {
        _error = error;
        _done.Set();
    }

    /// <summary>Whether the operation has finished (successfully or not); never blocks.</summary>
    public bool is_completed()
    {
        if (!_done.IsSet) return false;
        if (_error is null) FinishOnce();
        return true;
    }

    /// <summary>Whether the operation finished without an error.</summary>
    public bool is_success() => is_completed() && _error is null;

    /// <summary>The error the operation failed with, if any.</summary>
    public Exception? exception() => _done.IsSet ? _error : null;

    /// <summary>
    /// Blocks until the operation finishes and rethrows its error. With a <paramref name="timeout"/>, throws
    /// <see cref="DistBackendError"/> when it has not finished in time (PyTorch's <c>wait(timeout)</c>).
    /// Without one, waits for the process group's timeout, after which the watchdog aborts the job.
    /// </summary>
    public bool wait(TimeSpan? timeout = null)
    {
        var limit = timeout ?? MpiThread.Instance.Timeout;
        if (!_done.Wait(limit))
            throw new DistBackendError($"Work {Name} timed out after {limit} on rank {MpiThread.Instance.WorldRank}; another rank has probably failed or issued a different operation");
        FinishOnce();
        return true;
    }

    /// <summary>The sender's rank for a completed receive (PyTorch's <c>source_rank()</c>).</summary>
    public int source_rank() => SourceRank >= 0 ? SourceRank : throw new InvalidOperationException("source_rank() is only available for a completed receive");

    internal void WaitOrThrow() => wait();

    private void FinishOnce()
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) { if (_error is not null) Rethrow(); return; }
        if (_error is not null) Rethrow();
        _finish?.Invoke();
    }

    private void Rethrow() =>
        throw (_error is DistBackendError d ? new DistBackendError(d.Message) : new DistBackendError($"{Name} failed: {_error!.Message}"));
}
