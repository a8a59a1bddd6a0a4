namespace Flint.Ops;

/// <summary>
/// scatter_reduce and index_reduce (sum, prod, mean, amax, amin; include_self): a segment reduction
/// composed of existing primitives. The target offset of every source element is computed on the host
/// (as for scatter), the elements are grouped by target into a padded [targets, longest group] block
/// taken on the device (padding repeats a group member for amax/amin, and is filled with the identity
/// for sum/prod), reduced along the group with the ordinary reductions, combined with self's values and
/// put back. index_reduce is scatter_reduce with the index vector expanded over the source's shape.
/// Backward formulas are PyTorch 1.13's (even split among tied extremes; exclusive products around zeros).
/// </summary>
internal static class ScatterReduce
{
    private static readonly string[] ScatterReductions = ["sum", "prod", "mean", "amax", "amin"];

    /// <summary>The reduction without autograd: a fresh contiguous tensor.</summary>
    private static Tensor Forward(Tensor self, int d, Tensor index, Tensor src, string reduce, bool includeSelf, string op)
    {
        using var _ = torch.no_grad();
        var r = Dispatcher.Contiguous(self.detach());
        if (index.numel() == 0) return r;
        var targets = Indexing.ScatterGatherOffsets(r, d, index, op);
        long n = targets.Length;
        // Group source positions by target, keeping index order within a group.
        var order = new long[n];
        for (long j = 0; j < n; j++) order[j] = j;
        var keys = (long[])targets.Clone();
        Array.Sort(keys, order);
        // Array.Sort is not stable: restore index order inside each run of equal targets.
        var unique = new List<long>();
        var starts = new List<long>();
        for (long j = 0; j < n; j++)
            if (j == 0 || keys[j] != keys[j - 1]) { unique.Add(keys[j]); starts.Add(j); }
        starts.Add(n);
        long groups = unique.Count, longest = 0;
        for (int t = 0; t < groups; t++)
        {
            Array.Sort(order, (int)starts[t], (int)(starts[t + 1] - starts[t]));
            longest = Math.Max(longest, starts[t + 1] - starts[t]);
        }
        var take = new long[groups * longest];
        var pad = new bool[groups * longest];
        bool anyPad = false;
        var counts = new long[groups];
        for (int t = 0; t < groups; t++)
        {
            long s = starts[t], len = starts[t + 1] - s;
            counts[t] = len;
            for (long k = 0; k < longest; k++)
            {
                take[t * longest + k] = order[s + Math.Min(k, len - 1)];
                if (k >= len) { pad[t * longest + k] = true; anyPad = true; }
            }
        }
        var block = Dispatcher.Contiguous(src.detach().Shape.Length == 0 ? src.detach().expand(index.Shape) : src.detach().Slices(index.Shape));
        var values = Tensor.Empty([groups, longest], r.dtype, r.device, clear: false);
        Dispatcher.Take(block, take, values);
        if (anyPad && reduce is "sum" or "mean" or "prod")
        {
            var mask = Dispatcher.Adopt(pad, ScalarType.Bool, [groups, longest]).to(r.device);
            values = values.masked_fill(mask, reduce == "prod" ? 1 : 0);
        }
        var unique64 = unique.ToArray();
        var current = Tensor.Empty([groups], r.dtype, r.device, clear: false);
        Dispatcher.Take(r, unique64, current);
        Tensor combined = reduce switch
        {
            "sum" => includeSelf ? current + values.sum(1, dtype: r.dtype) : values.sum(1, dtype: r.dtype),
            "prod" => includeSelf ? current * values.prod(1).to(r.dtype) : values.prod(1).to(r.dtype),
            "amax" => includeSelf ? current.maximum(values.amax(1)) : values.amax(1),
            "amin" => includeSelf ? current.minimum(values.amin(1)) : values.amin(1),
            _ => Mean(current, values, counts, includeSelf),
        };
        Dispatcher.Put(r, unique64, Dispatcher.Contiguous(Dispatcher.Cast(combined, r.dtype)), accumulate: false);
        return r;
    }

    /// <summary>(self + Σ group) / count, floor-divided for integral types as PyTorch does.</summary>
    private static Tensor Mean(Tensor current, Tensor values, long[] counts, bool includeSelf)
    {
        var total = values.sum(1, dtype: DTypes.IsFloatingPoint(current.dtype) ? current.dtype : ScalarType.Int64);
        if (includeSelf) total = total + current;
        var n = Dispatcher.Adopt(counts, ScalarType.Int64, [counts.Length]).to(current.device);
        if (includeSelf) n = n + 1L;
        if (DTypes.IsFloatingPoint(current.dtype)) return total / n;
        return (total.to(ScalarType.Float64) / n).floor();
    }

    private static void CheckScatterReduce(string reduce)
    {
        if (!ScatterReductions.Contains(reduce))
            throw new ArgumentException("reduce argument must be either sum, prod, mean, amax or amin.");
    }

