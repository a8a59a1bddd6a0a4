using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>1-d average pooling (PyTorch's <c>nn.AvgPool1d</c>).</summary>
        public sealed class AvgPool1d : torch.nn.Module<Tensor, Tensor>
        {
            internal AvgPool1d(long kernel_size, long? stride, long padding, bool ceil_mode, bool count_include_pad)
            {
                this.kernel_size = kernel_size;
                this.stride = stride ?? kernel_size;
                this.padding = padding;
                this.ceil_mode = ceil_mode;
                this.count_include_pad = count_include_pad;
            }

            /// <summary>The window size.</summary>
            public long kernel_size { get; set; }
            /// <summary>The window step (the kernel size unless given).</summary>
            public long stride { get; set; }
            /// <summary>Implicit zero padding on both sides.</summary>
            public long padding { get; set; }
            /// <summary>Whether the output size rounds up.</summary>
            public bool ceil_mode { get; set; }
            /// <summary>Whether padded zeros count towards each window's divisor.</summary>
            public bool count_include_pad { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad);

            // PyTorch stores the 1-d sizes as one-tuples (_single), so they print as (2,).
            /// <inheritdoc/>
            public override string extra_repr() => $"kernel_size=({kernel_size},), stride=({stride},), padding=({padding},)";
        }

        /// <summary>2-d average pooling (PyTorch's <c>nn.AvgPool2d</c>).</summary>
        public sealed class AvgPool2d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly PoolSize _kernel, _stride, _padding;

            internal AvgPool2d(PoolSize kernel, PoolSize? stride, PoolSize padding, bool ceil_mode, bool count_include_pad, long? divisor_override)
            {
                _kernel = kernel;
                _stride = stride ?? kernel;
                _padding = padding;
                this.ceil_mode = ceil_mode;
                this.count_include_pad = count_include_pad;
                this.divisor_override = divisor_override;
            }

            /// <summary>The window size (height, width).</summary>
            public long[] kernel_size => _kernel.Expand(2);
            /// <summary>The window step (height, width).</summary>
            public long[] stride => _stride.Expand(2);
            /// <summary>Implicit zero padding (height, width).</summary>
            public long[] padding => _padding.Expand(2);
            /// <summary>Whether the output size rounds up.</summary>
            public bool ceil_mode { get; set; }
            /// <summary>Whether padded zeros count towards each window's divisor.</summary>
            public bool count_include_pad { get; set; }
            /// <summary>A fixed divisor replacing the window's element count, or null.</summary>
            public long? divisor_override { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) =>
                torch.nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

            /// <inheritdoc/>
            public override string extra_repr() => $"kernel_size={_kernel}, stride={_stride}, padding={_padding}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>1-d average pooling; <paramref name="stride"/> defaults to <paramref name="kernel_size"/>.</summary>
            public static AvgPool1d AvgPool1d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true)
                => new(kernel_size, stride, padding, ceil_mode, count_include_pad);

            /// <summary>2-d average pooling with a square window; <paramref name="stride"/> defaults to <paramref name="kernel_size"/>.</summary>
            public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
                => new(PoolSize.Of(kernel_size), stride is { } s ? PoolSize.Of(s) : null, PoolSize.Of(padding), ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-d average pooling with (height, width) sizes; null stride means the kernel size.</summary>
            public static AvgPool2d AvgPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
                => new(PoolSize.Of(kernel_size), stride is null ? null : PoolSize.Of(stride), padding is null ? PoolSize.Of(0) : PoolSize.Of(padding),
                    ceil_mode, count_include_pad, divisor_override);
        }
    }
}
