using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Hard shrinkage: x where |x| &gt; lambda, else 0.</summary>
        public sealed class Hardshrink : torch.nn.Module<Tensor, Tensor>
        {
            internal Hardshrink(double lambda) => lambd = lambda;

            /// <summary>The threshold.</summary>
            public double lambd { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.hardshrink(input, lambd);

            /// <inheritdoc/>
            public override string extra_repr() => FormatFloat(lambd);
        }

        /// <summary>Soft shrinkage: x − lambda above lambda, x + lambda below −lambda, else 0.</summary>
        public sealed class Softshrink : torch.nn.Module<Tensor, Tensor>
        {
            internal Softshrink(double lambda) => lambd = lambda;

            /// <summary>The threshold (at least 0).</summary>
            public double lambd { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.softshrink(input, lambd);

            /// <inheritdoc/>
            public override string extra_repr() => FormatFloat(lambd);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Hard shrinkage with threshold <paramref name="lambda"/>.</summary>
            public static Hardshrink Hardshrink(double lambda = 0.5) => new(lambda);

            /// <summary>Soft shrinkage with threshold <paramref name="lambda"/>.</summary>
            public static Softshrink Softshrink(double lambda = 0.5) => new(lambda);

            public static partial class functional
            {
                /// <summary>x where |x| &gt; lambda, else 0 (the gradient passes where x is kept).</summary>
                public static Tensor hardshrink(Tensor input, double lambda = 0.5) => input * input.abs().gt(lambda).to(input.dtype);

                /// <summary>x − lambda where x &gt; lambda, x + lambda where x &lt; −lambda, else 0.</summary>
                public static Tensor softshrink(Tensor input, double lambda = 0.5)
                {
                    if (lambda < 0) throw new ArgumentException($"lambda must be greater or equal to 0, but found to be {lambda.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
                    return (input - input.clamp(-lambda, lambda));
                }

                /// <summary>TorchSharp's class-named alias of <see cref="hardshrink"/>.</summary>
                public static Tensor Hardshrink(Tensor x, double lambda = 0.5) => hardshrink(x, lambda);

                /// <summary>TorchSharp's class-named alias of <see cref="softshrink"/>.</summary>
                public static Tensor Softshrink(Tensor x, double lambda = 0.5) => softshrink(x, lambda);

                /// <summary>TorchSharp's class-named alias of <see cref="hardtanh"/>.</summary>
                public static Tensor Hardtanh(Tensor x, double min_val = -1.0, double max_val = 1.0, bool inplace = false) => hardtanh(x, min_val, max_val, inplace);

                /// <summary>TorchSharp's class-named alias of <see cref="mish"/>.</summary>
                public static Tensor Mish(Tensor x) => mish(x);

                /// <summary>TorchSharp's class-named alias of <see cref="silu"/>.</summary>
                public static Tensor SiLU(Tensor x) => silu(x);

                /// <summary>TorchSharp's class-named alias of <see cref="softsign"/>.</summary>
                public static Tensor Softsign(Tensor x) => softsign(x);

                /// <summary>TorchSharp's class-named alias of <see cref="tanhshrink"/>.</summary>
                public static Tensor Tanhshrink(Tensor x) => tanhshrink(x);

                /// <summary>TorchSharp's class-named alias of <see cref="threshold"/>.</summary>
                public static Tensor Threshold(Tensor x, double threshold, double value, bool inplace = false) => functional.threshold(x, threshold, value, inplace);
            }
        }
    }
}
