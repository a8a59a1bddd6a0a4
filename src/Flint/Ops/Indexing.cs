using Flint.Autograd;
using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// Indexing ops (basic and advanced indexing, index_put, masked_fill/select, index_select, gather,
/// scatter, nonzero): index values are read on the host through the dispatcher (a device index costs
/// one transfer), element offsets computed here, and Take/Put run on the tensor's device. Each op's
/// backward is recorded beside it. Written as extension methods so formulas read like tensor code.
/// </summary>
internal static class Indexing
{
    /// <summary>Applies integer/slice/None/ellipsis entries as a view; collects tensor entries for advanced indexing.</summary>
    internal static (Tensor view, List<int> advDims, List<Tensor> advIdx) ApplyBasic(this Tensor self, TensorIndex[] indices)
    {
        int consumed = 0, ellipses = 0;
        indices = Array.ConvertAll(indices, ScalarBoolAsBool);
        foreach (var ix in indices)
        {
            if (ix.kind == TensorIndex.Kind.Ellipsis) ellipses++;
            else if (ix.kind == TensorIndex.Kind.Tensor && ix.tensor!.dtype is ScalarType.Bool or ScalarType.Byte) consumed += ix.tensor.Shape.Length;
            else if (ix.kind is not (TensorIndex.Kind.None or TensorIndex.Kind.Bool)) consumed++;
        }
        if (ellipses > 1) throw new IndexOutOfRangeException("an index can only have a single ellipsis ('...')");
        if (consumed > self.Shape.Length)
            throw new IndexOutOfRangeException($"too many indices for tensor of dimension {self.Shape.Length}");
        var v = self;
        int d = 0, src = 0; // d: dim of the view built so far; src: dim of this tensor (for messages)
        var advDims = new List<int>();
        var advIdx = new List<Tensor>();
        foreach (var ix in indices)
        {
            switch (ix.kind)
            {
                case TensorIndex.Kind.Ellipsis: d += self.Shape.Length - consumed; src += self.Shape.Length - consumed; break;
                case TensorIndex.Kind.None: v = v.unsqueeze(d); d++; break;
                case TensorIndex.Kind.Bool:
                    // PyTorch: a new dim, indexed by [0] (true) or by nothing (false) as an advanced index.
                    v = v.unsqueeze(d);
                    advDims.Add(d);
                    advIdx.Add(torch.zeros([ix.index], ScalarType.Int64, v.device));
                    d++;
                    break;
                case TensorIndex.Kind.Single:
                    long size = v.Shape[d];
                    if (ix.index < -size || ix.index >= size)
                        throw new IndexOutOfRangeException($"index {ix.index} is out of bounds for dimension {src} with size {size}");
                    v = v.select(d, ix.index);
                    src++;
                    break;
                case TensorIndex.Kind.Slice:
                    v = v.Slice(d, ix.start ?? 0, ix.stop ?? long.MaxValue / 2, ix.step);
                    d++; src++;
                    break;
                case TensorIndex.Kind.Tensor:
                    var t = ix.tensor!;
                    if (t.dtype == ScalarType.Bool || t.dtype == ScalarType.Byte)
                    {
                        int k = Math.Max(t.Shape.Length, 1);
                        for (int j = 0; j < t.Shape.Length; j++)
                            if (t.Shape[j] != v.Shape[d + j])
                                throw new IndexOutOfRangeException($"The shape of the mask {Shapes.Str(t.Shape)} at index {j} does not match the shape of the indexed tensor {Shapes.Str(v.Shape)} at index {d + j}");
                        var nz = t.to(ScalarType.Bool).nonzero();
                        for (int j = 0; j < t.Shape.Length; j++) { advDims.Add(d + j); advIdx.Add(nz.select(1, j)); }
                        d += k; src += k;
                    }
                    else if (DTypes.IsIntegral(t.dtype, false))
                    {
                        advDims.Add(d); advIdx.Add(t.to(ScalarType.Int64)); d++; src++;
                    }
                    else throw new IndexOutOfRangeException("tensors used as indices must be long, byte or bool tensors");
                    break;
            }
        }
        return (v, advDims, advIdx);
    }

