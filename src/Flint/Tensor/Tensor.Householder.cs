using Flint.Ops;

namespace Flint;

// Tensor.geqrf, ormqr and orgqr: LAPACK's compact QR form and its uses; the rules live in Ops/LinalgHouseholder.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// LAPACK geqrf: the QR decomposition of this [*, m, n] float32/float64 tensor in compact form, as the tuple
        /// (a, tau). R is stored on and above the diagonal of a, the Householder vectors that define Q below it, and
        /// tau ([*, min(m, n)]) holds their scalars. Use with <see cref="linalg.householder_product"/> (or
        /// <see cref="orgqr"/>) to form Q, or with <see cref="ormqr"/> to multiply by Q. Not differentiable: as in
        /// PyTorch 1.13, a backward through it raises "the derivative for 'geqrf' is not implemented."
        /// </summary>
        public (Tensor a, Tensor tau) geqrf() => LinalgHouseholder.Geqrf(this);

        /// <summary>
        /// LAPACK ormqr: multiplies <paramref name="other"/> ([*, m, n]) by the Q of this geqrf result ([*, mn, k], mn =
        /// m when <paramref name="left"/>, else n) and <paramref name="tau"/> ([*, min(mn, k)]): Q·other when
        /// <paramref name="left"/>, other·Q otherwise, with Qᵀ in place of Q when <paramref name="transpose"/>.
        /// Not differentiable in PyTorch 1.13 (a backward raises "the derivative for 'ormqr' is not implemented.").
        /// </summary>
        /// <param name="tau">The Householder scalars (tensor of shape [*, min(mn, k)]).</param>
        /// <param name="other">The matrix to multiply (tensor of shape [*, m, n]).</param>
        /// <param name="left">Multiply from the left (Q·other) rather than the right (other·Q).</param>
        /// <param name="transpose">Use Qᵀ rather than Q.</param>
        public Tensor ormqr(Tensor tau, Tensor other, bool left = true, bool transpose = false) =>
            LinalgHouseholder.Ormqr(this, tau, other, left, transpose);

        /// <summary>The first n columns of the product of the Householder reflectors in this [*, m, n] tensor and <paramref name="tau"/> (LAPACK orgqr; <see cref="linalg.householder_product"/>).</summary>
        public Tensor orgqr(Tensor tau) => linalg.householder_product(this, tau);
    }
}
