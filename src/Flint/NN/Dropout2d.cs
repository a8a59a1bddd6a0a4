using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Channel-wise dropout (PyTorch's <c>nn.Dropout2d</c>): in training, zeroes whole channels of (N, C, H, W)
        /// input with probability <see cref="p"/> and scales the rest by 1 / (1 - p). A 3-d input is read as
        /// (N, C, L), as PyTorch 1.13 does (without its deprecation warning).
        /// </summary>
        public sealed class Dropout2d : torch.nn.Module<Tensor, Tensor>
        {
            internal Dropout2d(double p, bool inplace)
            {
                torch.nn.functional.CheckDropoutProbability(p);
                this.p = p;
                this.inplace = inplace;
            }

            /// <summary>The probability of zeroing a channel.</summary>
            public double p { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.dropout2d(input, p, training, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"p={FormatFloat(p)}, inplace={FormatBool(inplace)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Channel-wise dropout with probability <paramref name="p"/>, active only in training mode.</summary>
            public static Dropout2d Dropout2d(double p = 0.5, bool inplace = false) => new(p, inplace);

            public static partial class functional
            {
                /// <summary>
                /// With <paramref name="training"/>, multiplies each (sample, channel) slice of <paramref name="input"/> by one
                /// draw of a Bernoulli(1 - p) mask scaled by 1 / (1 - p), drawn as PyTorch's <c>feature_dropout</c> draws it
                /// (a noise tensor of shape (N, C, 1, ...)), so seeded masks equal PyTorch's. Otherwise returns the input.
                /// </summary>
                public static Tensor dropout2d(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
                {
                    CheckDropoutProbability(p);
                    if (p == 0 || !training || input.numel() == 0) return input;
                    if (input.dim() < 2) throw new ArgumentException("Feature dropout requires at least 2 dimensions in the input");
                    if (!input.is_floating_point())
                        throw new ArgumentException($"result type Float can't be cast to the desired output type {DTypes.ShortName(input.dtype)}");
                    if (p == 1)
                    {
                        var zero = zeros([], input.dtype, input.device);
                        return inplace ? input.mul_(zero) : input.mul(zero);
                    }
                    var shape = new long[input.dim()];
                    Array.Fill(shape, 1L);
                    shape[0] = input.size(0);
                    shape[1] = input.size(1);
                    var noise = empty(shape, input.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32, input.device);
                    Ops.Dispatcher.FillRandom(Backends.RandomKind.Bernoulli, noise, 1 - p, 0);
                    if (noise.dtype != input.dtype) noise = noise.to(input.dtype);
                    noise.div_(1 - p);
                    return inplace ? input.mul_(noise) : input.mul(noise);
                }
            }
        }
    }
}