    /// <summary>
    /// Storage offsets of the elements selected by advanced indices on view <paramref name="v"/>, in result order, as
    /// runs of <paramref name="block"/> consecutive elements: the trailing result axes that are dense in
    /// <paramref name="v"/> (an embedding's rows, index_select along dim 0) move as one block per offset, so the offset
    /// array has one entry per row rather than per element.
    /// </summary>
    internal static long[] AdvancedOffsets(Tensor v, List<int> advDims, List<Tensor> advIdx, out long[] resultShape, out int block)
    {
        var idxShape = advIdx[0].Shape;
        foreach (var t in advIdx) idxShape = Shapes.Broadcast(idxShape, t.Shape);
        long nIdx = Shapes.Numel(idxShape);
        var advOffset = new long[nIdx];
        for (int a = 0; a < advIdx.Count; a++)
        {
            var values = Dispatcher.ReadIndices(advIdx[a].expand(idxShape));
            int dim = advDims[a];
            long size = v.Shape[dim], stride = v.Strides[dim];
            for (long j = 0; j < nIdx; j++)
            {
                long i = values[j];
                if (i < -size || i >= size) throw new IndexOutOfRangeException($"index {i} is out of bounds for dimension {dim} with size {size}");
                advOffset[j] += (i < 0 ? i + size : i) * stride;
            }
        }
        bool adjacent = true;
        for (int a = 1; a < advDims.Count; a++) adjacent &= advDims[a] == advDims[a - 1] + 1;
        // Result axes: (size, stride into v, or -1 for an index axis with its index-stride).
        var axes = new List<(long size, long stride, bool isIdx, long idxStride)>();
        var idxStrides = Shapes.ContiguousStrides(idxShape);
        void AddIdxAxes() { for (int k = 0; k < idxShape.Length; k++) axes.Add((idxShape[k], 0, true, idxStrides[k])); }
        if (!adjacent) AddIdxAxes();
        for (int dd = 0; dd < v.Shape.Length; dd++)
        {
            if (advDims.Contains(dd))
            {
                if (adjacent && dd == advDims[0]) AddIdxAxes();
                continue;
            }
            axes.Add((v.Shape[dd], v.Strides[dd], false, 0));
        }
        resultShape = axes.Select(a => a.size).ToArray();
        long total = Shapes.Numel(resultShape);
        // The dense tail: trailing non-index axes whose strides are those of a contiguous block.
        long run = 1;
        while (axes.Count > 0 && !axes[^1].isIdx && (axes[^1].stride == run || axes[^1].size == 1))
        {
            run *= axes[^1].size;
            axes.RemoveAt(axes.Count - 1);
        }
        block = total == 0 || run <= 1 ? 1 : (int)run;
        long count = total == 0 ? 0 : total / block;
        var offsets = new long[count];
        if (count == 0) return offsets;
        var counter = new long[axes.Count];
        long vOff = v.Offset, jIdx = 0;
        for (long n = 0; n < count; n++)
        {
            offsets[n] = vOff + advOffset[jIdx];
            for (int k = axes.Count - 1; k >= 0; k--)
            {
                var ax = axes[k];
                counter[k]++;
                if (ax.isIdx) jIdx += ax.idxStride; else vOff += ax.stride;
                if (counter[k] < ax.size) break;
                if (ax.isIdx) jIdx -= ax.idxStride * ax.size; else vOff -= ax.stride * ax.size;
                counter[k] = 0;
            }
        }
        return offsets;
    }

    /// <summary>A 0-dim bool (or uint8) tensor indexes as a Python bool does, not as a mask over no dims.</summary>
    private static TensorIndex ScalarBoolAsBool(TensorIndex ix) =>
        ix.kind == TensorIndex.Kind.Tensor && ix.tensor!.Shape.Length == 0 && ix.tensor.dtype is ScalarType.Bool or ScalarType.Byte
            ? TensorIndex.Bool(ix.tensor.to(ScalarType.Bool).item<bool>())
            : ix;

