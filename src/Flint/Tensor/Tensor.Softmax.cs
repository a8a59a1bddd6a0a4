using Flint.Autograd;
using Flint.Ops;

namespace Flint;

// Thin forwards: the rules, kernels and backward formulas live in Ops/Softmax.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// exp(x) / sum(exp(x)) along <paramref name="dim"/>, computed stably as exp(x - max) scaled by
        /// 1 / sum, as PyTorch's CPU kernel does. <paramref name="dtype"/> casts the input first.
        /// </summary>
        public Tensor softmax(long dim, ScalarType? dtype = null) => this.Softmax(dim, dtype);

        /// <summary>
        /// log(softmax(x)) along <paramref name="dim"/>, computed as (x - max) - log(sum(exp(x - max))) so
        /// it never overflows and keeps precision for very negative values.
        /// </summary>
        public Tensor log_softmax(long dim, ScalarType? dtype = null) => this.LogSoftmax(dim, dtype);
    }
}
