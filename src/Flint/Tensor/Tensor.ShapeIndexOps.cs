using Flint.Ops;

namespace Flint;

// Thin forwards: the rules, kernels and backward formulas live in Ops/Rearranging.cs, Ops/Diagonals.cs,
// Ops/SplitStack.cs, Ops/IndexOps.cs and Ops/ScatterReduce.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>A copy with the order of elements reversed along each of <paramref name="dims"/>.</summary>
        public Tensor flip(params long[] dims) => this.Flip(dims);

        /// <summary>Left and right swapped (flip along dim 1; needs at least 2 dims).</summary>
        public Tensor fliplr() => this.FlipLR();

        /// <summary>Up and down swapped (flip along dim 0; needs at least 1 dim).</summary>
        public Tensor flipud() => this.FlipUD();

        /// <summary>Rolls the elements by <paramref name="shifts"/> along <paramref name="dims"/>, wrapping around; without dims the flattened tensor rolls and keeps its shape.</summary>
        public Tensor roll(long shifts, long? dims = null) => this.Roll([shifts], dims is { } d ? [d] : []);

        /// <summary>Rolls by each shift along the matching dim (no dims: one shift over the flattened tensor).</summary>
        public Tensor roll(long[] shifts, long[]? dims = null) => this.Roll(shifts, dims ?? []);

        /// <summary>Rolls by two shifts along two dims.</summary>
        public Tensor roll((long, long) shifts, (long, long) dims) => this.Roll([shifts.Item1, shifts.Item2], [dims.Item1, dims.Item2]);

        /// <summary>Rotates by 90° <paramref name="k"/> times in the plane of <paramref name="dims"/> (default (0, 1)), from the first dim towards the second.</summary>
        public Tensor rot90(long k = 1, (long, long)? dims = null) => this.Rot90(k, dims is { } d ? [d.Item1, d.Item2] : [0, 1]);

        /// <summary>A 1-D tensor placed on the <paramref name="diagonal"/> of a square matrix, or a matrix's <paramref name="diagonal"/> as a 1-D tensor.</summary>
        public Tensor diag(long diagonal = 0) => this.Diag(diagonal);

        /// <summary>The last dim placed on the diagonals (at <paramref name="offset"/>) of the (<paramref name="dim1"/>, <paramref name="dim2"/>) planes of a new tensor with one more dim.</summary>
        public Tensor diag_embed(long offset = 0, long dim1 = -2, long dim2 = -1) => this.DiagEmbed(offset, dim1, dim2);

        /// <summary>The diagonal at <paramref name="offset"/> of the (<paramref name="dim1"/>, <paramref name="dim2"/>) planes, appended as the last dim (a view).</summary>
        public Tensor diagonal(long offset = 0, long dim1 = 0, long dim2 = 1) => this.Diagonal(offset, dim1, dim2);

        /// <summary>The sum of a matrix's main diagonal.</summary>
        public Tensor trace() => this.Trace();

        /// <summary>A broadcast view with the given shape (as <see cref="expand"/>).</summary>
        public Tensor broadcast_to(params long[] shape) => expand(shape);

        /// <summary>Moves dim <paramref name="source"/> to position <paramref name="destination"/> (a view).</summary>
        public Tensor movedim(long source, long destination) => this.MoveDim([source], [destination]);

        /// <summary>Moves the dims at <paramref name="source"/> to the positions <paramref name="destination"/>, the others keeping their order (a view).</summary>
        public Tensor movedim(long[] source, long[] destination) => this.MoveDim(source, destination);

        /// <summary>Alias of <see cref="movedim(long, long)"/>.</summary>
        public Tensor moveaxis(long source, long destination) => movedim(source, destination);

        /// <summary>Alias of <see cref="movedim(long[], long[])"/>.</summary>
        public Tensor moveaxis(long[] source, long[] destination) => movedim(source, destination);

        /// <summary>Swaps two dims (alias of transpose).</summary>
        public Tensor swapdims(long dim0, long dim1) => transpose(dim0, dim1);

        /// <summary>Splits into <paramref name="indices_or_sections"/> nearly equal pieces along <paramref name="dim"/> (views; the first size % sections pieces one longer).</summary>
        public Tensor[] tensor_split(long indices_or_sections, long dim = 0) => this.TensorSplit(indices_or_sections, dim);

        /// <summary>Splits before each of the given indices along <paramref name="dim"/> (views).</summary>
        public Tensor[] tensor_split(long[] indices_or_sections, long dim = 0) => this.TensorSplit(indices_or_sections, dim);

        /// <summary>Splits by a CPU int64 tensor: 0-D gives the number of sections, 1-D the indices.</summary>
        public Tensor[] tensor_split(Tensor indices_or_sections, long dim = 0) => this.TensorSplit(indices_or_sections, dim);

        /// <summary>Splits into equal sections along dim 1 (dim 0 for a 1-D tensor).</summary>
        public Tensor[] hsplit(long sections) => this.NumpySplit("hsplit", sections);

        /// <summary>Splits at the given indices along dim 1 (dim 0 for a 1-D tensor).</summary>
        public Tensor[] hsplit(params long[] indices) => this.NumpySplit("hsplit", indices);

        /// <summary>Splits into equal sections along dim 0.</summary>
        public Tensor[] vsplit(long sections) => this.NumpySplit("vsplit", sections);

        /// <summary>Splits at the given indices along dim 0.</summary>
        public Tensor[] vsplit(params long[] indices) => this.NumpySplit("vsplit", indices);

        /// <summary>Splits into equal sections along dim 2.</summary>
        public Tensor[] dsplit(long sections) => this.NumpySplit("dsplit", sections);

        /// <summary>Splits at the given indices along dim 2.</summary>
        public Tensor[] dsplit(params long[] indices) => this.NumpySplit("dsplit", indices);

        /// <summary>The elements of the flattened tensor at the flattened <paramref name="indices"/>.</summary>
        public Tensor take_along_dim(Tensor indices) => IndexOps.TakeAlongDim(this, indices, null);

        /// <summary>The elements at <paramref name="indices"/> along <paramref name="dim"/>, the other dims broadcasting (as after argsort/argmax with keepdim).</summary>
        public Tensor take_along_dim(Tensor indices, long dim) => IndexOps.TakeAlongDim(this, indices, dim);

        /// <summary>A copy with <paramref name="source"/>'s slices written at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
        public Tensor index_copy(long dim, Tensor index, Tensor source) => IndexOps.IndexCopy(this, dim, index, source);

        /// <summary>Writes <paramref name="source"/>'s slices at the <paramref name="index"/> positions along <paramref name="dim"/>, in place.</summary>
        public Tensor index_copy_(long dim, Tensor index, Tensor source) =>
            InPlace("index_copy_", dtype, t => t.index_copy(dim, index, source), () => Dispatcher.CopyInto(this, detach().index_copy(dim, index, source.detach())), source);

        /// <summary>A copy with <paramref name="value"/> at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
        public Tensor index_fill(long dim, Tensor index, double value) => IndexOps.IndexFill(this, dim, index, torch.WrappedScalar(value));

        /// <summary>A copy with the integer <paramref name="value"/> at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
        public Tensor index_fill(long dim, Tensor index, long value) => IndexOps.IndexFill(this, dim, index, torch.WrappedScalar(value));

        /// <summary>A copy with the 0-D <paramref name="value"/> at the <paramref name="index"/> positions along <paramref name="dim"/> (differentiable in the value).</summary>
        public Tensor index_fill(long dim, Tensor index, Tensor value) => IndexOps.IndexFill(this, dim, index, value);

        /// <summary>Fills the <paramref name="index"/> positions along <paramref name="dim"/> with <paramref name="value"/>, in place.</summary>
        public Tensor index_fill_(long dim, Tensor index, double value) =>
            InPlace("index_fill_", dtype, t => t.index_fill(dim, index, value), () => Dispatcher.CopyInto(this, detach().index_fill(dim, index, value)));

        /// <summary>Fills the <paramref name="index"/> positions along <paramref name="dim"/> with the integer <paramref name="value"/>, in place.</summary>
        public Tensor index_fill_(long dim, Tensor index, long value) =>
            InPlace("index_fill_", dtype, t => t.index_fill(dim, index, value), () => Dispatcher.CopyInto(this, detach().index_fill(dim, index, value)));

        /// <summary>Fills the <paramref name="index"/> positions along <paramref name="dim"/> with the 0-D <paramref name="value"/>, in place.</summary>
        public Tensor index_fill_(long dim, Tensor index, Tensor value) =>
            InPlace("index_fill_", dtype, t => t.index_fill(dim, index, value), () => Dispatcher.CopyInto(this, detach().index_fill(dim, index, value.detach())), value);

        /// <summary>A copy with <paramref name="alpha"/> × <paramref name="source"/>'s slices added at the <paramref name="index"/> positions along <paramref name="dim"/> (repeated indices accumulate).</summary>
        public Tensor index_add(long dim, Tensor index, Tensor source, double alpha = 1) => IndexOps.IndexAdd(this, dim, index, source, alpha);

        /// <summary>Adds <paramref name="alpha"/> × <paramref name="source"/>'s slices at the <paramref name="index"/> positions along <paramref name="dim"/>, in place.</summary>
        public Tensor index_add_(long dim, Tensor index, Tensor source, double alpha = 1) =>
            InPlace("index_add_", dtype, t => t.index_add(dim, index, source, alpha), () => Dispatcher.CopyInto(this, detach().index_add(dim, index, source.detach(), alpha)), source);

        /// <summary>A copy with <paramref name="source"/>'s slices reduced ("prod", "mean", "amax", "amin") into the <paramref name="index"/> positions along <paramref name="dim"/>; <paramref name="include_self"/> = false leaves self's old values out.</summary>
        public Tensor index_reduce(long dim, Tensor index, Tensor source, string reduce, bool include_self = true) => ScatterReduce.Index(this, dim, index, source, reduce, include_self);

        /// <summary>In place: <see cref="index_reduce"/>.</summary>
        public Tensor index_reduce_(long dim, Tensor index, Tensor source, string reduce, bool include_self = true) =>
            InPlace("index_reduce_", dtype, t => t.index_reduce(dim, index, source, reduce, include_self), () => Dispatcher.CopyInto(this, detach().index_reduce(dim, index, source.detach(), reduce, include_self)), source);

        /// <summary>A copy with <paramref name="src"/>'s values reduced ("sum", "prod", "mean", "amax", "amin") into the positions <paramref name="index"/> names along <paramref name="dim"/>; <paramref name="include_self"/> = false leaves self's old values out.</summary>
        public Tensor scatter_reduce(long dim, Tensor index, Tensor src, string reduce, bool include_self = true) => ScatterReduce.Scatter(this, dim, index, src, reduce, include_self);

        /// <summary>In place: <see cref="scatter_reduce"/>.</summary>
        public Tensor scatter_reduce_(long dim, Tensor index, Tensor src, string reduce, bool include_self = true) =>
            InPlace("scatter_reduce_", dtype, t => t.scatter_reduce(dim, index, src, reduce, include_self), () => Dispatcher.CopyInto(this, detach().scatter_reduce(dim, index, src.detach(), reduce, include_self)), src);

        /// <summary>A copy (broadcast with <paramref name="mask"/>) with <paramref name="source"/>'s leading elements written, in order, where the mask is true.</summary>
        public Tensor masked_scatter(Tensor mask, Tensor source) => IndexOps.MaskedScatter(this, mask, source);

        /// <summary>Writes <paramref name="source"/>'s leading elements, in order, where <paramref name="mask"/> is true, in place.</summary>
        public Tensor masked_scatter_(Tensor mask, Tensor source) => !Indexing.BroadcastsTo(mask.Shape, Shape)
            ? throw new ArgumentException($"The size of tensor a ({Shapes.Str(Shape)}) must match the size of tensor b ({Shapes.Str(mask.Shape)})")
            : InPlace("masked_scatter_", dtype, t => t.masked_scatter(mask, source), () => Dispatcher.CopyInto(this, detach().masked_scatter(mask, source.detach())), source);

        /// <summary>The indices of the non-zero elements as one int64 vector per dim (PyTorch's <c>nonzero(as_tuple=True)</c>).</summary>
        public Tensor[] nonzero_as_list() => IndexOps.NonzeroTuple(this);

        /// <summary>The indices of the non-zero elements, one row per element (as <see cref="nonzero()"/>).</summary>
        public Tensor argwhere() => nonzero();

        /// <summary>The number of non-zero elements over <paramref name="dims"/> (int64).</summary>
        public Tensor count_nonzero(long[] dims) => IndexOps.CountNonzero(this, dims);
    }
}
