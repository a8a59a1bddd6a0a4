using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Layer normalisation over the trailing dims: (x − mean) / √(var + eps) · weight + bias with the biased
/// variance. The forward is composed of reductions and elementwise ops (so it runs on every device) and recorded
/// as one node, PyTorch's <c>NativeLayerNormBackward0</c>, that saves the input, the mean and 1/σ and computes the
/// closed-form gradient. Half types compute in float32 and round once.
/// </summary>
internal static class LayerNormOps
{
    public static Tensor LayerNorm(Tensor input, long[] normalizedShape, Tensor? weight, Tensor? bias, double eps)
    {
        int k = normalizedShape.Length, rank = input.Shape.Length;
        bool fits = k > 0 && rank >= k;
        for (int i = 0; fits && i < k; i++) fits = input.Shape[rank - k + i] == normalizedShape[i];
        if (!fits)
            throw new ArgumentException($"Given normalized_shape={Shapes.Str(normalizedShape)}, expected input with shape [*, {string.Join(", ", normalizedShape)}], but got input of size{Shapes.Str(input.Shape)}");
        if (weight is not null && !Shapes.SameShape(weight.Shape, normalizedShape))
            throw new ArgumentException($"Expected weight to be of same shape as normalized_shape, but got weight of shape {Shapes.Str(weight.Shape)} and normalized_shape = {Shapes.Str(normalizedShape)}");
        if (bias is not null && !Shapes.SameShape(bias.Shape, normalizedShape))
            throw new ArgumentException($"Expected bias to be of same shape as normalized_shape, but got bias of shape {Shapes.Str(bias.Shape)} and normalized_shape = {Shapes.Str(normalizedShape)}");
        if (!input.IsFloating) throw new ArgumentException($"\"LayerNormKernelImpl\" not implemented for '{DTypes.ShortName(input.dtype)}'");
        var dims = Enumerable.Range(rank - k, k).Select(i => (long)i).ToArray();
        var leading = Enumerable.Range(0, rank - k).Select(i => (long)i).ToArray();
        Tensor y, mean, rstd;
        using (GradMode.Set(false))
        {
            var x = NormStatistics.Compute(input);
            mean = x.mean(dims, keepdim: true);
            var centered = x - mean;
            rstd = (centered * centered).mean(dims, keepdim: true).add(eps).rsqrt();
            y = NormStatistics.Affine(centered * rstd, weight, bias, input.dtype);
        }
        return NormStatistics.Record(y, "NativeLayerNormBackward0", input, weight, bias, mean, rstd, (g, x, w, m, r) =>
        {
            // Under create_graph the statistics are recomputed from x with recorded ops, so the gradient itself
            // differentiates correctly; otherwise the saved ones serve.
            if (GradMode.IsEnabled)
            {
                m = x.mean(dims, keepdim: true);
                var c = x - m;
                r = (c * c).mean(dims, keepdim: true).add(eps).rsqrt();
            }
            var xhat = (x - m) * r;
            var gxhat = w is null ? g : g * w;
            var gx = (gxhat - gxhat.mean(dims, keepdim: true) - xhat * (gxhat * xhat).mean(dims, keepdim: true)) * r;
            var gw = w is null ? null : Reduce(g * xhat, leading);
            var gb = Reduce(g, leading);
            return (gx, gw, gb);
        });
    }

    private static Tensor Reduce(Tensor t, long[] dims) => dims.Length == 0 ? t : t.sum(dims);
}
