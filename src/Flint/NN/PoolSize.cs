namespace Flint.Modules;

/// <summary>
/// A pooling size argument as the user gave it: one int (applied to every spatial dim) or one per dim.
/// Kept in that form so a module prints as PyTorch prints it (<c>kernel_size=2</c> or <c>kernel_size=(2, 3)</c>).
/// </summary>
internal readonly struct PoolSize
{
    private readonly long[] _values;
    private readonly bool _scalar;

    private PoolSize(long[] values, bool scalar)
    {
        _values = values;
        _scalar = scalar;
    }

    /// <summary>One size for every spatial dim.</summary>
    public static PoolSize Of(long value) => new([value], true);

    /// <summary>Per-dim sizes; a one-element array means that size for every dim, as an int would.</summary>
    public static PoolSize Of(long[] values) => new((long[])values.Clone(), values.Length == 1);

    /// <summary>The size for <paramref name="dims"/> spatial dims (a scalar repeated).</summary>
    public long[] Expand(int dims)
    {
        if (_scalar) return Enumerable.Repeat(_values[0], dims).ToArray();
        return (long[])_values.Clone();
    }

    /// <summary>Python's repr: <c>2</c>, <c>(2, 3)</c> or a one-tuple <c>(2,)</c>.</summary>
    public override string ToString() =>
        _scalar ? _values[0].ToString(System.Globalization.CultureInfo.InvariantCulture)
        : _values.Length == 1 ? $"({_values[0]},)" : "(" + string.Join(", ", _values) + ")";
}
