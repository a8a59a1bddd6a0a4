using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Randomized leaky ReLU (PyTorch's <c>nn.RReLU</c>): in training, each non-positive element is scaled by its own
        /// slope drawn from U(lower, upper); in evaluation, by (lower + upper) / 2.
        /// </summary>
        public sealed class RReLU : torch.nn.Module<Tensor, Tensor>
        {
            internal RReLU(double lower, double upper, bool inplace)
            {
                this.lower = lower;
                this.upper = upper;
                this.inplace = inplace;
            }

            /// <summary>The lower bound of the slope distribution.</summary>
            public double lower { get; set; }

            /// <summary>The upper bound of the slope distribution.</summary>
            public double upper { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.rrelu(tensor, lower, upper, training, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"lower={FormatFloat(lower)}, upper={FormatFloat(upper)}{(inplace ? ", inplace=True" : "")}";
        }
    }

    public static partial class torch
    {
        /// <summary>Randomized leaky ReLU (<c>torch.rrelu</c>); <paramref name="training"/> defaults to false as in PyTorch.</summary>
        public static Tensor rrelu(Tensor input, double lower = 1.0 / 8, double upper = 1.0 / 3, bool training = false) =>
            nn.functional.rrelu(input, lower, upper, training);

        /// <summary>In-place randomized leaky ReLU (<c>torch.rrelu_</c>).</summary>
        public static Tensor rrelu_(Tensor input, double lower = 1.0 / 8, double upper = 1.0 / 3, bool training = false) =>
            nn.functional.rrelu(input, lower, upper, training, inplace: true);

        public partial class Tensor
        {
            /// <summary>Randomized leaky ReLU (<c>Tensor.rrelu</c>); see <see cref="nn.functional.rrelu"/>.</summary>
            public Tensor rrelu(double lower = 1.0 / 8, double upper = 1.0 / 3, bool training = false) =>
                nn.functional.rrelu(this, lower, upper, training);

            /// <summary>In-place randomized leaky ReLU (<c>Tensor.rrelu_</c>).</summary>
            public Tensor rrelu_(double lower = 1.0 / 8, double upper = 1.0 / 3, bool training = false) =>
                nn.functional.rrelu(this, lower, upper, training, inplace: true);
        }

        public static partial class nn
        {
            /// <summary>Randomized leaky ReLU with slopes drawn from U(<paramref name="lower"/>, <paramref name="upper"/>) in training.</summary>
            public static RReLU RReLU(double lower = 1.0 / 8, double upper = 1.0 / 3, bool inplace = false) => new(lower, upper, inplace);

            public static partial class functional
            {
                /// <summary>In-place randomized leaky ReLU (PyTorch's <c>F.rrelu_</c>).</summary>
                public static Tensor rrelu_(Tensor input, double lower = 1.0 / 8, double upper = 1.0 / 3, bool training = false) =>
                    rrelu(input, lower, upper, training, inplace: true);

                /// <summary>
                /// Randomized leaky ReLU (PyTorch's <c>F.rrelu</c>). With <paramref name="training"/>, every element x &lt;= 0 is
                /// multiplied by a slope drawn from U(<paramref name="lower"/>, <paramref name="upper"/>) (from the global generator)
                /// and the gradient is that slope; otherwise this is <c>leaky_relu(input, (lower + upper) / 2)</c>.
                /// </summary>
                public static Tensor rrelu(Tensor input, double lower = 1.0 / 8, double upper = 1.0 / 3, bool training = false, bool inplace = false)
                {
                    if (!(lower <= upper)) throw new ArgumentException("Lower bound should be less than or equal to the upper bound");
                    if (!input.is_floating_point())
                        throw new ArgumentException($"\"rrelu_with_noise_out_cpu\" not implemented for '{DTypes.ShortName(input.dtype)}'");
                    if (!training) return leaky_relu(input, (lower + upper) / 2, inplace);
                    Tensor slope;
                    using (no_grad())
                    {
                        var noise = empty(input.Shape, input.dtype, input.device);
                        init.uniform_(noise, lower, upper);
                        slope = where(input.detach().le(0), noise, ones([], input.dtype, input.device));
                    }
                    return inplace ? input.mul_(slope) : input.mul(slope);
                }
            }
        }
    }
}
