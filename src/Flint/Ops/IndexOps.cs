using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Indexing along one dim and by masks: take_along_dim, index_copy, index_fill, index_add,
/// masked_scatter, nonzero as a tuple, argwhere and count_nonzero. The index_* ops check with PyTorch
/// 1.13's wording, expand their index vector over the source's shape and write through the scatter
/// path (host-computed offsets, one Put on the device); each records PyTorch's node and formula.
/// </summary>
internal static class IndexOps
{
    /// <summary>An index vector (0-D or 1-D) viewed along <paramref name="d"/> and expanded to <paramref name="shape"/>.</summary>
    internal static Tensor ExpandIndex(Tensor index, int d, long[] shape)
    {
        if (shape.Length == 0) return index.reshape();
        var view = Enumerable.Repeat(1L, shape.Length).ToArray();
        view[d] = index.numel();
        var full = (long[])shape.Clone();
        full[d] = index.numel();
        return index.reshape(view).expand(full);
    }

    /// <summary>The shared checks of index_add/index_reduce (PyTorch's index_func_meta_impl, then the slice broadcast of the kernel): the wrapped dim.</summary>
    internal static int CheckIndexFunc(Tensor self, long dim, Tensor index, Tensor source, string func)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (index.Shape.Length > 1)
            throw new IndexOutOfRangeException($"{func}_(): Index is supposed to be a vector, but got dim: {index.Shape.Length} with type: {DTypes.ShortName(index.dtype)} and size: {Shapes.Str(index.Shape)}");
        if (index.dtype != ScalarType.Int64 && index.dtype != ScalarType.Int32)
            throw new ArgumentException($"{func}_(): Expected dtype int32/int64 for index but got: {DTypes.ShortName(index.dtype)}");
        if (self.dtype != source.dtype)
            throw new ArgumentException($"{func}_(): self ({DTypes.ShortName(self.dtype)}) and source ({DTypes.ShortName(source.dtype)}) must have the same scalar type");
        if (!(d == 0 || d < source.Shape.Length)) throw new IndexOutOfRangeException($"{func}_(): Indexing dim {d} is out of bounds of tensor");
        long sourceSize = source.Shape.Length == 0 ? 1 : source.Shape[d];
        if (index.numel() != sourceSize)
            throw new IndexOutOfRangeException($"{func}_(): Number of indices ({index.numel()}) should be equal to source.size(dim): ({sourceSize}), for dim: {d}");
        Dispatcher.CheckSameDevice(self, source);
        // Each source slice is added into (or reduced with) a self slice, broadcasting as an in-place op does.
        var selfSlice = self.Shape.Length == 0 ? [] : ShapeOps.RemoveAt(self.Shape, d);
        var sourceSlice = source.Shape.Length == 0 ? [] : ShapeOps.RemoveAt(source.Shape, d);
        var joint = Shapes.Broadcast(selfSlice, sourceSlice);
        if (!Shapes.SameShape(joint, selfSlice))
            throw new ArgumentException($"output with shape {Shapes.Str(selfSlice)} doesn't match the broadcast shape {Shapes.Str(joint)}");
        return d;
    }

    /// <summary>The shape the index_add/index_reduce source covers: self's, with <paramref name="n"/> along dim <paramref name="d"/>.</summary>
    internal static long[] SourceTarget(Tensor self, int d, long n)
    {
        var shape = (long[])self.Shape.Clone();
        if (shape.Length > 0) shape[d] = n;
        return shape;
    }

    /// <summary>The index as int64 with every value checked against the dim's size ("index out of range in self").</summary>
    internal static Tensor Checked(Tensor index, Tensor self, int d)
    {
        var idx = index.dtype == ScalarType.Int64 ? index : index.to(ScalarType.Int64);
        long size = self.Shape.Length == 0 ? 1 : self.Shape[d];
        foreach (var i in Dispatcher.ReadIndices(idx))
            if (i < 0 || i >= size) throw new IndexOutOfRangeException("index out of range in self");
        return idx;
    }

    /// <summary>The elements of self at <paramref name="indices"/> along <paramref name="dim"/> (broadcasting the other dims), or of the flattened tensor.</summary>
    public static Tensor TakeAlongDim(Tensor self, Tensor indices, long? dim)
    {
        Dispatcher.CheckSameDevice(self, indices);
        // Without a dim PyTorch gathers from the flattened tensor, and gather's own checks apply.
        if (dim is not { } dd) return self.reshape(-1).gather(0, indices.reshape(-1));
        if (self.Shape.Length != indices.Shape.Length)
            throw new ArgumentException($"torch.take_along_dim(): input and indices should have the same number of dimensions, but got {self.Shape.Length} dimensions for input, and {indices.Shape.Length} dimensions for indices");
        if (indices.dtype != ScalarType.Int64)
            throw new ArgumentException($"torch.take_along_dim(): dtype of indices should be Long but got {DTypes.ShortName(indices.dtype)}");
        int d = Shapes.WrapDim(dd, self.Shape.Length);
        var selfSizes = (long[])self.Shape.Clone();
        selfSizes[d] = indices.Shape[d];
        var shape = Shapes.Broadcast(selfSizes, indices.Shape);
        var idxB = indices.expand(shape);
        shape[d] = self.Shape[d];
        return self.expand(shape).gather(d, idxB);
    }

    /// <summary>A copy of self with source's slices written at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
    public static Tensor IndexCopy(Tensor self, long dim, Tensor index, Tensor source)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (index.Shape.Length >= 2) throw new IndexOutOfRangeException($"index_copy_(): Index should have dimension 1 or 0 (got {index.Shape.Length})");
        long numIndices = index.numel();
        if (source.Shape.Length == 0 && numIndices != 1)
            throw new IndexOutOfRangeException($"index_copy_(): When source is scalar, index should have one element (got {numIndices})");
        if (source.Shape.Length != self.Shape.Length && source.Shape.Length != 0 && self.Shape.Length != 0)
            throw new IndexOutOfRangeException($"index_copy_(): When source and destination are not scalars, their dimensionality must match. Source dimensionality ({source.Shape.Length}), destination dimensionality ({self.Shape.Length})");
        if (index.dtype != ScalarType.Int64) throw new ArgumentException($"index_copy_(): Expected a long tensor for index, but got {DTypes.ShortName(index.dtype)}");
        if (self.dtype != source.dtype)
            throw new ArgumentException($"index_copy_(): self and source expected to have the same dtype, but got (self) {DTypes.ShortName(self.dtype)} and (source) {DTypes.ShortName(source.dtype)}");
        Dispatcher.CheckSameDevice(self, source);
        var selfSliced = self.Shape.Length == 0 ? [] : ShapeOps.RemoveAt(self.Shape, d);
        var sourceSliced = source.Shape.Length == 0 ? [] : ShapeOps.RemoveAt(source.Shape, d);
        if (!Shapes.SameShape(selfSliced, sourceSliced))
            throw new ArgumentException($"index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: {string.Join(", ", selfSliced)} at dimension {d} and source slice shape: {string.Join(", ", sourceSliced)} at dimension 0.");
        if (source.Shape.Length != 0 && numIndices != source.Shape[d])
            throw new IndexOutOfRangeException($"index_copy_(): Number of indices ({numIndices}) should be equal to source.size(dim) ({source.Shape[d]})");
        long size = self.Shape.Length == 0 ? 1 : self.Shape[d];
        foreach (var i in Dispatcher.ReadIndices(index))
            if (i < 0 || i >= size) throw new IndexOutOfRangeException($"index_copy_(): index {i} is out of bounds for dimension {d} with size {size}");
        var idx = ExpandIndex(index, d, source.Shape.Length == 0 ? self.Shape.Length == 0 ? [] : Ones(self.Shape.Length) : source.Shape);
        Tensor r;
        using (torch.no_grad()) r = self.detach().ScatterImpl(d, idx, source.detach().reshape(idx.Shape), false, "index_copy");
        var srcShape = source.Shape;
        return Recorder.Record(r, "IndexCopyBackward0", [self, source], [index], (g, s) =>
            [g.index_fill(d, s[0], 0.0), g.index_select(d, s[0]).reshape(srcShape)]);
    }

    private static long[] Ones(int n) => Enumerable.Repeat(1L, n).ToArray();

    /// <summary>A copy of self with <paramref name="value"/> (a 0-D tensor) at the <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
    public static Tensor IndexFill(Tensor self, long dim, Tensor index, Tensor value)
    {
        if (value.Shape.Length != 0)
            throw new ArgumentException($"index_fill_ only supports a 0-dimensional value tensor, but got tensor with {value.Shape.Length} dimension(s).");
        if (index.dtype != ScalarType.Int64) throw new IndexOutOfRangeException("index_fill_(): Expected dtype int64 for index.");
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (index.Shape.Length > 1) throw new IndexOutOfRangeException("Index has to be a vector/scalar");
        long size = self.Shape.Length == 0 ? 1 : self.Shape[d];
        var values = Dispatcher.ReadIndices(index);
        foreach (var i in values)
            if (i < -size || i >= size) throw new IndexOutOfRangeException($"index {i} is out of bounds for dimension {d} with size {size}");
        // Negative indices count from the end; the saved index is wrapped for the backward's index_select.
        var wrappedValues = values.Select(i => i < 0 ? i + size : i).ToArray();
        var wrapped = Dispatcher.Adopt(wrappedValues, ScalarType.Int64, [wrappedValues.Length]).to(index.device);
        var shape = self.Shape.Length == 0 ? [] : (long[])self.Shape.Clone();
        if (shape.Length > 0) shape[d] = values.Length;
        var idx = ExpandIndex(wrapped, d, shape);
        var v = value.device == self.device ? value.detach() : value.detach().to(self.device);
        Tensor r;
        using (torch.no_grad()) r = self.detach().ScatterImpl(d, idx, Dispatcher.Cast(v, self.dtype).expand(idx.Shape), false, "index_fill");
        bool valueGrad = value.requires_grad;
        // The value's gradient counts each filled position once, however often the index names it (PyTorch sums over unique indices).
        var unique = wrappedValues.Distinct().ToArray();
        var distinct = Dispatcher.Adopt(unique, ScalarType.Int64, [unique.Length]).to(index.device);
        // PyTorch names the scalar-value overload's node IndexFillBackward0 and the tensor-value one IndexFillBackward1.
        return Recorder.Record(r, value.IsWrappedNumber ? "IndexFillBackward0" : "IndexFillBackward1", [self, value], [wrapped, distinct], (g, s) =>
            [g.index_fill(d, s[0], 0.0), valueGrad ? g.index_select(d, s[1]).sum() : null]);
    }

    /// <summary>A copy of self with alpha × source's slices added at the <paramref name="index"/> positions along <paramref name="dim"/> (repeats accumulate).</summary>
    public static Tensor IndexAdd(Tensor self, long dim, Tensor index, Tensor source, double alpha)
    {
        int d = CheckIndexFunc(self, dim, index, source, "index_add");
        var idx = Checked(index, self, d);
        var src = source.detach();
        if (alpha != 1) src = src * alpha;
        var target = SourceTarget(self, d, idx.numel());
        var expanded = ExpandIndex(idx, d, target);
        Tensor r;
        // float16/bfloat16 round after each add, as PyTorch's kernels do (the accumulating Put adds in float32 and rounds back).
        using (torch.no_grad())
            r = self.detach().ScatterImpl(d, expanded, Dispatcher.Cast(src, self.dtype).expand(target), true, "index_add");
        var srcShape = source.Shape;
        return Recorder.Record(r, "IndexAddBackward0", [self, source], [idx], (g, s) =>
        {
            var gs = g.index_select(d, s[0]);
            if (alpha != 1) gs = gs * alpha;
            return [g, Recorder.SumToShape(gs, srcShape)];
        });
    }

    /// <summary>self (broadcast with mask) with source's leading elements, in order, written where mask is true.</summary>
    public static Tensor MaskedScatter(Tensor self, Tensor mask, Tensor source)
    {
        if (self.dtype != source.dtype)
            throw new ArgumentException($"masked_scatter: expected self and source to have same dtypes but got{DTypes.ShortName(self.dtype)} and {DTypes.ShortName(source.dtype)}");
        Dispatcher.CheckSameDevice(self, source);
        var shape = Shapes.Broadcast(self.Shape, mask.Shape);
        // PyTorch 1.13 reads a non-bool mask as numbers and accepts only 0 and 1.
        if (mask.dtype != ScalarType.Bool && mask.ne(0.0).logical_and(mask.ne(1.0)).any().item<bool>())
            throw new ArgumentException("Mask tensor can take 0 and 1 values only");
        var m = (mask.dtype == ScalarType.Bool ? mask : mask.ne(0.0)).expand(shape);
        var hits = Dispatcher.ReadMask(m);
        var strides = Shapes.ContiguousStrides(shape);
        var offsets = new List<long>();
        for (long i = 0; i < hits.LongLength; i++) if (hits[i]) offsets.Add(i);
        if (offsets.Count > source.numel()) throw new ArgumentException("Number of elements of source < number of ones in mask");
        Tensor r;
        using (torch.no_grad())
        {
            r = Dispatcher.Contiguous(self.detach().expand(shape));
            if (offsets.Count > 0)
            {
                var values = Dispatcher.Contiguous(source.detach().reshape(-1).narrow(0, 0, offsets.Count));
                Dispatcher.Put(r, [.. offsets], values, accumulate: false);
            }
        }
        int k = offsets.Count;
        var srcShape = source.Shape;
        return Recorder.Record(r, "MaskedScatterBackward0", [self, source], [m], (g, s) =>
        {
            var gSrc = torch.zeros([Shapes.Numel(srcShape)], g.dtype, g.device);
            if (k > 0)
                using (torch.no_grad()) gSrc.narrow(0, 0, k).copy_(g.masked_select(s[0]));
            return [g.masked_fill(s[0], 0), gSrc.reshape(srcShape)];
        });
    }

    /// <summary>nonzero as one int64 index vector per dim (a 0-D input counts as 1-D).</summary>
    public static Tensor[] NonzeroTuple(Tensor self)
    {
        var nz = (self.Shape.Length == 0 ? self.reshape(1) : self).nonzero();
        return [.. Enumerable.Range(0, (int)nz.Shape[1]).Select(j => Dispatcher.Contiguous(nz.select(1, j)))];
    }

    /// <summary>The number of non-zero elements over <paramref name="dims"/> (all when empty or null), as int64.</summary>
    public static Tensor CountNonzero(Tensor self, long[]? dims)
    {
        if (dims is { Length: > 0 }) Rearranging.DimSet(dims, self.Shape.Length);
        var ne = self.dtype == ScalarType.Bool ? self : self.ne(0.0);
        return dims is { Length: > 0 } ? ne.SumImpl(dims, false, ScalarType.Int64) : ne.SumImpl(null, false, ScalarType.Int64);
    }
}
