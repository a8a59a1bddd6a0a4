namespace Flint;

/// <summary>A tensor's shape as PyTorch's <c>torch.Size</c>: indexable, comparable, printed as <c>torch.Size([2, 4])</c>.</summary>
public readonly struct Size : IEquatable<Size>
{
    private readonly long[] _dims;

    /// <summary>Wraps a shape.</summary>
    public Size(long[] dims) => _dims = (long[])dims.Clone();

    /// <summary>The number of dimensions.</summary>
    public int Length => _dims?.Length ?? 0;

    /// <summary>One dimension's size (negative indices count from the end).</summary>
    public long this[int i] => _dims[i < 0 ? i + Length : i];

    /// <summary>The number of elements.</summary>
    public long numel() => Shapes.Numel(_dims ?? []);

    /// <summary>The sizes as an array.</summary>
    public long[] ToArray() => (long[])(_dims ?? []).Clone();

    /// <summary>Converts to the sizes array.</summary>
    public static implicit operator long[](Size s) => s.ToArray();

    /// <inheritdoc/>
    public bool Equals(Size other) => (_dims ?? []).AsSpan().SequenceEqual(other._dims ?? []);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Size s && Equals(s);
    /// <inheritdoc/>
    public override int GetHashCode() { var h = new HashCode(); foreach (var d in _dims ?? []) h.Add(d); return h.ToHashCode(); }
    /// <summary>Equal sizes.</summary>
    public static bool operator ==(Size a, Size b) => a.Equals(b);
    /// <summary>Different sizes.</summary>
    public static bool operator !=(Size a, Size b) => !a.Equals(b);
    /// <summary><c>torch.Size([2, 4])</c>.</summary>
    public override string ToString() => TensorFormatter.FormatSize(_dims ?? []);
}
