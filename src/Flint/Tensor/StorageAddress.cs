using System.Runtime.CompilerServices;

namespace Flint;

/// <summary>
/// The numbers behind <see cref="Tensor.data_ptr"/>: each live storage gets one on first request
/// (a multiple of 2^32, so byte offsets within a storage never reach the next storage's number).
/// </summary>
internal static class StorageAddress
{
    private static readonly ConditionalWeakTable<Storage, StrongBox<long>> Numbers = new();
    private static long _next;

    /// <summary>The number of <paramref name="storage"/>, stable for its life.</summary>
    public static long Of(Storage storage) =>
        Numbers.GetValue(storage, static _ => new StrongBox<long>(Interlocked.Increment(ref _next) << 32)).Value;
}
