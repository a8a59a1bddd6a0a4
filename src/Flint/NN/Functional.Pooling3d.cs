using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            private static long[] Triple(long[]? v, long fallback, string message)
            {
                if (v is null || v.Length == 0) return [fallback, fallback, fallback];
                if (v.Length == 1) return [v[0], v[0], v[0]];
                if (v.Length == 3) return v;
                throw new ArgumentException(message);
            }

            // ---------------------------------------------------------------- max

            /// <summary>3-d max pooling over (N, C, D, H, W) or (C, D, H, W) input; <paramref name="stride"/> defaults to the kernel size.</summary>
            public static Tensor max_pool3d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
                max_pool3d_with_indices(input, [kernel_size], stride is { } s ? [s] : null, [padding], [dilation], ceil_mode).output;

            /// <summary>3-d max pooling with (depth, height, width) sizes; null stride means the kernel size.</summary>
            public static Tensor max_pool3d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false) =>
                max_pool3d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).output;

            /// <summary>3-d max pooling that also returns each maximum's flat index within its input volume (PyTorch's <c>return_indices=True</c>).</summary>
            public static (Tensor output, Tensor indices) max_pool3d_with_indices(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
                max_pool3d_with_indices(input, [kernel_size], stride is { } s ? [s] : null, [padding], [dilation], ceil_mode);

            /// <summary>3-d max pooling with (depth, height, width) sizes, returning the indices too.</summary>
            public static (Tensor output, Tensor indices) max_pool3d_with_indices(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false)
            {
                if (kernel_size.Length != 1 && kernel_size.Length != 3)
                    throw new ArgumentException("max_pool3d: kernel_size must either be a single int, or a tuple of three ints");
                var k = Triple(kernel_size, 0, "");
                var s = stride is null || stride.Length == 0 ? k : Triple(stride, 0, "max_pool3d: stride must either be omitted, a single int, or a tuple of three ints");
                return Pooling.MaxPool3d(input, k, s, Triple(padding, 0, "max_pool3d: padding must be either be a single int, or a tuple of three ints"),
                    Triple(dilation, 1, "max_pool3d: dilation must be either a single int, or a tuple of three ints"), ceil_mode);
            }

            /// <summary>Adaptive 3-d max pooling to (output_size, output_size, output_size).</summary>
            public static Tensor adaptive_max_pool3d(Tensor input, long output_size) => adaptive_max_pool3d_with_indices(input, output_size).output;

            /// <summary>Adaptive 3-d max pooling to (depth, height, width); a null entry keeps that input size (PyTorch's <c>None</c>).</summary>
            public static Tensor adaptive_max_pool3d(Tensor input, long?[] output_size) => adaptive_max_pool3d_with_indices(input, output_size).output;

            /// <summary>Adaptive 3-d max pooling, returning the indices too.</summary>
            public static (Tensor output, Tensor indices) adaptive_max_pool3d_with_indices(Tensor input, long output_size) =>
                Pooling.AdaptiveMaxPool3d(input, [output_size, output_size, output_size]);

            /// <summary>Adaptive 3-d max pooling to (depth, height, width), returning the indices too.</summary>
            public static (Tensor output, Tensor indices) adaptive_max_pool3d_with_indices(Tensor input, long?[] output_size) =>
                Pooling.AdaptiveMaxPool3d(input, AdaptiveTriple(output_size, "adaptive_max_pool3d(): internal error: output_size.size() must be 3"));

            // ---------------------------------------------------------------- average

            /// <summary>3-d average pooling; <paramref name="divisor_override"/> replaces the window's element count as divisor.</summary>
            public static Tensor avg_pool3d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                avg_pool3d(input, [kernel_size], stride is { } s ? [s] : null, [padding], ceil_mode, count_include_pad, divisor_override);

            /// <summary>3-d average pooling with (depth, height, width) sizes; null stride means the kernel size.</summary>
            public static Tensor avg_pool3d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null)
            {
                if (kernel_size.Length != 1 && kernel_size.Length != 3)
                    throw new ArgumentException("avg_pool3d: kernel_size must be a single int, or a tuple of three ints");
                var k = Triple(kernel_size, 0, "");
                var s = stride is null || stride.Length == 0 ? k : Triple(stride, 0, "avg_pool3d: stride must be omitted, a single int, or a tuple of three ints");
                return Pooling.AvgPool3d(input, k, s, Triple(padding, 0, "avg_pool3d: padding must be a single int, or a tuple of three ints"),
                    ceil_mode, count_include_pad, divisor_override);
            }

            /// <summary>Adaptive 3-d average pooling to (output_size, output_size, output_size).</summary>
            public static Tensor adaptive_avg_pool3d(Tensor input, long output_size) =>
                Pooling.AdaptiveAvgPool3d(input, [output_size, output_size, output_size]);

            /// <summary>Adaptive 3-d average pooling to (depth, height, width); a null entry keeps that input size.</summary>
            public static Tensor adaptive_avg_pool3d(Tensor input, long?[] output_size) =>
                Pooling.AdaptiveAvgPool3d(input, AdaptiveTriple(output_size, "adaptive_avg_pool3d: output_size must be 3"));

            private static long?[] AdaptiveTriple(long?[] size, string message) => size.Length switch
            {
                1 => [size[0], size[0], size[0]],
                3 => size,
                _ => throw new ArgumentException(message),
            };
        }
    }
}
