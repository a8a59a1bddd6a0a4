namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class init
        {
            /// <summary>Fills a 2-d tensor with the identity matrix (ones on the main diagonal), without autograd.</summary>
            public static Tensor eye_(Tensor tensor)
            {
                if (tensor.dim() != 2) throw new ArgumentException("Only tensors with 2 dimensions are supported");
                using (no_grad()) tensor.copy_(eye(tensor.size(0), tensor.size(1), tensor.dtype, tensor.device));
                return tensor;
            }

            /// <summary>
            /// Fills a 3-, 4- or 5-d convolution weight with the Dirac delta: each of the first min(out/groups, in) output
            /// channels of every group passes its input channel through the kernel's centre unchanged.
            /// </summary>
            public static Tensor dirac_(Tensor tensor, long groups = 1)
            {
                long dims = tensor.dim();
                if (dims is not (3 or 4 or 5)) throw new ArgumentException("Only tensors with 3, 4, or 5 dimensions are supported");
                var shape = tensor.shape;
                if (groups <= 0 || shape[0] % groups != 0) throw new ArgumentException("dim 0 must be divisible by groups");
                long perGroup = shape[0] / groups, minDim = Math.Min(perGroup, shape[1]);
                var strides = new long[dims];
                strides[dims - 1] = 1;
                for (long i = dims - 2; i >= 0; i--) strides[i] = strides[i + 1] * shape[i + 1];
                var values = new double[tensor.numel()];
                for (long g = 0; g < groups; g++)
                    for (long d = 0; d < minDim; d++)
                    {
                        long offset = (g * perGroup + d) * strides[0] + d * strides[1];
                        for (long k = 2; k < dims; k++) offset += shape[k] / 2 * strides[k];
                        values[offset] = 1;
                    }
                using (no_grad()) tensor.copy_(torch.tensor(values, shape, ScalarType.Float64, tensor.device));
                return tensor;
            }
        }
    }
}
