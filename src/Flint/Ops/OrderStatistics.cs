namespace Flint.Ops;

/// <summary>
/// Order statistics from the stable sort primitive: kthvalue, median/nanmedian (the lower median), mode and
/// quantile/nanquantile. Positions are computed without autograd; the selected values are then taken with
/// <c>gather</c> (or sort's values for quantile), so the gradient flows to the selected elements as PyTorch's does.
/// </summary>
internal static class OrderStatistics
{
    private static Tensor Detached(Tensor t) => t.detach();

    /// <summary>Values and int64 positions along <paramref name="d"/>, ascending, NaN last, ties in input order.</summary>
    private static (Tensor values, Tensor indices) SortedAlong(Tensor self, int d)
    {
        using (torch.no_grad()) return Detached(self).sort(d, stable: true);
    }

    /// <summary>The selected values with their indices; keepdim=false squeezes the reduced dim.</summary>
    private static (Tensor values, Tensor indices) Select(Tensor self, int d, Tensor indices, bool keepdim)
    {
        var values = self.gather(d, indices);
        return keepdim ? (values, indices) : (values.squeeze(d), indices.squeeze(d));
    }

    /// <summary>The k-th smallest element (1-based) along <paramref name="dim"/> and its index.</summary>
    public static (Tensor values, Tensor indices) Kthvalue(Tensor self, long k, long dim, bool keepdim)
    {
        if (self.Shape.Length == 0)
        {
            Shapes.WrapDim(dim, 1);
            if (k != 1) throw new ArgumentException("kthvalue(): selected number k out of range for dimension 0");
            return (self.clone(), torch.zeros([], ScalarType.Int64, self.device));
        }
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (k < 1 || k > self.Shape[d]) throw new ArgumentException($"kthvalue(): selected number k out of range for dimension {d}");
        var (_, idx) = SortedAlong(self, d);
        return Select(self, d, idx.narrow(d, k - 1, 1), keepdim);
    }

    /// <summary>
    /// Per row along <paramref name="d"/>: the position in the sorted row of the lower median (median: the first
    /// NaN when the row holds one; nanmedian: the lower median of the non-NaN values, 0 when all are NaN).
    /// </summary>
    private static Tensor MedianPosition(Tensor sorted, int d, bool ignoreNan)
    {
        long n = sorted.Shape[d];
        var count = MathPointwise.IsNan(sorted).logical_not().sum(d, keepdim: true);
        // C++'s (count - 1) / 2 truncates, so an all-NaN row selects position 0.
        if (ignoreNan) return ((count - 1).clamp_min(0).to(ScalarType.Float64) * 0.5).floor().to(ScalarType.Int64);
        return torch.where(count < n, count, torch.full([], (n - 1) / 2, ScalarType.Int64, sorted.device));
    }

    /// <summary>The lower median of all elements (NaN when any is NaN or the tensor is empty); the gradient is spread evenly over the elements equal to it.</summary>
    public static Tensor MedianAll(Tensor self, bool ignoreNan)
    {
        Tensor r;
        using (torch.no_grad())
        {
            var flat = self.detach().reshape(-1);
            if (flat.numel() == 0) return torch.full([], double.NaN, self.dtype, self.device);
            var (sorted, _) = flat.sort(0, stable: true);
            var pos = MedianPosition(sorted, 0, ignoreNan);
            r = sorted.gather(0, pos).reshape([]);
        }
        return Recorder.Record(r, ignoreNan ? "NanmedianBackward0" : "MedianBackward0", [self], [self, r], (g, s) =>
        {
            var mask = torch.where(MathPointwise.IsNan(s[1]), MathPointwise.IsNan(s[0]), s[0].eq(s[1])).to(g.dtype);
            return [mask * (g / mask.sum())];
        });
    }

    /// <summary>The lower median along <paramref name="dim"/> and its index (median: NaN and the first NaN's index when a row holds one).</summary>
    public static (Tensor values, Tensor indices) MedianDim(Tensor self, long dim, bool keepdim, bool ignoreNan)
    {
        string name = ignoreNan ? "nanmedian" : "median";
        if (self.Shape.Length == 0)
        {
            Shapes.WrapDim(dim, 1);
            return (self.clone(), torch.zeros([], ScalarType.Int64, self.device));
        }
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        if (self.Shape[d] == 0) throw new ArgumentException($"{name}(): Expected reduction dim {d} to have non-zero size.");
        Tensor idx;
        using (torch.no_grad())
        {
            var (sorted, order) = SortedAlong(self, d);
            idx = order.gather(d, MedianPosition(sorted, d, ignoreNan));
        }
        return Select(self, d, idx, keepdim);
    }

