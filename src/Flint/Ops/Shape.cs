using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Shape and view ops (view, reshape, flatten, squeeze/unsqueeze, permute, transpose, expand, repeat,
/// narrow, slicing, select, split/chunk/unbind): views edit only the layout (shape, strides, offset)
/// in O(1); each op's node and backward formula are recorded beside it. Written as extension methods
/// so formulas read like tensor code.
/// </summary>
internal static class ShapeOps
{
    /// <summary>A view with a new layout over the same storage, with a backward that maps gradients back.</summary>
    internal static Tensor MakeView(this Tensor self, long[] shape, long[] strides, long offset, string node, Func<Tensor, Tensor> backward)
    {
        self.ThrowIfDisposed();
        var v = new Tensor(self.Storage, shape, strides, offset) { ViewBase = self };
        return Recorder.Record(v, node, [self], [], (g, _) => [backward(g)]);
    }

    /// <summary>PyTorch's computeStride: strides for viewing this layout as <paramref name="newShape"/>, or null when impossible.</summary>
    internal static long[]? ViewStrides(this Tensor self, long[] newShape)
    {
        if (self.numel() == 0 || self.is_contiguous()) return Shapes.ContiguousStrides(newShape);
        var newStrides = new long[newShape.Length];
        int viewD = newShape.Length - 1;
        long chunkBaseStride = self.Strides.Length > 0 ? self.Strides[^1] : 1;
        long tensorNumel = 1, viewNumel = 1;
        for (int tensorD = self.Shape.Length - 1; tensorD >= 0; tensorD--)
        {
            tensorNumel *= self.Shape[tensorD];
            if (tensorD == 0 || (self.Shape[tensorD - 1] != 1 && self.Strides[tensorD - 1] != tensorNumel * chunkBaseStride))
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
                    chunkBaseStride = self.Strides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }

    /// <summary>The same data with a new shape (one dim may be -1); fails when the strides do not allow it.</summary>
    internal static Tensor View(this Tensor self, params long[] shape)
    {
        var newShape = Shapes.InferSize(shape, self.numel());
        var strides = self.ViewStrides(newShape) ?? throw new InvalidOperationException(
            "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        var old = self.Shape;
        return self.MakeView(newShape, strides, self.Offset, "ViewBackward0", g => g.reshape(old));
    }

    /// <summary>A new shape; a view when the layout allows, else a copy.</summary>
    internal static Tensor Reshape(this Tensor self, params long[] shape)
    {
        var newShape = Shapes.InferSize(shape, self.numel());
        var old = self.Shape;
        // A viewable reshape is PyTorch's _reshape_alias, which has its own node name.
        if (self.ViewStrides(newShape) is { } strides) return self.MakeView(newShape, strides, self.Offset, "ReshapeAliasBackward0", g => g.reshape(old));
        var c = Dispatcher.Contiguous(self);
        var r = new Tensor(c.Storage, newShape, Shapes.ContiguousStrides(newShape), 0);
        return Recorder.Record(r, "UnsafeViewBackward0", [self], [], (g, _) => [g.reshape(old)]);
    }

    /// <summary>Merges dims start..end into one.</summary>
    internal static Tensor Flatten(this Tensor self, long start_dim = 0, long end_dim = -1)
    {
        if (self.Shape.Length == 0) return self.reshape(1);
        int s = Shapes.WrapDim(start_dim, self.Shape.Length), e = Shapes.WrapDim(end_dim, self.Shape.Length);
        if (s > e) throw new ArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        if (s == e) return self;
        var shape = new List<long>();
        for (int i = 0; i < s; i++) shape.Add(self.Shape[i]);
        long m = 1;
        for (int i = s; i <= e; i++) m *= self.Shape[i];
        shape.Add(m);
        for (int i = e + 1; i < self.Shape.Length; i++) shape.Add(self.Shape[i]);
        return self.reshape(shape.ToArray());
    }

    /// <summary>Undoes a flatten of one dim into <paramref name="sizes"/>.</summary>
    internal static Tensor Unflatten(this Tensor self, long dim, long[] sizes)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        var shape = new List<long>(self.Shape[..d]);
        shape.AddRange(Shapes.InferSize(sizes, self.Shape[d]));
        shape.AddRange(self.Shape[(d + 1)..]);
        return self.view(shape.ToArray());
    }

    /// <summary>Removes all size-1 dims.</summary>
    internal static Tensor Squeeze(this Tensor self)
    {
        var keep = new List<int>();
        for (int i = 0; i < self.Shape.Length; i++) if (self.Shape[i] != 1) keep.Add(i);
        var old = self.Shape;
        return self.MakeView(keep.Select(i => self.Shape[i]).ToArray(), keep.Select(i => self.Strides[i]).ToArray(), self.Offset, "SqueezeBackward0", g => g.reshape(old));
    }

    /// <summary>Removes dim <paramref name="dim"/> if its size is 1.</summary>
    internal static Tensor Squeeze(this Tensor self, long dim)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (self.Shape.Length == 0 || self.Shape[d] != 1) return self.MakeView(self.Shape, self.Strides, self.Offset, "SqueezeBackward1", g => g);
        var old = self.Shape;
        return self.MakeView(RemoveAt(self.Shape, d), RemoveAt(self.Strides, d), self.Offset, "SqueezeBackward1", g => g.reshape(old));
    }

    /// <summary>Inserts a size-1 dim at <paramref name="dim"/>.</summary>
    internal static Tensor Unsqueeze(this Tensor self, long dim)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length + 1);
        long stride = d < self.Shape.Length ? self.Strides[d] * self.Shape[d] : 1;
        var old = self.Shape;
        return self.MakeView(InsertAt(self.Shape, d, 1), InsertAt(self.Strides, d, stride), self.Offset, "UnsqueezeBackward0", g => g.reshape(old));
    }

    /// <summary>Reorders the dims.</summary>
    internal static Tensor Permute(this Tensor self, params long[] dims)
    {
        if (dims.Length != self.Shape.Length)
            throw new ArgumentException($"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {self.Shape.Length} is not equal to len(dims) = {dims.Length}");
        var perm = new int[dims.Length];
        var seen = new bool[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            perm[i] = Shapes.WrapDim(dims[i], self.Shape.Length);
            if (seen[perm[i]]) throw new ArgumentException("permute(): duplicate dims are not allowed.");
            seen[perm[i]] = true;
        }
        var inverse = new long[perm.Length];
        for (int i = 0; i < perm.Length; i++) inverse[perm[i]] = i;
        return self.MakeView(perm.Select(p => self.Shape[p]).ToArray(), perm.Select(p => self.Strides[p]).ToArray(), self.Offset, "PermuteBackward0", g => g.permute(inverse));
    }

    /// <summary>Swaps two dims (a view).</summary>
    internal static Tensor Transpose(this Tensor self, long dim0, long dim1)
    {
        int a = Shapes.WrapDim(dim0, self.Shape.Length), b = Shapes.WrapDim(dim1, self.Shape.Length);
        var shape = (long[])self.Shape.Clone(); var strides = (long[])self.Strides.Clone();
        if (self.Shape.Length > 0)
        {
            (shape[a], shape[b]) = (shape[b], shape[a]);
            (strides[a], strides[b]) = (strides[b], strides[a]);
        }
        return self.MakeView(shape, strides, self.Offset, "TransposeBackward0", g => g.transpose(a, b));
    }

    /// <summary>The transpose of a matrix (a 0-D or 1-D tensor is returned as is).</summary>
    internal static Tensor MatrixTranspose(this Tensor self)
    {
        if (self.Shape.Length > 2) throw new ArgumentException($"t() expects a tensor with <= 2 dimensions, but self is {self.Shape.Length}D");
        if (self.Shape.Length < 2) return self.MakeView(self.Shape, self.Strides, self.Offset, "TBackward0", g => g);
        return self.MakeView([self.Shape[1], self.Shape[0]], [self.Strides[1], self.Strides[0]], self.Offset, "TBackward0", g => g.t());
    }

    /// <summary>A broadcast view: size-1 dims repeat without copying; -1 keeps a size.</summary>
    internal static Tensor Expand(this Tensor self, params long[] sizes)
    {
        if (sizes.Length < self.Shape.Length)
            throw new ArgumentException($"expand(torch.{self.LegacyTypeName}{{{Shapes.Str(self.Shape)}}}, size=[{string.Join(", ", sizes)}]): the number of sizes provided ({sizes.Length}) must be greater or equal to the number of dimensions in the tensor ({self.Shape.Length})");
        var shape = new long[sizes.Length];
        var strides = new long[sizes.Length];
        int lead = sizes.Length - self.Shape.Length;
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
            if (size == -1) size = self.Shape[j];
            if (self.Shape[j] == size) { shape[i] = size; strides[i] = self.Strides[j]; }
            else if (self.Shape[j] == 1) { shape[i] = size; strides[i] = 0; }
            else throw new ArgumentException($"The expanded size of the tensor ({size}) must match the existing size ({self.Shape[j]}) at non-singleton dimension {i}.  Target sizes: {Shapes.Str(sizes)}.  Tensor sizes: {Shapes.Str(self.Shape)}");
        }
        var old = self.Shape;
        return self.MakeView(shape, strides, self.Offset, "ExpandBackward0", g => Recorder.SumToShape(g, old));
    }

    /// <summary>Repeats the whole tensor along each dim (a copy).</summary>
    internal static Tensor Repeat(this Tensor self, params long[] repeats)
    {
        if (repeats.Length < self.Shape.Length) throw new ArgumentException("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
        int lead = repeats.Length - self.Shape.Length;
        var padded = new long[repeats.Length];
        for (int i = 0; i < repeats.Length; i++) padded[i] = i < lead ? 1 : self.Shape[i - lead];
        // View as [1, s0, 1, s1, ...], expand to [r0, s0, r1, s1, ...], then merge pairs.
        var inter = new List<long>(); var exp = new List<long>(); var final = new long[repeats.Length];
        for (int i = 0; i < repeats.Length; i++) { inter.Add(1); inter.Add(padded[i]); exp.Add(repeats[i]); exp.Add(padded[i]); final[i] = repeats[i] * padded[i]; }
        return self.reshape(padded).reshape(inter.ToArray()).expand(exp.ToArray()).reshape(final);
    }

    /// <summary>Elements start..start+length-1 of one dim (a view).</summary>
    internal static Tensor Narrow(this Tensor self, long dim, long start, long length)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (start < 0) start += self.Shape[d];
        if (start < 0 || length < 0 || start + length > self.Shape[d])
            throw new ArgumentException($"start ({start}) + length ({length}) exceeds dimension size ({self.Shape[d]}).");
        return self.Slice(d, start, start + length, 1);
    }

    /// <summary>Python slicing along one dim: start..end by step, bounds clamped as Python does (a view).</summary>
    internal static Tensor Slice(this Tensor self, int d, long start, long end, long step)
    {
        if (step <= 0) throw new ArgumentException("slice step must be positive");
        long size = self.Shape[d];
        if (start < 0) start += size;
        if (end < 0) end += size;
        start = Math.Clamp(start, 0, size);
        end = Math.Clamp(end, start, size);
        long len = (end - start + step - 1) / step;
        var shape = (long[])self.Shape.Clone(); var strides = (long[])self.Strides.Clone();
        shape[d] = len; strides[d] = self.Strides[d] * step;
        var old = self.Shape; var dtypeOf = self.dtype;
        long s0 = start;
        return self.MakeView(shape, strides, self.Offset + start * self.Strides[d], "SliceBackward0", g =>
        {
            var z = torch.zeros(old, g.dtype, g.device);
            using (torch.no_grad()) z.Slice(d, s0, s0 + len * step, step).copy_(g);
            return z;
        });
    }

    /// <summary>The sub-tensor at <paramref name="index"/> of one dim, removing that dim (a view).</summary>
    internal static Tensor Select(this Tensor self, long dim, long index)
    {
        if (self.Shape.Length == 0) throw new IndexOutOfRangeException("select() cannot be applied to a 0-dim tensor.");
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        long size = self.Shape[d];
        if (index < -size || index >= size)
            throw new IndexOutOfRangeException($"select(): index {index} out of range for tensor of size {Shapes.Str(self.Shape)} at dimension {d}");
        if (index < 0) index += size;
        var old = self.Shape; long i0 = index;
        return self.MakeView(RemoveAt(self.Shape, d), RemoveAt(self.Strides, d), self.Offset + index * self.Strides[d], "SelectBackward0", g =>
        {
            var z = torch.zeros(old, g.dtype, g.device);
            using (torch.no_grad()) z.select(d, i0).copy_(g);
            return z;
        });
    }

    /// <summary>Splits into chunks of <paramref name="split_size"/> along a dim (views).</summary>
    internal static Tensor[] Split(this Tensor self, long split_size, long dim = 0)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (split_size <= 0 && self.Shape[d] > 0) throw new ArgumentException($"split_size can only be 0 if dimension size is 0, but got dimension size of {self.Shape[d]}");
        var sizes = new List<long>();
        for (long s = 0; s < self.Shape[d] || (s == 0 && self.Shape[d] == 0); s += split_size)
        {
            sizes.Add(Math.Min(split_size, self.Shape[d] - s));
            if (self.Shape[d] == 0) break;
        }
        return self.SplitImpl(d, sizes.ToArray(), "SplitBackward0");
    }

    /// <summary>Splits into pieces of the given sizes along a dim (views).</summary>
    internal static Tensor[] Split(this Tensor self, long[] split_sizes, long dim = 0)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (split_sizes.Sum() != self.Shape[d])
            throw new ArgumentException($"split_with_sizes expects split_sizes to sum exactly to {self.Shape[d]} (input tensor's size at dimension {d}), but got split_sizes={Shapes.Str(split_sizes)}");
        return self.SplitImpl(d, (long[])split_sizes.Clone(), "SplitWithSizesBackward0");
    }

    /// <summary>The pieces as views sharing one node, as PyTorch records split: unused pieces contribute zeros.</summary>
    internal static Tensor[] SplitImpl(this Tensor self, int d, long[] sizes, string node)
    {
        var parts = new Tensor[sizes.Length];
        using (torch.no_grad())
        {
            long s = 0;
            for (int i = 0; i < parts.Length; i++) { parts[i] = self.narrow(d, s, sizes[i]); s += sizes[i]; }
        }
        if (!Recorder.Needed(self)) return parts;
        var old = self.Shape;
        return Recorder.RecordMulti(parts, node, [self], [], (gs, _) =>
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
    internal static Tensor[] Chunk(this Tensor self, long chunks, long dim = 0)
    {
        if (chunks <= 0) throw new ArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        long size = (self.Shape[d] + chunks - 1) / chunks;
        return self.split(Math.Max(size, 1), d);
    }

    /// <summary>Removes a dim, returning the slices along it (views sharing one UnbindBackward0 node).</summary>
    internal static Tensor[] Unbind(this Tensor self, long dim = 0)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        var parts = new Tensor[self.Shape[d]];
        using (torch.no_grad())
            for (int i = 0; i < parts.Length; i++) parts[i] = self.select(d, i);
        if (!Recorder.Needed(self) || parts.Length == 0) return parts;
        var old = self.Shape;
        return Recorder.RecordMulti(parts, "UnbindBackward0", [self], [], (gs, _) =>
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

    internal static long[] InsertAt(long[] a, int i, long v)
    {
        var r = new long[a.Length + 1];
        Array.Copy(a, 0, r, 0, i);
        r[i] = v;
        Array.Copy(a, i, r, i + 1, a.Length - i);
        return r;
    }
}
