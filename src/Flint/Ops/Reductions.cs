using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// Reductions (sum, mean, prod, max/min, argmax/argmin, amax/amin, var/std, norm, all/any): each lays
/// the input out as a dense [rows, n] block with the reduced dims last, runs one
/// <see cref="Dispatcher.Reduce"/> primitive (or composes other ops) and records its backward beside it.
/// Written as extension methods so that formulas read like the tensor code they are (x.SumImpl(...)).
/// </summary>
internal static class Reductions
{
    /// <summary>
    /// Lays the elements out as a dense [rows, n] block with the reduced dims last, converted
    /// to <paramref name="compute"/>; also returns the result shapes with and without kept dims.
    /// </summary>
    public static (Tensor block, int rows, int n, long[] keepShape, long[] outShape) ReduceLayout(this Tensor self, long[]? dims, bool keepdim, ScalarType compute)
    {
        int rank = self.Shape.Length;
        var reduced = new bool[Math.Max(rank, 1)];
        if (dims is null || dims.Length == 0) Array.Fill(reduced, true);
        else
            foreach (var d in dims)
            {
                int w = Shapes.WrapDim(d, rank);
                if (reduced[w]) throw new ArgumentException($"dim {w} appears multiple times in the list of dims");
                reduced[w] = true;
            }
        var perm = new long[rank];
        var keepShape = new long[rank];
        int kept = 0, p = 0;
        long rows = 1, n = 1;
        for (int i = 0; i < rank; i++)
            if (!reduced[i]) { perm[p++] = i; rows *= self.Shape[i]; keepShape[i] = self.Shape[i]; kept++; }
            else keepShape[i] = 1;
        bool identity = true;
        for (int i = 0; i < rank; i++)
            if (reduced[i]) { perm[p++] = i; n *= self.Shape[i]; }
        long[] outShape;
        if (keepdim) outShape = keepShape;
        else
        {
            outShape = kept == 0 ? [] : new long[kept];
            for (int i = 0, j = 0; i < rank; i++) if (!reduced[i]) outShape[j++] = self.Shape[i];
        }
        for (int i = 0; i < rank && identity; i++) identity = perm[i] == i;
        // The dispatcher records nothing, so the input itself serves as the block when its reduced
        // dims are already last and it is dense from offset 0; otherwise a permuted, dense copy.
        var laidOut = identity ? self : self.detach().permute(perm);
        var block = Dispatcher.Cast(laidOut, compute);
        if (!block.is_contiguous() || block.Offset != 0) block = Dispatcher.Contiguous(block);
        return (block, (int)rows, (int)n, keepShape, outShape);
    }

    public static ScalarType AccumulateType(ScalarType t) =>
        t == ScalarType.Float64 ? ScalarType.Float64 : DTypes.IsFloatingPoint(t) ? ScalarType.Float32 : ScalarType.Int64;

    /// <summary>Expands a reduced gradient back over the reduced dims.</summary>
    public static Tensor ExpandBack(Tensor g, long[] keepShape, long[] inputShape) => g.reshape(keepShape).expand(inputShape);

    public static Tensor SumImpl(this Tensor self, long[]? dims, bool keepdim, ScalarType? dtype)
    {
        var resultType = dtype ?? (DTypes.IsIntegral(self.dtype, true) ? ScalarType.Int64 : self.dtype);
        var acc = AccumulateType(resultType);
        Tensor r;
        long[] keepShape;
        if (LeadingSum(self, dims, keepdim, acc) is { } leading) (r, keepShape) = leading;
        else
        {
            (var block, int rows, int n, keepShape, var outShape) = self.ReduceLayout(dims, keepdim, acc);
            r = Tensor.Empty(outShape, acc, self.device);
            Dispatcher.Reduce(ReduceKind.Sum, acc, block, rows, n, r);
        }
        r = Dispatcher.Cast(r, resultType);
        var inShape = self.Shape;
        return Recorder.Record(r, dims is null ? "SumBackward0" : "SumBackward1", [self], [], (g, _) => [ExpandBack(g, keepShape, inShape)]);
    }


    /// <summary>
    /// The sum over a leading run of dims of a contiguous float tensor (a bias gradient: [batch, ..., features] summed
    /// to [features]), as column sums read in place; null when the layout is another.
    /// </summary>
    private static (Tensor result, long[] keepShape)? LeadingSum(Tensor self, long[]? dims, bool keepdim, ScalarType acc)
    {
        int rank = self.Shape.Length;
        // Floats only: integer sums accumulate in int64 through the row kernels.
        if (acc is not (ScalarType.Float32 or ScalarType.Float64)) return null;
        if (dims is null || dims.Length == 0 || dims.Length >= rank || self.dtype != acc || !self.is_contiguous()) return null;
        var reduced = new bool[rank];
        foreach (var d in dims)
        {
            int w = Shapes.WrapDim(d, rank);
            if (reduced[w]) return null; // the general path reports the duplicate
            reduced[w] = true;
        }
        int prefix = dims.Length;
        for (int i = 0; i < prefix; i++) if (!reduced[i]) return null;
        long outer = 1, inner = 1;
        for (int i = 0; i < prefix; i++) outer *= self.Shape[i];
        for (int i = prefix; i < rank; i++) inner *= self.Shape[i];
        // Narrow rows gain nothing from column sums; empty inputs take the general path.
        if (outer < 2 || inner < 16 || outer > int.MaxValue || inner > int.MaxValue) return null;
        var keepShape = (long[])self.Shape.Clone();
        for (int i = 0; i < prefix; i++) keepShape[i] = 1;
        var r = Tensor.Empty(keepdim ? keepShape : self.Shape[prefix..], acc, self.device);
        Dispatcher.SumOuter(self, (int)outer, (int)inner, r);
        return (r, keepShape);
    }

