using System.Runtime.CompilerServices;

namespace Flint;

/// <summary>
/// Recycles large tensor buffers. A training loop allocates the same sizes every iteration;
/// without reuse each large array lands on the large-object heap, touches fresh pages and
/// triggers gen-2 collections. A pooled storage hands its array back here when its last view
/// is disposed: by the autograd engine for the gradients it creates, or by user code
/// (<c>Dispose</c>, dispose scopes). Tensors nobody disposes are simply garbage collected.
/// Arrays are keyed by exact element type and length, so a buffer's length always equals its
/// tensor's element count.
/// </summary>
internal static class BufferPool
{
    /// <summary>Arrays smaller than this (bytes) are cheap young-generation objects: not pooled.</summary>
    public const int MinPooledBytes = 64 * 1024;
    private const long MaxPooledBytes = 512L * 1024 * 1024;
    private const int MaxPerBucket = 32;

    private static readonly Dictionary<(Type, int), Stack<Array>> Buckets = new();
    private static readonly Lock Gate = new();
    private static long _pooledBytes;

    public static bool ShouldPool(int length, int elementSize) => (long)length * elementSize >= MinPooledBytes;

    /// <summary>A pooled array of exactly <paramref name="length"/> elements; zeroed when <paramref name="clear"/>.</summary>
    public static T[] Rent<T>(int length, bool clear)
    {
        lock (Gate)
        {
            if (Buckets.TryGetValue((typeof(T), length), out var stack) && stack.Count > 0)
            {
                var a = (T[])stack.Pop();
                _pooledBytes -= (long)length * Unsafe.SizeOf<T>();
                if (clear) Array.Clear(a);
                return a;
            }
        }
        return clear ? new T[length] : GC.AllocateUninitializedArray<T>(length);
    }

    /// <summary>Takes an array back (called when a storage's last view is disposed).</summary>
    public static void Return(Array array, int elementSize)
    {
        long bytes = array.LongLength * elementSize;
        lock (Gate)
        {
            if (_pooledBytes + bytes > MaxPooledBytes) return;
            var key = (array.GetType().GetElementType()!, array.Length);
            if (!Buckets.TryGetValue(key, out var stack)) Buckets[key] = stack = new Stack<Array>();
            if (stack.Count >= MaxPerBucket) return;
            stack.Push(array);
            _pooledBytes += bytes;
        }
    }

    /// <summary>Drops every pooled buffer (for tests and memory-pressure callers).</summary>
    public static void Clear()
    {
        lock (Gate) { Buckets.Clear(); _pooledBytes = 0; }
    }
}
