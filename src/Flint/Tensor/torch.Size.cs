using System.Collections;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// A tensor's shape as PyTorch's <c>torch.Size</c>: indexable, enumerable, compared by value, printed as
    /// <c>torch.Size([2, 4])</c>. Nested in <c>torch</c> with TorchSharp's constructors and conversions (from a
    /// <c>long</c>, a tuple or an array), so <c>dist.sample(new Size(3))</c> and <c>Size s = (2, 3);</c> port unchanged.
    /// </summary>
    public readonly struct Size : IEquatable<Size>, IEnumerable<long>
    {
        private readonly long[] _dims;

        /// <summary>The empty size (a scalar's shape).</summary>
        public static readonly Size Empty = new(Array.Empty<long>());

        /// <summary>Wraps a shape (copied).</summary>
        public Size(long[] dims) => _dims = (long[])dims.Clone();
        /// <summary>A shape from a sequence of sizes.</summary>
        public Size(IEnumerable<long> dims) => _dims = dims.ToArray();
        /// <summary>A shape from <c>int</c> sizes.</summary>
        public Size(int[] dims) => _dims = Array.ConvertAll(dims, d => (long)d);
        /// <summary>A one-dimensional shape.</summary>
        public Size(long size) => _dims = [size];
        /// <summary>A one-dimensional shape.</summary>
        public Size(int size) => _dims = [size];
        /// <summary>A two-dimensional shape.</summary>
        public Size((long, long) size) => _dims = [size.Item1, size.Item2];
        /// <summary>A three-dimensional shape.</summary>
        public Size((long, long, long) size) => _dims = [size.Item1, size.Item2, size.Item3];
        /// <summary>A four-dimensional shape.</summary>
        public Size((long, long, long, long) size) => _dims = [size.Item1, size.Item2, size.Item3, size.Item4];
        /// <summary>A five-dimensional shape.</summary>
        public Size((long, long, long, long, long) size) => _dims = [size.Item1, size.Item2, size.Item3, size.Item4, size.Item5];
        /// <summary>A six-dimensional shape.</summary>
        public Size((long, long, long, long, long, long) size) => _dims = [size.Item1, size.Item2, size.Item3, size.Item4, size.Item5, size.Item6];
        /// <summary>A two-dimensional shape.</summary>
        public Size((int, int) size) : this(((long)size.Item1, (long)size.Item2)) { }
        /// <summary>A three-dimensional shape.</summary>
        public Size((int, int, int) size) : this(((long)size.Item1, (long)size.Item2, (long)size.Item3)) { }
        /// <summary>A four-dimensional shape.</summary>
        public Size((int, int, int, int) size) : this(((long)size.Item1, (long)size.Item2, (long)size.Item3, (long)size.Item4)) { }
        /// <summary>A five-dimensional shape.</summary>
        public Size((int, int, int, int, int) size) : this(((long)size.Item1, (long)size.Item2, (long)size.Item3, (long)size.Item4, (long)size.Item5)) { }
        /// <summary>A six-dimensional shape.</summary>
        public Size((int, int, int, int, int, int) size) : this(((long)size.Item1, (long)size.Item2, (long)size.Item3, (long)size.Item4, (long)size.Item5, (long)size.Item6)) { }

        private long[] Dims => _dims ?? [];

        /// <summary>The number of dimensions.</summary>
        public int Length => Dims.Length;
        /// <summary>True for the empty size (a scalar's shape).</summary>
        public bool IsEmpty => Dims.Length == 0;
        /// <summary>True for the empty size (a scalar's shape).</summary>
        public bool IsScalar => IsEmpty;
        /// <summary>The sizes (a copy).</summary>
        public long[] Shape => ToArray();

        /// <summary>One dimension's size (negative indices count from the end, as in Python).</summary>
        public long this[int i] => Dims[i < 0 ? i + Length : i];
        /// <summary>One dimension's size (negative indices count from the end, as in Python).</summary>
        public long this[long i] => this[checked((int)i)];

        /// <summary>The number of elements: the product of the sizes.</summary>
        public long numel() => Shapes.Numel(Dims);

        /// <summary>The sizes as an array.</summary>
        public long[] ToArray() => (long[])Dims.Clone();

        /// <summary>The first <paramref name="count"/> sizes.</summary>
        public IEnumerable<long> Take(int count) => Dims.Take(count);

        /// <summary>
        /// Python's <c>size[first:next]</c> (TorchSharp's <c>Slice</c>): negative bounds count from the end, and an
        /// empty range gives the empty size.
        /// </summary>
        public Size Slice(int first, int next)
        {
            if (next < 0) next += Length;
            if (first < 0) first += Length;
            first = Math.Clamp(first, 0, Length);
            next = Math.Clamp(next, 0, Length);
            return next <= first ? Empty : new Size(Dims[first..next]);
        }

        /// <summary>Concatenates two sizes (Python's <c>size + size</c>).</summary>
        public static Size operator +(Size left, Size right) => new([.. left.Dims, .. right.Dims]);
        /// <summary>Appends sizes (Python's <c>size + tuple</c>).</summary>
        public static Size operator +(Size left, IEnumerable<long> right) => new([.. left.Dims, .. right]);

        /// <summary>A one-dimensional size.</summary>
        public static implicit operator Size(long size) => new(size);
        /// <summary>A two-dimensional size.</summary>
        public static implicit operator Size((long, long) size) => new(size);
        /// <summary>A three-dimensional size.</summary>
        public static implicit operator Size((long, long, long) size) => new(size);
        /// <summary>A four-dimensional size.</summary>
        public static implicit operator Size((long, long, long, long) size) => new(size);
        /// <summary>A five-dimensional size.</summary>
        public static implicit operator Size((long, long, long, long, long) size) => new(size);
        /// <summary>A six-dimensional size.</summary>
        public static implicit operator Size((long, long, long, long, long, long) size) => new(size);
        /// <summary>Wraps a sizes array.</summary>
        public static implicit operator Size(long[] size) => new(size);
        /// <summary>Converts to the sizes array.</summary>
        public static implicit operator long[](Size s) => s.ToArray();

        /// <inheritdoc/>
        public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)Dims).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <inheritdoc/>
        public bool Equals(Size other) => Dims.AsSpan().SequenceEqual(other.Dims);
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Size s && Equals(s);
        /// <inheritdoc/>
        public override int GetHashCode() { var h = new HashCode(); foreach (var d in Dims) h.Add(d); return h.ToHashCode(); }
        /// <summary>Equal sizes.</summary>
        public static bool operator ==(Size a, Size b) => a.Equals(b);
        /// <summary>Different sizes.</summary>
        public static bool operator !=(Size a, Size b) => !a.Equals(b);
        /// <summary><c>torch.Size([2, 4])</c>.</summary>
        public override string ToString() => TensorFormatter.FormatSize(Dims);
    }
}