    internal static Tensor Index(this Tensor self, TensorIndex[] indices)
    {
        var (v, advDims, advIdx) = self.ApplyBasic(indices);
        if (advDims.Count == 0) return v;
        Tensor r;
        using (torch.no_grad())
        {
            var offsets = AdvancedOffsets(v, advDims, advIdx, out var shape, out int block);
            r = Tensor.Empty(shape, self.dtype, self.device);
            Dispatcher.Take(self, offsets, r, block);
        }
        var inShape = self.Shape;
        return Recorder.Record(r, "IndexBackward0", [self], [], (g, _) =>
        {
            var z = torch.zeros(inShape, g.dtype, g.device);
            z.IndexPutRaw(indices, g, accumulate: true);
            return [z];
        });
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="indices"/> without autograd bookkeeping.</summary>
    internal static void IndexPutRaw(this Tensor self, TensorIndex[] indices, Tensor value, bool accumulate = false)
    {
        using var _ = torch.no_grad();
        var (v, advDims, advIdx) = self.ApplyBasic(indices);
        if (advDims.Count == 0)
        {
            // PyTorch copies with expand semantics here, and reports expand's errors.
            value.expand(v.Shape);
            if (accumulate) Dispatcher.CopyInto(v, v + value);
            else Dispatcher.CopyInto(v, value);
        }
        else
        {
            var offsets = AdvancedOffsets(v, advDims, advIdx, out var shape, out int block);
            if (!BroadcastsTo(value.Shape, shape))
                throw new ArgumentException($"shape mismatch: value tensor of shape {Shapes.Str(value.Shape)} cannot be broadcast to indexing result of shape {Shapes.Str(shape)}");
            var dense = Tensor.Empty(shape, self.dtype, self.device);
            Dispatcher.CopyInto(dense, value);
            Dispatcher.Put(self, offsets, dense, accumulate, block);
        }
        self.Storage.Version++;
    }

    /// <summary>True when <paramref name="from"/> broadcasts to exactly <paramref name="to"/>.</summary>
    internal static bool BroadcastsTo(long[] from, long[] to)
    {
        if (from.Length > to.Length) return false;
        for (int i = 1; i <= from.Length; i++)
            if (from[^i] != 1 && from[^i] != to[^i]) return false;
        return true;
    }

    /// <summary>
    /// Writes <paramref name="value"/> at <paramref name="indices"/> in place (adds, duplicates summed, with
    /// <paramref name="accumulate"/>), recording IndexPutBackward0 (or CopySlices for basic indices) when a gradient flows.
    /// </summary>
    internal static void IndexPut(this Tensor self, TensorIndex[] indices, Tensor value, bool accumulate = false)
    {
        Dispatcher.CheckSameDevice(self, value);
        // Advanced indexing (index_put_) wants matching dtypes for tensor values; C# numbers convert.
        if (!value.IsWrappedNumber && value.dtype != self.dtype && indices.Any(i => i.IsAdvanced))
            throw new ArgumentException($"Index put requires the source and destination dtypes match, got {DTypes.ShortName(self.dtype)} for the destination and {DTypes.ShortName(value.dtype)} for the source.");
        if (!(GradMode.IsEnabled && (self.requires_grad || value.requires_grad)))
        {
            self.IndexPutRaw(indices, value, accumulate);
            return;
        }
        self.CheckInPlaceWithGrad();
        var prev = self.PreviousHistoryView();
        self.IndexPutRaw(indices, value, accumulate);
        // PyTorch: advanced indices write through index_put_ (IndexPutBackward0); basic ones through a view (CopySlices).
        bool advanced = Array.Exists(indices, ix => ix.IsAdvanced);
        var node = new FunctionNode(advanced ? "IndexPutBackward0" : "CopySlices", (gs, _) =>
        {
            var g = gs[0]!;
            // Overwritten positions pass no gradient back to self; accumulated ones pass all of it.
            var gSelf = g;
            if (!accumulate)
            {
                gSelf = g.clone();
                gSelf.IndexPutRaw(indices, torch.zeros([], g.dtype));
            }
            var gValue = g[indices];
            return [gSelf, gValue];
        }, []);
        Recorder.Attach(node, [prev, value]);
        self.SetHistory(node);
    }

    /// <summary>Indices of non-zero elements, one row per element: shape [n, dim].</summary>
    internal static Tensor Nonzero(this Tensor self)
    {
        // Index values decide offsets and bounds errors on the host: a device mask costs one transfer, as PyTorch's nonzero does.
        var b = Dispatcher.ReadMask(self.dtype == ScalarType.Bool ? self : self.ne(0.0));
        long n = b.LongLength;
        var hits = new List<long>();
        for (long i = 0; i < n; i++) if (b[i]) hits.Add(i);
        int rank = self.Shape.Length;
        var o = new long[hits.Count * rank];
        var strides = Shapes.ContiguousStrides(self.Shape);
        for (int h = 0; h < hits.Count; h++)
        {
            long rem = hits[h];
            for (int d = 0; d < rank; d++) { o[h * rank + d] = rem / strides[d]; rem %= Math.Max(strides[d], 1); }
        }
        var r = Dispatcher.Adopt(o, ScalarType.Int64, [hits.Count, rank]);
        return self.device.type == DeviceType.CPU ? r : r.to(self.device);
    }

    /// <summary>The elements where <paramref name="mask"/> is true, as a 1-D tensor.</summary>
    internal static Tensor MaskedSelect(this Tensor self, Tensor mask)
    {
        var shape = Shapes.Broadcast(self.Shape, mask.Shape);
        return self.expand(shape)[mask.expand(shape)];
    }

    /// <summary>A copy with <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
    internal static Tensor MaskedFill(this Tensor self, Tensor mask, double value)
    {
        // uint8 masks are accepted (deprecated in PyTorch 1.13, but still working).
        if (mask.dtype != ScalarType.Bool && mask.dtype != ScalarType.Byte)
            throw new ArgumentException($"masked_fill_ only supports boolean masks, but got mask with dtype {DTypes.Name(mask.dtype)[6..]}");
        if (mask.device != self.device) throw new ArgumentException(DeviceErrors.MaskedFill(self.device, mask.device));
        var m = mask.dtype == ScalarType.Bool ? mask : mask.ne(0.0);
        // Out of place, self broadcasts with the mask (the result can be larger than self).
        var r = Dispatcher.Where(m, Dispatcher.Cast(torch.WrappedScalar(value), self.dtype), self.detach());
        r = Dispatcher.Cast(r, self.dtype);
        return Recorder.Record(r, "MaskedFillBackward0", [self], [], (g, _) => [g.masked_fill(m, 0)]);
    }

    /// <summary>Picks entries along a dim by an int64 index vector.</summary>
    internal static Tensor IndexSelect(this Tensor self, long dim, Tensor index)
    {
        if (index.Shape.Length > 1) throw new IndexOutOfRangeException("index_select(): Index is supposed to be a vector");
        if (index.dtype != ScalarType.Int64 && index.dtype != ScalarType.Int32)
            throw new ArgumentException("index_select(): Expected dtype int32 or int64 for index");
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        long size = self.Shape.Length == 0 ? 1 : self.Shape[d];
        if (index.numel() > 0)
        {
            var iv = index.to(ScalarType.Int64).data<long>();
            // index_select takes no negative indices, unlike indexing.
            foreach (var i in iv)
                if (i < 0 || i >= size) throw new IndexOutOfRangeException("index out of range in self");
        }
        var idx = new TensorIndex[d + 1];
        for (int i = 0; i < d; i++) idx[i] = TensorIndex.Colon;
        idx[d] = TensorIndex.Tensor(index.Shape.Length == 0 ? index.reshape(1) : index);
        Tensor r;
        using (torch.no_grad()) r = self[idx];
        var inShape = self.Shape;
        return Recorder.Record(r, "IndexSelectBackward0", [self], [], (g, _) =>
        {
            var z = torch.zeros(inShape, g.dtype, g.device);
            z.IndexPutRaw(idx, g, accumulate: true);
            return [z];
        });
    }

    /// <summary>Offsets into <paramref name="t"/> for every position of <paramref name="index"/>, with the dim coordinate replaced by the index value.</summary>
    internal static long[] ScatterGatherOffsets(Tensor t, int dim, Tensor index, string op)
    {
        if (index.dtype != ScalarType.Int64) throw new ArgumentException($"{op}(): Expected dtype int64 for index");
        if (index.Shape.Length != t.Shape.Length && !(index.Shape.Length <= 1 && t.Shape.Length <= 1))
            throw new ArgumentException($"Index tensor must have the same number of dimensions as input tensor");
        for (int d = 0; d < index.Shape.Length; d++)
            if (d != dim && index.Shape[d] > t.Shape[d])
                throw new ArgumentException($"Size does not match at dimension {d} expected index {Shapes.Str(index.Shape)} to be smaller than self {Shapes.Str(t.Shape)} apart from dimension {dim}");
        var iv = Dispatcher.ReadIndices(index);
        long n = index.numel();
        var offsets = new long[n];
        int rank = index.Shape.Length;
        var counter = new long[rank];
        long size = t.Shape.Length == 0 ? 1 : t.Shape[dim];
        for (long j = 0; j < n; j++)
        {
            long off = t.Offset;
            for (int d = 0; d < rank; d++)
                if (d != dim) off += counter[d] * t.Strides[d];
            long i = iv[j];
            if (i < -size || i >= size) throw new IndexOutOfRangeException($"index {i} is out of bounds for dimension {dim} with size {size}");
            off += (i < 0 ? i + size : i) * (t.Shape.Length == 0 ? 0 : t.Strides[dim]);
            offsets[j] = off;
            for (int d = rank - 1; d >= 0; d--) { if (++counter[d] < index.Shape[d]) break; counter[d] = 0; }
        }
        return offsets;
    }

    /// <summary>out[i][j] = self[i][index[i][j]] (for dim 1), PyTorch's gather.</summary>
    internal static Tensor Gather(this Tensor self, long dim, Tensor index)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        var offsets = ScatterGatherOffsets(self, d, index, "gather");
        var r = Tensor.Empty((long[])index.Shape.Clone(), self.dtype, self.device);
        Dispatcher.Take(self, offsets, r);
        var inShape = self.Shape;
        return Recorder.Record(r, "GatherBackward0", [self], [index], (g, s) => [torch.zeros(inShape, g.dtype, g.device).scatter_add(d, s[0], g)]);
    }

