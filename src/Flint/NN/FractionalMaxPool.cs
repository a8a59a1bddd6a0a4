using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// 2-d fractional max pooling (PyTorch's <c>nn.FractionalMaxPool2d</c>): windows of <see cref="kernel_size"/> at
        /// pseudo-random, fractionally spaced positions chosen per (sample, channel) so that the output has
        /// <see cref="output_size"/> (or input size times <see cref="output_ratio"/>).
        /// </summary>
        public sealed class FractionalMaxPool2d : torch.nn.Module<Tensor, Tensor>
        {
            internal FractionalMaxPool2d(long[] kernel_size, long[]? output_size, double[]? output_ratio, bool return_indices)
            {
                torch.nn.functional.FractionalCheckArguments("FractionalMaxPool2d", output_size, output_ratio);
                this.kernel_size = kernel_size;
                this.output_size = output_size;
                this.output_ratio = output_ratio;
                this.return_indices = return_indices;
            }

            /// <summary>The window size (height, width).</summary>
            public long[] kernel_size { get; set; }
            /// <summary>The output size (height, width), or null when <see cref="output_ratio"/> is given.</summary>
            public long[]? output_size { get; set; }
            /// <summary>The output size as a fraction of the input's, or null when <see cref="output_size"/> is given.</summary>
            public double[]? output_ratio { get; set; }
            /// <summary>Whether the caller wants indices (use <see cref="forward_with_indices"/>).</summary>
            public bool return_indices { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => forward_with_indices(input).Values;

            /// <summary>The pooled values and each maximum's flat index within its input plane.</summary>
            public (Tensor Values, Tensor Indices) forward_with_indices(Tensor input) =>
                torch.nn.functional.fractional_max_pool2d_with_indices(input, kernel_size, output_size, output_ratio);
        }

        /// <summary>3-d fractional max pooling (PyTorch's <c>nn.FractionalMaxPool3d</c>).</summary>
        public sealed class FractionalMaxPool3d : torch.nn.Module<Tensor, Tensor>
        {
            internal FractionalMaxPool3d(long[] kernel_size, long[]? output_size, double[]? output_ratio, bool return_indices)
            {
                torch.nn.functional.FractionalCheckArguments("FractionalMaxPool3d", output_size, output_ratio);
                this.kernel_size = kernel_size;
                this.output_size = output_size;
                this.output_ratio = output_ratio;
                this.return_indices = return_indices;
            }

            /// <summary>The window size (depth, height, width).</summary>
            public long[] kernel_size { get; set; }
            /// <summary>The output size (depth, height, width), or null when <see cref="output_ratio"/> is given.</summary>
            public long[]? output_size { get; set; }
            /// <summary>The output size as a fraction of the input's, or null when <see cref="output_size"/> is given.</summary>
            public double[]? output_ratio { get; set; }
            /// <summary>Whether the caller wants indices (use <see cref="forward_with_indices"/>).</summary>
            public bool return_indices { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => forward_with_indices(input).Values;

            /// <summary>The pooled values and each maximum's flat index within its input volume.</summary>
            public (Tensor Values, Tensor Indices) forward_with_indices(Tensor input) =>
                torch.nn.functional.fractional_max_pool3d_with_indices(input, kernel_size, output_size, output_ratio);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>2-d fractional max pooling with a square window; give exactly one of <paramref name="output_size"/> and <paramref name="output_ratio"/>.</summary>
            public static FractionalMaxPool2d FractionalMaxPool2d(long kernel_size, long? output_size = null, double? output_ratio = null, bool return_indices = false) =>
                new([kernel_size, kernel_size], output_size is { } o ? [o, o] : null, output_ratio is { } r ? [r, r] : null, return_indices);

            /// <summary>2-d fractional max pooling with (height, width) sizes.</summary>
            public static FractionalMaxPool2d FractionalMaxPool2d(long[] kernel_size, long[]? output_size = null, double[]? output_ratio = null, bool return_indices = false) =>
                new(functional.FractionalTuple(kernel_size, 2), output_size is null ? null : functional.FractionalTuple(output_size, 2),
                    output_ratio is null ? null : functional.FractionalTuple(output_ratio, 2), return_indices);

            /// <summary>3-d fractional max pooling with a cubic window; give exactly one of <paramref name="output_size"/> and <paramref name="output_ratio"/>.</summary>
            public static FractionalMaxPool3d FractionalMaxPool3d(long kernel_size, long? output_size = null, double? output_ratio = null, bool return_indices = false) =>
                new([kernel_size, kernel_size, kernel_size], output_size is { } o ? [o, o, o] : null, output_ratio is { } r ? [r, r, r] : null, return_indices);

            /// <summary>3-d fractional max pooling with (depth, height, width) sizes.</summary>
            public static FractionalMaxPool3d FractionalMaxPool3d(long[] kernel_size, long[]? output_size = null, double[]? output_ratio = null, bool return_indices = false) =>
                new(functional.FractionalTuple(kernel_size, 3), output_size is null ? null : functional.FractionalTuple(output_size, 3),
                    output_ratio is null ? null : functional.FractionalTuple(output_ratio, 3), return_indices);

            public static partial class functional
            {
                /// <summary>2-d fractional max pooling with a square window (PyTorch's <c>F.fractional_max_pool2d</c>).</summary>
                public static Tensor fractional_max_pool2d(Tensor input, long kernel_size, long? output_size = null, double? output_ratio = null, Tensor? _random_samples = null) =>
                    fractional_max_pool2d_with_indices(input, kernel_size, output_size, output_ratio, _random_samples).Values;

                /// <summary>2-d fractional max pooling with (height, width) sizes (PyTorch's <c>F.fractional_max_pool2d</c>).</summary>
                public static Tensor fractional_max_pool2d(Tensor input, long[] kernel_size, long[]? output_size = null, double[]? output_ratio = null, Tensor? _random_samples = null) =>
                    fractional_max_pool2d_with_indices(input, kernel_size, output_size, output_ratio, _random_samples).Values;

                /// <summary>2-d fractional max pooling with a square window, returning the indices too.</summary>
                public static (Tensor Values, Tensor Indices) fractional_max_pool2d_with_indices(Tensor input, long kernel_size, long? output_size = null, double? output_ratio = null, Tensor? _random_samples = null) =>
                    fractional_max_pool2d_with_indices(input, [kernel_size], output_size is { } o ? [o] : null, output_ratio is { } r ? [r] : null, _random_samples);

                /// <summary>
                /// 2-d fractional max pooling of (N, C, H, W) or (C, H, W) input, returning the maxima and their flat indices within
                /// each input plane. <paramref name="_random_samples"/> (shape (N, C, 2), values in [0, 1): the width sample, then the
                /// height sample) fixes the window positions as in PyTorch; without it they are drawn with <c>torch.rand</c>.
                /// </summary>
                public static (Tensor Values, Tensor Indices) fractional_max_pool2d_with_indices(Tensor input, long[] kernel_size, long[]? output_size = null, double[]? output_ratio = null, Tensor? _random_samples = null) =>
                    FractionalMaxPool(input, FractionalTuple(kernel_size, 2), output_size, output_ratio, _random_samples, 2);

                /// <summary>3-d fractional max pooling with a cubic window (PyTorch's <c>F.fractional_max_pool3d</c>).</summary>
                public static Tensor fractional_max_pool3d(Tensor input, long kernel_size, long? output_size = null, double? output_ratio = null, Tensor? _random_samples = null) =>
                    fractional_max_pool3d_with_indices(input, [kernel_size], output_size is { } o ? [o] : null, output_ratio is { } r ? [r] : null, _random_samples).Values;

                /// <summary>3-d fractional max pooling with (depth, height, width) sizes (PyTorch's <c>F.fractional_max_pool3d</c>).</summary>
                public static Tensor fractional_max_pool3d(Tensor input, long[] kernel_size, long[]? output_size = null, double[]? output_ratio = null, Tensor? _random_samples = null) =>
                    fractional_max_pool3d_with_indices(input, kernel_size, output_size, output_ratio, _random_samples).Values;

                /// <summary>3-d fractional max pooling with a cubic window, returning the indices too.</summary>
                public static (Tensor Values, Tensor Indices) fractional_max_pool3d_with_indices(Tensor input, long kernel_size, long? output_size = null, double? output_ratio = null, Tensor? _random_samples = null) =>
                    fractional_max_pool3d_with_indices(input, [kernel_size], output_size is { } o ? [o] : null, output_ratio is { } r ? [r] : null, _random_samples);

                /// <summary>
                /// 3-d fractional max pooling of (N, C, D, H, W) or (C, D, H, W) input, returning the maxima and their flat indices
                /// within each input volume; <paramref name="_random_samples"/> has shape (N, C, 3) (depth, height, width samples).
                /// </summary>
                public static (Tensor Values, Tensor Indices) fractional_max_pool3d_with_indices(Tensor input, long[] kernel_size, long[]? output_size = null, double[]? output_ratio = null, Tensor? _random_samples = null) =>
                    FractionalMaxPool(input, FractionalTuple(kernel_size, 3), output_size, output_ratio, _random_samples, 3);

                internal static T[] FractionalTuple<T>(T[] v, int dims) =>
                    v.Length == 1 ? Enumerable.Repeat(v[0], dims).ToArray()
                    : v.Length == dims ? (T[])v.Clone()
                    : throw new ArgumentException($"fractional_max_pool{dims}d: expected a single value or {dims} values, but got {v.Length}");

                internal static void FractionalCheckArguments(string module, long[]? output_size, double[]? output_ratio)
                {
                    if (output_size is null && output_ratio is null)
                        throw new ArgumentException($"{module} requires specifying either an output size, or a pooling ratio");
                    if (output_size is not null && output_ratio is not null)
                        throw new ArgumentException("only one of output_size and output_ratio may be specified");
                    if (output_ratio is not null && output_ratio.Any(r => !(r > 0 && r < 1)))
                        throw new ArgumentException($"output_ratio must be between 0 and 1 (got ({string.Join(", ", output_ratio.Select(Module.FormatFloat))}))");
                }

                /// <summary>
                /// PyTorch's fractional max pooling: per plane, window starts <c>int((i + u) * alpha) - int(u * alpha)</c> with
                /// alpha = (in - k) / (out - 1) (computed in the input's precision) and the last window at in - k. The window
                /// positions are computed on the host from the samples; the values are a gather of the input and a max over each
                /// window, so forward and gradient run on every device.
                /// </summary>
                private static (Tensor Values, Tensor Indices) FractionalMaxPool(Tensor input, long[] kernel, long[]? output_size, double[]? output_ratio, Tensor? samples, int dims)
                {
                    string name = $"fractional_max_pool{dims}d";
                    if (output_size is null && output_ratio is null)
                        throw new ArgumentException($"{name} requires specifying either an output_size or an output_ratio");
                    if (input.dim() != dims + 1 && input.dim() != dims + 2)
                        throw new ArgumentException($"{name}(): Expected {dims + 1}D or {dims + 2}D tensor, but got: {input.size()}");
                    bool batched = input.dim() == dims + 2;
                    long n = batched ? input.size(0) : 1, c = input.size(-dims - 1);
                    var inSize = input.shape[^dims..];
                    long[] outSize;
                    if (output_size is not null) outSize = FractionalTuple(output_size, dims);
                    else
                    {
                        var r = FractionalTuple(output_ratio!, dims);
                        outSize = new long[dims];
                        for (int d = 0; d < dims; d++) outSize[d] = (long)(inSize[d] * r[d]);
                    }
                    string[] words = dims == 2 ? ["height", "width"] : ["time", "height", "width"];
                    for (int d = 0; d < dims; d++)
                        if (outSize[d] + kernel[d] - 1 > inSize[d])
                            throw new ArgumentException($"{name}(): pool {words[d]} {kernel[d]} too large relative to input {words[d]} {inSize[d]}");
                    samples ??= rand([n, c, dims], input.dtype, input.device);
                    if (samples.dim() != 3 || samples.size(0) < n || samples.size(1) != c || samples.size(2) != dims)
                        throw new ArgumentException($"{name}(): expected _random_samples of size ({n}, {c}, {dims}), but got {samples.size()}");

                    // Sample order per plane: 2-d (width, height); 3-d (time, height, width).
                    var u = samples.detach().to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
                    bool single = input.dtype != ScalarType.Float64;
                    long window = 1, outPlane = 1, inPlane = 1;
                    for (int d = 0; d < dims; d++) { window *= kernel[d]; outPlane *= outSize[d]; inPlane *= inSize[d]; }
                    var idx = new long[n * c * outPlane * window];
                    var starts = new long[dims][];
                    long pos = 0;
                    for (long p = 0; p < n * c; p++)
                    {
                        for (int d = 0; d < dims; d++)
                        {
                            int sampleIndex = dims == 2 ? 1 - d : d;
                            starts[d] = Intervals(u[p * dims + sampleIndex], inSize[d], outSize[d], kernel[d], single);
                        }
                        var o = new long[dims];
                        for (long q = 0; q < outPlane; q++)
                        {
                            long rem = q;
                            for (int d = dims - 1; d >= 0; d--) { o[d] = rem % outSize[d]; rem /= outSize[d]; }
                            var k = new long[dims];
                            for (long w = 0; w < window; w++)
                            {
                                long wr = w;
                                for (int d = dims - 1; d >= 0; d--) { k[d] = wr % kernel[d]; wr /= kernel[d]; }
                                long flat = 0;
                                for (int d = 0; d < dims; d++) flat = flat * inSize[d] + starts[d][o[d]] + k[d];
                                idx[pos++] = flat;
                            }
                        }
                    }
                    var index = tensor(idx, [n, c, outPlane * window], ScalarType.Int64).to(input.device);
                    var x = (batched ? input : input.unsqueeze(0)).reshape(n, c, inPlane);
                    var gathered = x.gather(2, index).reshape(n, c, outPlane, window);
                    var (values, arg) = gathered.max(3);
                    var indices = index.reshape(n, c, outPlane, window).gather(3, arg.unsqueeze(3)).squeeze(3);
                    long[] shape = [n, c, .. outSize];
                    values = values.reshape(shape);
                    indices = indices.reshape(shape);
                    return batched ? (values, indices) : (values.squeeze(0), indices.squeeze(0));
                }

                private static long[] Intervals(double sample, long inputSize, long outputSize, long poolSize, bool single)
                {
                    var seq = new long[outputSize];
                    if (outputSize > 1)
                    {
                        if (single)
                        {
                            float s = (float)sample, alpha = (float)(inputSize - poolSize) / (float)(outputSize - 1);
                            for (long i = 0; i < outputSize - 1; i++) seq[i] = (int)((i + s) * alpha) - (int)(s * alpha);
                        }
                        else
                        {
                            double alpha = (double)(inputSize - poolSize) / (outputSize - 1);
                            for (long i = 0; i < outputSize - 1; i++) seq[i] = (int)((i + sample) * alpha) - (int)(sample * alpha);
                        }
                    }
                    if (outputSize > 0) seq[outputSize - 1] = inputSize - poolSize;
                    return seq;
                }
            }
        }
    }
}
