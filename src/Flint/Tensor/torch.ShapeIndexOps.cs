using Flint.Ops;

namespace Flint;

// torch.* forms of the shape and index ops of Tensor.ShapeIndexOps.cs.
public static partial class torch
{
    /// <summary>A copy with the order of elements reversed along each of <paramref name="dims"/>.</summary>
    public static Tensor flip(Tensor input, params long[] dims) => input.flip(dims);

    /// <summary>Left and right swapped (flip along dim 1).</summary>
    public static Tensor fliplr(Tensor input) => input.fliplr();

    /// <summary>Up and down swapped (flip along dim 0).</summary>
    public static Tensor flipud(Tensor input) => input.flipud();

    /// <summary>Rolls by <paramref name="shifts"/> along <paramref name="dims"/> (none: the flattened tensor).</summary>
    public static Tensor roll(Tensor input, long shifts, long? dims = null) => input.roll(shifts, dims);

    /// <summary>Rolls by each shift along the matching dim (no dims: one shift over the flattened tensor).</summary>
    public static Tensor roll(Tensor input, long[] shifts, long[]? dims = null) => input.roll(shifts, dims);

    /// <summary>Rolls by two shifts along two dims.</summary>
    public static Tensor roll(Tensor input, (long, long) shifts, (long, long) dims) => input.roll(shifts, dims);

    /// <summary>Rotates by 90° <paramref name="k"/> times in the plane of <paramref name="dims"/> (default (0, 1)).</summary>
    public static Tensor rot90(Tensor input, long k = 1, (long, long)? dims = null) => input.rot90(k, dims);

    /// <summary>A vector on the <paramref name="diagonal"/> of a square matrix, or a matrix's diagonal as a vector.</summary>
    public static Tensor diag(Tensor input, long diagonal = 0) => input.diag(diagonal);

    /// <summary>The last dim placed on the diagonals of the (<paramref name="dim1"/>, <paramref name="dim2"/>) planes of a new tensor.</summary>
    public static Tensor diag_embed(Tensor input, long offset = 0, long dim1 = -2, long dim2 = -1) => input.diag_embed(offset, dim1, dim2);

    /// <summary>The diagonal of the (<paramref name="dim1"/>, <paramref name="dim2"/>) planes as the last dim (a view).</summary>
    public static Tensor diagonal(Tensor input, long offset = 0, long dim1 = 0, long dim2 = 1) => input.diagonal(offset, dim1, dim2);

    /// <summary>The sum of a matrix's main diagonal.</summary>
    public static Tensor trace(Tensor input) => input.trace();

    /// <summary>Coordinate grids of 0-D or 1-D tensors: "ij" (matrix) indexing or "xy" (Cartesian: the first two dims swapped).</summary>
    public static Tensor[] meshgrid(IList<Tensor> tensors, string indexing = "ij") => Rearranging.Meshgrid(tensors, indexing);

    /// <summary>Coordinate grids of 0-D or 1-D tensors with "ij" indexing.</summary>
    public static Tensor[] meshgrid(params Tensor[] tensors) => Rearranging.Meshgrid(tensors, "ij");

    /// <summary>The Cartesian product of 1-D tensors, one row per combination.</summary>
    public static Tensor cartesian_prod(IList<Tensor> tensors) => Rearranging.CartesianProd(tensors);

    /// <summary>The Cartesian product of 1-D tensors, one row per combination.</summary>
    public static Tensor cartesian_prod(params Tensor[] tensors) => Rearranging.CartesianProd(tensors);

    /// <summary>A broadcast view of <paramref name="input"/> with the given shape.</summary>
    public static Tensor broadcast_to(Tensor input, params long[] shape) => input.broadcast_to(shape);

    /// <summary>The tensors expanded to their common broadcast shape (views).</summary>
    public static Tensor[] broadcast_tensors(params Tensor[] tensors) => Rearranging.BroadcastTensors(tensors);

    /// <summary>Moves dim <paramref name="source"/> to <paramref name="destination"/> (a view).</summary>
    public static Tensor movedim(Tensor input, long source, long destination) => input.movedim(source, destination);

    /// <summary>Moves the dims at <paramref name="source"/> to <paramref name="destination"/> (a view).</summary>
    public static Tensor movedim(Tensor input, long[] source, long[] destination) => input.movedim(source, destination);

    /// <summary>Alias of movedim.</summary>
    public static Tensor moveaxis(Tensor input, long source, long destination) => input.movedim(source, destination);

    /// <summary>Alias of movedim.</summary>
    public static Tensor moveaxis(Tensor input, long[] source, long[] destination) => input.movedim(source, destination);

    /// <summary>Swaps two dims (alias of transpose).</summary>
    public static Tensor swapaxes(Tensor input, long axis0, long axis1) => input.transpose(axis0, axis1);

    /// <summary>Swaps two dims (alias of transpose).</summary>
    public static Tensor swapdims(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);

    /// <summary>Splits into nearly equal sections along <paramref name="dim"/> (views).</summary>
    public static Tensor[] tensor_split(Tensor input, long indices_or_sections, long dim = 0) => input.tensor_split(indices_or_sections, dim);

    /// <summary>Splits before each index along <paramref name="dim"/> (views).</summary>
    public static Tensor[] tensor_split(Tensor input, long[] indices_or_sections, long dim = 0) => input.tensor_split(indices_or_sections, dim);

    /// <summary>Splits by a CPU int64 tensor of sections (0-D) or indices (1-D).</summary>
    public static Tensor[] tensor_split(Tensor input, Tensor indices_or_sections, long dim = 0) => input.tensor_split(indices_or_sections, dim);

