using Flint.Ops;

namespace Flint;

// torch.svd_lowrank and torch.pca_lowrank (PyTorch's torch/_lowrank.py); the rules live in Ops/LinalgLowRank.cs.
// TorchSharp 0.107 declares both as obsolete stubs returning one Tensor; Flint returns PyTorch's (U, S, V).
public static partial class torch
{
    /// <summary>
    /// The randomized low-rank SVD (Halko et al. 2009, algorithm 5.1) of <paramref name="A"/> ([*, m, n]), or of
    /// A - <paramref name="M"/>: (U [*, m, q], S [*, q], V [*, n, q]) with A ≈ U diag(S) Vᵀ. The random test matrix is
    /// <c>torch.randn(n, q)</c> from the default generator, so set <c>torch.manual_seed</c> for repeatable results
    /// (the same seed gives PyTorch's). Differentiable through its matmul, QR and SVD steps.
    /// </summary>
    /// <param name="A">The input tensor of shape [*, m, n].</param>
    /// <param name="q">A slightly overestimated rank of A (at most min(m, n)).</param>
    /// <param name="niter">The number of subspace iterations (nonnegative).</param>
    /// <param name="M">The tensor subtracted from A (broadcast against it), or null.</param>
    public static (Tensor U, Tensor S, Tensor V) svd_lowrank(Tensor A, int q = 6, int niter = 2, Tensor? M = null) =>
        LinalgLowRank.SvdLowRank(A, q, niter, M);

    /// <summary>
    /// Linear principal component analysis of a low-rank matrix or batch of them: the randomized low-rank SVD
    /// (U [*, m, q], S [*, q], V [*, n, q]) of <paramref name="A"/> less its column means (when
    /// <paramref name="center"/>). V's columns are the principal directions and S² / (m - 1) the variances.
    /// </summary>
    /// <param name="A">The input tensor of shape [*, m, n].</param>
    /// <param name="q">A slightly overestimated rank of A; null means min(6, m, n).</param>
    /// <param name="center">Subtract the column means first (otherwise A is assumed centered).</param>
    /// <param name="niter">The number of subspace iterations (nonnegative).</param>
    public static (Tensor U, Tensor S, Tensor V) pca_lowrank(Tensor A, int? q = null, bool center = true, int niter = 2) =>
        LinalgLowRank.PcaLowRank(A, q, center, niter);
}
