using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A 3-D convolution over inputs (N, C_in, D, H, W) or (C_in, D, H, W) (PyTorch's <c>nn.Conv3d</c>): out_channels filters of
        /// in_channels / groups × kernel_size, with stride, padding (ints, or <c>'same'</c>/<c>'valid'</c>), dilation,
        /// groups and padding_mode zeros, reflect, replicate or circular.
        /// </summary>
        public sealed class Conv3d : Convolution
        {
            internal Conv3d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, Padding? paddingType, long[] dilation,
                PaddingModes paddingMode, long groups, bool hasBias, Device? device, ScalarType? dtype)
                : base("conv3d", inChannels, outChannels, kernelSize, stride, padding, paddingType, dilation, false, new long[3], groups, hasBias, paddingMode, device, dtype)
            {
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A 3-D convolution with PyTorch's default initialisation; one size for every spatial dim.</summary>
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
            public static Conv3d Conv3d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, Enumerable.Repeat(kernel_size, 3).ToArray(), Enumerable.Repeat(stride, 3).ToArray(), Enumerable.Repeat(padding, 3).ToArray(), null, Enumerable.Repeat(dilation, 3).ToArray(), padding_mode, groups, bias, device, dtype);

            /// <summary>A 3-D convolution with <c>padding='valid'</c> or <c>'same'</c>.</summary>
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
            public static Conv3d Conv3d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, Enumerable.Repeat(kernel_size, 3).ToArray(), Enumerable.Repeat(stride, 3).ToArray(), new long[3], padding, Enumerable.Repeat(dilation, 3).ToArray(), padding_mode, groups, bias, device, dtype);

            /// <summary>A 3-D convolution with a size per spatial dim.</summary>
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
            public static Conv3d Conv3d(long in_channels, long out_channels, (long, long, long) kernel_size, (long, long, long)? stride = null, (long, long, long)? padding = null, (long, long, long)? dilation = null,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, [kernel_size.Item1, kernel_size.Item2, kernel_size.Item3], stride is null ? Enumerable.Repeat(1L, 3).ToArray() : [stride.Value.Item1, stride.Value.Item2, stride.Value.Item3], padding is null ? Enumerable.Repeat(0L, 3).ToArray() : [padding.Value.Item1, padding.Value.Item2, padding.Value.Item3], null, dilation is null ? Enumerable.Repeat(1L, 3).ToArray() : [dilation.Value.Item1, dilation.Value.Item2, dilation.Value.Item3], padding_mode, groups, bias, device, dtype);

            /// <summary>A 3-D convolution with a size per spatial dim and <c>padding='valid'</c> or <c>'same'</c>.</summary>
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
            public static Conv3d Conv3d(long in_channels, long out_channels, (long, long, long) kernel_size, Padding padding, (long, long, long)? stride = null, (long, long, long)? dilation = null,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, [kernel_size.Item1, kernel_size.Item2, kernel_size.Item3], stride is null ? Enumerable.Repeat(1L, 3).ToArray() : [stride.Value.Item1, stride.Value.Item2, stride.Value.Item3], new long[3], padding, dilation is null ? Enumerable.Repeat(1L, 3).ToArray() : [dilation.Value.Item1, dilation.Value.Item2, dilation.Value.Item3], padding_mode, groups, bias, device, dtype);

        }
    }
}
