using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Extracts sliding local blocks of a batched (N, C, H, W) or unbatched (C, H, W) input as columns
        /// (N, C·kH·kW, L) (PyTorch's <c>nn.Unfold</c>, im2col).
        /// </summary>
        public sealed class Unfold : torch.nn.Module<Tensor, Tensor>
        {
            private readonly long[] _kernel, _dilation, _padding, _stride;
            private readonly string _repr;

            internal Unfold(long[] kernel, long[] dilation, long[] padding, long[] stride, string repr)
            {
                (_kernel, _dilation, _padding, _stride, _repr) = (kernel, dilation, padding, stride, repr);
            }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => FoldFunctional.Unfold(input, _kernel, _dilation, _padding, _stride);

            /// <inheritdoc/>
            public override string extra_repr() => _repr;
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Extracts sliding local blocks (im2col) with one size for both spatial dims.</summary>
            /// <param name="kernel_size">The blocks' size.</param>
            /// <param name="dilation">The spacing between a block's elements.</param>
            /// <param name="padding">Implicit zero padding on both sides.</param>
            /// <param name="stride">The step between blocks.</param>
            public static Unfold Unfold(long kernel_size, long dilation = 1, long padding = 0, long stride = 1)
                => new([kernel_size, kernel_size], [dilation, dilation], [padding, padding], [stride, stride],
                    $"kernel_size={kernel_size}, dilation={dilation}, padding={padding}, stride={stride}");

            /// <summary>Extracts sliding local blocks (im2col) with a size per spatial dim.</summary>
            /// <inheritdoc cref="Unfold(long, long, long, long)"/>
            public static Unfold Unfold((long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null)
                => new([kernel_size.Item1, kernel_size.Item2], FoldFunctional.P(dilation, 1), FoldFunctional.P(padding, 0), FoldFunctional.P(stride, 1),
                    $"kernel_size={FoldFunctional.S(kernel_size)}, dilation={FoldFunctional.S(dilation, 1)}, padding={FoldFunctional.S(padding, 0)}, stride={FoldFunctional.S(stride, 1)}");

            /// <summary>
            /// Combines sliding local blocks (N, C·kH·kW, L) into a batched (N, C, H, W) tensor, summing overlaps
            /// (PyTorch's <c>nn.Fold</c>, col2im).
            /// </summary>
            /// <param name="output_size">The spatial size (H, W) of the output.</param>
            /// <param name="kernel_size">The blocks' size.</param>
            /// <param name="dilation">The spacing between a block's elements.</param>
            /// <param name="padding">Implicit zero padding on both sides.</param>
            /// <param name="stride">The step between blocks.</param>
            public static Modules.Fold Fold(long output_size, long kernel_size, long dilation = 1, long padding = 0, long stride = 1)
                => new([output_size, output_size], [kernel_size, kernel_size], [dilation, dilation], [padding, padding], [stride, stride],
                    $"output_size={output_size}, kernel_size={kernel_size}, dilation={dilation}, padding={padding}, stride={stride}");

            /// <summary>Combines sliding local blocks (col2im) with sizes per spatial dim.</summary>
            /// <inheritdoc cref="Fold(long, long, long, long, long)"/>
            public static Modules.Fold Fold((long, long) output_size, (long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null)
                => new([output_size.Item1, output_size.Item2], [kernel_size.Item1, kernel_size.Item2], FoldFunctional.P(dilation, 1), FoldFunctional.P(padding, 0), FoldFunctional.P(stride, 1),
                    $"output_size={FoldFunctional.S(output_size)}, kernel_size={FoldFunctional.S(kernel_size)}, dilation={FoldFunctional.S(dilation, 1)}, padding={FoldFunctional.S(padding, 0)}, stride={FoldFunctional.S(stride, 1)}");

            public static partial class functional
            {
                /// <summary>Extracts sliding local blocks of (N, C, H, W) or (C, H, W) as columns (N, C·k·k, L) (im2col).</summary>
                /// <param name="input">The batch of images.</param>
                /// <param name="kernel_size">The blocks' size.</param>
                /// <param name="dilation">The spacing between a block's elements.</param>
                /// <param name="padding">Implicit zero padding on both sides.</param>
                /// <param name="stride">The step between blocks.</param>
                public static Tensor unfold(Tensor input, long kernel_size, long dilation = 1, long padding = 0, long stride = 1)
                    => FoldFunctional.Unfold(input, [kernel_size, kernel_size], [dilation, dilation], [padding, padding], [stride, stride]);

                /// <summary>Extracts sliding local blocks with sizes per spatial dim (im2col).</summary>
                /// <inheritdoc cref="unfold(Tensor, long, long, long, long)"/>
                public static Tensor unfold(Tensor input, (long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null)
                    => FoldFunctional.Unfold(input, [kernel_size.Item1, kernel_size.Item2], FoldFunctional.P(dilation, 1), FoldFunctional.P(padding, 0), FoldFunctional.P(stride, 1));

                /// <summary>Sums sliding local blocks (N, C·k·k, L) or (C·k·k, L) into (N, C, H, W) (col2im).</summary>
                /// <param name="input">The blocks as columns.</param>
                /// <param name="output_size">The spatial size of the output.</param>
                /// <param name="kernel_size">The blocks' size.</param>
                /// <param name="dilation">The spacing between a block's elements.</param>
                /// <param name="padding">Implicit zero padding on both sides.</param>
                /// <param name="stride">The step between blocks.</param>
                public static Tensor fold(Tensor input, long output_size, long kernel_size, long dilation = 1, long padding = 0, long stride = 1)
                    => FoldFunctional.FoldCols(input, [output_size, output_size], [kernel_size, kernel_size], [dilation, dilation], [padding, padding], [stride, stride]);

                /// <summary>Sums sliding local blocks into an image with sizes per spatial dim (col2im).</summary>
                /// <inheritdoc cref="fold(Tensor, long, long, long, long, long)"/>
                public static Tensor fold(Tensor input, (long, long) output_size, (long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null)
                    => FoldFunctional.FoldCols(input, [output_size.Item1, output_size.Item2], [kernel_size.Item1, kernel_size.Item2], FoldFunctional.P(dilation, 1), FoldFunctional.P(padding, 0), FoldFunctional.P(stride, 1));
            }
        }
    }

    /// <summary>The unbatched forms and argument spelling of fold/unfold.</summary>
    internal static class FoldFunctional
    {
        public static long[] P((long, long)? v, long fallback) => v is { } p ? [p.Item1, p.Item2] : [fallback, fallback];

        public static string S((long, long) v) => $"({v.Item1}, {v.Item2})";

        public static string S((long, long)? v, long fallback) => v is { } p ? S(p) : fallback.ToString();

        public static Tensor Unfold(Tensor input, long[] kernel, long[] dilation, long[] padding, long[] stride)
        {
            int d = (int)input.dim();
            if (d != 3 && d != 4 || input.Shape.Skip(d - 3).Any(s => s == 0))
                throw new ArgumentException($"Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: {Shapes.Str(input.Shape)}");
            if (d == 3) return Ops.Fold.Unfold(input.unsqueeze(0), kernel, dilation, padding, stride).squeeze(0);
            return Ops.Fold.Unfold(input, kernel, dilation, padding, stride);
        }

        public static Tensor FoldCols(Tensor input, long[] outputSize, long[] kernel, long[] dilation, long[] padding, long[] stride)
        {
            int d = (int)input.dim();
            if (d != 2 && d != 3 || input.Shape.Skip(d - 2).Any(s => s == 0))
                throw new ArgumentException($"Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: {Shapes.Str(input.Shape)}");
            if (d == 2) return Ops.Fold.FoldCols(input.unsqueeze(0), outputSize, kernel, dilation, padding, stride, batched: false).squeeze(0);
            return Ops.Fold.FoldCols(input, outputSize, kernel, dilation, padding, stride, batched: true);
        }
    }
}
