using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// In training mode, zeroes each element with probability <see cref="p"/> and scales the rest by
        /// 1 / (1 - p); in evaluation mode, returns its input.
        /// </summary>
        public sealed class Dropout : torch.nn.Module<Tensor, Tensor>
        {
            internal Dropout(double p, bool inplace)
            {
                torch.nn.functional.CheckDropoutProbability(p);
                this.p = p;
                this.inplace = inplace;
            }

            /// <summary>The probability of zeroing an element.</summary>
            public double p { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.dropout(tensor, p, training, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"p={FormatFloat(p)}, inplace={FormatBool(inplace)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Dropout with probability <paramref name="p"/>, active only in training mode.</summary>
            public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);

            public static partial class functional
            {
                /// <summary>
                /// With <paramref name="training"/>, multiplies <paramref name="input"/> by a mask drawn as PyTorch's CPU
                /// kernel draws it (<c>noise.bernoulli_(1 - p); noise.div_(1 - p)</c>, one double uniform per element from
                /// the global generator), so seeded masks equal PyTorch's. Otherwise returns <paramref name="input"/> itself.
                /// </summary>
                public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
                {
                    CheckDropoutProbability(p);
                    if (p == 0 || !training || input.numel() == 0) return input;
                    if (!input.is_floating_point())
                        throw new ArgumentException($"result type Float can't be cast to the desired output type {DTypes.ShortName(input.dtype)}");
                    if (p == 1)
                    {
                        var zero = zeros([], input.dtype, input.device);
                        return inplace ? input.mul_(zero) : input.mul(zero);
                    }
                    var noise = BernoulliNoise(input, 1 - p);
                    noise.div_(1 - p);
                    return inplace ? input.mul_(noise) : input.mul(noise);
                }

                /// <summary>A contiguous tensor like <paramref name="input"/> of 0/1 samples with P(1) = <paramref name="keep"/>.</summary>
                private static Tensor BernoulliNoise(Tensor input, double keep)
                {
                    var noise = empty(input.Shape, input.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32, input.device);
                    Ops.Dispatcher.FillRandom(Backends.RandomKind.Bernoulli, noise, keep, 0);
                    return noise.dtype == input.dtype ? noise : noise.to(input.dtype);
                }

                internal static void CheckDropoutProbability(double p)
                {
                    if (!(p >= 0 && p <= 1))
                        throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {Module.FormatFloat(p)}");
                }
            }
        }
    }
}
