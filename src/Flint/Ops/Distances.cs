namespace Flint.Ops;

/// <summary>
/// Distances and normalisation composed from norms, products and reductions: cdist (PyTorch's direct path, and its
/// matrix-product path for p = 2 when either side has more than 25 rows), cosine_similarity, pairwise_distance and
/// F.normalize. Their gradients come from the recorded pieces (norm's backward is zero at a zero distance, as PyTorch's).
/// </summary>
internal static class Distances
{
    /// <summary>torch.cdist: the p-norm distance between each row of x1 [..., P, M] and each row of x2 [..., R, M].</summary>
    public static Tensor Cdist(Tensor x1, Tensor x2, double p, bool? useMm)
    {
        if (x1.Shape.Length < 2) throw new ArgumentException($"cdist only supports at least 2D tensors, X1 got: {x1.Shape.Length}D");
        if (x2.Shape.Length < 2) throw new ArgumentException($"cdist only supports at least 2D tensors, X2 got: {x2.Shape.Length}D");
        if (x1.Shape[^1] != x2.Shape[^1])
            throw new ArgumentException($"X1 and X2 must have the same number of columns. X1: {x1.Shape[^1]} X2: {x2.Shape[^1]}");
        if (!x1.IsFloating) throw new ArgumentException($"cdist only supports floating-point dtypes, X1 got: {DTypes.ShortName(x1.dtype)}");
        if (!x2.IsFloating) throw new ArgumentException($"cdist only supports floating-point dtypes, X2 got: {DTypes.ShortName(x2.dtype)}");
        if (!(p >= 0)) throw new ArgumentException("cdist only supports non-negative p values");
        long r1 = x1.Shape[^2], r2 = x2.Shape[^2];
        if (p == 2 && (useMm ?? (r1 > 25 || r2 > 25))) return EuclideanByMatmul(x1, x2);
        var diff = x1.unsqueeze(-2) - x2.unsqueeze(-3);
        // p = 0 counts the differing coordinates (a constant: no gradient).
        if (p == 0) return diff.detach().ne(0.0).sum(-1).to(diff.dtype);
        return diff.norm(p, [-1]);
    }

    /// <summary>PyTorch's _euclidean_dist: |a|² + |b|² − 2a·b as one product of augmented rows, clamped at 1e-30 before the root.</summary>
    private static Tensor EuclideanByMatmul(Tensor x1, Tensor x2)
    {
        var n1 = x1.pow(2).sum(-1, keepdim: true);
        var n2 = x2.pow(2).sum(-1, keepdim: true);
        var a = torch.cat([x1 * -2.0, n1, torch.ones_like(n1)], -1);
        var b = torch.cat([x2, torch.ones_like(n2), n2], -1);
        return a.matmul(b.transpose(-1, -2)).clamp_min(1e-30).sqrt();
    }

    /// <summary>F.cosine_similarity: the sum over <paramref name="dim"/> of x1/max(|x1|, eps) · x2/max(|x2|, eps).</summary>
    public static Tensor CosineSimilarity(Tensor x1, Tensor x2, long dim, double eps)
    {
        var common = TypePromotion.ResultType(x1, x2);
        if (!DTypes.IsFloatingPoint(common))
            throw new ArgumentException($"expected common dtype to be floating point, yet common dtype is {DTypes.ShortName(common)}");
        var a = x1.IsFloating ? x1 : x1.to(common);
        var b = x2.IsFloating ? x2 : x2.to(common);
        var shape = Shapes.Broadcast(a.Shape, b.Shape);
        a = a.expand(shape); b = b.expand(shape);
        var na = a.norm(dim, 2, keepdim: true).clamp_min(eps);
        var nb = b.norm(dim, 2, keepdim: true).clamp_min(eps);
        return (a / na * (b / nb)).sum(dim);
    }

    /// <summary>F.pairwise_distance: the p-norm of x1 − x2 + eps over the last dim of the broadcast shape.</summary>
    public static Tensor PairwiseDistance(Tensor x1, Tensor x2, double p, double eps, bool keepdim)
    {
        int outDim = Math.Max(x1.Shape.Length, x2.Shape.Length);
        return (x1 - x2 + eps).norm(outDim - 1, p, keepdim);
    }
}
