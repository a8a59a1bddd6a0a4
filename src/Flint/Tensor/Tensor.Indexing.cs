using Flint.Autograd;
using Flint.Backends;
using Flint.Ops;

namespace Flint;

public partial class Tensor
{
    /// <summary>PyTorch-style indexing: <c>x[0]</c>, <c>x[.., 1]</c>, <c>x[1..3]</c>, <c>x[mask]</c>; assignment writes in place (<c>grad_h[h &lt; 0] = 0</c>).</summary>
    public Tensor this[params TensorIndex[] indices]
    {
        get => Index(indices);
        set => IndexPut(indices, value);
    }

    /// <summary>Applies integer/slice/None/ellipsis entries as a view; collects tensor entries for advanced indexing.</summary>
    private (Tensor view, List<int> advDims, List<Tensor> advIdx) ApplyBasic(TensorIndex[] indices)
    {
        int consumed = 0, ellipses = 0;
        foreach (var ix in indices)
        {
            if (ix.kind == TensorIndex.Kind.Ellipsis) ellipses++;
            else if (ix.kind == TensorIndex.Kind.Tensor && ix.tensor!.dtype == ScalarType.Bool) consumed += Math.Max(ix.tensor.Shape.Length, 1);
            else if (ix.kind != TensorIndex.Kind.None) consumed++;
        }
        if (ellipses > 1) throw new IndexOutOfRangeException("an index can only have a single ellipsis ('...')");
        if (consumed > Shape.Length)
            throw new IndexOutOfRangeException($"too many indices for tensor of dimension {Shape.Length}");
        var v = this;
        int d = 0, src = 0; // d: dim of the view built so far; src: dim of this tensor (for messages)
        var advDims = new List<int>();
        var advIdx = new List<Tensor>();
        foreach (var ix in indices)
        {
            switch (ix.kind)
            {
                case TensorIndex.Kind.Ellipsis: d += Shape.Length - consumed; src += Shape.Length - consumed; break;
                case TensorIndex.Kind.None: v = v.unsqueeze(d); d++; break;
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

    /// <summary>Storage offsets of the elements selected by advanced indices on view <paramref name="v"/>, in result order.</summary>
    private static long[] AdvancedOffsets(Tensor v, List<int> advDims, List<Tensor> advIdx, out long[] resultShape)
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
        var offsets = new long[total];
        if (total == 0) return offsets;
        var counter = new long[axes.Count];
        long vOff = v.Offset, jIdx = 0;
        for (long n = 0; n < total; n++)
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

    private Tensor Index(TensorIndex[] indices)
    {
        var (v, advDims, advIdx) = ApplyBasic(indices);
        if (advDims.Count == 0) return v;
        Tensor r;
        using (torch.no_grad())
        {
            var offsets = AdvancedOffsets(v, advDims, advIdx, out var shape);
            r = Tensor.Empty(shape, dtype, device);
            Dispatcher.Take(this, offsets, r);
        }
        var inShape = Shape;
        return Recorder.Record(r, "IndexBackward0", [this], [], (g, _) =>
        {
            var z = torch.zeros(inShape, g.dtype, g.device);
            z.IndexPutRaw(indices, g, accumulate: true);
            return [z];
        });
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="indices"/> without autograd bookkeeping.</summary>
    internal void IndexPutRaw(TensorIndex[] indices, Tensor value, bool accumulate = false)
    {
        using var _ = torch.no_grad();
        var (v, advDims, advIdx) = ApplyBasic(indices);
        if (advDims.Count == 0)
        {
            // PyTorch copies with expand semantics here, and reports expand's errors.
            value.expand(v.Shape);
            if (accumulate) Dispatcher.CopyInto(v, v + value);
            else Dispatcher.CopyInto(v, value);
        }
        else
        {
            var offsets = AdvancedOffsets(v, advDims, advIdx, out var shape);
            if (!BroadcastsTo(value.Shape, shape))
                throw new ArgumentException($"shape mismatch: value tensor of shape {Shapes.Str(value.Shape)} cannot be broadcast to indexing result of shape {Shapes.Str(shape)}");
            var dense = Tensor.Empty(shape, dtype, device);
            Dispatcher.CopyInto(dense, value);
            Dispatcher.Put(this, offsets, dense, accumulate);
        }
        Storage.Version++;
    }

    /// <summary>True when <paramref name="from"/> broadcasts to exactly <paramref name="to"/>.</summary>
    private static bool BroadcastsTo(long[] from, long[] to)
    {
        if (from.Length > to.Length) return false;
        for (int i = 1; i <= from.Length; i++)
            if (from[^i] != 1 && from[^i] != to[^i]) return false;
        return true;
    }

    private void IndexPut(TensorIndex[] indices, Tensor value)
    {
        Dispatcher.CheckSameDevice(this, value);
        // Advanced indexing (index_put_) wants matching dtypes for tensor values; C# numbers convert.
        if (!value.IsWrappedNumber && value.dtype != dtype && indices.Any(i => i.kind == TensorIndex.Kind.Tensor))
            throw new ArgumentException($"Index put requires the source and destination dtypes match, got {DTypes.ShortName(dtype)} for the destination and {DTypes.ShortName(value.dtype)} for the source.");
        if (!(GradMode.IsEnabled && (requires_grad || value.requires_grad)))
        {
            IndexPutRaw(indices, value);
            return;
        }
        CheckInPlaceWithGrad();
        var prev = PreviousHistoryView();
        IndexPutRaw(indices, value);
        // PyTorch: advanced indices write through index_put_ (IndexPutBackward0); basic ones through a view (CopySlices).
        bool advanced = Array.Exists(indices, ix => ix.kind == TensorIndex.Kind.Tensor);
        var node = new FunctionNode(advanced ? "IndexPutBackward0" : "CopySlices", (gs, _) =>
        {
            var g = gs[0]!;
            var gSelf = g.clone();
            gSelf.IndexPutRaw(indices, torch.zeros([], g.dtype));
            var gValue = g[indices];
            return [gSelf, gValue];
        }, []);
        Recorder.Attach(node, [prev, value]);
        SetHistory(node);
    }

    /// <summary>Indices of non-zero elements, one row per element: shape [n, dim].</summary>
    public Tensor nonzero()
    {
        // Index values decide offsets and bounds errors on the host: a device mask costs one transfer, as PyTorch's nonzero does.
        var b = Dispatcher.ReadMask(dtype == ScalarType.Bool ? this : ne(0.0));
        long n = b.LongLength;
        var hits = new List<long>();
        for (long i = 0; i < n; i++) if (b[i]) hits.Add(i);
        int rank = Shape.Length;
        var o = new long[hits.Count * rank];
        var strides = Shapes.ContiguousStrides(Shape);
        for (int h = 0; h < hits.Count; h++)
        {
            long rem = hits[h];
            for (int d = 0; d < rank; d++) { o[h * rank + d] = rem / strides[d]; rem %= Math.Max(strides[d], 1); }
        }
        var r = Dispatcher.Adopt(o, ScalarType.Int64, [hits.Count, rank]);
        return device.type == DeviceType.CPU ? r : r.to(device);
    }

    /// <summary>The elements where <paramref name="mask"/> is true, as a 1-D tensor.</summary>
    public Tensor masked_select(Tensor mask)
    {
        var shape = Shapes.Broadcast(Shape, mask.Shape);
        return expand(shape)[mask.expand(shape)];
    }

    /// <summary>A copy with <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
    public Tensor masked_fill(Tensor mask, double value)
    {
        // uint8 masks are accepted (deprecated in PyTorch 1.13, but still working).
        if (mask.dtype != ScalarType.Bool && mask.dtype != ScalarType.Byte)
            throw new ArgumentException($"masked_fill_ only supports boolean masks, but got mask with dtype {DTypes.Name(mask.dtype)[6..]}");
        var m = mask.dtype == ScalarType.Bool ? mask : mask.ne(0.0);
        // Out of place, self broadcasts with the mask (the result can be larger than self).
        var r = Dispatcher.Where(m, Dispatcher.Cast(torch.WrappedScalar(value), dtype), detach());
        r = Dispatcher.Cast(r, dtype);
        return Recorder.Record(r, "MaskedFillBackward0", [this], [], (g, _) => [g.masked_fill(m, 0)]);
    }

    /// <summary>Writes <paramref name="value"/> where <paramref name="mask"/> is true, in place.</summary>
    public Tensor masked_fill_(Tensor mask, double value) => !BroadcastsTo(mask.Shape, Shape)
        ? throw new ArgumentException($"The size of tensor a ({Shapes.Str(Shape)}) must match the size of tensor b ({Shapes.Str(mask.Shape)})")
        : InPlace("masked_fill_", dtype, t => t.masked_fill(mask, value), () => Dispatcher.CopyInto(this, masked_fill(mask, value)));

    /// <summary>Picks entries along a dim by an int64 index vector.</summary>
    public Tensor index_select(long dim, Tensor index)
    {
        if (index.Shape.Length > 1) throw new IndexOutOfRangeException("index_select(): Index is supposed to be a vector");
        if (index.dtype != ScalarType.Int64 && index.dtype != ScalarType.Int32)
            throw new ArgumentException("index_select(): Expected dtype int32 or int64 for index");
        int d = Shapes.WrapDim(dim, Shape.Length);
        long size = Shape.Length == 0 ? 1 : Shape[d];
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
        using (torch.no_grad()) r = this[idx];
        var inShape = Shape;
        return Recorder.Record(r, "IndexSelectBackward0", [this], [], (g, _) =>
        {
            var z = torch.zeros(inShape, g.dtype, g.device);
            z.IndexPutRaw(idx, g, accumulate: true);
            return [z];
        });
    }

    /// <summary>Offsets into <paramref name="t"/> for every position of <paramref name="index"/>, with the dim coordinate replaced by the index value.</summary>
    private static long[] ScatterGatherOffsets(Tensor t, int dim, Tensor index, string op)
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
    public Tensor gather(long dim, Tensor index)
    {
        int d = Shapes.WrapDim(dim, Shape.Length);
        var offsets = ScatterGatherOffsets(this, d, index, "gather");
        var r = Tensor.Empty((long[])index.Shape.Clone(), dtype, device);
        Dispatcher.Take(this, offsets, r);
        var inShape = Shape;
        return Recorder.Record(r, "GatherBackward0", [this], [index], (g, s) => [torch.zeros(inShape, g.dtype, g.device).scatter_add(d, s[0], g)]);
    }

    private Tensor ScatterImpl(long dim, Tensor index, Tensor src, bool accumulate, string name)
    {
        int d = Shapes.WrapDim(dim, Shape.Length);
        if (!src.IsWrappedNumber && src.dtype != dtype)
            throw new ArgumentException("scatter(): Expected self.dtype to be equal to src.dtype");
        // A scalar value (a wrapped number lives on the CPU) goes to self's device.
        if (src.IsWrappedNumber && src.device != device) src = src.to(device);
        if (!src.IsWrappedNumber && src.Shape.Length == index.Shape.Length)
            for (int k = 0; k < index.Shape.Length; k++)
                if (index.Shape[k] > src.Shape[k] || (k != d && index.Shape[k] > Shape[k]))
                    throw new ArgumentException($"Expected index {Shapes.Str(index.Shape)} to be smaller than self {Shapes.Str(Shape)} apart from dimension {d} and to be smaller size than src {Shapes.Str(src.Shape)}");
        var r = Dispatcher.Contiguous(detach());
        var offsets = ScatterGatherOffsets(r, d, index, name);
        // Values come from src at the index's positions (src may be larger than index).
        var srcAt = src.Shape.Length == 0 ? src.expand(index.Shape) : src.detach().Slices(index.Shape);
        var values = Dispatcher.Contiguous(Dispatcher.Cast(srcAt, dtype));
        Dispatcher.Put(r, offsets, values, accumulate);
        var srcShape = src.Shape;
        return Recorder.Record(r, accumulate ? "ScatterAddBackward0" : "ScatterBackward0", [this, src], [index], (g, s) =>
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
    private Tensor Slices(long[] sizes)
    {
        var v = this;
        for (int d = 0; d < sizes.Length; d++) v = v.Slice(d, 0, sizes[d], 1);
        return v;
    }

    /// <summary>A copy with src values written at index positions along a dim.</summary>
    public Tensor scatter(long dim, Tensor index, Tensor src) => ScatterImpl(dim, index, src, false, "scatter");
    /// <summary>A copy with one value written at index positions along a dim.</summary>
    public Tensor scatter(long dim, Tensor index, double value) => ScatterImpl(dim, index, torch.WrappedScalar(value), false, "scatter");
    /// <summary>A copy with src values added at index positions along a dim.</summary>
    public Tensor scatter_add(long dim, Tensor index, Tensor src) => ScatterImpl(dim, index, src, true, "scatter_add");
    /// <summary>Writes src values at index positions along a dim, in place.</summary>
    public Tensor scatter_(long dim, Tensor index, Tensor src) => InPlace("scatter_", dtype, t => t.scatter(dim, index, src), () => Dispatcher.CopyInto(this, detach().scatter(dim, index, src.detach())), src);
    /// <summary>Writes one value at index positions along a dim, in place.</summary>
    public Tensor scatter_(long dim, Tensor index, double value) => InPlace("scatter_", dtype, t => t.scatter(dim, index, value), () => Dispatcher.CopyInto(this, detach().scatter(dim, index, value)));
    /// <summary>Adds src values at index positions along a dim, in place.</summary>
    public Tensor scatter_add_(long dim, Tensor index, Tensor src) => InPlace("scatter_add_", dtype, t => t.scatter_add(dim, index, src), () => Dispatcher.CopyInto(this, detach().scatter_add(dim, index, src.detach())), src);
}
