namespace Flint;

// torch.geqrf and torch.ormqr (torch.orgqr is in torch.TorchSharpHelpers.cs); the rules live in Ops/LinalgHouseholder.cs.
public static partial class torch
{
    /// <summary>
    /// LAPACK geqrf: the QR decomposition of <paramref name="input"/> ([*, m, n], float32/float64) in compact form,
    /// as the tuple (a, tau): R on and above the diagonal of a, the Householder vectors below it, their scalars in tau.
    /// </summary>
    /// <param name="input">The input tensor.</param>
    public static (Tensor a, Tensor tau) geqrf(Tensor input) => input.geqrf();

    /// <summary>
    /// LAPACK ormqr: the product of the Q of a geqrf result (<paramref name="input"/>, <paramref name="tau"/>) with
    /// <paramref name="other"/>: Q·other when <paramref name="left"/>, other·Q otherwise, Qᵀ when <paramref name="transpose"/>.
    /// </summary>
    /// <param name="input">Tensor of shape [*, mn, k], mn = m or n depending on <paramref name="left"/>.</param>
    /// <param name="tau">Tensor of shape [*, min(mn, k)].</param>
    /// <param name="other">Tensor of shape [*, m, n].</param>
    /// <param name="left">Controls the order of multiplication.</param>
    /// <param name="transpose">Controls whether the matrix Q is transposed or not.</param>
    public static Tensor ormqr(Tensor input, Tensor tau, Tensor other, bool left = true, bool transpose = false) =>
        input.ormqr(tau, other, left, transpose);
}
