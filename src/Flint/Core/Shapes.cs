namespace Flint;

/// <summary>Shape arithmetic shared by every op: dim wrapping, strides, broadcasting, sizes.</summary>
internal static class Shapes
{
    /// <summary>The element count; an overflow is refused (see <see cref="ShapeMath.Numel"/>).</summary>
    public static long Numel(ReadOnlySpan<long> shape) => ShapeMath.Numel(shape);

    public static long[] ContiguousStrides(ReadOnlySpan<long> shape)
    {
        if (shape.Length == 0) return []; // shared empty array: 0-dim tensors (wrapped scalars, sums) allocate none
        var strides = new long[shape.Length];
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    /// <summary>PyTorch's <c>maybe_wrap_dim</c>: negative dims count from the end; a 0-dim tensor accepts -1 and 0.</summary>
    public static int WrapDim(long dim, int rank)
    {
        int effective = Math.Max(rank, 1);
        if (dim < -effective || dim >= effective)
            throw new IndexOutOfRangeException($"Dimension out of range (expected to be in range of [{-effective}, {effective - 1}], but got {dim})");
        return (int)(dim < 0 ? dim + effective : dim);
    }

    /// <summary>
    /// <see cref="Broadcast(ReadOnlySpan{long}, ReadOnlySpan{long})"/> that returns <paramref name="a"/> or
    /// <paramref name="b"/> itself when it already is the result (tensor shape arrays are never mutated,
    /// so views and results may share them; the common same-shape case then allocates nothing).
    /// </summary>
    public static long[] BroadcastShared(long[] a, long[] b)
    {
        if (a.Length >= b.Length && IsExpandableTo(b, a)) return a;
        if (b.Length > a.Length && IsExpandableTo(a, b)) return b;
        return Broadcast((ReadOnlySpan<long>)a, b);
    }

    public static long[] Broadcast(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        int n = Math.Max(a.Length, b.Length);
        var result = new long[n];
        // From the last dim, as PyTorch's infer_size, so the first mismatch reported is the innermost.
        for (int i = n - 1; i >= 0; i--)
        {
            long da = i < n - a.Length ? 1 : a[i - (n - a.Length)];
            long db = i < n - b.Length ? 1 : b[i - (n - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"The size of tensor a ({da}) must match the size of tensor b ({db}) at non-singleton dimension {i}");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>True when strides are row-major contiguous for the shape (size-1 dims ignored; an empty shape always is, as in PyTorch).</summary>
    public static bool IsDense(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides)
    {
        if (shape.Contains(0L)) return true;
        long expected = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] == 1) continue;
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /// <summary>True when <paramref name="strides"/> are exactly <see cref="ContiguousStrides"/> of <paramref name="shape"/> (size-1 dims included).</summary>
    public static bool IsRowMajor(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides)
    {
        if (strides.Length != shape.Length) return false;
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (strides[i] != s) return false;
            s *= Math.Max(shape[i], 1);
        }
        return true;
    }

    public static bool SameShape(ReadOnlySpan<long> a, ReadOnlySpan<long> b) => a.SequenceEqual(b);

    /// <summary>True when <paramref name="shape"/> expands to <paramref name="target"/> (PyTorch's is_expandable_to: trailing dims equal or 1).</summary>
    public static bool IsExpandableTo(ReadOnlySpan<long> shape, ReadOnlySpan<long> target)
    {
        if (shape.Length > target.Length) return false;
        for (int i = 1; i <= shape.Length; i++)
            if (shape[^i] != target[^i] && shape[^i] != 1) return false;
        return true;
    }

    /// <summary>"[2, 3]" as PyTorch prints sizes inside messages.</summary>
    public static string Str(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>Resolves one -1 in a requested shape, as view/reshape do.</summary>
    public static long[] InferSize(ReadOnlySpan<long> requested, long numel)
    {
        var shape = requested.ToArray();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException("only one dimension can be inferred");
                infer = i;
            }
            else if (shape[i] < 0) throw new ArgumentException($"invalid shape dimension {shape[i]}");
            else known = ShapeMath.Multiply(known, shape[i]);
        }
        if (infer >= 0)
        {
            if (known == 0 || numel % known != 0)
                throw new ArgumentException($"shape '{Str(requested)}' is invalid for input of size {numel}");
            shape[infer] = numel / known;
        }
        else if (known != numel)
            throw new ArgumentException($"shape '{Str(requested)}' is invalid for input of size {numel}");
        return shape;
    }
}
