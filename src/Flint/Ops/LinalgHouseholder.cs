namespace Flint.Ops;

/// <summary>
/// torch.geqrf and torch.ormqr: LAPACK's compact Householder QR (R on and above the diagonal, the reflectors below,
/// τ beside) and the product of its Q with another matrix, on the host kernels of <see cref="Dispatcher"/>'s linalg
/// door. Checks and messages as PyTorch 1.13's. PyTorch 1.13 defines no derivative for either: a result of an input
/// that requires grad records a node whose backward raises PyTorch's error.
/// </summary>
internal static class LinalgHouseholder
{
    /// <summary>geqrf: (a, τ) of every matrix of a [..., m, n] tensor, τ of shape [..., min(m, n)].</summary>
    public static (Tensor A, Tensor Tau) Geqrf(Tensor input)
    {
        if (input.dim() < 2) throw new ArgumentException("torch.geqrf: input must have at least 2 dimensions.");
        if (input.dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException(Linalg.NotImplementedFor("geqrf_cpu", input));
        var (a, tau) = Dispatcher.Geqrf(input);
        if (Recorder.Needed(input))
        {
            var r = Recorder.RecordMulti([a, tau], "GeqrfBackward0", [input], [], (_, _) =>
                throw new NotSupportedException("the derivative for 'geqrf' is not implemented."));
            (a, tau) = (r[0], r[1]);
        }
        return (a, tau);
    }

    /// <summary>ormqr: op(Q) other (<paramref name="left"/>) or other op(Q), Q = H₁ … H_k from geqrf's (input, τ), op(Q) = Qᵀ when <paramref name="transpose"/>.</summary>
    public static Tensor Ormqr(Tensor input, Tensor tau, Tensor other, bool left, bool transpose)
    {
        const string op = "torch.ormqr";
        // ormqr_out's order: ranks, tau against other and input, tau's rank, other's rank, batch dims, dtypes.
        if (input.dim() < 2) throw new ArgumentException($"{op}: input must have at least 2 dimensions.");
        if (other.dim() < 2) throw new ArgumentException($"{op}: other must have at least 2 dimensions.");
        int side = left ? -2 : -1;
        long otherSide = other.Shape[other.dim() + side];
        if (tau.dim() == 0) throw new IndexOutOfRangeException("Dimension specified as -1 but tensor has no dimensions");
        long k = tau.Shape[^1];
        if (otherSide < k)
            throw new ArgumentException($"{op}: other.shape[{side}] must be greater than or equal to tau.shape[-1]");
        if (otherSide != input.Shape[^2])
            throw new ArgumentException($"{op}: other.shape[{side}] must be equal to input.shape[-2]");
        if (k > input.Shape[^1])
            throw new ArgumentException($"{op}: tau.shape[-1] must be less than or equal to input.shape[-1]");
        if (input.dim() - tau.dim() != 1)
            throw new ArgumentException($"{op}: Expected tau to have one dimension less than input, but got tau.ndim equal to {tau.dim()} and input.ndim is equal to {input.dim()}");
        if (input.dim() != other.dim())
            throw new ArgumentException($"{op}: Expected other to have the same number of dimensions as input, but got other.ndim equal to {other.dim()} and input.ndim is equal to {input.dim()}");
        if (input.dim() > 2)
        {
            var batch = input.Shape[..^2];
            if (!tau.Shape[..^1].SequenceEqual(batch))
                throw new ArgumentException($"{op}: Expected batch dimensions of tau to be equal to input.shape[:-2], but got {Shapes.Str(tau.Shape[..^1])}");
            if (!other.Shape[..^2].SequenceEqual(batch))
                throw new ArgumentException($"{op}: Expected batch dimensions of other to be equal to input.shape[:-2], but got {Shapes.Str(other.Shape[..^2])}");
        }
        // (PyTorch 1.13 writes no space after "dtype" in the first half of these two messages.)
        if (tau.dtype != input.dtype)
            throw new ArgumentException($"{op}: Expected input and tau to have the same dtype, but input has dtype{DTypes.ShortName(input.dtype)} and tau has dtype {DTypes.ShortName(tau.dtype)}");
        if (other.dtype != input.dtype)
            throw new ArgumentException($"{op}: Expected input and other to have the same dtype, but input has dtype{DTypes.ShortName(input.dtype)} and other has dtype {DTypes.ShortName(other.dtype)}");
        Dispatcher.CheckSameDevice(input, tau);
        Dispatcher.CheckSameDevice(input, other);
        if (input.dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException(Linalg.NotImplementedFor("ormqr_cpu", input));
        var result = Dispatcher.Ormqr(input, tau, other, left, transpose);
        if (Recorder.Needed([input, tau, other]))
            result = Recorder.Record(result, "OrmqrBackward0", [input, tau, other], [], (_, _) =>
                throw new NotSupportedException("the derivative for 'ormqr' is not implemented."));
        return result;
    }
}
