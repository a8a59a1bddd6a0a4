using System.Runtime.CompilerServices;

namespace Flint;

/// <summary>
/// Recycles host tensor buffers. A training loop allocates the same sizes every iteration; without
/// reuse each large array lands on the large-object heap, touches fresh pages and triggers gen-2
/// collections, and each small one feeds gen-0 collections. A pooled storage hands its array back
/// here when its last view is disposed, or, when nobody disposes anything, when the collector finds
/// the storage unreachable (<see cref="PooledArray"/>). Arrays are keyed by exact element type and
/// length, so a buffer's length always equals its tensor's element count.
/// </summary>
internal static class BufferPool
{
    /// <summary>Arrays smaller than this (bytes) are cheap young-generation objects: not pooled.</summary>
    public const int MinPooledBytes = 1024;
    private const long MaxPooledBytes = 512L * 1024 * 1024;
    // A bound on arrays per size; the byte cap above is the real limit. A recurrent layer's step keeps
    // dozens of same-size temporaries per time step (thousands per iteration), all reusable next time.
    private const int MaxPerBucket = 8192;

    /// <summary>The pooled arrays of one element type and length, and when that size was last rented or returned.</summary>
    private sealed class Bucket(long arrayBytes)
    {
        public readonly Stack<Array> Arrays = new();
        public readonly long ArrayBytes = arrayBytes;
        public long LastUse;
    }

    private static readonly Dictionary<(Type, int), Bucket> Buckets = new();
    private static readonly Lock Gate = new();
    private static long _pooledBytes;
    // Ticks on every rent and return; orders buckets by last use for eviction.
    private static long _clock;

    /// <summary>The byte cap (a constant, but tests lower it to exercise eviction without half a gigabyte).</summary>
    internal static long CapacityBytes = MaxPooledBytes;

    // Handed out since the last collection this pool asked for (see ShouldCollect).
    private static long _servedBytes, _servedArrays;
    // Bytes handed back since the process started (read around a collection to see what it found).
    private static long _returnedBytes;
    // The generation the next collection this pool asks for covers (see CollectUnreachable).
    private static int _nextGeneration = 1;
    private const long CollectBytes = 32L << 20;
    private const long CollectArrays = 4096;
    [ThreadStatic] private static bool _collecting;

    public static bool ShouldPool(int length, int elementSize) => (long)length * elementSize >= MinPooledBytes;

    /// <summary>A pooled array of exactly <paramref name="length"/> elements; zeroed when <paramref name="clear"/>.</summary>
    public static T[] Rent<T>(int length, bool clear)
    {
        var a = TryReuse<T>(length);
        if (a is null && ShouldCollect())
        {
            CollectUnreachable();
            a = TryReuse<T>(length);
        }
        if (a is null) return clear ? new T[length] : GC.AllocateUninitializedArray<T>(length);
        if (clear) Array.Clear(a);
        return a;
    }

    /// <summary>Pops a pooled array of this length, or null; every attempt counts toward the current collection cycle.</summary>
    private static T[]? TryReuse<T>(int length)
    {
        long bytes = (long)length * Unsafe.SizeOf<T>();
        lock (Gate)
        {
            _servedBytes += bytes;
            _servedArrays++;
            if (!Buckets.TryGetValue((typeof(T), length), out var bucket) || bucket.Arrays.Count == 0) return null;
            bucket.LastUse = ++_clock;
            _pooledBytes -= bytes;
            return (T[])bucket.Arrays.Pop();
        }
    }

    /// <summary>
    /// Code written without Dispose or scopes returns a buffer only when the collector finds its storage
    /// unreachable, and a pool miss allocates a fresh array: left alone, the misses themselves would pace
    /// the collections and large arrays would pile up on the large-object heap until a gen-2 collection.
    /// So when a size's bucket is dry and much has been handed out since the last collection this pool
    /// asked for (32 MiB or 4096 arrays), the young generations are collected first: the tensors that
    /// became unreachable hand their buffers back and the loop reuses them (PyTorch's CUDA caching
    /// allocator likewise frees and retries before growing). One cheap collection per cycle.
    /// </summary>
    private static bool ShouldCollect()
    {
        if (_collecting) return false;
        lock (Gate) return _servedBytes >= CollectBytes || _servedArrays >= CollectArrays;
    }

