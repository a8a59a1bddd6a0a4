namespace Flint.Ops;

/// <summary>
/// Searching and counting: searchsorted/bucketize, histc, bincount, unique and unique_consecutive. None is
/// differentiable. searchsorted sorts each row of values together with its boundaries (one stable sort:
/// O((n + m) log(n + m)) per row instead of a search per value), so a value's insertion point is the number of
/// boundaries that sort before it. Counts use scatter_add; only the output sizes of unique, bincount and the
/// data range of histc are read on the host, as PyTorch must too.
/// </summary>
internal static class Counting
{
    /// <summary>PyTorch's searchsorted, with its argument checks.</summary>
    public static Tensor Searchsorted(Tensor sorted, Tensor values, bool out_int32, bool right, string? side, Tensor? sorter)
    {
        if (side is not null)
        {
            if (side != "left" && side != "right")
                throw new ArgumentException($"torch.searchsorted(): side can only be 'left' or 'right' but got {side}");
            if (right && side != "right")
                throw new ArgumentException($"torch.searchsorted(): side and right can't be set to opposites, got side of {side} while right was True");
            right = side == "right";
        }
        if (sorted.device != values.device)
            throw new ArgumentException($"torch.searchsorted(): boundaries and input value tensors should have same device type, but got boundaries tensor device type {sorted.device} and input value tensor device type {values.device}");
        if (sorter is not null)
        {
            if (sorter.dtype != ScalarType.Int64)
                throw new ArgumentException($"torch.searchsorted(): sorter must be a tensor of long dtype but got dtype {DTypes.ShortName(sorter.dtype)}");
            if (!Shapes.SameShape(sorter.Shape, sorted.Shape))
                throw new ArgumentException($"torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor {Shapes.Str(sorted.Shape)}and got sorter tensor {Shapes.Str(sorter.Shape)}");
        }
        if (values.Shape.Length == 0 && sorted.Shape.Length != 1)
            throw new ArgumentException($"torch.searchsorted(): input value can be a scalar only when boundaries tensor dimension is 1, but we got boundaries tensor dim({sorted.Shape.Length}) and input value's dim({values.Shape.Length}) numel({values.numel()})");
        if (sorted.Shape.Length == 0)
            throw new ArgumentException("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension");
        if (sorted.Shape.Length != 1 && !LeadingDimsMatch(sorted.Shape, values.Shape))
            throw new ArgumentException($"torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor {Shapes.Str(sorted.Shape)} and input value tensor {Shapes.Str(values.Shape)}");

        using var _ = torch.no_grad();
        var common = TypePromotion.ResultType(sorted, values);
        var seq = sorter is null ? sorted : sorted.gather(-1, sorter);
        long m = sorted.Shape[^1];
        long n = values.Shape.Length == 0 ? 1 : values.Shape[^1];
        long rows = sorted.Shape.Length == 1 ? 1 : values.numel() / Math.Max(n, 1);
        if (sorted.Shape.Length == 1) n = values.numel();
        var outType = out_int32 ? ScalarType.Int32 : ScalarType.Int64;
        if (values.numel() == 0) return torch.zeros(values.Shape, outType, values.device);
        var b = seq.to(common).reshape(rows, m);
        var v = values.to(common).reshape(rows, n);
        // Left: values first, so a boundary equal to a value sorts after it (counts boundaries < v);
        // right: boundaries first (counts boundaries <= v). The sort is stable.
        var joined = right ? torch.cat([b, v], 1) : torch.cat([v, b], 1);
        var order = joined.sort(1, stable: true).indices;
        var isValue = right ? order >= m : order < n;
        var valuesBefore = isValue.to(ScalarType.Int64).cumsum(1);
        var position = torch.arange(n + m, dtype: ScalarType.Int64, device: values.device).reshape(1, n + m);
        var boundariesBefore = (position + 1 - valuesBefore).masked_select(isValue).reshape(rows, n);
        var valueIndex = order.masked_select(isValue).reshape(rows, n);
        if (right) valueIndex = valueIndex - m;
        var result = torch.zeros([rows, n], ScalarType.Int64, values.device).scatter(1, valueIndex, boundariesBefore);
        return result.reshape(values.Shape).to(outType);
    }

    private static bool LeadingDimsMatch(long[] a, long[] b) =>
        a.Length == b.Length && a.AsSpan(0, a.Length - 1).SequenceEqual(b.AsSpan(0, b.Length - 1));

