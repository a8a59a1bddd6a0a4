using Flint.Ops;

namespace Flint;

// Thin forwards for the sequence-model ops: Ops/Sorting.cs, Ops/Cumulative.cs, Ops/Triangular.cs,
// Ops/SpecialFunctions.cs and Ops/MaskedFill.cs hold the rules and backward formulas.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Sorts along <paramref name="dim"/>: the sorted values and the int64 positions they came from. The sort is always stable (equal values keep their order); NaN sorts above every number.</summary>
        /// <param name="dim">The dim to sort (default: the last).</param>
        /// <param name="descending">Largest first.</param>
        /// <param name="stable">Accepted for PyTorch's signature; Flint's sort is always stable.</param>
        public (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false) => this.Sort(dim, descending);

        /// <summary>The int64 indices that sort this tensor along <paramref name="dim"/> (stable).</summary>
        public Tensor argsort(long dim = -1, bool descending = false, bool stable = false) => this.Argsort(dim, descending);

        /// <summary>The <paramref name="k"/> largest (or, with <paramref name="largest"/> false, smallest) entries along <paramref name="dim"/> and their int64 indices, sorted.</summary>
        public (Tensor values, Tensor indices) topk(long k, long dim = -1, bool largest = true, bool sorted = true) => this.Topk(k, dim, largest, sorted);

        /// <summary>Running sums along <paramref name="dim"/>; integer and bool inputs give int64 unless <paramref name="dtype"/> says otherwise.</summary>
        public Tensor cumsum(long dim, ScalarType? dtype = null) => this.Cumsum(dim, dtype);

        /// <summary>Running products along <paramref name="dim"/>; integer and bool inputs give int64 unless <paramref name="dtype"/> says otherwise.</summary>
        public Tensor cumprod(long dim, ScalarType? dtype = null) => this.Cumprod(dim, dtype);

        /// <summary>The lower triangle of the last two dims (col − row ≤ <paramref name="diagonal"/>); the rest zero.</summary>
        public Tensor tril(long diagonal = 0) => this.Tril(diagonal);

        /// <summary>The upper triangle of the last two dims (col − row ≥ <paramref name="diagonal"/>); the rest zero.</summary>
        public Tensor triu(long diagonal = 0) => this.Triu(diagonal);

        /// <summary>In place: zeroes everything above the <paramref name="diagonal"/>.</summary>
        public Tensor tril_(long diagonal = 0) => InPlace("tril_", dtype, t => t.tril(diagonal), () => Dispatcher.CopyInto(this, tril(diagonal)));

        /// <summary>In place: zeroes everything below the <paramref name="diagonal"/>.</summary>
        public Tensor triu_(long diagonal = 0) => InPlace("triu_", dtype, t => t.triu(diagonal), () => Dispatcher.CopyInto(this, triu(diagonal)));

        /// <summary>The error function, elementwise.</summary>
        public Tensor erf() => SpecialFunctions.Erf(this);

        /// <summary>In place: the error function.</summary>
        public Tensor erf_() => InPlace("erf_", dtype, t => t.erf(), () => Dispatcher.CopyInto(this, erf()));

        /// <summary>The inverse error function, elementwise (±inf at ±1, NaN outside [-1, 1]).</summary>
        public Tensor erfinv() => SpecialFunctions.Erfinv(this);

        /// <summary>A copy with the 0-dim tensor <paramref name="value"/> where <paramref name="mask"/> is true (the mask broadcasts; the value gets a gradient).</summary>
        public Tensor masked_fill(Tensor mask, Tensor value) => MaskedFill.WithTensor(this, mask, value);

        /// <summary>In place: writes the 0-dim tensor <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
        public Tensor masked_fill_(Tensor mask, Tensor value) => !Indexing.BroadcastsTo(mask.Shape, Shape)
            ? throw new ArgumentException($"The size of tensor a ({Shapes.Str(Shape)}) must match the size of tensor b ({Shapes.Str(mask.Shape)})")
            : InPlace("masked_fill_", dtype, t => t.masked_fill(mask, value), () => Dispatcher.CopyInto(this, masked_fill(mask, value)), value);
    }
}
