namespace Flint.Ops;

/// <summary>
/// Layer normalisation over the trailing dims: (x − mean) / √(var + eps) · weight + bias with the biased
/// variance, composed of reductions and elementwise ops (so it runs, and differentiates, on every device).
/// Half types compute in float32 and round once.
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
        bool half = input.dtype is ScalarType.Float16 or ScalarType.BFloat16;
        var x = half ? input.to(ScalarType.Float32) : input;
        var dims = Enumerable.Range(rank - k, k).Select(i => (long)i).ToArray();
        var centered = x - x.mean(dims, keepdim: true);
        var y = centered * (centered * centered).mean(dims, keepdim: true).add(eps).rsqrt();
        if (weight is not null) y = y * (half ? weight.to(ScalarType.Float32) : weight);
        if (bias is not null) y = y + (half ? bias.to(ScalarType.Float32) : bias);
        return half ? y.to(input.dtype) : y;
    }
}
