namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            // ---------------------------------------------------------------- upsample_nearest (TorchSharp's names)

            /// <summary>Nearest upsampling of (N, C, L) input to <paramref name="outputSize"/> or by <paramref name="scaleFactor"/> (one of the two).</summary>
            public static Tensor upsample_nearest1d(Tensor input, long? outputSize, double? scaleFactor) =>
                interpolate(input, outputSize is { } o ? [o] : null, scaleFactor is { } s ? [s] : null, "nearest");

            /// <summary>Nearest upsampling of (N, C, H, W) input to <paramref name="outputSizes"/> or by <paramref name="scaleFactors"/>.</summary>
            public static Tensor upsample_nearest2d(Tensor input, long[]? outputSizes = null, double[]? scaleFactors = null) =>
                interpolate(input, outputSizes, scaleFactors, "nearest");

            /// <summary>Nearest upsampling of (N, C, D, H, W) input to <paramref name="outputSizes"/> or by <paramref name="scaleFactors"/>.</summary>
            public static Tensor upsample_nearest3d(Tensor input, long[]? outputSizes = null, double[]? scaleFactors = null) =>
                interpolate(input, outputSizes, scaleFactors, "nearest");

            /// <summary>
            /// The gradient of <see cref="upsample_nearest1d"/> with respect to its (N, C, <paramref name="inputSize"/>) input, given the
            /// output gradient <paramref name="grad_output"/> (each input element sums the gradients of the outputs copied from it).
            /// </summary>
            public static Tensor upsample_nearest1d_backward(Tensor grad_output, long? outputSize, long inputSize, double? scaleFactor) =>
                UpsampleBackward(grad_output, [inputSize], x => upsample_nearest1d(x, outputSize, scaleFactor), 1);

            /// <summary>
            /// The gradient of <see cref="upsample_nearest2d"/> with respect to its input of shape <paramref name="inputSizes"/>
            /// ((N, C, H, W), or (H, W) with N and C taken from <paramref name="grad_output"/>).
            /// </summary>
            public static Tensor upsample_nearest2d_backward(Tensor grad_output, long[] inputSizes, long[]? outputSizes = null, double[]? scaleFactors = null) =>
                UpsampleBackward(grad_output, inputSizes, x => upsample_nearest2d(x, outputSizes, scaleFactors), 2);

            /// <summary>
            /// The gradient of <see cref="upsample_nearest3d"/> with respect to its input of shape <paramref name="inputSizes"/>
            /// ((N, C, D, H, W), or (D, H, W) with N and C taken from <paramref name="grad_output"/>).
            /// </summary>
            public static Tensor upsample_nearest3d_backward(Tensor grad_output, long[] inputSizes, long[]? outputSizes = null, double[]? scaleFactors = null) =>
                UpsampleBackward(grad_output, inputSizes, x => upsample_nearest3d(x, outputSizes, scaleFactors), 3);

            private static Tensor UpsampleBackward(Tensor gradOutput, long[] inputSizes, Func<Tensor, Tensor> forward, int dims)
            {
                long[] shape = inputSizes.Length == dims + 2 ? inputSizes
                    : inputSizes.Length == dims && gradOutput.dim() == dims + 2 ? [gradOutput.size(0), gradOutput.size(1), .. inputSizes]
                    : throw new ArgumentException($"It is expected input_size equals to {dims + 2}, but got size {inputSizes.Length}");
                return GradientOf(zeros(shape, gradOutput.dtype, gradOutput.device), forward, gradOutput, $"upsample_nearest{dims}d_backward");
            }

            /// <summary>
            /// d(forward(x))/dx applied to <paramref name="gradOutput"/> at x = <paramref name="input"/>, by the autograd engine
            /// (the same backward kernels the forward records). The result is not itself differentiable.
            /// </summary>
            private static Tensor GradientOf(Tensor input, Func<Tensor, Tensor> forward, Tensor gradOutput, string name)
            {
                using var _ = enable_grad();
                var x = input.detach().requires_grad_();
                var y = forward(x);
                if (!y.shape.SequenceEqual(gradOutput.shape))
                    throw new ArgumentException($"{name}: expected grad_output of size {y.size()}, but got {gradOutput.size()}");
                return autograd.grad(y, [x], gradOutput.detach())[0];
            }

            // ---------------------------------------------------------------- pooling gradients (TorchSharp's names)

            /// <summary>
            /// The gradient of <see cref="avg_pool2d(Tensor, long[], long[], long[], bool, bool, long?)"/> with respect to
            /// <paramref name="originalInput"/>, given the output gradient <paramref name="input"/> (TorchSharp's argument names).
            /// </summary>
            public static Tensor avg_pool2d_backward(Tensor input, Tensor originalInput, long[] kernel_sizes, long[]? strides = null, long[]? paddings = null,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                GradientOf(originalInput, x => avg_pool2d(x, kernel_sizes, strides, paddings, ceil_mode, count_include_pad, divisor_override), input, "avg_pool2d_backward");

            /// <summary>
            /// The gradient of <see cref="avg_pool3d(Tensor, long[], long[], long[], bool, bool, long?)"/> with respect to
            /// <paramref name="originalInput"/>, given the output gradient <paramref name="input"/> (TorchSharp's argument names).
            /// </summary>
            public static Tensor avg_pool3d_backward(Tensor input, Tensor originalInput, long[] kernel_sizes, long[]? strides = null, long[]? paddings = null,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                GradientOf(originalInput, x => avg_pool3d(x, kernel_sizes, strides, paddings, ceil_mode, count_include_pad, divisor_override), input, "avg_pool3d_backward");

            /// <summary>
            /// The gradient of <see cref="adaptive_avg_pool3d(Tensor, long?[])"/> (to <paramref name="gradOutput"/>'s spatial size)
            /// with respect to <paramref name="originalInput"/>, written into <paramref name="gradInput"/> and returned.
            /// </summary>
            public static Tensor adaptive_avg_pool3d_backward(Tensor gradInput, Tensor gradOutput, Tensor originalInput)
            {
                var size = new long?[] { gradOutput.size(-3), gradOutput.size(-2), gradOutput.size(-1) };
                var g = GradientOf(originalInput, x => adaptive_avg_pool3d(x, size), gradOutput, "adaptive_avg_pool3d_backward");
                using (no_grad()) gradInput.copy_(g);
                return gradInput;
            }

            // ---------------------------------------------------------------- conv with a padding mode (TorchSharp's names)

            /// <summary>1-d convolution with <see cref="Padding.Valid"/> (no padding) or <see cref="Padding.Same"/> (output length = input length, stride 1), as PyTorch's <c>padding="valid"/"same"</c>.</summary>
            public static Tensor conv1d_padding(Tensor input, Tensor weight, Tensor? bias = null, long? stride = null, Padding padding = Padding.Valid, long? dilation = null, long groups = 1) =>
                conv1d(input, weight, bias, [stride ?? 1], padding, [dilation ?? 1], groups);

            /// <summary>2-d convolution with <see cref="Padding.Valid"/> or <see cref="Padding.Same"/>, as PyTorch's <c>padding="valid"/"same"</c>.</summary>
            public static Tensor conv2d_padding(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, Padding padding = Padding.Valid, long[]? dilation = null, long groups = 1) =>
                conv2d(input, weight, bias, strides, padding, dilation, groups);

            /// <summary>3-d convolution with <see cref="Padding.Valid"/> or <see cref="Padding.Same"/>, as PyTorch's <c>padding="valid"/"same"</c>.</summary>
            public static Tensor conv3d_padding(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, Padding padding = Padding.Valid, long[]? dilation = null, long groups = 1) =>
                conv3d(input, weight, bias, strides, padding, dilation, groups);
        }
    }
}
