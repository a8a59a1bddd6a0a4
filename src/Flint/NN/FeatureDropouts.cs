using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Alpha dropout (PyTorch's <c>nn.AlphaDropout</c>): in training, keeps SELU's self-normalising mean and variance
        /// by setting dropped elements to SELU's negative saturation and applying an affine correction; in evaluation,
        /// returns its input.
        /// </summary>
        public sealed class AlphaDropout : torch.nn.Module<Tensor, Tensor>
        {
            internal AlphaDropout(double p, bool inplace)
            {
                torch.nn.functional.CheckDropoutProbability(p);
                this.p = p;
                this.inplace = inplace;
            }

            /// <summary>The probability of dropping an element.</summary>
            public double p { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.alpha_dropout(input, p, training, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"p={FormatFloat(p)}, inplace={FormatBool(inplace)}";
        }

        /// <summary>
        /// Channel-wise alpha dropout (PyTorch's <c>nn.FeatureAlphaDropout</c>): like <see cref="AlphaDropout"/> but one draw
        /// per (sample, channel) of an (N, C, ...) input.
        /// </summary>
        public sealed class FeatureAlphaDropout : torch.nn.Module<Tensor, Tensor>
        {
            internal FeatureAlphaDropout(double p, bool inplace)
            {
                torch.nn.functional.CheckDropoutProbability(p);
                this.p = p;
                this.inplace = inplace;
            }

            /// <summary>The probability of dropping a channel.</summary>
            public double p { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.feature_alpha_dropout(input, p, training, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"p={FormatFloat(p)}, inplace={FormatBool(inplace)}";
        }

        /// <summary>
        /// Channel-wise dropout over (N, C, L) or (C, L) input (PyTorch's <c>nn.Dropout1d</c>): in training, zeroes whole
        /// channels with probability <see cref="p"/> and scales the rest by 1 / (1 - p).
        /// </summary>
        public sealed class Dropout1d : torch.nn.Module<Tensor, Tensor>
        {
            internal Dropout1d(double p, bool inplace)
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
            public override Tensor forward(Tensor input) => torch.nn.functional.dropout1d(input, p, training, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"p={FormatFloat(p)}, inplace={FormatBool(inplace)}";
        }

        /// <summary>
        /// Channel-wise dropout over (N, C, D, H, W) or (C, D, H, W) input (PyTorch's <c>nn.Dropout3d</c>).
        /// </summary>
        public sealed class Dropout3d : torch.nn.Module<Tensor, Tensor>
        {
            internal Dropout3d(double p, bool inplace)
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
            public override Tensor forward(Tensor input) => torch.nn.functional.dropout3d(input, p, training, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"p={FormatFloat(p)}, inplace={FormatBool(inplace)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Alpha dropout with probability <paramref name="p"/>, active only in training mode.</summary>
            public static AlphaDropout AlphaDropout(double p = 0.5, bool inplace = false) => new(p, inplace);

            /// <summary>Channel-wise alpha dropout with probability <paramref name="p"/>, active only in training mode.</summary>
            public static FeatureAlphaDropout FeatureAlphaDropout(double p = 0.5, bool inplace = false) => new(p, inplace);

            /// <summary>Channel-wise dropout of (N, C, L) or (C, L) input, active only in training mode.</summary>
            public static Dropout1d Dropout1d(double p = 0.5, bool inplace = false) => new(p, inplace);

            /// <summary>Channel-wise dropout of (N, C, D, H, W) or (C, D, H, W) input, active only in training mode.</summary>
            public static Dropout3d Dropout3d(double p = 0.5, bool inplace = false) => new(p, inplace);

            public static partial class functional
            {
                /// <summary>
                /// Alpha dropout (PyTorch's <c>F.alpha_dropout</c>): with <paramref name="training"/>, draws a Bernoulli(1 - p) mask
                /// m per element and returns <c>a (x m + alpha' (1 - m)) + b</c> with alpha' = -1.7580993408473766 (SELU's negative
                /// saturation), a = 1 / sqrt((alpha'^2 p + 1)(1 - p)) and b = -a alpha' p, so zero-mean unit-variance input keeps
                /// its statistics. The mask is drawn as PyTorch's CPU kernel draws it. Otherwise returns the input.
                /// </summary>
                public static Tensor alpha_dropout(Tensor input, double p = 0.5, bool training = false, bool inplace = false) =>
                    DropoutImpl(input, p, training, inplace, keptDims: 0, alpha: true);

                /// <summary>
                /// Channel-wise alpha dropout (PyTorch's <c>F.feature_alpha_dropout</c>): as <see cref="alpha_dropout"/> with one
                /// mask draw per (sample, channel), i.e. a noise tensor of shape (N, C, 1, ...).
                /// </summary>
                public static Tensor feature_alpha_dropout(Tensor input, double p = 0.5, bool training = false, bool inplace = false) =>
                    DropoutImpl(input, p, training, inplace, keptDims: 2, alpha: true);

                /// <summary>
                /// Channel-wise dropout of (N, C, L) or (C, L) input (PyTorch's <c>F.dropout1d</c>): with <paramref name="training"/>,
                /// zeroes whole channels with probability <paramref name="p"/> and scales the rest by 1 / (1 - p).
                /// </summary>
                public static Tensor dropout1d(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
                {
                    CheckDropoutProbability(p);
                    int d = (int)input.dim();
                    if (d != 2 && d != 3)
                        throw new ArgumentException($"dropout1d: Expected 2D or 3D input, but received a {d}D input. Note that dropout1d exists to provide " +
                            "channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).");
                    return DropoutImpl(input, p, training, inplace, keptDims: d == 3 ? 2 : 1, alpha: false);
                }

                /// <summary>
                /// Channel-wise dropout of (N, C, D, H, W) input (PyTorch's <c>F.dropout3d</c>); any other rank is read as
                /// unbatched, as PyTorch 1.13 does (without its deprecation warning).
                /// </summary>
                public static Tensor dropout3d(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
                {
                    CheckDropoutProbability(p);
                    return DropoutImpl(input, p, training, inplace, keptDims: input.dim() == 5 ? 2 : 1, alpha: false);
                }

                /// <summary>
                /// PyTorch's <c>_dropout_impl</c>: the mask has the input's shape (<paramref name="keptDims"/> 0) or keeps the first
                /// <paramref name="keptDims"/> sizes and is 1 elsewhere (feature dropout).
                /// </summary>
                private static Tensor DropoutImpl(Tensor input, double p, bool training, bool inplace, int keptDims, bool alpha)
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
                    long[] shape;
                    if (keptDims == 0) shape = input.shape;
                    else
                    {
                        // Unbatched input is unsqueezed by PyTorch first: one more leading dim of size 1, same draws.
                        if (input.dim() + (2 - keptDims) < 2) throw new ArgumentException("Feature dropout requires at least 2 dimensions in the input");
                        shape = new long[input.dim()];
                        Array.Fill(shape, 1L);
                        for (int d = 0; d < keptDims; d++) shape[d] = input.size(d);
                    }
                    Tensor noise, b = null!;
                    using (no_grad())
                    {
                        noise = empty(shape, input.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32, input.device);
                        Ops.Dispatcher.FillRandom(Backends.RandomKind.Bernoulli, noise, 1 - p, 0);
                        if (noise.dtype != input.dtype) noise = noise.to(input.dtype);
                        if (alpha)
                        {
                            const double Alpha = 1.7580993408473766;
                            double a = 1.0 / Math.Sqrt((Alpha * Alpha * p + 1) * (1 - p));
                            b = noise.add(-1.0).mul_(Alpha * a).add_(Alpha * a * p);
                            noise.mul_(a);
                        }
                        else noise.div_(1 - p);
                    }
                    if (!alpha) return inplace ? input.mul_(noise) : input.mul(noise);
                    return inplace ? input.mul_(noise).add_(b) : input.mul(noise).add(b);
                }
            }
        }
    }
}
