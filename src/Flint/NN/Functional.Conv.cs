namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>1-D convolution of input (N, C_in, L) or unbatched (C_in, L) with weight (C_out, C_in / groups, k).</summary>
            /// <param name="input">The input signal.</param>
            /// <param name="weight">The filters.</param>
            /// <param name="bias">Optional (C_out) bias.</param>
            /// <param name="strides">One value, or one per spatial dim (default 1).</param>
            /// <param name="padding">Implicit zero padding on both sides, one value or one per spatial dim (default 0).</param>
            /// <param name="dilation">Spacing between kernel taps (default 1).</param>
            /// <param name="groups">Splits the channels into this many independent groups.</param>
            public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? dilation = null, long groups = 1)
                => ConvFunctional.Conv("conv1d", 1, input, weight, bias, strides, padding, null, dilation, groups);

            /// <summary>1-D convolution with <c>padding='valid'</c> or <c>'same'</c>.</summary>
            /// <inheritdoc cref="conv1d(Tensor, Tensor, Tensor, long[], long[], long[], long)"/>
            public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias, long[]? strides, Padding padding, long[]? dilation = null, long groups = 1)
                => ConvFunctional.Conv("conv1d", 1, input, weight, bias, strides, null, padding, dilation, groups);

            /// <summary>2-D convolution of input (N, C_in, H, W) or unbatched (C_in, H, W) with weight (C_out, C_in / groups, kH, kW).</summary>
            /// <inheritdoc cref="conv1d(Tensor, Tensor, Tensor, long[], long[], long[], long)"/>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? dilation = null, long groups = 1)
                => ConvFunctional.Conv("conv2d", 2, input, weight, bias, strides, padding, null, dilation, groups);

            /// <summary>2-D convolution with <c>padding='valid'</c> or <c>'same'</c>.</summary>
            /// <inheritdoc cref="conv1d(Tensor, Tensor, Tensor, long[], long[], long[], long)"/>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias, long[]? strides, Padding padding, long[]? dilation = null, long groups = 1)
                => ConvFunctional.Conv("conv2d", 2, input, weight, bias, strides, null, padding, dilation, groups);

            /// <summary>3-D convolution of input (N, C_in, D, H, W) or unbatched (C_in, D, H, W) with weight (C_out, C_in / groups, kD, kH, kW).</summary>
            /// <inheritdoc cref="conv1d(Tensor, Tensor, Tensor, long[], long[], long[], long)"/>
            public static Tensor conv3d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? dilation = null, long groups = 1)
                => ConvFunctional.Conv("conv3d", 3, input, weight, bias, strides, padding, null, dilation, groups);

            /// <summary>3-D convolution with <c>padding='valid'</c> or <c>'same'</c>.</summary>
            /// <inheritdoc cref="conv1d(Tensor, Tensor, Tensor, long[], long[], long[], long)"/>
            public static Tensor conv3d(Tensor input, Tensor weight, Tensor? bias, long[]? strides, Padding padding, long[]? dilation = null, long groups = 1)
                => ConvFunctional.Conv("conv3d", 3, input, weight, bias, strides, null, padding, dilation, groups);

            /// <summary>
            /// 1-D transposed convolution ("deconvolution") of input (N, C_in, L) or unbatched (C_in, L) with weight
            /// (C_in, C_out / groups, k): output length (L − 1)·stride − 2·padding + dilation·(k − 1) + output_padding + 1.
            /// </summary>
            /// <param name="input">The input signal.</param>
            /// <param name="weight">The filters.</param>
            /// <param name="bias">Optional (C_out) bias.</param>
            /// <param name="strides">One value, or one per spatial dim (default 1).</param>
            /// <param name="padding">dilation·(k − 1) − padding zero padding is added to both sides of the input (default 0).</param>
            /// <param name="output_padding">Extra size added to one side of the output (default 0).</param>
            /// <param name="dilation">Spacing between kernel taps (default 1).</param>
            /// <param name="groups">Splits the channels into this many independent groups.</param>
            public static Tensor conv_transpose1d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? output_padding = null, long[]? dilation = null, long groups = 1)
                => ConvFunctional.ConvTranspose("conv_transpose1d", 1, input, weight, bias, strides, padding, output_padding, dilation, groups);

            /// <summary>2-D transposed convolution of input (N, C_in, H, W) or unbatched (C_in, H, W) with weight (C_in, C_out / groups, kH, kW).</summary>
            /// <inheritdoc cref="conv_transpose1d"/>
            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? output_padding = null, long[]? dilation = null, long groups = 1)
                => ConvFunctional.ConvTranspose("conv_transpose2d", 2, input, weight, bias, strides, padding, output_padding, dilation, groups);

            /// <summary>3-D transposed convolution of input (N, C_in, D, H, W) or unbatched (C_in, D, H, W) with weight (C_in, C_out / groups, kD, kH, kW).</summary>
            /// <inheritdoc cref="conv_transpose1d"/>
            public static Tensor conv_transpose3d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? output_padding = null, long[]? dilation = null, long groups = 1)
                => ConvFunctional.ConvTranspose("conv_transpose3d", 3, input, weight, bias, strides, padding, output_padding, dilation, groups);
        }
    }
}

