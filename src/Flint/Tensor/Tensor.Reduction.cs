using Flint.Backends;
using Flint.Ops;

namespace Flint;

public partial class Tensor
{
    /// <summary>
    /// Lays the elements out as a dense [rows, n] block with the reduced dims last, converted
    /// to <paramref name="compute"/>; also returns the result shapes with and without kept dims.
    /// </summary>
    private (Tensor block, int rows, int n, long[] keepShape, long[] outShape) ReduceLayout(long[]? dims, bool keepdim, ScalarType compute)
    {
        int rank = Shape.Length;
        var reduced = new bool[Math.Max(rank, 1)];
        if (dims is null || dims.Length == 0) Array.Fill(reduced, true);
        else
            foreach (var d in dims)
            {
                int w = Shapes.WrapDim(d, rank);
                if (reduced[w]) throw new ArgumentException($"dim {w} appears multiple times in the list of dims");
                reduced[w] = true;
            }
        var perm = new List<long>();
        var keepShape = new List<long>();
        var outShape = new List<long>();
        long rows = 1, n = 1;
        for (int i = 0; i < rank; i++)
            if (!reduced[i]) { perm.Add(i); rows *= Shape[i]; keepShape.Add(Shape[i]); outShape.Add(Shape[i]); }
            else keepShape.Add(1);
        for (int i = 0; i < rank; i++)
            if (reduced[i]) { perm.Add(i); n *= Shape[i]; if (keepdim) outShape.Add(1); }
        if (keepdim) outShape = keepShape;
        Tensor block;
        using (torch.no_grad())
        {
            var p = rank == 0 ? detach() : detach().permute(perm.ToArray());
            block = Dispatcher.Cast(p, compute);
            if (ReferenceEquals(block, p) || !block.is_contiguous() || block.Offset != 0) block = Dispatcher.Contiguous(block);
        }
        return (block, (int)rows, (int)n, keepShape.ToArray(), outShape.ToArray());
    }

    private static ScalarType AccumulateType(ScalarType t) =>
        t == ScalarType.Float64 ? ScalarType.Float64 : DTypes.IsFloatingPoint(t) ? ScalarType.Float32 : ScalarType.Int64;

    /// <summary>Expands a reduced gradient back over the reduced dims.</summary>
    private static Tensor ExpandBack(Tensor g, long[] keepShape, long[] inputShape) => g.reshape(keepShape).expand(inputShape);

    private Tensor SumImpl(long[]? dims, bool keepdim, ScalarType? dtype)
    {
        var resultType = dtype ?? (DTypes.IsIntegral(this.dtype, true) ? ScalarType.Int64 : this.dtype);
        var acc = AccumulateType(resultType);
        var (block, rows, n, keepShape, outShape) = ReduceLayout(dims, keepdim, acc);
        var r = Tensor.Empty(outShape, acc, device);
        Dispatcher.Reduce(ReduceKind.Sum, acc, block, rows, n, r);
        r = Dispatcher.Cast(r, resultType);
        var inShape = Shape;
        return Recorder.Record(r, dims is null ? "SumBackward0" : "SumBackward1", [this], [], (g, _) => [ExpandBack(g, keepShape, inShape)]);
    }

    /// <summary>Sum of all elements (integers sum to int64).</summary>
    public Tensor sum(ScalarType? dtype = null) => SumImpl(null, false, dtype);
    /// <summary>Sum over one dim.</summary>
    public Tensor sum(long dim, bool keepdim = false, ScalarType? dtype = null) => SumImpl([dim], keepdim, dtype);
    /// <summary>Sum over one dim. This <c>int</c> overload makes <c>sum(0)</c> mean dim 0: C# would otherwise convert the literal 0 to a dtype.</summary>
    public Tensor sum(int dim, bool keepdim = false, ScalarType? dtype = null) => SumImpl([dim], keepdim, dtype);
    /// <summary>Sum over several dims.</summary>
    public Tensor sum(long[] dim, bool keepdim = false, ScalarType? dtype = null) => SumImpl(dim, keepdim, dtype);

