using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A 3-D transposed convolution over inputs (N, C_in, D, H, W) or (C_in, D, H, W) (PyTorch's <c>nn.ConvTranspose3d</c>): the gradient of a
        /// 3-D convolution with respect to its input, so it upsamples by the stride.
        /// </summary>
        public sealed class ConvTranspose3d : Convolution
        {
            internal ConvTranspose3d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, long[] outputPadding, long[] dilation,
                PaddingModes paddingMode, long groups, bool hasBias, Device? device, ScalarType? dtype)
                : base("conv_transpose3d", inChannels, outChannels, kernelSize, stride, padding, null, dilation, true, outputPadding, groups, hasBias, paddingMode, device, dtype)
            {
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A 3-D transposed convolution with PyTorch's default initialisation; one size for every spatial dim.</summary>
            /// <param name="in_channels">Channels of the input.</param>
            /// <param name="out_channels">Channels of the output (the number of filters).</param>
            /// <param name="kernel_size">The filters' size.</param>
            /// <param name="stride">The step between output positions.</param>
            /// <param name="padding">dilation·(kernel_size − 1) − padding zeros are added to both sides of the input.</param>
            /// <param name="output_padding">Extra size added to one side of each output dim (less than stride or dilation).</param>
            /// <param name="dilation">The spacing between kernel taps.</param>
            /// <param name="padding_mode">Only zeros is supported, as in PyTorch.</param>
            /// <param name="groups">Splits the channels into this many independent groups (in_channels for depthwise).</param>
            /// <param name="bias">Whether the layer learns an additive bias.</param>
            /// <param name="device">Where the parameters live (default: CPU).</param>
            /// <param name="dtype">The parameters' dtype (default: the default dtype).</param>
            public static ConvTranspose3d ConvTranspose3d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long output_padding = 0, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, Enumerable.Repeat(kernel_size, 3).ToArray(), Enumerable.Repeat(stride, 3).ToArray(), Enumerable.Repeat(padding, 3).ToArray(), Enumerable.Repeat(output_padding, 3).ToArray(), Enumerable.Repeat(dilation, 3).ToArray(), padding_mode, groups, bias, device, dtype);

            /// <summary>A 3-D transposed convolution with a size per spatial dim.</summary>
            /// <param name="in_channels">Channels of the input.</param>
            /// <param name="out_channels">Channels of the output (the number of filters).</param>
            /// <param name="kernel_size">The filters' size.</param>
            /// <param name="stride">The step between output positions.</param>
            /// <param name="padding">dilation·(kernel_size − 1) − padding zeros are added to both sides of the input.</param>
            /// <param name="output_padding">Extra size added to one side of each output dim (less than stride or dilation).</param>
            /// <param name="dilation">The spacing between kernel taps.</param>
            /// <param name="padding_mode">Only zeros is supported, as in PyTorch.</param>
            /// <param name="groups">Splits the channels into this many independent groups (in_channels for depthwise).</param>
            /// <param name="bias">Whether the layer learns an additive bias.</param>
            /// <param name="device">Where the parameters live (default: CPU).</param>
            /// <param name="dtype">The parameters' dtype (default: the default dtype).</param>
            public static ConvTranspose3d ConvTranspose3d(long in_channels, long out_channels, (long, long, long) kernel_size, (long, long, long)? stride = null, (long, long, long)? padding = null, (long, long, long)? output_padding = null, (long, long, long)? dilation = null,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, [kernel_size.Item1, kernel_size.Item2, kernel_size.Item3], stride is null ? Enumerable.Repeat(1L, 3).ToArray() : [stride.Value.Item1, stride.Value.Item2, stride.Value.Item3], padding is null ? Enumerable.Repeat(0L, 3).ToArray() : [padding.Value.Item1, padding.Value.Item2, padding.Value.Item3], output_padding is null ? Enumerable.Repeat(0L, 3).ToArray() : [output_padding.Value.Item1, output_padding.Value.Item2, output_padding.Value.Item3], dilation is null ? Enumerable.Repeat(1L, 3).ToArray() : [dilation.Value.Item1, dilation.Value.Item2, dilation.Value.Item3], padding_mode, groups, bias, device, dtype);

        }
    }
}
