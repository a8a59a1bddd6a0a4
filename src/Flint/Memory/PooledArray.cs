namespace Flint;

/// <summary>
/// The way home of one pooled host array. A storage holds it beside the array; when the storage's
/// last view is disposed, <see cref="Return"/> hands the array back to <see cref="BufferPool"/> at
/// once; when nobody disposes anything (the tutorial as printed), the storage and this object become
/// unreachable together and the finaliser returns the array. That is safe because nothing else can
/// still read the array then: kernels reach memory only through the dispatcher, whose
/// <c>KernelLease</c> keeps every operand's tensor (hence storage, hence this object) reachable until
/// the kernel has returned, and arrays handed out to users are <see cref="Forget">forgotten</see> first.
/// </summary>
internal sealed class PooledArray(Array array, int elementSize)
{
    private Array? _array = array;

    /// <summary>Returns the array to the pool now (at most once; later calls and the finaliser do nothing).</summary>
    public void Return()
    {
        var a = Interlocked.Exchange(ref _array, null);
        if (a is null) return;
        GC.SuppressFinalize(this);
        BufferPool.Return(a, elementSize);
    }

    /// <summary>The array now belongs to someone else: never recycle it.</summary>
    public void Forget()
    {
        if (Interlocked.Exchange(ref _array, null) is not null) GC.SuppressFinalize(this);
    }

    ~PooledArray()
    {
        var a = Interlocked.Exchange(ref _array, null);
        if (a is not null) BufferPool.Return(a, elementSize);
    }
}
