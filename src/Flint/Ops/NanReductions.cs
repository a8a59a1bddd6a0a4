using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Reductions that treat special values specially: logsumexp (max-shifted, as PyTorch), nansum and nanmean
/// (NaN counted as absent), and diff (n-th forward difference, with prepend/append; n ≤ 0 returns the input, as PyTorch 1.13). All are compositions of
/// existing reductions, so they run on every device.
/// </summary>
internal static class NanReductions
{
    /// <summary>The dims to reduce, wrapped and sorted; all dims when <paramref name="dims"/> is null or empty.</summary>
    internal static long[] Dims(Tensor self, long[]? dims)
    {
        int rank = self.Shape.Length;
        if (dims is null || dims.Length == 0) return [.. Enumerable.Range(0, rank).Select(i => (long)i)];
        return [.. dims.Select(d => (long)Shapes.WrapDim(d, Math.Max(rank, 1))).Distinct().Order()];
    }

    /// <summary>
    /// log(sum(exp(x))) over <paramref name="dims"/>: PyTorch's max shift (an infinite max shifts by 0,
    /// so a row of -inf gives -inf and a +inf gives +inf); integer inputs reduce in the default float dtype.
    /// </summary>
    public static Tensor LogSumExp(Tensor self, long[] dims, bool keepdim)
    {
        if (!self.IsFloating) return LogSumExp(self.to(torch.get_default_dtype()), dims, keepdim);
        long[] d = self.Shape.Length == 0 ? [] : Dims(self, dims);
        if (self.Shape.Length == 0) foreach (var x in dims) Shapes.WrapDim(x, 1);
        Tensor r;
        using (torch.no_grad())
        {
            if (self.numel() == 0) r = self.exp().sum(d, keepdim).log();
            else
            {
                var maxes = self;
                foreach (var k in d.Reverse()) maxes = maxes.amax(k, keepdim: true);
                var shiftKept = maxes.masked_fill(maxes.abs().eq(double.PositiveInfinity), 0.0);
                var shift = keepdim ? shiftKept : shiftKept.reshape(ReducedShape(self.Shape, d));
                r = (self - shiftKept).exp().sum(d, keepdim).log() + shift;
            }
        }
        var inShape = self.Shape;
        return Recorder.Record(r, "LogsumexpBackward0", [self], [self, r], (g, s) =>
        {
            var res = s[1];
            if (!keepdim) { g = g.reshape(KeptShape(inShape, d)); res = res.reshape(KeptShape(inShape, d)); }
            return [g * (s[0] - res).exp()];
        });
    }

    /// <summary>The shape with the reduced dims removed.</summary>
    internal static long[] ReducedShape(long[] shape, long[] dims) => [.. shape.Where((_, i) => !dims.Contains(i))];

    /// <summary>The shape with the reduced dims kept as size 1.</summary>
    internal static long[] KeptShape(long[] shape, long[] dims) => [.. shape.Select((s, i) => dims.Contains(i) ? 1 : s)];

    /// <summary>Sum treating NaN as zero (integer tensors: a plain sum).</summary>
    public static Tensor NanSum(Tensor self, long[]? dims, bool keepdim, ScalarType? dtype)
    {
        var x = self.IsFloating ? torch.where(MathPointwise.IsNan(self), torch.zeros([], self.dtype, self.device), self) : self;
        return dims is null ? (keepdim ? x.sum(Dims(self, null), true, dtype) : x.sum(dtype)) : x.sum(dims, keepdim, dtype);
    }

    /// <summary>Mean over the non-NaN elements (NaN where there are none); floating inputs only.</summary>
    public static Tensor NanMean(Tensor self, long[]? dims, bool keepdim, ScalarType? dtype)
    {
        if (!self.IsFloating)
            throw new ArgumentException($"nanmean(): expected input to have floating point dtype but got {DTypes.ShortName(self.dtype)}");
        var count = NanSum(MathPointwise.IsNan(self).logical_not(), dims, keepdim, null);
        return NanSum(self, dims, keepdim, dtype) / count;
    }

    /// <summary>
    /// PyTorch's diff: the n-th forward difference along <paramref name="dim"/> of prepend ++ self ++ append
    /// (bool tensors: logical xor); n beyond the length gives an empty dim.
    /// </summary>
    public static Tensor Diff(Tensor self, long n, long dim, Tensor? prepend, Tensor? append)
    {
        if (self.Shape.Length < 1) throw new ArgumentException("diff expects input to be at least one-dimensional");
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        foreach (var extra in new[] { prepend, append })
        {
            if (extra is null) continue;
            if (extra.Shape.Length != self.Shape.Length)
                throw new ArgumentException("diff expects prepend or append to be the same dimension as input");
            for (int i = 0; i < self.Shape.Length; i++)
                if (i != d && extra.Shape[i] != self.Shape[i])
                    throw new ArgumentException($"diff expects the shape of tensor to prepend or append to match that of input except along the differencing dimension; input.size({i}) = {self.Shape[i]}, but got tensor.size({i}) = {extra.Shape[i]}");
        }
        var x = prepend is null && append is null ? self
            : torch.cat([.. new[] { prepend, self, append }.Where(t => t is not null).Select(t => t!)], d);
        if (n <= 0) return x.clone();
        for (long k = 0; k < n; k++)
        {
            long len = x.Shape[d];
            if (len == 0) break;
            var hi = x.narrow(d, 1, len - 1);
            var lo = x.narrow(d, 0, len - 1);
            x = x.dtype == ScalarType.Bool ? hi.ne(lo) : hi - lo;
        }
        return x;
    }
}
