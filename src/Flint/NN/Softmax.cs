using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Softmax along <see cref="dim"/>: non-negative values that sum to 1.</summary>
        public sealed class Softmax : torch.nn.Module<Tensor, Tensor>
        {
            internal Softmax(long dim) => this.dim = dim;

            /// <summary>The dimension that sums to 1.</summary>
            public long dim { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => tensor.softmax(dim);

            /// <inheritdoc/>
            public override string extra_repr() => $"dim={dim}";
        }

        /// <summary>log(softmax(x)) along <see cref="dim"/>, computed stably.</summary>
        public sealed class LogSoftmax : torch.nn.Module<Tensor, Tensor>
        {
            internal LogSoftmax(long dim) => this.dim = dim;

            /// <summary>The dimension normalised over.</summary>
            public long dim { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => tensor.log_softmax(dim);

            /// <inheritdoc/>
            public override string extra_repr() => $"dim={dim}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Softmax along <paramref name="dim"/>.</summary>
            public static Softmax Softmax(long dim) => new(dim);

            /// <summary>Log-softmax along <paramref name="dim"/>.</summary>
            public static LogSoftmax LogSoftmax(long dim) => new(dim);

            public static partial class functional
            {
                /// <summary>exp(x) / sum(exp(x)) along <paramref name="dim"/> (stable: the max is subtracted first).</summary>
                public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);

                /// <summary>log(softmax(x)) along <paramref name="dim"/> via log-sum-exp, stable for large and very negative inputs.</summary>
                public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
            }
        }
    }
}
