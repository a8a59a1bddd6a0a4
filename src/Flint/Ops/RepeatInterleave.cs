namespace Flint.Ops;

/// <summary>
/// repeat_interleave: each element (or slice along a dim) repeated in place. A scalar repeat count is an
/// unsqueeze-expand-reshape (a view chain plus one copy); per-element counts are an index_select, so
/// both differentiate through existing ops.
/// </summary>
internal static class RepeatInterleave
{
    public static Tensor ByCount(Tensor self, long repeats, long? dim)
    {
        if (repeats < 0) throw new ArgumentException("repeats can not be negative");
        var x = dim is null ? self.reshape(-1) : self;
        int d = dim is null ? 0 : Shapes.WrapDim(dim.Value, (int)x.dim());
        if (x.dim() == 0) x = x.reshape(1);
        var expanded = x.Shape.ToList();
        expanded.Insert(d + 1, repeats);
        var final = x.Shape.ToArray();
        final[d] *= repeats;
        return x.unsqueeze(d + 1).expand(expanded.ToArray()).reshape(final);
    }

    public static Tensor ByTensor(Tensor self, Tensor repeats, long? dim)
    {
        if (repeats.dim() == 0 || repeats.numel() == 1) return ByCount(self, repeats.reshape(-1).to(ScalarType.Int64).cpu().data<long>()[0], dim);
        var x = dim is null ? self.reshape(-1) : self;
        int d = dim is null ? 0 : Shapes.WrapDim(dim.Value, (int)x.dim());
        if (repeats.dim() != 1) throw new ArgumentException("repeats must be 0-dim or 1-dim tensor");
        if (repeats.numel() != x.Shape[d]) throw new ArgumentException("repeats must have the same size as input along dim");
        return x.index_select(d, Indices(repeats).to(self.device));
    }

    /// <summary>torch.repeat_interleave(repeats): index i repeated repeats[i] times.</summary>
    public static Tensor Indices(Tensor repeats)
    {
        if (repeats.dim() != 1) throw new ArgumentException("repeat_interleave only accept 1D vector as repeat");
        if (repeats.dtype != ScalarType.Int64 && repeats.dtype != ScalarType.Int32) throw new ArgumentException("repeats has to be Long or Int tensor");
        var counts = repeats.to(ScalarType.Int64).cpu().data<long>();
        if (counts.Any(c => c < 0)) throw new ArgumentException("repeats can not be negative");
        var idx = new long[counts.Sum()];
        int k = 0;
        for (int i = 0; i < counts.Length; i++)
            for (long j = 0; j < counts[i]; j++) idx[k++] = i;
        return torch.tensor(idx).to(repeats.device);
    }
}