    private Tensor MeanImpl(long[]? dims, bool keepdim, ScalarType? dtype)
    {
        var resultType = dtype ?? this.dtype;
        if (!DTypes.IsFloatingPoint(resultType))
            throw new ArgumentException($"mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {DTypes.ShortName(resultType)}");
        Tensor s;
        using (torch.no_grad()) s = detach().SumImpl(dims, keepdim, resultType);
        // n = how many elements each output averages (0 for an empty input: the mean is NaN, as in PyTorch).
        long outCount = s.numel();
        long n = outCount == 0 ? 0 : numel() / Math.Max(outCount, 1);
        if (dims is not null && dims.Length > 0 && Shape.Length > 0) { n = 1; foreach (var d in dims) n *= Shape[Shapes.WrapDim(d, Shape.Length)]; }
        Tensor r;
        using (torch.no_grad()) r = s / (double)n;
        var keepShape = KeepShape(dims);
        var inShape = Shape;
        return Recorder.Record(r, dims is null ? "MeanBackward0" : "MeanBackward1", [this], [], (g, _) => [ExpandBack(g, keepShape, inShape) / (double)n]);
    }

    private long[] KeepShape(long[]? dims)
    {
        var keep = (long[])Shape.Clone();
        if (dims is null || dims.Length == 0) Array.Fill(keep, 1L);
        else foreach (var d in dims) { int w = Shapes.WrapDim(d, Shape.Length); if (keep.Length > 0) keep[w] = 1; }
        return keep;
    }

    /// <summary>Mean of all elements (floating tensors only, as in PyTorch).</summary>
    public Tensor mean(ScalarType? dtype = null) => MeanImpl(null, false, dtype);
    /// <summary>Mean over one dim.</summary>
    public Tensor mean(long dim, bool keepdim = false, ScalarType? dtype = null) => MeanImpl([dim], keepdim, dtype);
    /// <summary>Mean over one dim (the <c>int</c> overload keeps <c>mean(0)</c> from binding to the dtype overload).</summary>
    public Tensor mean(int dim, bool keepdim = false, ScalarType? dtype = null) => MeanImpl([dim], keepdim, dtype);
    /// <summary>Mean over several dims.</summary>
    public Tensor mean(long[] dim, bool keepdim = false, ScalarType? dtype = null) => MeanImpl(dim, keepdim, dtype);

    private Tensor ProdImpl(long[]? dims, bool keepdim)
    {
        var resultType = DTypes.IsIntegral(dtype, true) ? ScalarType.Int64 : dtype;
        var acc = AccumulateType(resultType);
        var (block, rows, n, keepShape, outShape) = ReduceLayout(dims, keepdim, acc);
        var r = Tensor.Empty(outShape, acc, device);
        Dispatcher.Reduce(ReduceKind.Prod, acc, block, rows, n, r);
        r = Dispatcher.Cast(r, resultType);
        var inShape = Shape;
        return Recorder.Record(r, dims is null ? "ProdBackward0" : "ProdBackward1", [this], [this, r], (g, s) =>
        {
            // d prod / d x_i = prod / x_i where x_i != 0; with zeros, the product of the others.
            var x = s[0];
            var p = ExpandBack(s[1], keepShape, inShape);
            var gg = ExpandBack(g, keepShape, inShape);
            var zero = x.eq(0.0);
            if (!zero.any().item<bool>()) return [gg * p / x];
            var others = torch.where(zero, torch.ones_like(x), x);
            var prodOthers = ExpandBack(others.ProdImpl(dims, true), keepShape, inShape);
            var zeroCount = ExpandBack(zero.to(ScalarType.Int64).SumImpl(dims, true, null), keepShape, inShape);
            var safe = torch.where(zero, prodOthers * (zeroCount.eq(1.0)).to(x.dtype), p / others);
            return [gg * safe];
        });
    }

