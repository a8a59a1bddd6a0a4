namespace Flint;

/// <summary>
/// An array's shape as NumPy shows it, a tuple: <c>(3, 4)</c>, <c>(3,)</c>, <c>()</c>.
/// Indexable, deconstructible (<c>var (n, d) = x.shape;</c>) and convertible to <c>long[]</c>.
/// </summary>
public readonly struct NDShape : IEquatable<NDShape>
{
    private readonly long[] _dims;

    /// <summary>A shape with the given sizes.</summary>
    public NDShape(params long[] dims) => _dims = (long[])dims.Clone();

    /// <summary>The number of dimensions.</summary>
    public int Length => _dims?.Length ?? 0;

    /// <summary>The size of one dimension (negative counts from the end).</summary>
    public long this[int i] => Dims[i < 0 ? i + Length : i];

    private long[] Dims => _dims ?? [];

    /// <summary>The sizes as an array.</summary>
    public long[] ToArray() => (long[])Dims.Clone();

    /// <summary>The sizes as an array.</summary>
    public static implicit operator long[](NDShape s) => s.ToArray();

    /// <summary>Unpacks a 1-D shape.</summary>
    public void Deconstruct(out long d0) { Check(1); d0 = Dims[0]; }

    /// <summary>Unpacks a 2-D shape.</summary>
    public void Deconstruct(out long d0, out long d1) { Check(2); d0 = Dims[0]; d1 = Dims[1]; }

    /// <summary>Unpacks a 3-D shape.</summary>
    public void Deconstruct(out long d0, out long d1, out long d2) { Check(3); d0 = Dims[0]; d1 = Dims[1]; d2 = Dims[2]; }

    private void Check(int n)
    {
        if (Length != n)
            throw new ArgumentException(Length > n ? $"too many values to unpack (expected {n})" : $"not enough values to unpack (expected {n}, got {Length})");
    }

    /// <inheritdoc/>
    public bool Equals(NDShape other) => Dims.AsSpan().SequenceEqual(other.Dims);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NDShape s && Equals(s);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var d in Dims) h.Add(d);
        return h.ToHashCode();
    }

    /// <summary>Same sizes.</summary>
    public static bool operator ==(NDShape a, NDShape b) => a.Equals(b);

    /// <summary>Different sizes.</summary>
    public static bool operator !=(NDShape a, NDShape b) => !a.Equals(b);

    /// <summary>Python's tuple repr: <c>(3, 4)</c>.</summary>
    public override string ToString() => TupleRepr(Dims);

    /// <summary>Python's tuple repr: <c>(3, 4)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    internal static string TupleRepr(ReadOnlySpan<long> dims) =>
        dims.Length == 1 ? $"({dims[0]},)" : "(" + string.Join(", ", dims.ToArray()) + ")";

    /// <summary>The compact form NumPy uses inside messages: <c>(3,4)</c>, <c>(4,)</c>.</summary>
    internal static string Compact(ReadOnlySpan<long> dims) =>
        dims.Length == 1 ? $"({dims[0]},)" : "(" + string.Join(",", dims.ToArray()) + ")";
}
