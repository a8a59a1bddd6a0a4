namespace Flint.Ops;

/// <summary>
/// torch.svd_lowrank and torch.pca_lowrank: PyTorch 1.13's randomized range finder and SVD (torch/_lowrank.py,
/// Halko et al. 2009, algorithms 4.4 and 5.1), composed of matmul, linalg.qr and linalg.svd, so autograd and
/// <c>cuda:0</c> come from those ops. The one random draw is <c>torch.randn(n, q)</c> from the default generator of
/// A's device, made at the same point as PyTorch's, so the same seed gives PyTorch's basis.
/// </summary>
internal static class LinalgLowRank
{
    /// <summary>_svd_lowrank: (U [..., m, q], S [..., q], V [..., n, q]) with A - M ≈ U diag(S) Vᵀ.</summary>
    public static (Tensor U, Tensor S, Tensor V) SvdLowRank(Tensor a, long q, long niter, Tensor? m)
    {
        CheckMatrix(a);
        long rows = a.Shape[^2], cols = a.Shape[^1];
        var mT = m is null ? null : Linalg.MT(m);
        var aT = Linalg.MT(a);
        if (rows < cols || cols > q)
        {
            var basis = ApproximateBasis(aT, q, niter, mT);
            var bT = a.matmul(basis);
            if (m is not null) bT = bT - m.matmul(basis);
            CheckShape(bT.Shape[^1] == q, $"({SizeRepr(bT)}, {q})");
            CheckShape(bT.Shape[^1] <= bT.Shape[^2], SizeRepr(bT));
            var (u, s, vh) = Linalg.Svd(bT, false);
            return (u, s, basis.matmul(Linalg.MT(vh)));
        }
        else
        {
            var basis = ApproximateBasis(a, q, niter, m);
            var b = aT.matmul(basis);
            if (mT is not null) b = b - mT.matmul(basis);
            var bT = Linalg.MT(b);
            CheckShape(bT.Shape[^2] == q, $"({SizeRepr(bT)}, {q})");
            CheckShape(bT.Shape[^1] <= bT.Shape[^2], SizeRepr(bT));
            var (u, s, vh) = Linalg.Svd(bT, false);
            return (basis.matmul(u), s, Linalg.MT(vh));
        }
    }

    // `m, n = A.shape[-2:]` on fewer than two dims.
    private static void CheckMatrix(Tensor a)
    {
        if (a.dim() < 2)
            throw new ArgumentException($"not enough values to unpack (expected 2, got {a.dim()})");
    }

    // _svd_lowrank's asserts on the projected matrix (q above min(m, n) fails them); the message is the assert's repr.
    private static void CheckShape(bool ok, string message)
    {
        if (!ok) throw new ArgumentException(message);
    }

    private static string SizeRepr(Tensor t) => $"torch.Size([{string.Join(", ", t.Shape)}])";

    /// <summary>get_approximate_basis: q orthonormal columns Q with Q Qᵀ (A - M) ≈ A - M, after niter subspace iterations.</summary>
    private static Tensor ApproximateBasis(Tensor a, long q, long niter, Tensor? m)
    {
        long n = a.Shape[^1];
        var dtype = a.IsFloating ? a.dtype : ScalarType.Float32;
        var r = torch.randn(n, q, dtype: dtype, device: a.device);
        var aH = Linalg.MT(a);
        var mH = m is null ? null : Linalg.MT(m);
        Tensor Range(Tensor x, Tensor y, Tensor? z) => Linalg.Qr(z is null ? x.matmul(y) : x.matmul(y) - z.matmul(y), "reduced").Q;
        var basis = Range(a, r, m);
        for (long i = 0; i < niter; i++)
        {
            basis = Range(aH, basis, mH);
            basis = Range(a, basis, m);
        }
        return basis;
    }

    /// <summary>pca_lowrank: the low-rank SVD of A less its column means (or of A itself when not <paramref name="center"/>).</summary>
    public static (Tensor U, Tensor S, Tensor V) PcaLowRank(Tensor a, long? q, bool center, long niter)
    {
        CheckMatrix(a);
        long rows = a.Shape[^2], cols = a.Shape[^1], min = Math.Min(rows, cols);
        long rank = q ?? Math.Min(6, min);
        if (q is { } given && !(given >= 0 && given <= min))
            throw new ArgumentException($"q(={given}) must be non-negative integer and not greater than min(m, n)={min}");
        if (!(niter >= 0))
            throw new ArgumentException($"niter(={niter}) must be non-negative integer");
        if (!center) return SvdLowRank(a, rank, niter, null);
        var c = a.mean(-2L, keepdim: true);
        return SvdLowRank(a - c, rank, niter, null);
    }
}