    /// <summary>
    /// The most frequent value along <paramref name="dim"/> (the smallest among equally frequent ones) and the
    /// index of its last occurrence, as PyTorch's CPU kernel returns.
    /// </summary>
    public static (Tensor values, Tensor indices) Mode(Tensor self, long dim, bool keepdim)
    {
        if (self.Shape.Length == 0)
        {
            Shapes.WrapDim(dim, 1);
            return (self.clone(), torch.zeros([], ScalarType.Int64, self.device));
        }
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        long n = self.Shape[d];
        if (n == 0) throw new ArgumentException($"mode(): Expected reduction dim {d} to have non-zero size.");
        Tensor idx;
        using (torch.no_grad())
        {
            var (sorted, order) = SortedAlong(self, d);
            // A run starts where the sorted value changes; run ids count the starts.
            var first = torch.ones(KeptShape(sorted.Shape, d), ScalarType.Bool, self.device);
            var starts = n == 1 ? first : torch.cat([first, sorted.narrow(d, 1, n - 1).ne(sorted.narrow(d, 0, n - 1))], d);
            var runId = starts.to(ScalarType.Int64).cumsum(d) - 1;
            var counts = torch.zeros(sorted.Shape, ScalarType.Int64, self.device).scatter_add(d, runId, torch.ones(sorted.Shape, ScalarType.Int64, self.device));
            var best = counts.argmax(d, keepdim: true);
            var lastPos = counts.cumsum(d).gather(d, best) - 1;
            idx = order.gather(d, lastPos);
        }
        return Select(self, d, idx, keepdim);
    }

    private static long[] KeptShape(long[] shape, int d) => [.. shape.Select((s, i) => i == d ? 1 : s)];

    // ---- quantile -----------------------------------------------------------------------

    private static readonly string[] Interpolations = ["linear", "lower", "higher", "midpoint", "nearest"];

    /// <summary>quantile with a scalar q (checked to lie in [0, 1] first, as PyTorch does).</summary>
    public static Tensor Quantile(Tensor self, double q, long? dim, bool keepdim, string interpolation, bool ignoreNan)
    {
        string name = ignoreNan ? "nanquantile" : "quantile";
        if (!(q >= 0 && q <= 1)) throw new ArgumentException($"{name}() q must be in the range [0, 1] but got {MathPointwise.Fmt(q)}");
        return Quantile(self, torch.full([], q, self.IsFloating ? self.dtype : ScalarType.Float32, self.device), dim, keepdim, interpolation, ignoreNan, scalarQ: true);
    }

    /// <summary>
    /// PyTorch's quantile_compute: the (NaN-aware) rank q·(n − 1) in the sorted reduced dim, adjusted by the
    /// interpolation mode, then the values below and above blended by lerp; a 1-D q adds a leading dim.
    /// </summary>
    public static Tensor Quantile(Tensor self, Tensor q, long? dim, bool keepdim, string interpolation, bool ignoreNan, bool scalarQ = false)
    {
        string name = ignoreNan ? "nanquantile" : "quantile";
        if (Array.IndexOf(Interpolations, interpolation) < 0)
            throw new ArgumentException($"{name}() interpolation must be one of linear, lower, higher, midpoint or nearest, but got {interpolation}");
        if (self.numel() == 0) throw new ArgumentException($"{name}() input tensor must be non-empty");
        if (q.Shape.Length > 1) throw new ArgumentException($"{name}() q must be a scalar or 1D tensor");
        if (self.dtype != ScalarType.Float32 && self.dtype != ScalarType.Float64)
            throw new ArgumentException($"{name}() input tensor must be either float or double dtype");
        if (q.dtype != self.dtype) throw new ArgumentException($"{name}() q tensor must be same dtype as the input tensor");
        if (q.device != self.device) throw new ArgumentException($"{name}() q tensor must be on the same device as the input tensor");
        if (!scalarQ && !((q >= 0.0) & (q <= 1.0)).all().item<bool>())
            throw new ArgumentException($"{name}() q values must be in the range [0, 1]");

        int rank = self.Shape.Length;
        Tensor sorted;
        long[] outShape;
        if (dim is null)
        {
            sorted = self.reshape(-1).sort(0, stable: true).values;
            outShape = keepdim ? [.. Enumerable.Repeat(1L, rank)] : [];
        }
        else
        {
            int d = Shapes.WrapDim(dim.Value, Math.Max(rank, 1));
            var moved = rank == 0 ? self.reshape(1) : d == rank - 1 ? self : self.unsqueeze(-1).transpose(d, -1);
            sorted = moved.sort(-1, stable: true).values;
            outShape = rank == 0 ? [] : keepdim ? KeptShape(self.Shape, d) : [.. self.Shape.Where((_, i) => i != d)];
        }
        long n = sorted.Shape[^1];
        sorted = sorted.reshape([.. outShape, n]);

        Tensor ranks;
        using (torch.no_grad())
        {
            var nan = MathPointwise.IsNan(sorted);
            if (ignoreNan)
            {
                var count = nan.logical_not().sum(-1, keepdim: true);
                ranks = q * (count - 1);
                ranks = ranks.masked_fill(ranks < 0.0, 0.0);
            }
            else
            {
                var scaled = q * (n - 1);
                ranks = torch.where(nan.any(-1, keepdim: true), torch.full([], (double)(n - 1), q.dtype, q.device), scaled);
            }
            ranks = interpolation switch
            {
                "lower" => ranks.floor(),
                "higher" => ranks.ceil(),
                "nearest" => ranks.round(),
                _ => ranks,
            };
        }
        var below = ranks.to(ScalarType.Int64);
        var result = sorted.gather(-1, below);
        if (interpolation is "linear" or "midpoint")
        {
            Tensor weights;
            Tensor above;
            using (torch.no_grad())
            {
                weights = interpolation == "midpoint" ? torch.full_like(ranks, 0.5) : ranks - below;
                above = ranks.ceil().to(ScalarType.Int64);
            }
            result = result.lerp(sorted.gather(-1, above), weights);
        }
        return q.Shape.Length == 0 ? result.squeeze(-1) : result.unsqueeze(0).transpose(0, -1).squeeze(-1);
    }
}