    // No pacing by live bytes (session 8 tried max(32 MiB, live/2), Go's GOGC): the pool cannot see what is really live
    // (arrays handed to users via data<T>() never come back, garbage promoted to generation 2 looks alive until a full
    // collection), so its estimate only grew: 596 MB in the test host, where a natural-code loop then allocated a fresh
    // 400 KB array every iteration. A fixed budget is predictable.

    /// <summary>
    /// Collects so that unreachable tensors hand their buffers back. Usually the young generations suffice: an
    /// iteration's temporaries die young. But tensors that live through collections (activations saved for a
    /// long backward, a recurrent layer's per-step state) are promoted to generation 2 by the time they die,
    /// and only a full collection finds them; left to the runtime, their buffers would be replaced by fresh
    /// large-object-heap arrays until it decides to collect. So when a young collection gave back less than
    /// half of what was handed out since the previous one, the next collection is a full one. A full
    /// collection is cheap here: the heap holds few objects, and the pooled arrays hold no references.
    /// </summary>
    private static void CollectUnreachable()
    {
        long served, returnedBefore;
        lock (Gate)
        {
            served = _servedBytes;
            returnedBefore = _returnedBytes;
            _servedBytes = 0;
            _servedArrays = 0;
        }
        int generation = _nextGeneration;
        _collecting = true;
        try
        {
            // Outside the lock: the finalisers it waits for take it to hand their arrays back.
            GC.Collect(generation, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
        }
        finally { _collecting = false; }
        long returned;
        lock (Gate) returned = _returnedBytes - returnedBefore;
        // Judged against everything served since the last collection, buffers returned early included: this errs toward
        // full collections (the tutorial loop, whose gradients come back eagerly, runs every other one as a full one, about
        // 10–14 gen-2 per 1,000 iterations). Judging against what was still out ended those, but in a busy process (the test
        // host) it kept young collections that could not find promoted garbage, and a natural loop stopped recycling.
        _nextGeneration = generation == 1 && returned * 2 < served ? 2 : 1;
    }

    /// <summary>
    /// Takes an array back (its storage's last view was disposed, or the storage was collected). When the pool is
    /// full, the sizes used longest ago make room: a process that moves on to other shapes (the next model, the next
    /// test) must not find the pool full of sizes nobody asks for any more and recycle nothing (the test host did:
    /// 9,000 tests filled it, and a natural-code loop then allocated every buffer fresh).
    /// </summary>
    public static void Return(Array array, int elementSize)
    {
        long bytes = array.LongLength * elementSize;
        lock (Gate)
        {
            _returnedBytes += bytes;
            if (bytes > CapacityBytes) return;
            var key = (array.GetType().GetElementType()!, array.Length);
            if (!Buckets.TryGetValue(key, out var bucket)) Buckets[key] = bucket = new Bucket(bytes);
            bucket.LastUse = ++_clock;
            if (bucket.Arrays.Count >= MaxPerBucket) return;
            while (_pooledBytes + bytes > CapacityBytes && EvictLeastRecentlyUsed(except: bucket)) { }
            if (_pooledBytes + bytes > CapacityBytes) return;
            bucket.Arrays.Push(array);
            _pooledBytes += bytes;
        }
    }

    /// <summary>Drops the arrays of the size used longest ago (not <paramref name="except"/>); false when there is none.</summary>
    private static bool EvictLeastRecentlyUsed(Bucket except)
    {
        (Type, int) oldestKey = default;
        Bucket? oldest = null;
        foreach (var (key, bucket) in Buckets)
            if (bucket != except && bucket.Arrays.Count > 0 && (oldest is null || bucket.LastUse < oldest.LastUse))
                (oldestKey, oldest) = (key, bucket);
        if (oldest is null) return false;
        _pooledBytes -= oldest.Arrays.Count * oldest.ArrayBytes;
        Buckets.Remove(oldestKey);
        return true;
    }

    /// <summary>Drops every pooled buffer (for tests and memory-pressure callers).</summary>
    public static void Clear()
    {
        lock (Gate) { Buckets.Clear(); _pooledBytes = 0; }
    }

    /// <summary>Bytes held in the pool now (for tests).</summary>
    internal static long PooledBytes { get { lock (Gate) return _pooledBytes; } }
}