    /// <summary>torch.bucketize: searchsorted over 1-D boundaries.</summary>
    public static Tensor Bucketize(Tensor input, Tensor boundaries, bool out_int32, bool right)
    {
        if (boundaries.Shape.Length != 1)
            throw new ArgumentException($"boundaries tensor must be 1 dimension, but got dim({boundaries.Shape.Length})");
        return Searchsorted(boundaries, input, out_int32, right, null, null);
    }

    /// <summary>
    /// torch.histc: <paramref name="bins"/> equal-width bins over [min, max] (the data's range when both are equal),
    /// elements outside (and NaN) ignored, the last bin closed; the bin index is PyTorch's
    /// (x − min)·bins/(max − min) truncated, computed in the input's dtype.
    /// </summary>
    public static Tensor Histc(Tensor self, long bins, double min, double max)
    {
        if (self.dtype != ScalarType.Float32 && self.dtype != ScalarType.Float64)
            throw new ArgumentException($"\"histogram_cpu\" not implemented for '{DTypes.ShortName(self.dtype)}'");
        if (bins <= 0) throw new ArgumentException($"torch.histogram(): bins must be > 0, but got {bins} for dimension 0");
        using var _ = torch.no_grad();
        double lo = min, hi = max;
        if (lo == hi && self.numel() > 0)
        {
            lo = self.min().to(ScalarType.Float64).item<double>();
            hi = self.max().to(ScalarType.Float64).item<double>();
        }
        if (lo == hi) { lo -= 1; hi += 1; }
        if (double.IsInfinity(lo) || double.IsInfinity(hi) || double.IsNaN(lo) || double.IsNaN(hi))
            throw new ArgumentException($"torch.histc: range of [{Num(lo)}, {Num(hi)}] is not finite");
        if (!(lo < hi)) throw new ArgumentException("torch.histc: max must be larger than min");
        // The edges as the input's dtype holds them (linspace's first and last elements).
        bool f32 = self.dtype == ScalarType.Float32;
        double left = f32 ? (float)lo : lo, rightEdge = f32 ? (float)hi : hi;
        double width = f32 ? (float)((float)rightEdge - (float)left) : rightEdge - left;
        var x = self.reshape(-1);
        var inRange = (x >= left) & (x <= rightEdge);
        var pos = ((x - left) * bins / width).to(ScalarType.Int64);
        pos = torch.where(pos.eq(bins), torch.full([], bins - 1, ScalarType.Int64, x.device), pos);
        // Elements outside the range land in an extra bin that is dropped.
        pos = torch.where(inRange, pos, torch.full([], bins, ScalarType.Int64, x.device));
        var hist = torch.zeros([bins + 1], self.dtype, self.device).scatter_add(0, pos, torch.ones(x.Shape, self.dtype, self.device));
        return hist.narrow(0, 0, bins).contiguous();
    }

    /// <summary>A double as C++ streams print it in PyTorch's messages.</summary>
    private static string Num(double v) => double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : MathPointwise.Fmt(v);

    /// <summary>torch.bincount: counts (or summed weights) of each non-negative integer, at least <paramref name="minlength"/> long.</summary>
    public static Tensor Bincount(Tensor self, Tensor? weights, long minlength)
    {
        if (!DTypes.IsIntegral(self.dtype, includeBool: false))
            throw new ArgumentException($"\"bincount_cpu\" not implemented for '{DTypes.ShortName(self.dtype)}'");
        if (minlength < 0) throw new ArgumentException("minlength should be >= 0");
        using var _ = torch.no_grad();
        if (self.Shape.Length == 1 && self.numel() == 0) return torch.zeros([minlength], ScalarType.Int64, self.device);
        if (self.Shape.Length != 1 || self.min().to(ScalarType.Int64).item<long>() < 0)
            throw new ArgumentException("bincount only supports 1-d non-negative integral inputs.");
        if (weights is not null && (weights.Shape.Length != 1 || weights.Shape[0] != self.Shape[0]))
            throw new ArgumentException("weights should be 1-d and have the same length as input");
        long length = Math.Max(self.max().to(ScalarType.Int64).item<long>() + 1, minlength);
        var index = self.to(ScalarType.Int64);
        if (weights is null)
            return torch.zeros([length], ScalarType.Int64, self.device).scatter_add(0, index, torch.ones(index.Shape, ScalarType.Int64, self.device));
        var rt = weights.dtype == ScalarType.Float32 ? ScalarType.Float32 : ScalarType.Float64;
        return torch.zeros([length], rt, self.device).scatter_add(0, index, weights.to(rt));
    }

