using System.Runtime.CompilerServices;

namespace Flint.Backends.Cpu;

/// <summary>
/// Per-thread packing buffers, reused across calls so a GEMM allocates nothing in steady state.
/// Thread-static (rather than a shared pool) because each parallel worker packs its own panels.
/// Arrays live on the pinned object heap, so raw pointers into them stay valid without fixed.
/// </summary>
internal static unsafe class GemmScratch<T> where T : unmanaged
{
    // Slack so the usable region can start on a 64-byte (cache line) boundary.
    private static readonly int AlignSlack = 64 / sizeof(T);

    [ThreadStatic] private static T[]? s_a;
    [ThreadStatic] private static T[]? s_b;

    /// <summary>64-byte aligned buffer for a packed A block of at least <paramref name="length"/> elements.</summary>
    public static T* A(int length) => Get(ref s_a, length);

    /// <summary>64-byte aligned buffer for a packed B block of at least <paramref name="length"/> elements.</summary>
    public static T* B(int length) => Get(ref s_b, length);

    private static T* Get(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length + AlignSlack)
        {
            // Grow geometrically so a sequence of slightly larger problems does not re-allocate each time.
            int size = Math.Max(length + AlignSlack, buffer is null ? 0 : (int)Math.Min(int.MaxValue, buffer.Length * 2L));
            buffer = GC.AllocateUninitializedArray<T>(size, pinned: true);
        }
        nuint p = (nuint)Unsafe.AsPointer(ref buffer[0]);
        return (T*)((p + 63) & ~(nuint)63);
    }
}
