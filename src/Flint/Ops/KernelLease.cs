namespace Flint.Ops;

/// <summary>
/// Keeps the tensors a kernel reads or writes reachable until the kernel has returned. A backend
/// receives only storages and offsets, so after the last use of a tensor in C# the JIT may treat it
/// as dead while the kernel still reads its memory; once buffers are recycled when their tensor is
/// collected (rather than only on <c>Dispose</c>), that would hand a live buffer to someone else.
/// Every backend call in <see cref="Dispatcher"/> runs inside one lease; this is the only place
/// that calls <see cref="GC.KeepAlive"/>.
/// </summary>
internal readonly ref struct KernelLease
{
    private readonly Tensor? _a, _b, _c, _d;

    public KernelLease(Tensor? a, Tensor? b = null, Tensor? c = null, Tensor? d = null)
    {
        _a = a; _b = b; _c = c; _d = d;
    }

    /// <summary>Ends the lease: the held tensors may be collected from here on.</summary>
    public void Dispose()
    {
        GC.KeepAlive(_a);
        GC.KeepAlive(_b);
        GC.KeepAlive(_c);
        GC.KeepAlive(_d);
    }
}