    /// <summary>
    /// torch.unique over all elements: the sorted distinct values, and optionally each element's index into them
    /// (shaped like the input) and each value's count.
    /// </summary>
    public static (Tensor output, Tensor? inverse, Tensor? counts) Unique(Tensor self, bool sortedOutput, bool returnInverse, bool returnCounts)
    {
        _ = sortedOutput; // a sorted result is a valid answer either way
        using var noGrad = torch.no_grad();
        var flat = self.reshape(-1);
        long n = flat.numel();
        if (n == 0)
            return (torch.zeros([0], self.dtype, self.device),
                returnInverse ? torch.zeros(self.Shape, ScalarType.Int64, self.device) : null,
                returnCounts ? torch.zeros([0], ScalarType.Int64, self.device) : null);
        var (sorted, order) = flat.sort(0, stable: true);
        var starts = RunStarts(sorted, 0);
        var output = sorted.masked_select(starts);
        Tensor? inverse = null, counts = null;
        if (returnInverse || returnCounts)
        {
            var runId = starts.to(ScalarType.Int64).cumsum(0) - 1;
            if (returnInverse) inverse = torch.zeros([n], ScalarType.Int64, self.device).scatter(0, order, runId).reshape(self.Shape);
            if (returnCounts)
                counts = torch.zeros([output.numel()], ScalarType.Int64, self.device).scatter_add(0, runId, torch.ones([n], ScalarType.Int64, self.device));
        }
        return (output, inverse, counts);
    }

    /// <summary>True where a run of equal values starts along <paramref name="d"/> (NaN never equals NaN, as PyTorch's loop compares).</summary>
    private static Tensor RunStarts(Tensor sorted, int d)
    {
        long n = sorted.Shape[d];
        var first = torch.ones([1], ScalarType.Bool, sorted.device);
        return n == 1 ? first : torch.cat([first, sorted.narrow(d, 1, n - 1).ne(sorted.narrow(d, 0, n - 1))], 0);
    }

    /// <summary>
    /// torch.unique_consecutive: one element (or slice along <paramref name="dim"/>) per run of equal neighbours,
    /// with the inverse (input-shaped without a dim, 1-D along it) and the run lengths.
    /// </summary>
    public static (Tensor output, Tensor? inverse, Tensor? counts) UniqueConsecutive(Tensor self, bool returnInverse, bool returnCounts, long? dim)
    {
        using var _ = torch.no_grad();
        Tensor x;
        int d;
        if (dim is null) { x = self.reshape(-1); d = 0; }
        else
        {
            d = Shapes.WrapDim(dim.Value, Math.Max(self.Shape.Length, 1));
            x = self.Shape.Length == 0 ? self.reshape(1) : self;
        }
        long n = x.Shape[d];
        if (n == 0)
        {
            var emptyInverse = dim is null ? torch.zeros(self.Shape, ScalarType.Int64, self.device) : torch.zeros([0], ScalarType.Int64, self.device);
            return (x.clone(), returnInverse ? emptyInverse : null, returnCounts ? torch.zeros([0], ScalarType.Int64, self.device) : null);
        }
        Tensor starts;
        if (dim is null || x.Shape.Length == 1) starts = RunStarts(x, d);
        else
        {
            var differs = x.narrow(d, 1, n - 1).ne(x.narrow(d, 0, n - 1));
            var otherDims = Enumerable.Range(0, x.Shape.Length).Where(i => i != d).Select(i => (long)i).ToArray();
            var anyDiff = differs.to(ScalarType.Int64).sum(otherDims).ne(0.0);
            starts = torch.cat([torch.ones([1], ScalarType.Bool, x.device), anyDiff], 0);
        }
        var startPositions = torch.arange(n, dtype: ScalarType.Int64, device: x.device).masked_select(starts);
        var output = dim is null ? x.masked_select(starts) : x.index_select(d, startPositions);
        Tensor? inverse = null, counts = null;
        if (returnInverse)
        {
            inverse = starts.to(ScalarType.Int64).cumsum(0) - 1;
            if (dim is null) inverse = inverse.reshape(self.Shape);
        }
        if (returnCounts)
        {
            var ends = torch.cat([startPositions.narrow(0, 1, startPositions.numel() - 1), torch.full([1], n, ScalarType.Int64, x.device)], 0);
            counts = ends - startPositions;
        }
        return (output, inverse, counts);
    }
}