    public static Tensor MeanImpl(this Tensor self, long[]? dims, bool keepdim, ScalarType? dtype)
    {
        var resultType = dtype ?? self.dtype;
        if (!DTypes.IsFloatingPoint(resultType))
            throw new ArgumentException($"mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {DTypes.ShortName(resultType)}");
        Tensor s;
        using (torch.no_grad()) s = self.detach().SumImpl(dims, keepdim, resultType);
        // n = how many elements each output averages (0 for an empty input: the mean is NaN, as in PyTorch).
        long outCount = s.numel();
        long n = outCount == 0 ? 0 : self.numel() / Math.Max(outCount, 1);
        if (dims is not null && dims.Length > 0 && self.Shape.Length > 0) { n = 1; foreach (var d in dims) n *= self.Shape[Shapes.WrapDim(d, self.Shape.Length)]; }
        Tensor r;
        using (torch.no_grad()) r = s / (double)n;
        var keepShape = self.KeepShape(dims);
        var inShape = self.Shape;
        return Recorder.Record(r, dims is null ? "MeanBackward0" : "MeanBackward1", [self], [], (g, _) => [ExpandBack(g, keepShape, inShape) / (double)n]);
    }

    public static long[] KeepShape(this Tensor self, long[]? dims)
    {
        var keep = (long[])self.Shape.Clone();
        if (dims is null || dims.Length == 0) Array.Fill(keep, 1L);
        else foreach (var d in dims) { int w = Shapes.WrapDim(d, self.Shape.Length); if (keep.Length > 0) keep[w] = 1; }
        return keep;
    }


