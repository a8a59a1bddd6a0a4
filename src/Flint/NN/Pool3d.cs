using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// 3-d max pooling (PyTorch's <c>nn.MaxPool3d</c>). <see cref="forward"/> returns the pooled values;
        /// <see cref="forward_with_indices"/> also the indices (what <c>return_indices=True</c> returns in PyTorch).
        /// </summary>
        public sealed class MaxPool3d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly PoolSize _kernel, _stride, _padding, _dilation;

            internal MaxPool3d(PoolSize kernel, PoolSize? stride, PoolSize padding, PoolSize dilation, bool return_indices, bool ceil_mode)
            {
                _kernel = kernel;
                _stride = stride ?? kernel;
                _padding = padding;
                _dilation = dilation;
                this.return_indices = return_indices;
                this.ceil_mode = ceil_mode;
            }

            /// <summary>The window size (depth, height, width).</summary>
            public long[] kernel_size => _kernel.Expand(3);
            /// <summary>The window step (depth, height, width).</summary>
            public long[] stride => _stride.Expand(3);
            /// <summary>Implicit negative-infinity padding (depth, height, width).</summary>
            public long[] padding => _padding.Expand(3);
            /// <summary>The spacing between window elements (depth, height, width).</summary>
            public long[] dilation => _dilation.Expand(3);
            /// <summary>Whether the caller wants indices (use <see cref="forward_with_indices"/>).</summary>
            public bool return_indices { get; set; }
            /// <summary>Whether the output size rounds up.</summary>
            public bool ceil_mode { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => forward_with_indices(input).output;

            /// <summary>The pooled values and each maximum's flat index within its input volume.</summary>
            public (Tensor output, Tensor indices) forward_with_indices(Tensor input) =>
                torch.nn.functional.max_pool3d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode);

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"kernel_size={_kernel}, stride={_stride}, padding={_padding}, dilation={_dilation}, ceil_mode={FormatBool(ceil_mode)}";
        }

        /// <summary>3-d average pooling (PyTorch's <c>nn.AvgPool3d</c>).</summary>
        public sealed class AvgPool3d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly PoolSize _kernel, _stride, _padding;

            internal AvgPool3d(PoolSize kernel, PoolSize? stride, PoolSize padding, bool ceil_mode, bool count_include_pad, long? divisor_override)
            {
                _kernel = kernel;
                _stride = stride ?? kernel;
                _padding = padding;
                this.ceil_mode = ceil_mode;
                this.count_include_pad = count_include_pad;
                this.divisor_override = divisor_override;
            }

            /// <summary>The window size (depth, height, width).</summary>
            public long[] kernel_size => _kernel.Expand(3);
            /// <summary>The window step (depth, height, width).</summary>
            public long[] stride => _stride.Expand(3);
            /// <summary>Implicit zero padding (depth, height, width).</summary>
            public long[] padding => _padding.Expand(3);
            /// <summary>Whether the output size rounds up.</summary>
            public bool ceil_mode { get; set; }
            /// <summary>Whether padded zeros count towards each window's divisor.</summary>
            public bool count_include_pad { get; set; }
            /// <summary>A fixed divisor replacing the window's element count, or null.</summary>
            public long? divisor_override { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) =>
                torch.nn.functional.avg_pool3d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

            /// <inheritdoc/>
            public override string extra_repr() => $"kernel_size={_kernel}, stride={_stride}, padding={_padding}";
        }

        /// <summary>Adaptive 3-d average pooling to a fixed (depth, height, width) (PyTorch's <c>nn.AdaptiveAvgPool3d</c>).</summary>
        public sealed class AdaptiveAvgPool3d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly long?[] _size;
            private readonly bool _scalar;

            internal AdaptiveAvgPool3d(long?[] size, bool scalar)
            {
                _size = size;
                _scalar = scalar;
            }

            /// <summary>The output (depth, height, width); a null entry keeps that input size.</summary>
            public long?[] output_size => (long?[])_size.Clone();

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool3d(input, _size);

            /// <inheritdoc/>
            public override string extra_repr() => $"output_size={AdaptiveAvgPool2d.AdaptiveSizeRepr(_size, _scalar)}";
        }

        /// <summary>Adaptive 3-d max pooling (PyTorch's <c>nn.AdaptiveMaxPool3d</c>); <see cref="forward_with_indices"/> also returns the indices.</summary>
        public sealed class AdaptiveMaxPool3d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly long?[] _size;
            private readonly bool _scalar;

            internal AdaptiveMaxPool3d(long?[] size, bool scalar, bool return_indices)
            {
                _size = size;
                _scalar = scalar;
                this.return_indices = return_indices;
            }

            /// <summary>The output (depth, height, width); a null entry keeps that input size.</summary>
            public long?[] output_size => (long?[])_size.Clone();
            /// <summary>Whether the caller wants indices (use <see cref="forward_with_indices"/>).</summary>
            public bool return_indices { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_max_pool3d(input, _size);

            /// <summary>The pooled values and each maximum's flat index within its input volume.</summary>
            public (Tensor output, Tensor indices) forward_with_indices(Tensor input) => torch.nn.functional.adaptive_max_pool3d_with_indices(input, _size);

            /// <inheritdoc/>
            public override string extra_repr() => $"output_size={AdaptiveAvgPool2d.AdaptiveSizeRepr(_size, _scalar)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>3-d max pooling with a cubic window; <paramref name="stride"/> defaults to <paramref name="kernel_size"/>.</summary>
            public static MaxPool3d MaxPool3d(long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool return_indices = false, bool ceil_mode = false)
                => new(PoolSize.Of(kernel_size), stride is { } s ? PoolSize.Of(s) : null, PoolSize.Of(padding), PoolSize.Of(dilation), return_indices, ceil_mode);

            /// <summary>3-d max pooling with (depth, height, width) sizes; null stride means the kernel size.</summary>
            public static MaxPool3d MaxPool3d(long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool return_indices = false, bool ceil_mode = false)
                => new(PoolSize.Of(kernel_size), stride is null ? null : PoolSize.Of(stride), padding is null ? PoolSize.Of(0) : PoolSize.Of(padding),
                    dilation is null ? PoolSize.Of(1) : PoolSize.Of(dilation), return_indices, ceil_mode);

            /// <summary>3-d average pooling with a cubic window; <paramref name="stride"/> defaults to <paramref name="kernel_size"/>.</summary>
            public static AvgPool3d AvgPool3d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
                => new(PoolSize.Of(kernel_size), stride is { } s ? PoolSize.Of(s) : null, PoolSize.Of(padding), ceil_mode, count_include_pad, divisor_override);

            /// <summary>3-d average pooling with (depth, height, width) sizes; null stride means the kernel size.</summary>
            public static AvgPool3d AvgPool3d(long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
                => new(PoolSize.Of(kernel_size), stride is null ? null : PoolSize.Of(stride), padding is null ? PoolSize.Of(0) : PoolSize.Of(padding),
                    ceil_mode, count_include_pad, divisor_override);

            /// <summary>Adaptive 3-d average pooling to (output_size, output_size, output_size).</summary>
            public static AdaptiveAvgPool3d AdaptiveAvgPool3d(long output_size) => new([output_size, output_size, output_size], true);

            /// <summary>Adaptive 3-d average pooling to (depth, height, width); a null entry keeps that input size.</summary>
            public static AdaptiveAvgPool3d AdaptiveAvgPool3d(long?[] output_size) => new((long?[])output_size.Clone(), false);

            /// <summary>Adaptive 3-d max pooling to (output_size, output_size, output_size).</summary>
            public static AdaptiveMaxPool3d AdaptiveMaxPool3d(long output_size, bool return_indices = false) => new([output_size, output_size, output_size], true, return_indices);

            /// <summary>Adaptive 3-d max pooling to (depth, height, width); a null entry keeps that input size.</summary>
            public static AdaptiveMaxPool3d AdaptiveMaxPool3d(long?[] output_size, bool return_indices = false) => new((long?[])output_size.Clone(), false, return_indices);
        }
    }
}
