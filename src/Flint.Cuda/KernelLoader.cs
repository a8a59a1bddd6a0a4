using System.Collections.Concurrent;
using System.Reflection;
using ILGPU;
using ILGPU.Runtime;

namespace Flint.Cuda;

/// <summary>
/// Loads each kernel instantiation once per accelerator and caches the launcher by its
/// (generic-filled) method, so a training loop compiles every (family, type, op) on first use only.
/// Auto-grouped launchers take the element count; grouped ones take a <see cref="KernelConfig"/>.
/// </summary>
internal sealed class KernelLoader(Accelerator accelerator)
{
    private readonly Accelerator _acc = accelerator;
    private readonly ConcurrentDictionary<MethodInfo, Delegate> _cache = new();

    private TDel Get<TDel>(MethodInfo m, Func<TDel> load) where TDel : Delegate =>
        (TDel)_cache.GetOrAdd(m, _ => load());

    public Action<Index1D, T1> Auto<T1>(Action<Index1D, T1> k) where T1 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));
    public Action<Index1D, T1, T2> Auto<T1, T2>(Action<Index1D, T1, T2> k) where T1 : struct where T2 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));
    public Action<Index1D, T1, T2, T3> Auto<T1, T2, T3>(Action<Index1D, T1, T2, T3> k) where T1 : struct where T2 : struct where T3 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));
    public Action<Index1D, T1, T2, T3, T4> Auto<T1, T2, T3, T4>(Action<Index1D, T1, T2, T3, T4> k)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));
    public Action<Index1D, T1, T2, T3, T4, T5> Auto<T1, T2, T3, T4, T5>(Action<Index1D, T1, T2, T3, T4, T5> k)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));
    public Action<Index1D, T1, T2, T3, T4, T5, T6> Auto<T1, T2, T3, T4, T5, T6>(Action<Index1D, T1, T2, T3, T4, T5, T6> k)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));
    public Action<Index1D, T1, T2, T3, T4, T5, T6, T7> Auto<T1, T2, T3, T4, T5, T6, T7>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7> k)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct where T7 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));
    public Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8> Auto<T1, T2, T3, T4, T5, T6, T7, T8>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8> k)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct where T7 : struct where T8 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));
    public Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> Auto<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> k)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct where T7 : struct where T8 : struct where T9 : struct where T10 : struct =>
        Get(k.Method, () => _acc.LoadAutoGroupedStreamKernel(k));

    public Action<KernelConfig, T1, T2, T3> Grouped<T1, T2, T3>(Action<T1, T2, T3> k) where T1 : struct where T2 : struct where T3 : struct =>
        Get(k.Method, () => _acc.LoadStreamKernel(k));
    public Action<KernelConfig, T1, T2, T3, T4> Grouped<T1, T2, T3, T4>(Action<T1, T2, T3, T4> k)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct =>
        Get(k.Method, () => _acc.LoadStreamKernel(k));
    public Action<KernelConfig, T1, T2, T3, T4, T5> Grouped<T1, T2, T3, T4, T5>(Action<T1, T2, T3, T4, T5> k)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct =>
        Get(k.Method, () => _acc.LoadStreamKernel(k));
}
