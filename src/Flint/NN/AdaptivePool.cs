using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Adaptive 1-d average pooling to a fixed output length (PyTorch's <c>nn.AdaptiveAvgPool1d</c>).</summary>
        public sealed class AdaptiveAvgPool1d : torch.nn.Module<Tensor, Tensor>
        {
            internal AdaptiveAvgPool1d(long output_size) => this.output_size = output_size;

            /// <summary>The output length.</summary>
            public long output_size { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool1d(input, output_size);

            /// <inheritdoc/>
            public override string extra_repr() => $"output_size={output_size}";
        }

        /// <summary>Adaptive 2-d average pooling to a fixed (height, width) (PyTorch's <c>nn.AdaptiveAvgPool2d</c>).</summary>
        public sealed class AdaptiveAvgPool2d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly long?[] _size;
            private readonly bool _scalar;

            internal AdaptiveAvgPool2d(long?[] size, bool scalar)
            {
                _size = size;
                _scalar = scalar;
            }

            /// <summary>The output (height, width); a null entry keeps that input size.</summary>
            public long?[] output_size => (long?[])_size.Clone();

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool2d(input, _size);

            /// <inheritdoc/>
            public override string extra_repr() => $"output_size={AdaptiveSizeRepr(_size, _scalar)}";

            internal static string AdaptiveSizeRepr(long?[] size, bool scalar) =>
                scalar ? $"{size[0]}" : "(" + string.Join(", ", size.Select(s => s is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None")) + ")";
        }

        /// <summary>Adaptive 1-d max pooling (PyTorch's <c>nn.AdaptiveMaxPool1d</c>); <see cref="forward_with_indices"/> also returns the indices.</summary>
        public sealed class AdaptiveMaxPool1d : torch.nn.Module<Tensor, Tensor>
        {
            internal AdaptiveMaxPool1d(long output_size, bool return_indices)
            {
                this.output_size = output_size;
                this.return_indices = return_indices;
            }

            /// <summary>The output length.</summary>
            public long output_size { get; set; }
            /// <summary>Whether the caller wants indices (use <see cref="forward_with_indices"/>).</summary>
            public bool return_indices { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_max_pool1d(input, output_size);

            /// <summary>The pooled values and each maximum's index along the last dim.</summary>
            public (Tensor output, Tensor indices) forward_with_indices(Tensor input) => torch.nn.functional.adaptive_max_pool1d_with_indices(input, output_size);

            /// <inheritdoc/>
            public override string extra_repr() => $"output_size={output_size}";
        }

        /// <summary>Adaptive 2-d max pooling (PyTorch's <c>nn.AdaptiveMaxPool2d</c>); <see cref="forward_with_indices"/> also returns the indices.</summary>
        public sealed class AdaptiveMaxPool2d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly long?[] _size;
            private readonly bool _scalar;

            internal AdaptiveMaxPool2d(long?[] size, bool scalar, bool return_indices)
            {
                _size = size;
                _scalar = scalar;
                this.return_indices = return_indices;
            }

            /// <summary>The output (height, width); a null entry keeps that input size.</summary>
            public long?[] output_size => (long?[])_size.Clone();
            /// <summary>Whether the caller wants indices (use <see cref="forward_with_indices"/>).</summary>
            public bool return_indices { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_max_pool2d(input, _size);

            /// <summary>The pooled values and each maximum's flat index within its input plane.</summary>
            public (Tensor output, Tensor indices) forward_with_indices(Tensor input) => torch.nn.functional.adaptive_max_pool2d_with_indices(input, _size);

            /// <inheritdoc/>
            public override string extra_repr() => $"output_size={AdaptiveAvgPool2d.AdaptiveSizeRepr(_size, _scalar)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Adaptive 1-d average pooling to <paramref name="output_size"/>.</summary>
            public static AdaptiveAvgPool1d AdaptiveAvgPool1d(long output_size) => new(output_size);

            /// <summary>Adaptive 2-d average pooling to (output_size, output_size).</summary>
            public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new([output_size, output_size], true);

            /// <summary>Adaptive 2-d average pooling to (height, width); a null entry keeps that input size (PyTorch's <c>None</c>).</summary>
            public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long?[] output_size) => new((long?[])output_size.Clone(), false);

            /// <summary>Adaptive 1-d max pooling to <paramref name="output_size"/>.</summary>
            public static AdaptiveMaxPool1d AdaptiveMaxPool1d(long output_size, bool return_indices = false) => new(output_size, return_indices);

            /// <summary>Adaptive 2-d max pooling to (output_size, output_size).</summary>
            public static AdaptiveMaxPool2d AdaptiveMaxPool2d(long output_size, bool return_indices = false) => new([output_size, output_size], true, return_indices);

            /// <summary>Adaptive 2-d max pooling to (height, width); a null entry keeps that input size.</summary>
            public static AdaptiveMaxPool2d AdaptiveMaxPool2d(long?[] output_size, bool return_indices = false) => new((long?[])output_size.Clone(), false, return_indices);
        }
    }
}
