using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A 1-D convolution over inputs (N, C_in, L) or (C_in, L) (PyTorch's <c>nn.Conv1d</c>): out_channels filters of
        /// in_channels / groups × kernel_size, with stride, padding (ints, or <c>'same'</c>/<c>'valid'</c>), dilation,
        /// groups and padding_mode zeros, reflect, replicate or circular.
        /// </summary>
        public sealed class Conv1d : Convolution
        {
            internal Conv1d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, Padding? paddingType, long[] dilation,
                PaddingModes paddingMode, long groups, bool hasBias, Device? device, ScalarType? dtype)
                : base("conv1d", inChannels, outChannels, kernelSize, stride, padding, paddingType, dilation, false, new long[1], groups, hasBias, paddingMode, device, dtype)
            {
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A 1-D convolution with PyTorch's default initialisation; one size for every spatial dim.</summary>
            /// <param name="in_channels">Channels of the input.</param>
            /// <param name="out_channels">Channels of the output (the number of filters).</param>
            /// <param name="kernel_size">The filters' size.</param>
            /// <param name="stride">The step between output positions.</param>
            /// <param name="padding">Zero padding added to both sides of each spatial dim.</param>
            /// <param name="dilation">The spacing between kernel taps.</param>
            /// <param name="padding_mode">zeros, reflect, replicate or circular.</param>
            /// <param name="groups">Splits the channels into this many independent groups (in_channels for depthwise).</param>
            /// <param name="bias">Whether the layer learns an additive bias.</param>
            /// <param name="device">Where the parameters live (default: CPU).</param>
            /// <param name="dtype">The parameters' dtype (default: the default dtype).</param>
            public static Conv1d Conv1d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, Enumerable.Repeat(kernel_size, 1).ToArray(), Enumerable.Repeat(stride, 1).ToArray(), Enumerable.Repeat(padding, 1).ToArray(), null, Enumerable.Repeat(dilation, 1).ToArray(), padding_mode, groups, bias, device, dtype);

            /// <summary>A 1-D convolution with <c>padding='valid'</c> or <c>'same'</c>.</summary>
            /// <param name="in_channels">Channels of the input.</param>
            /// <param name="out_channels">Channels of the output (the number of filters).</param>
            /// <param name="kernel_size">The filters' size.</param>
            /// <param name="stride">The step between output positions.</param>
            /// <param name="padding">Padding.Valid (none) or Padding.Same (output size = input size; stride must be 1).</param>
            /// <param name="dilation">The spacing between kernel taps.</param>
            /// <param name="padding_mode">zeros, reflect, replicate or circular.</param>
            /// <param name="groups">Splits the channels into this many independent groups (in_channels for depthwise).</param>
            /// <param name="bias">Whether the layer learns an additive bias.</param>
            /// <param name="device">Where the parameters live (default: CPU).</param>
            /// <param name="dtype">The parameters' dtype (default: the default dtype).</param>
            public static Conv1d Conv1d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, Enumerable.Repeat(kernel_size, 1).ToArray(), Enumerable.Repeat(stride, 1).ToArray(), new long[1], padding, Enumerable.Repeat(dilation, 1).ToArray(), padding_mode, groups, bias, device, dtype);

        }
    }
}
