namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Weight initialisers (PyTorch's <c>torch.nn.init</c>). They fill a tensor in place without recording
        /// autograd history and draw from the global generator with PyTorch 1.13's formulas and draw order, so
        /// after the same <c>torch.manual_seed</c> they produce PyTorch's exact values.
        /// </summary>
        public static partial class init
        {
            /// <summary>The nonlinearity a gain is computed for (TorchSharp's names).</summary>
            public enum NonlinearityType
            {
                /// <summary>Gain 1.</summary>
                Linear = 0,
                /// <summary>Gain 1.</summary>
                Conv1D = 1,
                /// <summary>Gain 1.</summary>
                Conv2D = 2,
                /// <summary>Gain 1.</summary>
                Conv3D = 3,
                /// <summary>Gain 1.</summary>
                ConvTranspose1D = 4,
                /// <summary>Gain 1.</summary>
                ConvTranspose2D = 5,
                /// <summary>Gain 1.</summary>
                ConvTranspose3D = 6,
                /// <summary>Gain 1.</summary>
                Sigmoid = 7,
                /// <summary>Gain 5/3.</summary>
                Tanh = 8,
                /// <summary>Gain sqrt(2).</summary>
                ReLU = 9,
                /// <summary>Gain sqrt(2 / (1 + negative_slope^2)).</summary>
                LeakyReLU = 10,
                /// <summary>Gain 3/4.</summary>
                SELU = 11,
            }

            /// <summary>Whether Kaiming initialisation preserves the variance of the forward (fan in) or backward (fan out) pass.</summary>
            public enum FanInOut
            {
                /// <summary>Scale by the number of inputs.</summary>
                FanIn = 0,
                /// <summary>Scale by the number of outputs.</summary>
                FanOut = 1,
            }

            /// <summary>
            /// The recommended gain for a nonlinearity. For LeakyReLU, <paramref name="param"/> is the negative
            /// slope (0.01 when null, as in PyTorch).
            /// </summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double? param = null) => nonlinearity switch
            {
                NonlinearityType.Linear or NonlinearityType.Conv1D or NonlinearityType.Conv2D or NonlinearityType.Conv3D
                    or NonlinearityType.ConvTranspose1D or NonlinearityType.ConvTranspose2D or NonlinearityType.ConvTranspose3D
                    or NonlinearityType.Sigmoid => 1,
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + Square(param ?? 0.01))),
                NonlinearityType.SELU => 3.0 / 4,
                _ => throw new ArgumentException($"Unsupported nonlinearity {nonlinearity}"),
            };

            /// <summary>The recommended gain by PyTorch's name: "linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu", ...</summary>
            public static double calculate_gain(string nonlinearity, double? param = null) => nonlinearity switch
            {
                "linear" => calculate_gain(NonlinearityType.Linear),
                "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" => 1,
                "sigmoid" => calculate_gain(NonlinearityType.Sigmoid),
                "tanh" => calculate_gain(NonlinearityType.Tanh),
                "relu" => calculate_gain(NonlinearityType.ReLU),
                "leaky_relu" => calculate_gain(NonlinearityType.LeakyReLU, param),
                "selu" => calculate_gain(NonlinearityType.SELU),
                _ => throw new ArgumentException($"Unsupported nonlinearity {nonlinearity}"),
            };

            private static double Square(double x) => x * x;

            /// <summary>Fills with samples of U(<paramref name="low"/>, <paramref name="high"/>).</summary>
            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1)
            {
                Fill(tensor, t => FillUniform(t, low, high));
                return tensor;
            }

            /// <summary>Fills with samples of N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1)
            {
                if (std < 0) throw new ArgumentException($"normal expects std >= 0.0, but found std {std}");
                Fill(tensor, t => FillNormal(t, mean, std));
                return tensor;
            }

            /// <summary>Fills with <paramref name="val"/>.</summary>
            public static Tensor constant_(Tensor tensor, double val)
            {
                using (no_grad()) tensor.fill_(val);
                return tensor;
            }

            /// <summary>Fills with ones.</summary>
            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>Fills with zeros.</summary>
            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            /// <summary>
            /// He initialisation from U(-bound, bound) with bound = gain * sqrt(3 / fan), gain from
            /// <paramref name="nonlinearity"/> and <paramref name="a"/> (the negative slope of a leaky ReLU).
            /// </summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                if (tensor.numel() == 0) return tensor; // PyTorch warns and leaves a zero-element tensor alone
                double fan = CorrectFan(tensor, mode);
                double gain = calculate_gain(nonlinearity, a);
                double std = gain / Math.Sqrt(fan);
                double bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>He initialisation from N(0, std²) with std = gain / sqrt(fan).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                if (tensor.numel() == 0) return tensor;
                double fan = CorrectFan(tensor, mode);
                double gain = calculate_gain(nonlinearity, a);
                double std = gain / Math.Sqrt(fan);
                return normal_(tensor, 0, std);
            }

            /// <summary>Glorot initialisation from U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                double std = gain * Math.Sqrt(2.0 / (double)(fanIn + fanOut));
                double a = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -a, a);
            }

            /// <summary>Glorot initialisation from N(0, std²) with std = gain * sqrt(2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                double std = gain * Math.Sqrt(2.0 / (double)(fanIn + fanOut));
                return normal_(tensor, 0, std);
            }

            /// <summary>Alias of <see cref="xavier_uniform_"/>.</summary>
            public static Tensor glorot_uniform_(Tensor tensor, double gain = 1.0) => xavier_uniform_(tensor, gain);

            /// <summary>Alias of <see cref="xavier_normal_"/>.</summary>
            public static Tensor glorot_normal_(Tensor tensor, double gain = 1.0) => xavier_normal_(tensor, gain);

            /// <summary>
            /// (fan_in, fan_out) of a weight: for (out, in, *kernel) shapes, in and out times the kernel size.
            /// </summary>
            /// <exception cref="ArgumentException">The tensor has fewer than 2 dimensions.</exception>
            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor)
            {
                if (tensor.dim() < 2)
                    throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
                long receptive = 1;
                for (int i = 2; i < tensor.dim(); i++) receptive *= tensor.size(i);
                return (tensor.size(1) * receptive, tensor.size(0) * receptive);
            }

            private static double CorrectFan(Tensor tensor, FanInOut mode)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                return mode == FanInOut.FanIn ? fanIn : fanOut;
            }

            /// <summary>
            /// Runs a generator fill on the tensor's memory directly (contiguous) or on a contiguous temporary
            /// copied in (strided views), outside autograd, and bumps the storage version.
            /// </summary>
            private static void Fill(Tensor tensor, Action<Tensor> fill)
            {
                if (!tensor.is_floating_point())
                    throw new ArgumentException($"\"random fill\" not implemented for '{DTypes.ShortName(tensor.dtype)}'");
                if (tensor.numel() == 0) return;
                if (tensor.is_contiguous())
                {
                    var view = new Tensor(tensor.Storage, tensor.Shape, tensor.Strides, tensor.Offset);
                    fill(view);
                    tensor.Storage.Version++;
                    return;
                }
                var tmp = empty(tensor.Shape, tensor.dtype, tensor.device);
                fill(tmp);
                using (no_grad()) tensor.copy_(tmp);
            }
        }
    }
}
