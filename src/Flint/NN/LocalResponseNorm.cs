using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Local response normalisation (PyTorch's <c>nn.LocalResponseNorm</c>): each element divided by
        /// (k + α·mean of x² over <see cref="size"/> neighbouring channels)^β. No parameters.
        /// </summary>
        public sealed class LocalResponseNorm : torch.nn.Module<Tensor, Tensor>
        {
            internal LocalResponseNorm(long size, double alpha, double beta, double k)
            {
                this.size = size;
                this.alpha = alpha;
                this.beta = beta;
                this.k = k;
            }

            /// <summary>The number of neighbouring channels in the window.</summary>
            public long size { get; set; }

            /// <summary>The multiplier of the window's mean square.</summary>
            public double alpha { get; set; }

            /// <summary>The exponent of the divisor.</summary>
            public double beta { get; set; }

            /// <summary>The additive constant of the divisor.</summary>
            public double k { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.local_response_norm(input, size, alpha, beta, k);

            /// <inheritdoc/>
            public override string extra_repr() => $"{size}, alpha={FormatFloat(alpha)}, beta={FormatFloat(beta)}, k={FormatFloat(k)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Local response normalisation over <paramref name="size"/> neighbouring channels (dim 1).</summary>
            /// <param name="size">The number of neighbouring channels in the window.</param>
            /// <param name="alpha">The multiplier of the window's mean square.</param>
            /// <param name="beta">The exponent of the divisor.</param>
            /// <param name="k">The additive constant of the divisor.</param>
            public static LocalResponseNorm LocalResponseNorm(long size, double alpha = 1e-4, double beta = 0.75, double k = 1.0) => new(size, alpha, beta, k);

            public static partial class functional
            {
                /// <summary>
                /// Local response normalisation of an (N, C, *) input (at least 3-D): x / (k + α·avg(x² over <paramref name="size"/>
                /// neighbouring channels, zero-padded))^β.
                /// </summary>
                public static Tensor local_response_norm(Tensor input, long size, double alpha = 1e-4, double beta = 0.75, double k = 1.0)
                    => Ops.LocalResponseNorm.Apply(input, size, alpha, beta, k);
            }
        }
    }
}
