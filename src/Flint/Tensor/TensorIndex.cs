namespace Flint;

public static partial class torch
{
    /// <summary>
    /// One entry of a PyTorch-style index: an integer, a slice, <c>...</c>, <c>None</c> (new axis), a bool
    /// or a tensor (bool mask or int64 indices). Nested in <c>torch</c> as in TorchSharp, so
    /// <c>TensorIndex.Ellipsis</c> ports unchanged. C# values convert implicitly, so <c>x[0]</c>,
    /// <c>x[.., 1]</c>, <c>x[1..3]</c> and <c>x[h &lt; 0]</c> all work.
    /// </summary>
    public sealed class TensorIndex
    {
        internal enum Kind { Single, Slice, Ellipsis, None, Tensor, Bool }

        internal readonly Kind kind;
        internal readonly long index;
        internal readonly long? start, stop;
        internal readonly long step;
        internal readonly Tensor? tensor;

        private TensorIndex(Kind kind, long index = 0, long? start = null, long? stop = null, long step = 1, Tensor? tensor = null)
        {
            this.kind = kind; this.index = index; this.start = start; this.stop = stop; this.step = step; this.tensor = tensor;
        }

        /// <summary>True for the entries PyTorch indexes with (tensors and bools), which make the result a copy.</summary>
        internal bool IsAdvanced => kind is Kind.Tensor or Kind.Bool;

        /// <summary>An integer index (removes the dim).</summary>
        public static TensorIndex Single(long i) => new(Kind.Single, index: i);

        /// <summary>A slice <c>start:stop:step</c>; null bounds mean the ends, a null step means 1.</summary>
        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null)
        {
            long s = step ?? 1;
            if (s <= 0) throw new ArgumentException("slice step must be positive");
            return new(Kind.Slice, start: start, stop: stop, step: s);
        }

        /// <summary>A slice <c>start:end</c> from a tuple (TorchSharp's spelling); null bounds mean the ends.</summary>
        public static TensorIndex Slice((int? start, int? end) range) => Slice(range.start, range.end);

        /// <summary>A C# range as a slice (<c>^1</c> counts from the end).</summary>
        public static TensorIndex Slice(Range range) => range;

        /// <summary>
        /// A Python bool as an index: <c>true</c> adds a dim of size 1 and <c>false</c> one of size 0, indexing
        /// advanced-style as PyTorch does (a bool combines with tensor indices by broadcasting).
        /// </summary>
        public static TensorIndex Bool(bool value) => new(Kind.Bool, index: value ? 1 : 0);

        /// <summary><c>:</c>, the whole dim.</summary>
        public static readonly TensorIndex Colon = new(Kind.Slice);
        /// <summary><c>...</c>, as many whole dims as needed.</summary>
        public static readonly TensorIndex Ellipsis = new(Kind.Ellipsis);
        /// <summary><c>None</c>, a new size-1 dim.</summary>
        public static readonly TensorIndex None = new(Kind.None);
        /// <summary>TorchSharp's <c>Null</c>: libtorch reads it as <c>None</c>, a new size-1 dim.</summary>
        public static readonly TensorIndex Null = None;
        /// <summary>A bool mask or int64 index tensor.</summary>
        public static TensorIndex Tensor(Tensor t) => new(Kind.Tensor, tensor: t);

        /// <summary>An integer index.</summary>
        public static implicit operator TensorIndex(long i) => Single(i);
        /// <summary>An integer index.</summary>
        public static implicit operator TensorIndex(int i) => Single(i);
        /// <summary>A Python bool index (see <see cref="Bool"/>).</summary>
        public static implicit operator TensorIndex(bool b) => Bool(b);
        /// <summary>A slice <c>start:end</c> from a tuple (TorchSharp's spelling).</summary>
        public static implicit operator TensorIndex((int? start, int? end) range) => Slice(range);
        /// <summary>A C# range as a slice (<c>^1</c> counts from the end).</summary>
        public static implicit operator TensorIndex(Range r) => new(Kind.Slice,
            start: r.Start.IsFromEnd ? (r.Start.Value == 0 ? null : -r.Start.Value) : r.Start.Value,
            stop: r.End.IsFromEnd ? (r.End.Value == 0 ? null : -r.End.Value) : r.End.Value);
        /// <summary>A C# index (<c>^1</c> is the last element).</summary>
        public static implicit operator TensorIndex(Index i) => Single(i.IsFromEnd ? -i.Value : i.Value);
        /// <summary>A tensor index.</summary>
        public static implicit operator TensorIndex(Tensor t) => Tensor(t);
    }
}
