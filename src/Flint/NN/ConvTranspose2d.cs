using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A 2-D transposed convolution over inputs (N, C_in, H, W) or (C_in, H, W) (PyTorch's <c>nn.ConvTranspose2d</c>): the gradient of a
        /// 2-D convolution with respect to its input, so it upsamples by the stride.
        /// </summary>
        public sealed class ConvTranspose2d : Convolution
        {
            internal ConvTranspose2d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, long[] outputPadding, long[] dilation,
                PaddingModes paddingMode, long groups, bool hasBias, Device? device, ScalarType? dtype)
                : base("conv_transpose2d", inChannels, outChannels, kernelSize, stride, padding, null, dilation, true, outputPadding, groups, hasBias, paddingMode, device, dtype)
            {
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A 2-D transposed convolution with PyTorch's default initialisation; one size for every spatial dim.</summary>
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
            public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long output_padding = 0, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, Enumerable.Repeat(kernel_size, 2).ToArray(), Enumerable.Repeat(stride, 2).ToArray(), Enumerable.Repeat(padding, 2).ToArray(), Enumerable.Repeat(output_padding, 2).ToArray(), Enumerable.Repeat(dilation, 2).ToArray(), padding_mode, groups, bias, device, dtype);

            /// <summary>A 2-D transposed convolution with a size per spatial dim.</summary>
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
            public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? output_padding = null, (long, long)? dilation = null,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(in_channels, out_channels, [kernel_size.Item1, kernel_size.Item2], stride is null ? Enumerable.Repeat(1L, 2).ToArray() : [stride.Value.Item1, stride.Value.Item2], padding is null ? Enumerable.Repeat(0L, 2).ToArray() : [padding.Value.Item1, padding.Value.Item2], output_padding is null ? Enumerable.Repeat(0L, 2).ToArray() : [output_padding.Value.Item1, output_padding.Value.Item2], dilation is null ? Enumerable.Repeat(1L, 2).ToArray() : [dilation.Value.Item1, dilation.Value.Item2], padding_mode, groups, bias, device, dtype);

        }
    }
}
