namespace Flint;

/// <summary>
/// The process-wide thread limits behind <c>torch.set_num_threads</c> / <c>torch.set_num_interop_threads</c>.
/// Every CPU parallel loop (the GEMM/conv/elementwise fork-join, sort, layer norm, pooling, batched linalg, CTC)
/// reads <see cref="IntraOpThreads"/> as its upper bound on workers; 1 makes them all run on the calling thread.
/// </summary>
internal static class Parallelism
{
    private static int _intraOp = Environment.ProcessorCount;
    private static int _interop = Environment.ProcessorCount;

    /// <summary>The most threads one CPU op uses (the calling thread included); Environment.ProcessorCount by default.</summary>
    public static int IntraOpThreads
    {
        get => Volatile.Read(ref _intraOp);
        set => Volatile.Write(ref _intraOp, value);
    }

    /// <summary>The inter-op thread count PyTorch reports; Flint runs ops one at a time, so it only records the value.</summary>
    public static int InteropThreads
    {
        get => Volatile.Read(ref _interop);
        set => Volatile.Write(ref _interop, value);
    }

    /// <summary>Options for <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> bounded by <see cref="IntraOpThreads"/>.</summary>
    public static ParallelOptions LoopOptions => new() { MaxDegreeOfParallelism = Math.Max(1, IntraOpThreads) };
}