    internal static Tensor ScatterImpl(this Tensor self, long dim, Tensor index, Tensor src, bool accumulate, string name)
    {
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (!src.IsWrappedNumber && src.dtype != self.dtype)
            throw new ArgumentException("scatter(): Expected self.dtype to be equal to src.dtype");
        // A scalar value (a wrapped number lives on the CPU) goes to self's device.
        if (src.IsWrappedNumber && src.device != self.device) src = src.to(self.device);
        if (!src.IsWrappedNumber && src.Shape.Length == index.Shape.Length)
            for (int k = 0; k < index.Shape.Length; k++)
                if (index.Shape[k] > src.Shape[k] || (k != d && index.Shape[k] > self.Shape[k]))
                    throw new ArgumentException($"Expected index {Shapes.Str(index.Shape)} to be smaller than self {Shapes.Str(self.Shape)} apart from dimension {d} and to be smaller size than src {Shapes.Str(src.Shape)}");
        var r = Dispatcher.Contiguous(self.detach());
        var offsets = ScatterGatherOffsets(r, d, index, name);
        // Values come from src at the index's positions (src may be larger than index).
        var srcAt = src.Shape.Length == 0 ? src.expand(index.Shape) : src.detach().Slices(index.Shape);
        var values = Dispatcher.Contiguous(Dispatcher.Cast(srcAt, self.dtype));
        Dispatcher.Put(r, offsets, values, accumulate);
        var srcShape = src.Shape;
        return Recorder.Record(r, accumulate ? "ScatterAddBackward0" : "ScatterBackward0", [self, src], [index], (g, s) =>
        {
            var gSelf = accumulate ? g : g.scatter(d, s[0], 0.0);
            Tensor? gSrc = null;
            if (srcShape.Length > 0)
            {
                gSrc = torch.zeros(srcShape, g.dtype, g.device);
                using (torch.no_grad()) gSrc.Slices(s[0].Shape).copy_(g.gather(d, s[0]));
            }
            return [gSelf, gSrc];
        });
    }

    /// <summary>The leading block of this tensor with the given sizes (a view).</summary>
    internal static Tensor Slices(this Tensor self, long[] sizes)
    {
        var v = self;
        for (int d = 0; d < sizes.Length; d++) v = v.Slice(d, 0, sizes[d], 1);
        return v;
    }
}