/// <summary>
/// What nn.functional's convolutions do before the op: accept unbatched inputs (PyTorch's batchify),
/// expand per-dim arguments, and turn <c>padding='same'</c> into symmetric padding plus one extra
/// element on the right where the total is odd, as at::_convolution_mode does.
/// </summary>
internal static class ConvFunctional
{
    public static Tensor Conv(string name, int s, Tensor input, Tensor weight, Tensor? bias, long[]? stride, long[]? padding, Padding? mode, long[]? dilation, long groups)
    {
        var (x, unbatched) = Batchify(input, s, name);
        // PyTorch expands the per-dim arguments to the weight's spatial rank, then checks the ranks agree.
        s = Math.Max(1, (int)weight.dim() - 2);
        var st = Expand("stride", stride, s, 1);
        var dl = Expand("dilation", dilation, s, 1);
        long[] pd;
        if (mode == Padding.Same)
        {
            if (st.Any(v => v != 1)) throw new ArgumentException("padding='same' is not supported for strided convolutions");
            pd = new long[s];
            var extra = new long[2 * s];
            bool asymmetric = false;
            if (weight.dim() == s + 2)
                for (int i = 0; i < s; i++)
                {
                    long total = dl[i] * (weight.size(i + 2) - 1);
                    pd[i] = total / 2;
                    long delta = total - 2 * pd[i];
                    extra[2 * (s - 1 - i) + 1] = delta; // F.pad order: last dim first, (left, right) pairs
                    asymmetric |= delta != 0;
                }
            if (asymmetric) x = torch.nn.functional.pad(x, extra);
        }
        else pd = mode == Padding.Valid ? new long[s] : Expand("padding", padding, s, 0);
        var y = Ops.Convolution.Conv(x, weight, bias, st, pd, dl, groups);
        return unbatched ? y.squeeze(0) : y;
    }

    public static Tensor ConvTranspose(string name, int s, Tensor input, Tensor weight, Tensor? bias, long[]? stride, long[]? padding, long[]? outputPadding, long[]? dilation, long groups)
    {
        var (x, unbatched) = Batchify(input, s, name);
        s = Math.Max(1, (int)weight.dim() - 2);
        var y = Ops.Convolution.ConvTranspose(x, weight, bias, Expand("stride", stride, s, 1), Expand("padding", padding, s, 0),
            Expand("output_padding", outputPadding, s, 0), Expand("dilation", dilation, s, 1), groups);
        return unbatched ? y.squeeze(0) : y;
    }

    /// <summary>PyTorch's batchify: (C, *spatial) gets a batch dim of 1, which the caller removes again.</summary>
    public static (Tensor x, bool unbatched) Batchify(Tensor input, int s, string name)
    {
        int d = (int)input.dim();
        if (d != s + 1 && d != s + 2)
            throw new ArgumentException($"Expected {s + 1}D (unbatched) or {s + 2}D (batched) input to {name}, but got input of size: {Shapes.Str(input.Shape)}");
        return d == s + 1 ? (input.unsqueeze(0), true) : (input, false);
    }

    /// <summary>One value repeated per spatial dim, or exactly one per dim (PyTorch's expand_param_if_needed).</summary>
    public static long[] Expand(string what, long[]? v, int s, long fallback)
    {
        if (v is null || v.Length == 0) return Enumerable.Repeat(fallback, s).ToArray();
        if (v.Length == 1) return Enumerable.Repeat(v[0], s).ToArray();
        if (v.Length != s)
            throw new ArgumentException($"expected {what} to be a single integer value or a list of {s} values to match the convolution dimensions, but got {what}={Shapes.Str(v)}");
        return (long[])v.Clone();
    }
}