    public static Tensor ProdImpl(this Tensor self, long[]? dims, bool keepdim)
    {
        var resultType = DTypes.IsIntegral(self.dtype, true) ? ScalarType.Int64 : self.dtype;
        var acc = AccumulateType(resultType);
        var (block, rows, n, keepShape, outShape) = self.ReduceLayout(dims, keepdim, acc);
        var r = Tensor.Empty(outShape, acc, self.device);
        Dispatcher.Reduce(ReduceKind.Prod, acc, block, rows, n, r);
        r = Dispatcher.Cast(r, resultType);
        var inShape = self.Shape;
        return Recorder.Record(r, dims is null ? "ProdBackward0" : "ProdBackward1", [self], [self, r], (g, s) =>
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


    public static (Tensor values, Tensor indices, long[] keepShape) ExtremeImpl(this Tensor self, long[]? dims, bool keepdim, bool max, string name)
    {
        // Only an empty reduction is an error: max over dim 1 of a [0, 3] tensor is simply empty.
        if (dims is null && self.numel() == 0)
            throw new ArgumentException($"{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        if (dims is not null && self.Shape.Length > 0 && self.Shape[Shapes.WrapDim(dims[0], self.Shape.Length)] == 0)
            throw new ArgumentException($"{name}(): Expected reduction dim {dims[0]} to have non-zero size.");
        var compute = self.dtype == ScalarType.Bool ? ScalarType.Int64 : AccumulateType(self.dtype);
        var (block, rows, n, keepShape, outShape) = self.ReduceLayout(dims, keepdim, compute);
        var values = Tensor.Empty(outShape, compute, self.device);
        var indices = Tensor.Empty((long[])outShape.Clone(), ScalarType.Int64, self.device);
        Dispatcher.Reduce(max ? ReduceKind.Max : ReduceKind.Min, compute, block, rows, n, values, indices);
        return (Dispatcher.Cast(values, self.dtype), indices, keepShape);
    }

    public static Tensor ExtremeAll(this Tensor self, bool max)
    {
        var (v, _, keepShape) = self.ExtremeImpl(null, false, max, max ? "max" : "min");
        var inShape = self.Shape;
        return Recorder.Record(v, max ? "MaxBackward1" : "MinBackward1", [self], [self, v], (g, s) =>
        {
            // Ties share the gradient evenly, as PyTorch does for a full max/min.
            var mask = s[0].eq(s[1]).to(g.dtype);
            return [mask * (g / mask.sum())];
        });
    }

    public static (Tensor values, Tensor indexes) ExtremeDim(this Tensor self, long dim, bool keepdim, bool max)
    {
        var (v, idx, keepShape) = self.ExtremeImpl([dim], keepdim, max, max ? "max" : "min");
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        var inShape = self.Shape;
        if (!Recorder.Needed(self)) return (v, idx);
        var outs = Recorder.RecordMulti([v, idx], max ? "MaxBackward0" : "MinBackward0", [self], [idx], (gs, s) =>
        {
            var g = gs[0];
            if (g is null) return [null];
            var z = torch.zeros(inShape, g.dtype, g.device);
            return [z.scatter(d, s[0].reshape(keepShape), g.reshape(keepShape))];
        });
        return (outs[0], outs[1]);
    }


    public static Tensor AExtreme(this Tensor self, long dim, bool keepdim, bool max)
    {
        Tensor v;
        using (torch.no_grad()) v = self.ExtremeDim(dim, keepdim, max).values;
        var keepShape = self.KeepShape([dim]);
        var inShape = self.Shape;
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        // Unlike max(dim), amax/amin share the gradient evenly among tied extremes.
        return Recorder.Record(v, max ? "AmaxBackward0" : "AminBackward0", [self], [self, v], (g, s) =>
        {
            var mask = s[0].eq(ExpandBack(s[1], keepShape, inShape)).to(g.dtype);
            return [ExpandBack(g, keepShape, inShape) * mask / ExpandBack(mask.SumImpl([d], true, null), keepShape, inShape)];
        });
    }


    public static Tensor VarImpl(this Tensor self, long[]? dims, bool keepdim, double correction, bool std = false, string opName = "std and var")
    {
        if (!self.IsFloating) throw new ArgumentException($"{opName} only support floating point and complex dtypes");
        Tensor r;
        double denom;
        using (torch.no_grad())
        {
            var mu = self.MeanImpl(dims, true, null);
            var dev = self - mu;
            denom = Math.Max(self.numel() / Math.Max(mu.numel(), 1) - correction, 0);
            r = (dev * dev).SumImpl(dims, keepdim, null) / denom;
            if (std) r = r.sqrt();
        }
        // One node, as PyTorch: d var/dx = 2 (x - mean) / (n - correction); d std/dx = (x - mean) / ((n - correction) std).
        var keepShape = self.KeepShape(dims);
        var inShape = self.Shape;
        return Recorder.Record(r, std ? "StdBackward0" : "VarBackward0", [self], std ? [self, r] : [self], (g, s) =>
        {
            var x = s[0];
            var dev = x - x.MeanImpl(dims, true, null);
            var gg = ExpandBack(g, keepShape, inShape);
            return [std ? gg * dev / (ExpandBack(s[1], keepShape, inShape) * denom) : gg * dev * (2.0 / denom)];
        });
    }



    public static Tensor NormImpl(this Tensor self, double p, long[]? dims, bool keepdim)
    {
        var x = self.IsFloating ? self : self.to(torch.get_default_dtype());
        Tensor r;
        using (torch.no_grad())
        {
            if (double.IsInfinity(p))
            {
                // ∞: the largest magnitude, -∞: the smallest, over every listed dim (one at a time, innermost first).
                bool max = p > 0;
                r = x.abs();
                if (dims is null) r = max ? r.max() : r.min();
                else
                    foreach (var d in dims.Select(d => Shapes.WrapDim(d, self.Shape.Length)).Distinct().OrderDescending())
                        r = max ? r.amax(d, keepdim) : r.amin(d, keepdim);
            }
            else if (p == 0) r = x.ne(0.0).to(x.dtype).SumImpl(dims, keepdim, null); // the count of non-zeros, as PyTorch
            else if (p == 2) r = (x * x).SumImpl(dims, keepdim, null).sqrt();
            else if (p == 1) r = x.abs().SumImpl(dims, keepdim, null);
            else r = x.abs().pow(p).SumImpl(dims, keepdim, null).pow(1.0 / p);
        }
        var keepShape = x.KeepShape(dims);
        var inShape = x.Shape;
        return Recorder.Record(r, "NormBackward1", [x], [x, r], (g, s) =>
        {
            // d‖x‖p/dx = sign(x) |x|^(p-1) / ‖x‖p^(p-1); 0 where the norm is 0; ±∞-norm: shared among the largest
            // (smallest) |x|; 0-norm: 0.
            var v = s[0];
            var norm = ExpandBack(s[1], keepShape, inShape);
            var gg = ExpandBack(g, keepShape, inShape);
            Tensor d;
            if (p == 0) d = torch.zeros_like(v);
            else if (p == 1) d = v.sign();
            else if (double.IsInfinity(p))
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

    public static Tensor AllAny(this Tensor self, long[]? dims, bool keepdim, bool all)
    {
        var b = self.dtype == ScalarType.Bool ? self : self.ne(0.0);
        var (block, rows, n, _, outShape) = b.ReduceLayout(dims, keepdim, ScalarType.Bool);
        var r = Tensor.Empty(outShape, ScalarType.Bool, self.device);
        Dispatcher.Reduce(all ? ReduceKind.All : ReduceKind.Any, ScalarType.Bool, block, rows, n, r);
        // PyTorch keeps uint8 for uint8 input (a legacy of masks being uint8).
        return self.dtype == ScalarType.Byte ? Dispatcher.Cast(r, ScalarType.Byte) : r;
    }
}
