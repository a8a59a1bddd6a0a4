namespace Flint;

/// <summary>
/// Checked size arithmetic. Every element count, byte count and view extent Flint computes from sizes a
/// caller (or a file) chose goes through here, so an overflow is refused with PyTorch's wording instead
/// of wrapping to a small or negative count that later code would trust.
/// </summary>
internal static class ShapeMath
{
    /// <summary>PyTorch's own limit on a tensor's rank in its serializers and kernels (NumPy 2 uses the same).</summary>
    public const int MaxRank = 64;

    /// <summary>
    /// The element count, as PyTorch's <c>safe_compute_numel</c>: the running product of the sizes must
    /// never overflow int64 (so a zero size only rescues the sizes after it, as in PyTorch).
    /// </summary>
    /// <exception cref="ArgumentException">"numel: integer multiplication overflow".</exception>
    public static long Numel(ReadOnlySpan<long> shape)
    {
        long n = 1;
        foreach (var s in shape)
            if (!TryMultiply(n, s, out n)) throw NumelOverflow();
        return n;
    }

    /// <summary>The element count, or false when it overflows (for readers that word their own error).</summary>
    public static bool TryNumel(ReadOnlySpan<long> shape, out long numel)
    {
        numel = 1;
        foreach (var s in shape)
            if (s < 0 || !TryMultiply(numel, s, out numel)) return false;
        return true;
    }

    /// <summary>The bytes a contiguous storage of <paramref name="shape"/> needs, refused as PyTorch's <c>computeStorageNbytes</c> does.</summary>
    /// <exception cref="ArgumentException">"Storage size calculation overflowed with sizes=[...]".</exception>
    public static long StorageBytes(ReadOnlySpan<long> shape, int elementSize)
    {
        long n = 1;
        foreach (var s in shape)
            if (!TryMultiply(n, s, out n)) throw StorageOverflow(shape);
        if (!TryMultiply(n, elementSize, out long bytes)) throw StorageOverflow(shape);
        return bytes;
    }

    /// <summary><paramref name="a"/> × <paramref name="b"/>, or false when the product does not fit in int64.</summary>
    public static bool TryMultiply(long a, long b, out long product)
    {
        long high = Math.BigMul(a, b, out long low);
        product = low;
        return (high == 0 && low >= 0) || (high == -1 && low < 0);
    }

    /// <summary>Checked multiplication with PyTorch's numel wording.</summary>
    public static long Multiply(long a, long b) => TryMultiply(a, b, out long p) ? p : throw NumelOverflow();

    /// <summary>
    /// The one-past-the-last storage element a view of (<paramref name="shape"/>, <paramref name="strides"/>,
    /// <paramref name="offset"/>) touches, or false when the sizes, strides or offset are negative or the
    /// extent overflows. An empty view touches nothing and needs only <c>offset</c> elements.
    /// </summary>
    public static bool TryViewExtent(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long offset, out long extent)
    {
        extent = 0;
        if (offset < 0 || shape.Length != strides.Length) return false;
        long last = offset;
        bool empty = false;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0 || strides[i] < 0) return false;
            if (shape[i] == 0) { empty = true; continue; }
            if (!TryMultiply(shape[i] - 1, strides[i], out long reach) || reach > long.MaxValue - last) return false;
            last += reach;
        }
        if (empty) { extent = offset; return true; }
        if (last == long.MaxValue) return false;
        extent = last + 1;
        return true;
    }

    /// <summary>True when [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) lies inside [0, <paramref name="length"/>).</summary>
    public static bool RangeInside(long start, long count, long length) =>
        start >= 0 && count >= 0 && length >= 0 && start <= length && count <= length - start;

    public static ArgumentException NumelOverflow() => new("numel: integer multiplication overflow");

    public static ArgumentException StorageOverflow(ReadOnlySpan<long> shape) =>
        new($"Storage size calculation overflowed with sizes={Shapes.Str(shape)}");
}
