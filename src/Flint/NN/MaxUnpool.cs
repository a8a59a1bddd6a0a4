using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The partial inverse of max pooling (PyTorch's <c>nn.MaxUnpool1d/2d/3d</c>): puts each value at the position its
        /// index (from <c>max_pool*_with_indices</c>) names in a zero output plane.
        /// </summary>
        public abstract class MaxUnpoolNd : torch.nn.Module<Tensor, Tensor, long[]?, Tensor>
        {
            private protected MaxUnpoolNd(int dims, long[] kernel_size, long[]? stride, long[]? padding)
            {
                Dims = dims;
                this.kernel_size = torch.nn.functional.UnpoolTuple(kernel_size, dims, "kernel_size");
                this.stride = stride is null || stride.Length == 0 ? this.kernel_size : torch.nn.functional.UnpoolTuple(stride, dims, "stride");
                this.padding = torch.nn.functional.UnpoolTuple(padding ?? [0], dims, "padding");
            }

            private int Dims { get; }

            /// <summary>The pooling window size, one per spatial dim.</summary>
            public long[] kernel_size { get; set; }
            /// <summary>The pooling step, one per spatial dim.</summary>
            public long[] stride { get; set; }
            /// <summary>The pooling padding, one per spatial dim.</summary>
            public long[] padding { get; set; }

            /// <summary>Unpools <paramref name="input"/> with <paramref name="indices"/>; <paramref name="output_size"/> picks among the sizes that pool to the input's.</summary>
            public override Tensor forward(Tensor input, Tensor indices, long[]? output_size = null) =>
                torch.nn.functional.MaxUnpool(input, indices, kernel_size, stride, padding, output_size, Dims);

            /// <summary>Runs the hooks and <see cref="forward"/> with the default output size.</summary>
            public Tensor call(Tensor input, Tensor indices) => call(input, indices, null);

            /// <inheritdoc/>
            public override string extra_repr() => $"kernel_size={Tuple(kernel_size)}, stride={Tuple(stride)}, padding={Tuple(padding)}";

            private static string Tuple(long[] v) => v.Length == 1 ? $"({v[0]},)" : "(" + string.Join(", ", v) + ")";
        }

        /// <summary>1-d max unpooling (PyTorch's <c>nn.MaxUnpool1d</c>) of (N, C, L) or (C, L) input.</summary>
        public sealed class MaxUnpool1d : MaxUnpoolNd
        {
            internal MaxUnpool1d(long[] kernel_size, long[]? stride, long[]? padding) : base(1, kernel_size, stride, padding) { }
        }

        /// <summary>2-d max unpooling (PyTorch's <c>nn.MaxUnpool2d</c>) of (N, C, H, W) or (C, H, W) input.</summary>
        public sealed class MaxUnpool2d : MaxUnpoolNd
        {
            internal MaxUnpool2d(long[] kernel_size, long[]? stride, long[]? padding) : base(2, kernel_size, stride, padding) { }
        }

        /// <summary>3-d max unpooling (PyTorch's <c>nn.MaxUnpool3d</c>) of (N, C, D, H, W) or (C, D, H, W) input.</summary>
        public sealed class MaxUnpool3d : MaxUnpoolNd
        {
            internal MaxUnpool3d(long[] kernel_size, long[]? stride, long[]? padding) : base(3, kernel_size, stride, padding) { }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>1-d max unpooling; <paramref name="stride"/> defaults to the kernel size.</summary>
            public static MaxUnpool1d MaxUnpool1d(long kernel_size, long? stride = null, long? padding = null) =>
                new([kernel_size], stride is { } s ? [s] : null, padding is { } p ? [p] : null);

            /// <summary>2-d max unpooling with a square window.</summary>
            public static MaxUnpool2d MaxUnpool2d(long kernel_size, long? stride = null, long? padding = null) =>
                new([kernel_size], stride is { } s ? [s] : null, padding is { } p ? [p] : null);

            /// <summary>2-d max unpooling with (height, width) sizes.</summary>
            public static MaxUnpool2d MaxUnpool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null) => new(kernel_size, stride, padding);

            /// <summary>3-d max unpooling with a cubic window.</summary>
            public static MaxUnpool3d MaxUnpool3d(long kernel_size, long? stride = null, long? padding = null) =>
                new([kernel_size], stride is { } s ? [s] : null, padding is { } p ? [p] : null);

            /// <summary>3-d max unpooling with (depth, height, width) sizes.</summary>
            public static MaxUnpool3d MaxUnpool3d(long[] kernel_size, long[]? stride = null, long[]? padding = null) => new(kernel_size, stride, padding);

            public static partial class functional
            {
                /// <summary>
                /// 1-d max unpooling (PyTorch's <c>F.max_unpool1d</c>) of (N, C, L) or (C, L) input: a zero output of length
                /// (L - 1) * stride + kernel_size - 2 * padding (or <paramref name="output_size"/>) with each input value at its index.
                /// </summary>
                public static Tensor max_unpool1d(Tensor input, Tensor indices, long kernel_size, long? stride = null, long? padding = null, long[]? output_size = null) =>
                    MaxUnpool(input, indices, [kernel_size], stride is { } s ? [s] : [kernel_size], [padding ?? 0], output_size, 1);

                /// <summary>2-d max unpooling (PyTorch's <c>F.max_unpool2d</c>) of (N, C, H, W) or (C, H, W) input.</summary>
                public static Tensor max_unpool2d(Tensor input, Tensor indices, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? output_size = null)
                {
                    var k = UnpoolTuple(kernel_size, 2, "kernel_size");
                    return MaxUnpool(input, indices, k, stride is null || stride.Length == 0 ? k : UnpoolTuple(stride, 2, "stride"), UnpoolTuple(padding ?? [0], 2, "padding"), output_size, 2);
                }

                /// <summary>2-d max unpooling with a square window.</summary>
                public static Tensor max_unpool2d(Tensor input, Tensor indices, long kernel_size, long? stride = null, long padding = 0, long[]? output_size = null) =>
                    max_unpool2d(input, indices, [kernel_size], stride is { } s ? [s] : null, [padding], output_size);

                /// <summary>3-d max unpooling (PyTorch's <c>F.max_unpool3d</c>) of (N, C, D, H, W) or (C, D, H, W) input.</summary>
                public static Tensor max_unpool3d(Tensor input, Tensor indices, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? output_size = null)
                {
                    var k = UnpoolTuple(kernel_size, 3, "kernel_size");
                    return MaxUnpool(input, indices, k, stride is null || stride.Length == 0 ? k : UnpoolTuple(stride, 3, "stride"), UnpoolTuple(padding ?? [0], 3, "padding"), output_size, 3);
                }

                /// <summary>3-d max unpooling with a cubic window.</summary>
                public static Tensor max_unpool3d(Tensor input, Tensor indices, long kernel_size, long? stride = null, long padding = 0, long[]? output_size = null) =>
                    max_unpool3d(input, indices, [kernel_size], stride is { } s ? [s] : null, [padding], output_size);

                internal static long[] UnpoolTuple(long[] v, int dims, string what)
                {
                    if (v.Length == 1) return Enumerable.Repeat(v[0], dims).ToArray();
                    if (v.Length == dims) return (long[])v.Clone();
                    throw new ArgumentException($"max_unpool{dims}d: {what} must be a single int or a tuple of {dims} ints");
                }

                /// <summary>
                /// PyTorch's <c>_unpool_output_size</c> and unpooling: a scatter of the flattened planes into zeros, so the gradient
                /// is a gather of the output gradient at the indices, on every device.
                /// </summary>
                internal static Tensor MaxUnpool(Tensor input, Tensor indices, long[] kernel, long[] stride, long[] padding, long[]? output_size, int dims)
                {
                    string name = $"max_unpool{dims}d";
                    if (input.dim() != dims + 1 && input.dim() != dims + 2)
                        throw new ArgumentException($"{name}: Expected {dims + 1}D or {dims + 2}D input, but got input of size {input.size()}");
                    if (indices.dtype != ScalarType.Int64)
                        throw new ArgumentException($"elements in indices should be type int64 but got: {DTypes.ShortName(indices.dtype)}");
                    if (!indices.shape.SequenceEqual(input.shape))
                        throw new ArgumentException($"Expected shape of indices to be same as that of the input tensor ({input.size()}) but got indices tensor with shape: {indices.size()}");
                    var defaults = new long[dims];
                    for (int d = 0; d < dims; d++)
                        defaults[d] = (input.size(input.dim() - dims + d) - 1) * stride[d] + kernel[d] - 2 * padding[d];
                    long[] size = defaults;
                    if (output_size is not null)
                    {
                        var os = output_size.Length == dims + 2 ? output_size[2..] : output_size;
                        if (os.Length != dims)
                            throw new ArgumentException($"output_size should be a sequence containing {dims} or {dims + 2} elements, but it has a length of '{os.Length}'");
                        for (int d = 0; d < dims; d++)
                        {
                            long min = defaults[d] - stride[d], max = defaults[d] + stride[d];
                            if (!(min < os[d] && os[d] < max))
                                throw new ArgumentException($"invalid output_size \"[{string.Join(", ", output_size)}]\" (dim {d} must be between {min} and {max})");
                        }
                        size = os;
                    }
                    long plane = 1;
                    foreach (var s in size) plane *= s;
                    var lead = input.shape[..^dims];
                    var flatIdx = indices.reshape([.. lead, -1]);
                    if (flatIdx.numel() > 0)
                    {
                        var bad = flatIdx.lt(0).logical_or(flatIdx.ge(plane));
                        if (bad.any().item<bool>())
                        {
                            long first = flatIdx.masked_select(bad)[0].item<long>();
                            var sizes = dims == 1 ? $"{size[0]}x1" : string.Join("x", size);
                            throw new ArgumentException($"Found an invalid max index: {first} (output volumes are of size {sizes}");
                        }
                    }
                    var output = zeros([.. lead, plane], input.dtype, input.device);
                    return output.scatter(-1, flatIdx, input.reshape([.. lead, -1])).reshape([.. lead, .. size]);
                }
            }
        }
    }
}
