using System.Runtime.ExceptionServices;

namespace Flint.Backends.Cpu;

/// <summary>
/// Minimal fork-join for GEMM strips. Unlike <see cref="Parallel.For(int, int, Action{int})"/>, the
/// chunks are claimed dynamically by the caller and by pool workers alike, so a worker that wakes up
/// late (tens of microseconds on a VM) just takes fewer chunks instead of stalling the caller, and a
/// chunk is never re-split, which keeps the per-element arithmetic independent of scheduling.
/// </summary>
internal static class GemmParallel
{
    /// <summary>Runs body(0..chunks-1) on the calling thread plus up to workers-1 pool threads.</summary>
    public static void For(int chunks, int workers, Action<int> body)
    {
        var job = new Job(chunks, body);
        int helpers = Math.Min(Math.Min(workers, Parallelism.IntraOpThreads), chunks) - 1; // torch.set_num_threads bounds every fork-join
        for (int w = 0; w < helpers; w++)
            ThreadPool.UnsafeQueueUserWorkItem(static j => j.Work(), job, preferLocal: false);
        job.Work();
        job.Wait();
    }

    private sealed class Job(int chunks, Action<int> body)
    {
        private readonly int _chunks = chunks;
        private int _next = -1;
        private int _remaining = chunks;
        private Exception? _error;
        // Never disposed: it only allocates a kernel handle if WaitHandle is read, which we never do.
        private readonly ManualResetEventSlim _done = new(false);

        public void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref _next)) < _chunks)
            {
                try
                {
                    body(i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _error, e, null);
                }
                if (Interlocked.Decrement(ref _remaining) == 0)
                    _done.Set();
            }
        }

        public void Wait()
        {
            _done.Wait();
            if (_error is not null)
                ExceptionDispatchInfo.Throw(_error);
        }
    }
}