    /// <summary>Product of all elements.</summary>
    public Tensor prod(ScalarType? dtype = null) => dtype is { } d ? to(d).ProdImpl(null, false) : ProdImpl(null, false);
    /// <summary>Product over one dim.</summary>
    public Tensor prod(long dim, bool keepdim = false) => ProdImpl([dim], keepdim);
    /// <summary>Product over one dim (the <c>int</c> overload keeps <c>prod(0)</c> from binding to the dtype overload).</summary>
    public Tensor prod(int dim, bool keepdim = false) => ProdImpl([dim], keepdim);

    private (Tensor values, Tensor indices, long[] keepShape) ExtremeImpl(long[]? dims, bool keepdim, bool max, string name)
    {
        // Only an empty reduction is an error: max over dim 1 of a [0, 3] tensor is simply empty.
        if (dims is null && numel() == 0)
            throw new ArgumentException($"{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        if (dims is not null && Shape.Length > 0 && Shape[Shapes.WrapDim(dims[0], Shape.Length)] == 0)
            throw new ArgumentException($"{name}(): Expected reduction dim {dims[0]} to have non-zero size.");
        var compute = dtype == ScalarType.Bool ? ScalarType.Int64 : AccumulateType(dtype);
        var (block, rows, n, keepShape, outShape) = ReduceLayout(dims, keepdim, compute);
        var values = Tensor.Empty(outShape, compute, device);
        var indices = Tensor.Empty((long[])outShape.Clone(), ScalarType.Int64, device);
        Dispatcher.Reduce(max ? ReduceKind.Max : ReduceKind.Min, compute, block, rows, n, values, indices);
        return (Dispatcher.Cast(values, dtype), indices, keepShape);
    }

    private Tensor ExtremeAll(bool max)
    {
        var (v, _, keepShape) = ExtremeImpl(null, false, max, max ? "max" : "min");
        var inShape = Shape;
        return Recorder.Record(v, max ? "MaxBackward1" : "MinBackward1", [this], [this, v], (g, s) =>
        {
            // Ties share the gradient evenly, as PyTorch does for a full max/min.
            var mask = s[0].eq(s[1]).to(g.dtype);
            return [mask * (g / mask.sum())];
        });
    }

    private (Tensor values, Tensor indexes) ExtremeDim(long dim, bool keepdim, bool max)
    {
        var (v, idx, keepShape) = ExtremeImpl([dim], keepdim, max, max ? "max" : "min");
        int d = Shapes.WrapDim(dim, Shape.Length);
        var inShape = Shape;
        if (!Recorder.Needed(this)) return (v, idx);
        var outs = Recorder.RecordMulti([v, idx], max ? "MaxBackward0" : "MinBackward0", [this], [idx], (gs, s) =>
        {
            var g = gs[0];
            if (g is null) return [null];
            var z = torch.zeros(inShape, g.dtype, g.device);
            return [z.scatter(d, s[0].reshape(keepShape), g.reshape(keepShape))];
        });
        return (outs[0], outs[1]);
    }

    /// <summary>The largest element (NaN if any).</summary>
    public Tensor max() => ExtremeAll(true);
    /// <summary>The smallest element (NaN if any).</summary>
    public Tensor min() => ExtremeAll(false);
    /// <summary>Largest values along a dim and their indices.</summary>
    public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => ExtremeDim(dim, keepdim, true);
    /// <summary>Smallest values along a dim and their indices.</summary>
    public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => ExtremeDim(dim, keepdim, false);
    /// <summary>Elementwise maximum with another tensor (alias of <see cref="maximum"/>).</summary>
    public Tensor max(Tensor other) => maximum(other);
    /// <summary>Elementwise minimum with another tensor (alias of <see cref="minimum"/>).</summary>
    public Tensor min(Tensor other) => minimum(other);
    /// <summary>Largest values over dims (no indices).</summary>
    public Tensor amax(long dim, bool keepdim = false) => AExtreme(dim, keepdim, true);
    /// <summary>Smallest values over dims (no indices).</summary>
    public Tensor amin(long dim, bool keepdim = false) => AExtreme(dim, keepdim, false);

    private Tensor AExtreme(long dim, bool keepdim, bool max)
    {
        Tensor v;
        using (torch.no_grad()) v = ExtremeDim(dim, keepdim, max).values;
        var keepShape = KeepShape([dim]);
        var inShape = Shape;
        int d = Shapes.WrapDim(dim, Shape.Length);
        // Unlike max(dim), amax/amin share the gradient evenly among tied extremes.
        return Recorder.Record(v, max ? "AmaxBackward0" : "AminBackward0", [this], [this, v], (g, s) =>
        {
            var mask = s[0].eq(ExpandBack(s[1], keepShape, inShape)).to(g.dtype);
            return [ExpandBack(g, keepShape, inShape) * mask / ExpandBack(mask.SumImpl([d], true, null), keepShape, inShape)];
        });
    }

    /// <summary>Index of the largest element of the flattened tensor.</summary>
    public Tensor argmax() => ExtremeImpl(null, false, true, "argmax").indices;
    /// <summary>Index of the smallest element of the flattened tensor.</summary>
    public Tensor argmin() => ExtremeImpl(null, false, false, "argmin").indices;
    /// <summary>Indices of the largest values along a dim.</summary>
    public Tensor argmax(long dim, bool keepdim = false) => ExtremeImpl([dim], keepdim, true, "argmax").indices;
    /// <summary>Indices of the smallest values along a dim.</summary>
    public Tensor argmin(long dim, bool keepdim = false) => ExtremeImpl([dim], keepdim, false, "argmin").indices;

    private Tensor VarImpl(long[]? dims, bool keepdim, double correction, bool std = false)
    {
        if (!IsFloating) throw new ArgumentException($"std and var only support floating point and complex dtypes");
        Tensor r;
        double denom;
        using (torch.no_grad())
        {
            var mu = MeanImpl(dims, true, null);
            var dev = this - mu;
            denom = Math.Max(numel() / Math.Max(mu.numel(), 1) - correction, 0);
            r = (dev * dev).SumImpl(dims, keepdim, null) / denom;
            if (std) r = r.sqrt();
        }
        // One node, as PyTorch: d var/dx = 2 (x - mean) / (n - correction); d std/dx = (x - mean) / ((n - correction) std).
        var keepShape = KeepShape(dims);
        var inShape = Shape;
        return Recorder.Record(r, std ? "StdBackward0" : "VarBackward0", [this], std ? [this, r] : [this], (g, s) =>
        {
            var x = s[0];
            var dev = x - x.MeanImpl(dims, true, null);
            var gg = ExpandBack(g, keepShape, inShape);
            return [std ? gg * dev / (ExpandBack(s[1], keepShape, inShape) * denom) : gg * dev * (2.0 / denom)];
        });
    }

    /// <summary>Variance of all elements (Bessel-corrected by default).</summary>
    public Tensor var(bool unbiased = true) => VarImpl(null, false, unbiased ? 1 : 0);
    /// <summary>Variance along a dim.</summary>
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => VarImpl([dim], keepdim, unbiased ? 1 : 0);
    /// <summary>Variance over dims.</summary>
    public Tensor var(long[] dim, bool unbiased = true, bool keepdim = false) => VarImpl(dim, keepdim, unbiased ? 1 : 0);
    /// <summary>Standard deviation of all elements.</summary>
    public Tensor std(bool unbiased = true) => VarImpl(null, false, unbiased ? 1 : 0, std: true);
    /// <summary>Standard deviation along a dim.</summary>
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => VarImpl([dim], keepdim, unbiased ? 1 : 0, std: true);
    /// <summary>Standard deviation over dims.</summary>
    public Tensor std(long[] dim, bool unbiased = true, bool keepdim = false) => VarImpl(dim, keepdim, unbiased ? 1 : 0, std: true);

    /// <summary>The p-norm of all elements (p = 2 by default; p = ∞ is the largest magnitude).</summary>
    public Tensor norm(double p = 2) => NormImpl(p, null, false);
    /// <summary>The p-norm along dims.</summary>
    public Tensor norm(double p, long[] dim, bool keepdim = false) => NormImpl(p, dim, keepdim);
    /// <summary>The p-norm along a dim.</summary>
    public Tensor norm(long dim, double p = 2, bool keepdim = false) => NormImpl(p, [dim], keepdim);

    private Tensor NormImpl(double p, long[]? dims, bool keepdim)
    {
        var x = IsFloating ? this : to(torch.get_default_dtype());
        Tensor r;
        using (torch.no_grad())
        {
            if (double.IsPositiveInfinity(p))
            {
                r = x.abs();
                if (dims is null) r = r.max();
                else // the largest magnitude over every listed dim: reduce them one at a time, innermost first
                    foreach (var d in dims.Select(d => Shapes.WrapDim(d, Shape.Length)).OrderDescending()) r = r.amax(d, keepdim);
            }
            else if (p == 2) r = (x * x).SumImpl(dims, keepdim, null).sqrt();
            else if (p == 1) r = x.abs().SumImpl(dims, keepdim, null);
            else r = x.abs().pow(p).SumImpl(dims, keepdim, null).pow(1.0 / p);
        }
        var keepShape = x.KeepShape(dims);
        var inShape = x.Shape;
        return Recorder.Record(r, "NormBackward1", [x], [x, r], (g, s) =>
        {
            // d‖x‖p/dx = sign(x) |x|^(p-1) / ‖x‖p^(p-1); 0 where the norm is 0; ∞-norm: shared among the largest |x|.
            var v = s[0];
            var norm = ExpandBack(s[1], keepShape, inShape);
            var gg = ExpandBack(g, keepShape, inShape);
            Tensor d;
            if (p == 0) d = torch.zeros_like(v);
            else if (p == 1) d = v.sign();
            else if (double.IsPositiveInfinity(p))
            {
                var mask = v.abs().eq(norm).to(v.dtype);
                d = v.sign() * mask / ExpandBack(mask.SumImpl(dims, true, null), keepShape, inShape);
            }
            else
            {
                var safe = torch.where(norm.eq(0.0), torch.ones_like(norm), norm);
                var ratio = p == 2 ? v / safe : v.sign() * (v.abs() / safe).pow(p - 1);
                d = torch.where(norm.eq(0.0), torch.zeros_like(v), ratio);
            }
            return [gg * d];
        });
    }

    private Tensor AllAny(long[]? dims, bool keepdim, bool all)
    {
        var b = dtype == ScalarType.Bool ? this : ne(0.0);
        var (block, rows, n, _, outShape) = b.ReduceLayout(dims, keepdim, ScalarType.Bool);
        var r = Tensor.Empty(outShape, ScalarType.Bool, device);
        Dispatcher.Reduce(all ? ReduceKind.All : ReduceKind.Any, ScalarType.Bool, block, rows, n, r);
        // PyTorch keeps uint8 for uint8 input (a legacy of masks being uint8).
        return dtype == ScalarType.Byte ? Dispatcher.Cast(r, ScalarType.Byte) : r;
    }

    /// <summary>True when every element is non-zero.</summary>
    public Tensor all() => AllAny(null, false, true);
    /// <summary>True when any element is non-zero.</summary>
    public Tensor any() => AllAny(null, false, false);
    /// <summary>All along a dim.</summary>
    public Tensor all(long dim, bool keepdim = false) => AllAny([dim], keepdim, true);
    /// <summary>Any along a dim.</summary>
    public Tensor any(long dim, bool keepdim = false) => AllAny([dim], keepdim, false);

    /// <summary>The number of non-zero elements (along a dim when given).</summary>
    public Tensor count_nonzero(long? dim = null) => dim is { } d ? ne(0.0).SumImpl([d], false, null) : ne(0.0).SumImpl(null, false, null);
}
