namespace Flint.Ops;

/// <summary>
/// Running extremes (cummax/cummin, with indices) and the running log-sum-exp, as inclusive scans by doubling
/// (Hillis–Steele): ⌈log₂ n⌉ elementwise passes over shifted views, each combining an element with the partial
/// result k places earlier. The combine rules are associative, so the result equals PyTorch's sequential loop:
/// the extreme keeps the latest index among equal values and a NaN, once seen, stays (the latest NaN's index).
/// </summary>
internal static class Scans
{
    /// <summary>cummax (<paramref name="max"/>) or cummin along <paramref name="dim"/>: values and int64 indices.</summary>
    public static (Tensor values, Tensor indices) CumExtreme(Tensor self, long dim, bool max)
    {
        if (self.Shape.Length == 0)
        {
            Shapes.WrapDim(dim, 1);
            return (self.clone(), torch.zeros([], ScalarType.Int64, self.device));
        }
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        long n = self.Shape[d];
        Tensor idx;
        using (torch.no_grad())
        {
            var v = self.dtype == ScalarType.Bool ? self.to(ScalarType.Byte) : self.detach();
            var positions = torch.arange(n, dtype: ScalarType.Int64, device: self.device)
                .reshape([.. self.Shape.Select((_, i) => i == d ? n : 1L)]);
            idx = positions.expand(self.Shape).contiguous();
            for (long k = 1; k < n; k *= 2)
            {
                var (lv, rv) = (v.narrow(d, 0, n - k), v.narrow(d, k, n - k));
                var (li, ri) = (idx.narrow(d, 0, n - k), idx.narrow(d, k, n - k));
                var takeLater = MathPointwise.IsNan(rv) | (MathPointwise.IsNan(lv).logical_not() & (max ? rv >= lv : rv <= lv));
                v = torch.cat([v.narrow(d, 0, k), torch.where(takeLater, rv, lv)], d);
                idx = torch.cat([idx.narrow(d, 0, k), torch.where(takeLater, ri, li)], d);
            }
        }
        return (self.gather(d, idx), idx);
    }

    /// <summary>PyTorch's _log_add_exp_helper: log(eˣ + eʸ) from the smaller minus the larger; equal infinities give x; NaN propagates.</summary>
    private static Tensor LogAddExp(Tensor x, Tensor y)
    {
        var lo = torch.minimum(x, y);
        var hi = torch.maximum(x, y);
        var finite = lo.eq(lo) & lo.abs().ne(double.PositiveInfinity);
        return torch.where(lo.ne(hi) | finite, (lo - hi).exp().log1p() + hi, x);
    }

    /// <summary>log(cumsum(exp(x))) along <paramref name="dim"/>, floating inputs only.</summary>
    public static Tensor LogCumSumExp(Tensor self, long dim)
    {
        if (!self.IsFloating) throw new ArgumentException($"\"logcumsumexp_out_cpu\" not implemented for '{DTypes.ShortName(self.dtype)}'");
        if (self.Shape.Length == 0)
        {
            Shapes.WrapDim(dim, 1);
            return Recorder.Record(self.detach().clone(), "LogcumsumexpBackward0", [self], [], (g, _) => [g]);
        }
        return Scan(self, Shapes.WrapDim(dim, self.Shape.Length), reverse: false);
    }

    /// <summary>The scan (from the end when <paramref name="reverse"/>) with PyTorch's backward, itself built from scans, so it differentiates again.</summary>
    private static Tensor Scan(Tensor self, int d, bool reverse)
    {
        long n = self.Shape[d];
        Tensor r;
        using (torch.no_grad())
        {
            // Half types accumulate in float32, as PyTorch's kernel does.
            var v = self.dtype is ScalarType.Float16 or ScalarType.BFloat16 ? self.to(ScalarType.Float32) : self.detach();
            for (long k = 1; k < n; k *= 2)
            {
                var (early, late) = (v.narrow(d, 0, n - k), v.narrow(d, k, n - k));
                v = reverse
                    ? torch.cat([LogAddExp(late, early), v.narrow(d, n - k, k)], d)
                    : torch.cat([v.narrow(d, 0, k), LogAddExp(early, late)], d);
            }
            r = v.to(self.dtype).contiguous();
            if (ReferenceEquals(r, self)) r = r.clone();
        }
        return Recorder.Record(r, "LogcumsumexpBackward0", [self], [self, r], (g, s) =>
        {
            if (g.numel() == 0) return [g];
            // PyTorch's formula (after TensorFlow's): the positive and negative parts of g in log space, each
            // scanned from the other end.
            double lowest = g.dtype == ScalarType.Float64 ? double.MinValue : float.MinValue;
            var floor = torch.full([], lowest, g.dtype, g.device);
            var logPos = torch.where(g > 0.0, g.log(), floor);
            var logNeg = torch.where(g < 0.0, (-g).log(), floor);
            var pos = (Scan(logPos - s[1], d, !reverse) + s[0]).exp();
            var neg = (Scan(logNeg - s[1], d, !reverse) + s[0]).exp();
            return [pos - neg];
        });
    }
}
