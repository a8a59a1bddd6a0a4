using Flint.Ops;

namespace Flint;

public partial class Tensor
{
    /// <summary>A view with a new layout over the same storage, with a backward that maps gradients back.</summary>
    internal Tensor MakeView(long[] shape, long[] strides, long offset, string node, Func<Tensor, Tensor> backward)
    {
        ThrowIfDisposed();
        var v = new Tensor(Storage, shape, strides, offset) { ViewBase = this };
        return Recorder.Record(v, node, [this], [], (g, _) => [backward(g)]);
    }

    /// <summary>PyTorch's computeStride: strides for viewing this layout as <paramref name="newShape"/>, or null when impossible.</summary>
    private long[]? ViewStrides(long[] newShape)
    {
        if (numel() == 0 || is_contiguous()) return Shapes.ContiguousStrides(newShape);
        var newStrides = new long[newShape.Length];
        int viewD = newShape.Length - 1;
        long chunkBaseStride = Strides.Length > 0 ? Strides[^1] : 1;
        long tensorNumel = 1, viewNumel = 1;
        for (int tensorD = Shape.Length - 1; tensorD >= 0; tensorD--)
        {
            tensorNumel *= Shape[tensorD];
            if (tensorD == 0 || (Shape[tensorD - 1] != 1 && Strides[tensorD - 1] != tensorNumel * chunkBaseStride))
            {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1))
                {
                    newStrides[viewD] = viewNumel * chunkBaseStride;
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (tensorD > 0)
                {
                    chunkBaseStride = Strides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }

    /// <summary>The same data with a new shape (one dim may be -1); fails when the strides do not allow it.</summary>
    public Tensor view(params long[] shape)
    {
        var newShape = Shapes.InferSize(shape, numel());
        var strides = ViewStrides(newShape) ?? throw new InvalidOperationException(
            "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        var old = Shape;
        return MakeView(newShape, strides, Offset, "ViewBackward0", g => g.reshape(old));
    }

    /// <summary>A view with the same shape as <paramref name="other"/>.</summary>
    public Tensor view_as(Tensor other) => view(other.Shape);

    /// <summary>A new shape; a view when the layout allows, else a copy.</summary>
    public Tensor reshape(params long[] shape)
    {
        var newShape = Shapes.InferSize(shape, numel());
        var old = Shape;
        // A viewable reshape is PyTorch's _reshape_alias, which has its own node name.
        if (ViewStrides(newShape) is { } strides) return MakeView(newShape, strides, Offset, "ReshapeAliasBackward0", g => g.reshape(old));
        var c = Dispatcher.Contiguous(this);
        var r = new Tensor(c.Storage, newShape, Shapes.ContiguousStrides(newShape), 0);
        return Recorder.Record(r, "UnsafeViewBackward0", [this], [], (g, _) => [g.reshape(old)]);
    }

    /// <summary>Reshapes like <paramref name="other"/>.</summary>
    public Tensor reshape_as(Tensor other) => reshape(other.Shape);

    /// <summary>Merges dims start..end into one.</summary>
    public Tensor flatten(long start_dim = 0, long end_dim = -1)
    {
        if (Shape.Length == 0) return reshape(1);
        int s = Shapes.WrapDim(start_dim, Shape.Length), e = Shapes.WrapDim(end_dim, Shape.Length);
        if (s > e) throw new ArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        if (s == e) return this;
        var shape = new List<long>();
        for (int i = 0; i < s; i++) shape.Add(Shape[i]);
        long m = 1;
        for (int i = s; i <= e; i++) m *= Shape[i];
        shape.Add(m);
        for (int i = e + 1; i < Shape.Length; i++) shape.Add(Shape[i]);
        return reshape(shape.ToArray());
    }

    /// <summary>Undoes a flatten of one dim into <paramref name="sizes"/>.</summary>
    public Tensor unflatten(long dim, long[] sizes)
    {
        int d = Shapes.WrapDim(dim, Shape.Length);
        var shape = new List<long>(Shape[..d]);
        shape.AddRange(Shapes.InferSize(sizes, Shape[d]));
        shape.AddRange(Shape[(d + 1)..]);
        return view(shape.ToArray());
    }

    /// <summary>Removes all size-1 dims.</summary>
    public Tensor squeeze()
    {
        var keep = new List<int>();
        for (int i = 0; i < Shape.Length; i++) if (Shape[i] != 1) keep.Add(i);
        var old = Shape;
        return MakeView(keep.Select(i => Shape[i]).ToArray(), keep.Select(i => Strides[i]).ToArray(), Offset, "SqueezeBackward0", g => g.reshape(old));
    }

    /// <summary>Removes dim <paramref name="dim"/> if its size is 1.</summary>
    public Tensor squeeze(long dim)
    {
        int d = Shapes.WrapDim(dim, Shape.Length);
        if (Shape.Length == 0 || Shape[d] != 1) return MakeView(Shape, Strides, Offset, "SqueezeBackward1", g => g);
        var old = Shape;
        return MakeView(RemoveAt(Shape, d), RemoveAt(Strides, d), Offset, "SqueezeBackward1", g => g.reshape(old));
    }

    /// <summary>Inserts a size-1 dim at <paramref name="dim"/>.</summary>
    public Tensor unsqueeze(long dim)
    {
        int d = Shapes.WrapDim(dim, Shape.Length + 1);
        long stride = d < Shape.Length ? Strides[d] * Shape[d] : 1;
        var old = Shape;
        return MakeView(InsertAt(Shape, d, 1), InsertAt(Strides, d, stride), Offset, "UnsqueezeBackward0", g => g.reshape(old));
    }

    /// <summary>Reorders the dims.</summary>
    public Tensor permute(params long[] dims)
    {
        if (dims.Length != Shape.Length)
            throw new ArgumentException($"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {Shape.Length} is not equal to len(dims) = {dims.Length}");
        var perm = new int[dims.Length];
        var seen = new bool[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            perm[i] = Shapes.WrapDim(dims[i], Shape.Length);
            if (seen[perm[i]]) throw new ArgumentException("permute(): duplicate dims are not allowed.");
            seen[perm[i]] = true;
        }
        var inverse = new long[perm.Length];
        for (int i = 0; i < perm.Length; i++) inverse[perm[i]] = i;
        return MakeView(perm.Select(p => Shape[p]).ToArray(), perm.Select(p => Strides[p]).ToArray(), Offset, "PermuteBackward0", g => g.permute(inverse));
    }

    /// <summary>Swaps two dims (a view).</summary>
    public Tensor transpose(long dim0, long dim1)
    {
        int a = Shapes.WrapDim(dim0, Shape.Length), b = Shapes.WrapDim(dim1, Shape.Length);
        var shape = (long[])Shape.Clone(); var strides = (long[])Strides.Clone();
        if (Shape.Length > 0)
        {
            (shape[a], shape[b]) = (shape[b], shape[a]);
            (strides[a], strides[b]) = (strides[b], strides[a]);
        }
        return MakeView(shape, strides, Offset, "TransposeBackward0", g => g.transpose(a, b));
    }

    /// <summary>Swaps two dims (alias of transpose).</summary>
    public Tensor swapaxes(long dim0, long dim1) => transpose(dim0, dim1);

    /// <summary>The transpose of a matrix (a 0-D or 1-D tensor is returned as is).</summary>
    public Tensor t()
    {
        if (Shape.Length > 2) throw new ArgumentException($"t() expects a tensor with <= 2 dimensions, but self is {Shape.Length}D");
        if (Shape.Length < 2) return MakeView(Shape, Strides, Offset, "TBackward0", g => g);
        return MakeView([Shape[1], Shape[0]], [Strides[1], Strides[0]], Offset, "TBackward0", g => g.t());
    }

    /// <summary>All dims reversed (<c>x.T</c>).</summary>
    public Tensor T
    {
        get
        {
            var dims = new long[Shape.Length];
            for (int i = 0; i < dims.Length; i++) dims[i] = dims.Length - 1 - i;
            return Shape.Length == 2 ? t() : permute(dims);
        }
    }

    /// <summary>The matrix transpose of the last two dims (<c>x.mT</c>).</summary>
    public Tensor mT => transpose(-2, -1);

    /// <summary>A broadcast view: size-1 dims repeat without copying; -1 keeps a size.</summary>
    public Tensor expand(params long[] sizes)
    {
        if (sizes.Length < Shape.Length)
            throw new ArgumentException($"expand(torch.{LegacyTypeName}{{{Shapes.Str(Shape)}}}, size=[{string.Join(", ", sizes)}]): the number of sizes provided ({sizes.Length}) must be greater or equal to the number of dimensions in the tensor ({Shape.Length})");
        var shape = new long[sizes.Length];
        var strides = new long[sizes.Length];
        int lead = sizes.Length - Shape.Length;
        for (int i = sizes.Length - 1; i >= 0; i--)
        {
            int j = i - lead;
            long size = sizes[i];
            if (j < 0)
            {
                if (size < 0) throw new ArgumentException($"The expanded size of the tensor ({size}) isn't allowed in a leading, non-existing dimension {i}");
                shape[i] = size; strides[i] = 0;
                continue;
            }
            if (size == -1) size = Shape[j];
            if (Shape[j] == size) { shape[i] = size; strides[i] = Strides[j]; }
            else if (Shape[j] == 1) { shape[i] = size; strides[i] = 0; }
            else throw new ArgumentException($"The expanded size of the tensor ({size}) must match the existing size ({Shape[j]}) at non-singleton dimension {i}.  Target sizes: {Shapes.Str(sizes)}.  Tensor sizes: {Shapes.Str(Shape)}");
        }
        var old = Shape;
        return MakeView(shape, strides, Offset, "ExpandBackward0", g => Recorder.SumToShape(g, old));
    }

    /// <summary>PyTorch's legacy type name used in some messages: "FloatTensor", "LongTensor".</summary>
    internal string LegacyTypeName => dtype switch
    {
        ScalarType.Int8 => "CharTensor",
        ScalarType.BFloat16 => "BFloat16Tensor",
        var t => DTypes.ShortName(t) + "Tensor",
    };

    /// <summary>Expands to the shape of <paramref name="other"/>.</summary>
    public Tensor expand_as(Tensor other) => expand(other.Shape);

    /// <summary>Repeats the whole tensor along each dim (a copy).</summary>
    public Tensor repeat(params long[] repeats)
    {
        if (repeats.Length < Shape.Length) throw new ArgumentException("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
        int lead = repeats.Length - Shape.Length;
        var padded = new long[repeats.Length];
        for (int i = 0; i < repeats.Length; i++) padded[i] = i < lead ? 1 : Shape[i - lead];
        // View as [1, s0, 1, s1, ...], expand to [r0, s0, r1, s1, ...], then merge pairs.
        var inter = new List<long>(); var exp = new List<long>(); var final = new long[repeats.Length];
        for (int i = 0; i < repeats.Length; i++) { inter.Add(1); inter.Add(padded[i]); exp.Add(repeats[i]); exp.Add(padded[i]); final[i] = repeats[i] * padded[i]; }
        return reshape(padded).reshape(inter.ToArray()).expand(exp.ToArray()).reshape(final);
    }

    /// <summary>Elements start..start+length-1 of one dim (a view).</summary>
    public Tensor narrow(long dim, long start, long length)
    {
        int d = Shapes.WrapDim(dim, Shape.Length);
        if (start < 0) start += Shape[d];
        if (start < 0 || length < 0 || start + length > Shape[d])
            throw new ArgumentException($"start ({start}) + length ({length}) exceeds dimension size ({Shape[d]}).");
        return Slice(d, start, start + length, 1);
    }

    /// <summary>Python slicing along one dim: start..end by step, bounds clamped as Python does (a view).</summary>
    internal Tensor Slice(int d, long start, long end, long step)
    {
        if (step <= 0) throw new ArgumentException("slice step must be positive");
        long size = Shape[d];
        if (start < 0) start += size;
        if (end < 0) end += size;
        start = Math.Clamp(start, 0, size);
        end = Math.Clamp(end, start, size);
        long len = (end - start + step - 1) / step;
        var shape = (long[])Shape.Clone(); var strides = (long[])Strides.Clone();
        shape[d] = len; strides[d] = Strides[d] * step;
        var old = Shape; var dtypeOf = dtype;
        long s0 = start;
        return MakeView(shape, strides, Offset + start * Strides[d], "SliceBackward0", g =>
        {
            var z = torch.zeros(old, g.dtype, g.device);
            using (torch.no_grad()) z.Slice(d, s0, s0 + len * step, step).copy_(g);
            return z;
        });
    }

    /// <summary>The sub-tensor at <paramref name="index"/> of one dim, removing that dim (a view).</summary>
    public Tensor select(long dim, long index)
    {
        if (Shape.Length == 0) throw new IndexOutOfRangeException("select() cannot be applied to a 0-dim tensor.");
        int d = Shapes.WrapDim(dim, Shape.Length);
        long size = Shape[d];
        if (index < -size || index >= size)
            throw new IndexOutOfRangeException($"select(): index {index} out of range for tensor of size {Shapes.Str(Shape)} at dimension {d}");
        if (index < 0) index += size;
        var old = Shape; long i0 = index;
        return MakeView(RemoveAt(Shape, d), RemoveAt(Strides, d), Offset + index * Strides[d], "SelectBackward0", g =>
        {
            var z = torch.zeros(old, g.dtype, g.device);
            using (torch.no_grad()) z.select(d, i0).copy_(g);
            return z;
        });
    }

    /// <summary>Splits into chunks of <paramref name="split_size"/> along a dim (views).</summary>
    public Tensor[] split(long split_size, long dim = 0)
    {
        int d = Shapes.WrapDim(dim, Shape.Length);
        if (split_size <= 0 && Shape[d] > 0) throw new ArgumentException($"split_size can only be 0 if dimension size is 0, but got dimension size of {Shape[d]}");
        var sizes = new List<long>();
        for (long s = 0; s < Shape[d] || (s == 0 && Shape[d] == 0); s += split_size)
        {
            sizes.Add(Math.Min(split_size, Shape[d] - s));
            if (Shape[d] == 0) break;
        }
        return SplitImpl(d, sizes.ToArray(), "SplitBackward0");
    }

    /// <summary>Splits into pieces of the given sizes along a dim (views).</summary>
    public Tensor[] split(long[] split_sizes, long dim = 0)
    {
        int d = Shapes.WrapDim(dim, Shape.Length);
        if (split_sizes.Sum() != Shape[d])
            throw new ArgumentException($"split_with_sizes expects split_sizes to sum exactly to {Shape[d]} (input tensor's size at dimension {d}), but got split_sizes={Shapes.Str(split_sizes)}");
        return SplitImpl(d, (long[])split_sizes.Clone(), "SplitWithSizesBackward0");
    }

    /// <summary>The pieces as views sharing one node, as PyTorch records split: unused pieces contribute zeros.</summary>
    private Tensor[] SplitImpl(int d, long[] sizes, string node)
    {
        var parts = new Tensor[sizes.Length];
        using (torch.no_grad())
        {
            long s = 0;
            for (int i = 0; i < parts.Length; i++) { parts[i] = narrow(d, s, sizes[i]); s += sizes[i]; }
        }
        if (!Recorder.Needed(this)) return parts;
        var old = Shape;
        return Recorder.RecordMulti(parts, node, [this], [], (gs, _) =>
        {
            var z = torch.zeros(old, gs.First(g => g is not null)!.dtype, gs.First(g => g is not null)!.device);
            long at = 0;
            using (torch.no_grad())
                for (int i = 0; i < gs.Length; i++)
                {
                    if (gs[i] is { } g) z.narrow(d, at, sizes[i]).copy_(g);
                    at += sizes[i];
                }
            return [z];
        });
    }

    /// <summary>Splits into <paramref name="chunks"/> nearly equal pieces along a dim (views).</summary>
    public Tensor[] chunk(long chunks, long dim = 0)
    {
        if (chunks <= 0) throw new ArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        int d = Shapes.WrapDim(dim, Shape.Length);
        long size = (Shape[d] + chunks - 1) / chunks;
        return split(Math.Max(size, 1), d);
    }

    /// <summary>Removes a dim, returning the slices along it (views sharing one UnbindBackward0 node).</summary>
    public Tensor[] unbind(long dim = 0)
    {
        int d = Shapes.WrapDim(dim, Shape.Length);
        var parts = new Tensor[Shape[d]];
        using (torch.no_grad())
            for (int i = 0; i < parts.Length; i++) parts[i] = select(d, i);
        if (!Recorder.Needed(this) || parts.Length == 0) return parts;
        var old = Shape;
        return Recorder.RecordMulti(parts, "UnbindBackward0", [this], [], (gs, _) =>
        {
            var z = torch.zeros(old, gs.First(g => g is not null)!.dtype, gs.First(g => g is not null)!.device);
            using (torch.no_grad())
                for (int i = 0; i < gs.Length; i++)
                    if (gs[i] is { } g) z.select(d, i).copy_(g);
            return [z];
        });
    }

    internal static long[] RemoveAt(long[] a, int i)
    {
        var r = new long[a.Length - 1];
        Array.Copy(a, 0, r, 0, i);
        Array.Copy(a, i + 1, r, i, a.Length - i - 1);
        return r;
    }

    private static long[] InsertAt(long[] a, int i, long v)
    {
        var r = new long[a.Length + 1];
        Array.Copy(a, 0, r, 0, i);
        r[i] = v;
        Array.Copy(a, i, r, i + 1, a.Length - i);
        return r;
    }
}
