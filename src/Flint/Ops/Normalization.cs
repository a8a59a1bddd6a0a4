using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Group and RMS normalisation, composed of reductions and elementwise ops (so they run on every device). Group
/// normalisation is recorded as one node, PyTorch's <c>NativeGroupNormBackward0</c>, with the closed-form gradient;
/// RMSNorm stays a composition, as in PyTorch. Half types compute in float32 and round once.
/// </summary>
internal static class Normalization
{
    /// <summary>
    /// GroupNorm: the channels (dim 1) of each sample split into <paramref name="numGroups"/> groups, each
    /// normalised by its own mean and biased variance, then scaled and shifted per channel.
    /// </summary>
    public static Tensor GroupNorm(Tensor input, long numGroups, Tensor? weight, Tensor? bias, double eps)
    {
        if (input.dim() < 2) throw new ArgumentException($"Expected at least 2 dimensions for input tensor but received {input.dim()}");
        long n = input.size(0), c = input.size(1);
        if (numGroups <= 0 || c % numGroups != 0)
            throw new ArgumentException($"Expected number of channels in input to be divisible by num_groups, but got input of shape {Shapes.Str(input.Shape)} and num_groups={numGroups}");
        if (weight is not null && (weight.dim() != 1 || weight.numel() != c))
            throw new ArgumentException($"Expected weight to be a vector of size equal to the number of channels in input, but got weight of shape {Shapes.Str(weight.Shape)} and input of shape {Shapes.Str(input.Shape)}");
        if (bias is not null && (bias.dim() != 1 || bias.numel() != c))
            throw new ArgumentException($"Expected bias to be a vector of size equal to the number of channels in input, but got bias of shape {Shapes.Str(bias.Shape)} and input of shape {Shapes.Str(input.Shape)}");
        var channelShape = Enumerable.Repeat(1L, (int)input.dim()).ToArray();
        channelShape[1] = c;
        var notChannel = Enumerable.Range(0, (int)input.dim()).Where(d => d != 1).Select(d => (long)d).ToArray();
        Tensor y, mean, rstd;
        using (GradMode.Set(false))
        {
            var grouped = NormStatistics.Compute(input).reshape(n, numGroups, -1);
            mean = grouped.mean(-1, keepdim: true);
            var centered = grouped - mean;
            rstd = (centered * centered).mean(-1, keepdim: true).add(eps).rsqrt();
            y = NormStatistics.Affine((centered * rstd).reshape(input.Shape), weight?.reshape(channelShape), bias?.reshape(channelShape), input.dtype);
        }
        return NormStatistics.Record(y, "NativeGroupNormBackward0", input, weight, bias, mean, rstd, (g, x, w, m, r) =>
        {
            var xg = x.reshape(n, numGroups, -1);
            // Under create_graph the statistics are recomputed from x with recorded ops (see LayerNormOps).
            if (GradMode.IsEnabled)
            {
                m = xg.mean(-1, keepdim: true);
                var cg = xg - m;
                r = (cg * cg).mean(-1, keepdim: true).add(eps).rsqrt();
            }
            var xhat = (xg - m) * r;
            var gxhat = (w is null ? g : g * w.reshape(channelShape)).reshape(n, numGroups, -1);
            var gx = ((gxhat - gxhat.mean(-1, keepdim: true) - xhat * (gxhat * xhat).mean(-1, keepdim: true)) * r).reshape(input.Shape);
            var gw = w is null ? null : (g * xhat.reshape(input.Shape)).sum(notChannel);
            return (gx, gw, g.sum(notChannel));
        });
    }

    /// <summary>Machine epsilon of a floating dtype (PyTorch's torch.finfo(dtype).eps).</summary>
    public static double Epsilon(ScalarType t) => t switch
    {
        ScalarType.Float64 => 2.220446049250313e-16,
        ScalarType.Float16 => 0.0009765625,
        ScalarType.BFloat16 => 0.0078125,
        _ => 1.1920928955078125e-07,
    };

    /// <summary>
    /// RMSNorm as PyTorch 2.4 defines it: x · rsqrt(mean(x², trailing dims) + eps) · weight, eps defaulting to
    /// the input dtype's machine epsilon.
    /// </summary>
    public static Tensor RmsNorm(Tensor input, long[] normalizedShape, Tensor? weight, double? eps)
    {
        int k = normalizedShape.Length, rank = (int)input.dim();
        bool fits = k > 0 && rank >= k;
        for (int i = 0; fits && i < k; i++) fits = input.Shape[rank - k + i] == normalizedShape[i];
        if (!fits)
            throw new ArgumentException($"Given normalized_shape={Shapes.Str(normalizedShape)}, expected input with shape [*, {string.Join(", ", normalizedShape)}], but got input of size{Shapes.Str(input.Shape)}");
        if (weight is not null && !Shapes.SameShape(weight.Shape, normalizedShape))
            throw new ArgumentException($"Expected weight to be of same shape as normalized_shape, but got weight of shape {Shapes.Str(weight.Shape)} and normalized_shape = {Shapes.Str(normalizedShape)}");
        if (!input.IsFloating) throw new ArgumentException($"rms_norm: expected a floating input, got {DTypes.ShortName(input.dtype)}");
        double e = eps ?? Epsilon(input.dtype);
        var dims = Enumerable.Range(rank - k, k).Select(i => (long)i).ToArray();
        var y = input * (input * input).mean(dims, keepdim: true).add(e).rsqrt();
        return weight is null ? y : y * weight;
    }
}
