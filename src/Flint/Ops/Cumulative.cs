using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// cumsum and cumprod: the scanned dim moved last as a dense [rows, n] block and one
/// <see cref="Dispatcher.Scan"/> primitive per call. Floating inputs accumulate in float64 and
/// integers in int64, as PyTorch's CPU kernel does (its accumulate type for float is double).
/// </summary>
internal static class Cumulative
{
    /// <summary>The result dtype: <paramref name="dtype"/> when given, int64 for integers and bool, else the input's.</summary>
    private static ScalarType ResultType(Tensor self, ScalarType? dtype) =>
        dtype ?? (DTypes.IsIntegral(self.dtype, true) ? ScalarType.Int64 : self.dtype);

    /// <summary>The scan without autograd, in <paramref name="resultType"/>.</summary>
    internal static Tensor ScanRaw(Tensor self, long dim, ScanKind kind, ScalarType resultType, bool reverse = false)
    {
        var x = self.Shape.Length == 0 ? self.reshape(1) : self;
        int d = Shapes.WrapDim(dim, x.Shape.Length);
        if (self.Shape.Length == 0 && dim != 0 && dim != -1) Shapes.WrapDim(dim, 0);
        var compute = DTypes.IsFloatingPoint(resultType) ? ScalarType.Float64 : ScalarType.Int64;
        var (block, rows, n, moved, back) = Dispatcher.Cast(x.detach(), resultType).RowsAlong(d, compute);
        var o = Tensor.Empty(moved, compute, self.device, clear: false);
        if (rows > 0 && n > 0) Dispatcher.Scan(kind, compute, block, rows, n, o, reverse);
        var r = Dispatcher.Cast(Sorting.MoveBack(o, back), resultType);
        return self.Shape.Length == 0 ? r.reshape([]) : r;
    }

    /// <summary>Running sums along <paramref name="dim"/>.</summary>
    public static Tensor Cumsum(this Tensor self, long dim, ScalarType? dtype)
    {
        var rt = ResultType(self, dtype);
        var r = ScanRaw(self, dim, ScanKind.Sum, rt);
        if (!DTypes.IsFloatingPoint(rt)) return r;
        // d/dx_i sum_{j<=k} x_j: each input collects the gradients of every later output (a reverse cumsum).
        return Recorder.Record(r, "CumsumBackward0", [self], [], (g, _) => [ScanRaw(g, dim, ScanKind.Sum, g.dtype, reverse: true)]);
    }

    /// <summary>Running products along <paramref name="dim"/>.</summary>
    public static Tensor Cumprod(this Tensor self, long dim, ScalarType? dtype)
    {
        var rt = ResultType(self, dtype);
        var r = ScanRaw(self, dim, ScanKind.Prod, rt);
        if (!DTypes.IsFloatingPoint(rt)) return r;
        return Recorder.Record(r, "CumprodBackward0", [self], [self, r], (g, s) => [CumprodGrad(s[0].to(g.dtype), g, s[1], dim)]);
    }

    /// <summary>
    /// grad_k = sum_{j≥k} g_j · prod_{i≤j, i≠k} x_i. Without zeros that is revcumsum(g·r) / x; with zeros
    /// the products leaving out x_k are formed explicitly ([.., n, n] per row), which stays exact.
    /// </summary>
    private static Tensor CumprodGrad(Tensor x, Tensor g, Tensor r, long dim)
    {
        if (x.numel() == 0) return torch.zeros_like(x);
        if (!x.eq(0.0).any().item<bool>())
            return ScanRaw(g * r.to(g.dtype), dim, ScanKind.Sum, g.dtype, reverse: true) / x;
        var xs = x.Shape.Length == 0 ? x.reshape(1) : x;
        var gs = x.Shape.Length == 0 ? g.reshape(1) : g;
        int d = Shapes.WrapDim(dim, xs.Shape.Length);
        int last = xs.Shape.Length - 1;
        var xm = xs.transpose(d, last);
        var gm = gs.transpose(d, last);
        long n = xm.Shape[last];
        var eye = torch.eye(n, dtype: ScalarType.Bool, device: x.device);
        // m[.., k, i] = x_i, with x_k replaced by 1; its cumprod over i is prod_{i<=j, i!=k} x_i.
        var m = torch.where(eye, torch.ones([], x.dtype, x.device), xm.unsqueeze(-2));
        var p = ScanRaw(m, -1, ScanKind.Prod, x.dtype);
        var later = Triangular.Mask(n, n, 0, upper: true, x.device);
        var grad = (p * gm.unsqueeze(-2) * later.to(x.dtype)).sum(-1).transpose(d, last);
        return x.Shape.Length == 0 ? grad.reshape([]) : grad;
    }
}