    /// <summary>Splits into equal sections along dim 1 (dim 0 for 1-D).</summary>
    public static Tensor[] hsplit(Tensor input, long indices_or_sections) => input.hsplit(indices_or_sections);

    /// <summary>Splits at indices along dim 1 (dim 0 for 1-D).</summary>
    public static Tensor[] hsplit(Tensor input, long[] indices_or_sections) => input.hsplit(indices_or_sections);

    /// <summary>Splits into equal sections along dim 0.</summary>
    public static Tensor[] vsplit(Tensor input, long indices_or_sections) => input.vsplit(indices_or_sections);

    /// <summary>Splits at indices along dim 0.</summary>
    public static Tensor[] vsplit(Tensor input, long[] indices_or_sections) => input.vsplit(indices_or_sections);

    /// <summary>Splits into equal sections along dim 2.</summary>
    public static Tensor[] dsplit(Tensor input, long indices_or_sections) => input.dsplit(indices_or_sections);

    /// <summary>Splits at indices along dim 2.</summary>
    public static Tensor[] dsplit(Tensor input, long[] indices_or_sections) => input.dsplit(indices_or_sections);

    /// <summary>Joins column-wise: 1-D tensors along dim 0, others along dim 1.</summary>
    public static Tensor hstack(IList<Tensor> tensors) => SplitStack.HStack(tensors);

    /// <summary>Joins column-wise: 1-D tensors along dim 0, others along dim 1.</summary>
    public static Tensor hstack(params Tensor[] tensors) => SplitStack.HStack(tensors);

    /// <summary>Joins row-wise (tensors made at least 2-D, along dim 0).</summary>
    public static Tensor vstack(IList<Tensor> tensors) => SplitStack.VStack(tensors);

    /// <summary>Joins row-wise (tensors made at least 2-D, along dim 0).</summary>
    public static Tensor vstack(params Tensor[] tensors) => SplitStack.VStack(tensors);

    /// <summary>Joins depth-wise (tensors made at least 3-D, along dim 2).</summary>
    public static Tensor dstack(IList<Tensor> tensors) => SplitStack.DStack(tensors);

    /// <summary>Joins depth-wise (tensors made at least 3-D, along dim 2).</summary>
    public static Tensor dstack(params Tensor[] tensors) => SplitStack.DStack(tensors);

    /// <summary>Joins as columns: 0-D and 1-D tensors become [n, 1] columns, then all join along dim 1.</summary>
    public static Tensor column_stack(IList<Tensor> tensors) => SplitStack.ColumnStack(tensors);

    /// <summary>Joins as columns: 0-D and 1-D tensors become [n, 1] columns, then all join along dim 1.</summary>
    public static Tensor column_stack(params Tensor[] tensors) => SplitStack.ColumnStack(tensors);

    /// <summary>The elements at <paramref name="indices"/> along <paramref name="dim"/> (the other dims broadcast), or of the flattened tensor when <paramref name="dim"/> is null.</summary>
    public static Tensor take_along_dim(Tensor input, Tensor indices, long? dim = null) => dim is { } d ? input.take_along_dim(indices, d) : input.take_along_dim(indices);

    /// <summary>A copy with <paramref name="source"/>'s slices at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
    public static Tensor index_copy(Tensor input, long dim, Tensor index, Tensor source) => input.index_copy(dim, index, source);

    /// <summary>A copy with <paramref name="value"/> at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
    public static Tensor index_fill(Tensor input, long dim, Tensor index, double value) => input.index_fill(dim, index, value);

    /// <summary>A copy with the 0-D <paramref name="value"/> at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
    public static Tensor index_fill(Tensor input, long dim, Tensor index, Tensor value) => input.index_fill(dim, index, value);

    /// <summary>A copy with alpha × <paramref name="source"/>'s slices added at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
    public static Tensor index_add(Tensor input, long dim, Tensor index, Tensor source, double alpha = 1) => input.index_add(dim, index, source, alpha);

    /// <summary>A copy with <paramref name="source"/>'s slices reduced ("prod", "mean", "amax", "amin") into the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
    public static Tensor index_reduce(Tensor input, long dim, Tensor index, Tensor source, string reduce, bool include_self = true) => input.index_reduce(dim, index, source, reduce, include_self);

    /// <summary>A copy with <paramref name="src"/>'s values reduced ("sum", "prod", "mean", "amax", "amin") into the positions <paramref name="index"/> names along <paramref name="dim"/>.</summary>
    public static Tensor scatter_reduce(Tensor input, long dim, Tensor index, Tensor src, string reduce, bool include_self = true) => input.scatter_reduce(dim, index, src, reduce, include_self);

    /// <summary>A copy with <paramref name="source"/>'s leading elements written, in order, where <paramref name="mask"/> is true.</summary>
    public static Tensor masked_scatter(Tensor input, Tensor mask, Tensor source) => input.masked_scatter(mask, source);

    /// <summary>The indices of the non-zero elements, one row per element.</summary>
    public static Tensor argwhere(Tensor input) => input.argwhere();

    /// <summary>The indices of the non-zero elements as one int64 vector per dim (<c>torch.nonzero(x, as_tuple=True)</c>).</summary>
    public static Tensor[] nonzero_as_list(Tensor input) => input.nonzero_as_list();

    /// <summary>The number of non-zero elements over <paramref name="dims"/> (all when null), as int64.</summary>
    public static Tensor count_nonzero(Tensor input, long[]? dims = null) => IndexOps.CountNonzero(input, dims);

    /// <summary>The number of non-zero elements along <paramref name="dim"/>, as int64.</summary>
    public static Tensor count_nonzero(Tensor input, long dim) => IndexOps.CountNonzero(input, [dim]);
}
