using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// 1-d max pooling (PyTorch's <c>nn.MaxPool1d</c>). <see cref="forward"/> returns the pooled values;
        /// <see cref="forward_with_indices"/> also the indices (what <c>return_indices=True</c> returns in PyTorch).
        /// </summary>
        public sealed class MaxPool1d : torch.nn.Module<Tensor, Tensor>
        {
            internal MaxPool1d(long kernel_size, long? stride, long padding, long dilation, bool return_indices, bool ceil_mode)
            {
                this.kernel_size = kernel_size;
                this.stride = stride ?? kernel_size;
                this.padding = padding;
                this.dilation = dilation;
                this.return_indices = return_indices;
                this.ceil_mode = ceil_mode;
            }

            /// <summary>The window size.</summary>
            public long kernel_size { get; set; }
            /// <summary>The window step (the kernel size unless given).</summary>
            public long stride { get; set; }
            /// <summary>Implicit negative-infinity padding on both sides.</summary>
            public long padding { get; set; }
            /// <summary>The spacing between window elements.</summary>
            public long dilation { get; set; }
            /// <summary>Whether the caller wants indices (use <see cref="forward_with_indices"/>).</summary>
            public bool return_indices { get; set; }
            /// <summary>Whether the output size rounds up.</summary>
            public bool ceil_mode { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode);

            /// <summary>The pooled values and each maximum's index along the last dim.</summary>
            public (Tensor output, Tensor indices) forward_with_indices(Tensor input) =>
                torch.nn.functional.max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode);

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"kernel_size={kernel_size}, stride={stride}, padding={padding}, dilation={dilation}, ceil_mode={FormatBool(ceil_mode)}";
        }

        /// <summary>
        /// 2-d max pooling (PyTorch's <c>nn.MaxPool2d</c>). <see cref="forward"/> returns the pooled values;
        /// <see cref="forward_with_indices"/> also the indices (what <c>return_indices=True</c> returns in PyTorch).
        /// </summary>
        public sealed class MaxPool2d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly PoolSize _kernel, _stride, _padding, _dilation;

            internal MaxPool2d(PoolSize kernel, PoolSize? stride, PoolSize padding, PoolSize dilation, bool return_indices, bool ceil_mode)
            {
                _kernel = kernel;
                _stride = stride ?? kernel;
                _padding = padding;
                _dilation = dilation;
                this.return_indices = return_indices;
                this.ceil_mode = ceil_mode;
            }

            /// <summary>The window size (height, width).</summary>
            public long[] kernel_size => _kernel.Expand(2);
            /// <summary>The window step (height, width).</summary>
            public long[] stride => _stride.Expand(2);
            /// <summary>Implicit negative-infinity padding (height, width).</summary>
            public long[] padding => _padding.Expand(2);
            /// <summary>The spacing between window elements (height, width).</summary>
            public long[] dilation => _dilation.Expand(2);
            /// <summary>Whether the caller wants indices (use <see cref="forward_with_indices"/>).</summary>
            public bool return_indices { get; set; }
            /// <summary>Whether the output size rounds up.</summary>
            public bool ceil_mode { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => forward_with_indices(input).output;

            /// <summary>The pooled values and each maximum's flat index within its input plane.</summary>
            public (Tensor output, Tensor indices) forward_with_indices(Tensor input) =>
                torch.nn.functional.max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode);

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"kernel_size={_kernel}, stride={_stride}, padding={_padding}, dilation={_dilation}, ceil_mode={FormatBool(ceil_mode)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>1-d max pooling; <paramref name="stride"/> defaults to <paramref name="kernel_size"/>.</summary>
            public static MaxPool1d MaxPool1d(long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool return_indices = false, bool ceil_mode = false)
                => new(kernel_size, stride, padding, dilation, return_indices, ceil_mode);

            /// <summary>2-d max pooling with a square window; <paramref name="stride"/> defaults to <paramref name="kernel_size"/>.</summary>
            public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool return_indices = false, bool ceil_mode = false)
                => new(PoolSize.Of(kernel_size), stride is { } s ? PoolSize.Of(s) : null, PoolSize.Of(padding), PoolSize.Of(dilation), return_indices, ceil_mode);

            /// <summary>2-d max pooling with (height, width) sizes; null stride means the kernel size.</summary>
            public static MaxPool2d MaxPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool return_indices = false, bool ceil_mode = false)
                => new(PoolSize.Of(kernel_size), stride is null ? null : PoolSize.Of(stride), padding is null ? PoolSize.Of(0) : PoolSize.Of(padding),
                    dilation is null ? PoolSize.Of(1) : PoolSize.Of(dilation), return_indices, ceil_mode);
        }
    }
}
