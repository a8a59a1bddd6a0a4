namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class init
        {
            /// <summary>
            /// Fills the tensor with a (semi-)orthogonal matrix, as PyTorch's <c>orthogonal_</c>: the tensor is read as
            /// (size(0), numel / size(0)); a matrix of N(0, 1) draws (transposed when it has fewer rows than columns) is QR-factorised,
            /// Q's columns take the signs of R's diagonal, and the result is scaled by <paramref name="gain"/>.
            /// </summary>
            public static Tensor orthogonal_(Tensor tensor, double gain = 1.0)
            {
                if (tensor.dim() < 2) throw new ArgumentException("Only tensors with 2 or more dimensions are supported");
                if (tensor.numel() == 0) return tensor;
                long rows = tensor.size(0), cols = tensor.numel() / rows;
                using (no_grad())
                {
                    var flat = empty([rows, cols], tensor.dtype, tensor.device);
                    normal_(flat, 0, 1);
                    if (rows < cols) flat = flat.t();
                    var (q, r) = linalg.qr(flat);
                    q = q.mul(r.diagonal().sign());
                    if (rows < cols) q = q.t();
                    tensor.copy_(q.reshape(tensor.shape));
                    tensor.mul_(gain);
                }
                return tensor;
            }

            /// <summary>
            /// Fills a 2-d tensor as a sparse matrix, as PyTorch's <c>sparse_</c>: N(0, <paramref name="std"/>²) draws, then in each
            /// column ceil(<paramref name="sparsity"/> * rows) rows (a random permutation's first ones) set to zero.
            /// </summary>
            public static Tensor sparse_(Tensor tensor, double sparsity, double std = 0.01)
            {
                if (tensor.dim() != 2) throw new ArgumentException("Only tensors with 2 dimensions are supported");
                long rows = tensor.size(0), cols = tensor.size(1);
                long numZeros = (long)Math.Ceiling(sparsity * rows);
                normal_(tensor, 0, std);
                if (numZeros <= 0) return tensor;
                using (no_grad())
                {
                    var mask = ones([rows, cols], tensor.dtype, tensor.device);
                    for (long c = 0; c < cols; c++)
                    {
                        var zeroRows = randperm(rows).narrow(0, 0, Math.Min(numZeros, rows)).to(tensor.device);
                        var column = full([zeroRows.size(0)], c, ScalarType.Int64, tensor.device);
                        mask.index_put_([zeroRows, column], zeros([zeroRows.size(0)], tensor.dtype, tensor.device));
                    }
                    tensor.mul_(mask);
                }
                return tensor;
            }

            /// <summary>
            /// Fills the tensor with N(<paramref name="mean"/>, <paramref name="std"/>²) draws truncated to [<paramref name="a"/>,
            /// <paramref name="b"/>], by PyTorch's inverse-CDF method: U(2 cdf(a') - 1, 2 cdf(b') - 1) draws mapped through
            /// erfinv, scaled by std·sqrt(2), shifted by mean and clamped to [a, b] (a' and b' standardised bounds).
            /// </summary>
            public static Tensor trunc_normal_(Tensor tensor, double mean = 0.0, double std = 1.0, double a = -2.0, double b = 2.0)
            {
                static double NormCdf(double x) => (1 + Erf(x / Math.Sqrt(2))) / 2;
                double l = NormCdf((a - mean) / std), u = NormCdf((b - mean) / std);
                uniform_(tensor, 2 * l - 1, 2 * u - 1);
                using (no_grad())
                {
                    tensor.erfinv_();
                    tensor.mul_(std * Math.Sqrt(2));
                    tensor.add_(mean);
                    tensor.clamp_(a, b);
                }
                return tensor;
            }

            /// <summary>The error function in double precision (Python's <c>math.erf</c>).</summary>
            private static double Erf(double x) => Backends.SpecialMath.Erf(x);
        }
    }
}