    /// <summary>self with src's values reduced into the positions index names along <paramref name="dim"/>.</summary>
    public static Tensor Scatter(Tensor self, long dim, Tensor index, Tensor src, string reduce, bool includeSelf)
    {
        CheckScatterReduce(reduce);
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (index.dtype != ScalarType.Int64) throw new ArgumentException("scatter(): Expected dtype int64 for index");
        if (src.dtype != self.dtype) throw new ArgumentException("scatter(): Expected self.dtype to be equal to src.dtype");
        Dispatcher.CheckSameDevice(self, src);
        if (src.Shape.Length == index.Shape.Length)
            for (int k = 0; k < index.Shape.Length; k++)
                if (index.Shape[k] > src.Shape[k] || (k != d && index.Shape[k] > self.Shape[k]))
                    throw new ArgumentException($"Expected index {Shapes.Str(index.Shape)} to be smaller than self {Shapes.Str(self.Shape)} apart from dimension {d} and to be smaller size than src {Shapes.Str(src.Shape)}");
        return Record(self, d, index, src, reduce, includeSelf, "scatter_reduce", "ScatterReduceBackward0");
    }

    /// <summary>self with source's slices reduced into the slices index names along <paramref name="dim"/>.</summary>
    public static Tensor Index(Tensor self, long dim, Tensor index, Tensor source, string reduce, bool includeSelf)
    {
        if (reduce is not ("prod" or "mean" or "amax" or "amin"))
            throw new ArgumentException($"index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got {reduce}.");
        int d = IndexOps.CheckIndexFunc(self, dim, index, source, "index_reduce");
        var idx = IndexOps.Checked(index, self, d);
        var target = IndexOps.SourceTarget(self, d, idx.numel());
        // A source that broadcasts against self's slices is expanded (a recorded view, so its gradient sums back).
        var src = Shapes.SameShape(source.Shape, target) ? source : source.expand(target);
        return Record(self, d, IndexOps.ExpandIndex(idx, d, target), src, reduce, includeSelf, "index_reduce", "IndexReduceBackward0");
    }

    private static Tensor Record(Tensor self, int d, Tensor idx, Tensor src, string reduce, bool includeSelf, string op, string node)
    {
        var r = Forward(self, d, idx, src, reduce, includeSelf, op);
        var srcShape = src.Shape;
        return Recorder.Record(r, node, [self, src], [self, src, r, idx], (g, s) =>
        {
            Tensor x = s[0], source = s[1], result = s[2], index = s[3];
            var srcB = source.Shape.Length == 0 ? source.expand(index.Shape) : source.Slices(index.Shape);
            Tensor gSelf, gSrc;
            switch (reduce)
            {
                case "sum":
                    gSelf = g;
                    gSrc = g.gather(d, index);
                    break;
                case "mean":
                {
                    var n = (includeSelf ? torch.ones(g.Shape, g.dtype, g.device) : torch.zeros(g.Shape, g.dtype, g.device))
                        .scatter_add(d, index, torch.ones(index.Shape, g.dtype, g.device));
                    n = n.masked_fill(n.eq(0.0), 1);
                    gSelf = g / n;
                    gSrc = g.gather(d, index) / n.gather(d, index);
                    break;
                }
                case "prod":
                {
                    var maskedSelf = x.masked_fill(x.eq(0.0), 1);
                    var maskedSelfResult = Forward(maskedSelf, d, index, srcB, "prod", includeSelf, op);
                    gSelf = g * maskedSelfResult / maskedSelf;
                    var srcZero = srcB.eq(0.0);
                    var zeros = torch.zeros(x.Shape, g.dtype, g.device).scatter_add(d, index, srcZero.to(g.dtype)).gather(d, index);
                    var singleZero = srcZero & zeros.eq(1.0);
                    var maskedSrcResult = Forward(x, d, index, srcB.masked_fill(singleZero, 1), "prod", includeSelf, op);
                    gSrc = torch.where(singleZero, (g * maskedSrcResult).gather(d, index), (g * result).gather(d, index) / srcB.masked_fill(srcZero, 1));
                    break;
                }
                default:
                {
                    var value = result.gather(d, index);
                    var selfIs = x.eq(result).to(g.dtype);
                    var srcIs = srcB.eq(value).to(g.dtype);
                    var share = g / selfIs.scatter_add(d, index, srcIs);
                    gSelf = selfIs * share;
                    gSrc = srcIs * share.gather(d, index);
                    break;
                }
            }
            if (!includeSelf) gSelf = gSelf.scatter(d, index, 0.0);
            if (!Shapes.SameShape(gSrc.Shape, srcShape))
            {
                var full = torch.zeros(srcShape, g.dtype, g.device);
                using (torch.no_grad()) full.Slices(index.Shape).copy_(gSrc);
                gSrc = full;
            }
            return [gSelf, gSrc];
        });
    }
}
