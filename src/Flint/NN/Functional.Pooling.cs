using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            private static long[] Pair(long[] v, string op, string arg)
            {
                if (v.Length == 1) return [v[0], v[0]];
                if (v.Length == 2) return v;
                throw new ArgumentException(arg == "kernel_size"
                    ? $"{op}: kernel_size must either be a single int, or a tuple of two ints"
                    : $"{op}: {arg} must either be omitted, a single int, or a tuple of two ints");
            }

            private static long[] Stride(long[]? stride, long[] kernel, string op) =>
                stride is null || stride.Length == 0 ? kernel : Pair(stride, op, "stride");

            // ---------------------------------------------------------------- max

            /// <summary>2-d max pooling over (N, C, H, W) or (C, H, W) input; <paramref name="stride"/> defaults to the kernel size.</summary>
            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
                max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).output;

            /// <summary>2-d max pooling with (height, width) sizes; null stride means the kernel size.</summary>
            public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false) =>
                max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).output;

            /// <summary>2-d max pooling that also returns each maximum's flat index within its input plane (PyTorch's <c>return_indices=True</c>).</summary>
            public static (Tensor output, Tensor indices) max_pool2d_with_indices(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
                max_pool2d_with_indices(input, [kernel_size], stride is { } s ? [s] : null, [padding], [dilation], ceil_mode);

            /// <summary>2-d max pooling with (height, width) sizes, returning the indices too.</summary>
            public static (Tensor output, Tensor indices) max_pool2d_with_indices(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false)
            {
                var k = Pair(kernel_size, "max_pool2d", "kernel_size");
                return Pooling.MaxPool2d(input, k, Stride(stride, k, "max_pool2d"), Pair(padding ?? [0], "max_pool2d", "padding"),
                    Pair(dilation ?? [1], "max_pool2d", "dilation"), ceil_mode);
            }

            /// <summary>1-d max pooling over (N, C, L) or (C, L) input; <paramref name="stride"/> defaults to the kernel size.</summary>
            public static Tensor max_pool1d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
                Pooling.MaxPool1d(input, kernel_size, stride ?? kernel_size, padding, dilation, ceil_mode).output;

            /// <summary>1-d max pooling that also returns each maximum's index along the last dim.</summary>
            public static (Tensor output, Tensor indices) max_pool1d_with_indices(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
                Pooling.MaxPool1d(input, kernel_size, stride ?? kernel_size, padding, dilation, ceil_mode);

            /// <summary>Adaptive 2-d max pooling to (output_size, output_size).</summary>
            public static Tensor adaptive_max_pool2d(Tensor input, long output_size) => adaptive_max_pool2d_with_indices(input, output_size).output;

            /// <summary>Adaptive 2-d max pooling to (height, width); a null entry keeps that input size (PyTorch's <c>None</c>).</summary>
            public static Tensor adaptive_max_pool2d(Tensor input, long?[] output_size) => adaptive_max_pool2d_with_indices(input, output_size).output;

            /// <summary>Adaptive 2-d max pooling, returning the indices too.</summary>
            public static (Tensor output, Tensor indices) adaptive_max_pool2d_with_indices(Tensor input, long output_size) =>
                Pooling.AdaptiveMaxPool2d(input, [output_size, output_size]);

            /// <summary>Adaptive 2-d max pooling to (height, width), returning the indices too.</summary>
            public static (Tensor output, Tensor indices) adaptive_max_pool2d_with_indices(Tensor input, long?[] output_size) =>
                Pooling.AdaptiveMaxPool2d(input, AdaptivePair(output_size, "adaptive_max_pool2d"));

            /// <summary>Adaptive 1-d max pooling to <paramref name="output_size"/> along the last dim.</summary>
            public static Tensor adaptive_max_pool1d(Tensor input, long output_size) => Pooling.AdaptiveMaxPool1d(input, output_size).output;

            /// <summary>Adaptive 1-d max pooling, returning the indices too.</summary>
            public static (Tensor output, Tensor indices) adaptive_max_pool1d_with_indices(Tensor input, long output_size) => Pooling.AdaptiveMaxPool1d(input, output_size);

            // ---------------------------------------------------------------- average

            /// <summary>2-d average pooling; <paramref name="divisor_override"/> replaces the window's element count as divisor.</summary>
            public static Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                avg_pool2d(input, [kernel_size], stride is { } s ? [s] : null, [padding], ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-d average pooling with (height, width) sizes.</summary>
            public static Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null)
            {
                var k = Pair(kernel_size, "avg_pool2d", "kernel_size");
                return Pooling.AvgPool2d(input, k, Stride(stride, k, "avg_pool2d"), Pair(padding ?? [0], "avg_pool2d", "padding"),
                    ceil_mode, count_include_pad, divisor_override);
            }

            /// <summary>1-d average pooling over (N, C, L) or (C, L) input.</summary>
            public static Tensor avg_pool1d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true) =>
                Pooling.AvgPool1d(input, kernel_size, stride ?? kernel_size, padding, ceil_mode, count_include_pad);

            /// <summary>Adaptive 2-d average pooling to (output_size, output_size).</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, long output_size) => Pooling.AdaptiveAvgPool2d(input, [output_size, output_size]);

            /// <summary>Adaptive 2-d average pooling to (height, width); a null entry keeps that input size.</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, long?[] output_size) =>
                Pooling.AdaptiveAvgPool2d(input, AdaptivePair(output_size, "adaptive_avg_pool2d"));

            /// <summary>Adaptive 1-d average pooling to <paramref name="output_size"/> along the last dim.</summary>
            public static Tensor adaptive_avg_pool1d(Tensor input, long output_size) => Pooling.AdaptiveAvgPool1d(input, output_size);

            private static long?[] AdaptivePair(long?[] size, string op) => size.Length switch
            {
                1 => [size[0], size[0]],
                2 => size,
                _ => throw new ArgumentException($"{op}: output_size must be 2"),
            };
        }
    }
}
