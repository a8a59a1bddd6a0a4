using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Layer normalisation over the trailing dims: (x − mean) / √(var + eps) · weight + bias with the biased
/// variance. The forward is one fused primitive (PyTorch's native_layer_norm: y with the per-row mean and rstd,
/// which are saved) recorded as one NativeLayerNormBackward0 node whose backward is the fused backward primitive.
/// Under create_graph the backward is the same closed form composed of differentiable ops instead, so the
/// result stays twice differentiable. Half types compute in float32 and round once.
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

        long nl = Shapes.Numel(normalizedShape), total = input.numel();
        if (nl > int.MaxValue || (nl > 0 && total / nl > int.MaxValue))
            throw new ArgumentException($"layer_norm: {Shapes.Str(input.Shape)} exceeds 2^31 rows or 2^31 elements per row");
        int n = (int)nl, rows = n == 0 ? 0 : (int)(total / nl);
        var (y, mean, rstd) = Dispatcher.LayerNorm(input, rows, n, weight, bias, eps);
        y = Dispatcher.Cast(y, input.dtype);

        bool hasWeight = weight is not null, hasBias = bias is not null;
        var inputs = new List<Tensor> { input };
        if (hasWeight) inputs.Add(weight!);
        if (hasBias) inputs.Add(bias!);
        Tensor[] saved = hasWeight ? [input, mean, rstd, weight!] : [input, mean, rstd];
        return Recorder.Record(y, "NativeLayerNormBackward0", inputs.ToArray(), saved, (g, s) =>
        {
            var w = hasWeight ? s[3] : null;
            if (GradMode.IsEnabled) return ComposedBackward(g, s[0], w, hasBias, k, eps);
            var (gx, gw, gb) = Dispatcher.LayerNormBackward(g, s[0], s[1], s[2], w, rows, n, hasWeight, hasBias);
            var grads = new List<Tensor?> { gx };
            if (hasWeight) grads.Add(gw!.reshape(normalizedShape));
            if (hasBias) grads.Add(gb!.reshape(normalizedShape));
            return grads.ToArray();
        });
    }

    /// <summary>
    /// The backward's closed form from differentiable ops, recomputing mean and rstd from x so their dependence on x
    /// is part of the graph (the double backward differentiates through it):
    /// gx = rstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) with ĝ = g·w, gw = Σ g·x̂, gb = Σ g over the leading dims.
    /// </summary>
    private static Tensor?[] ComposedBackward(Tensor g, Tensor input, Tensor? weight, bool hasBias, int k, double eps)
    {
        bool half = input.dtype is ScalarType.Float16 or ScalarType.BFloat16;
        var x = half ? input.to(ScalarType.Float32) : input;
        var gf = half ? g.to(ScalarType.Float32) : g;
        var w = weight is not null && half ? weight.to(ScalarType.Float32) : weight;
        int rank = x.Shape.Length;
        var dims = Enumerable.Range(rank - k, k).Select(i => (long)i).ToArray();
        var lead = Enumerable.Range(0, rank - k).Select(i => (long)i).ToArray();
        var centred = x - x.mean(dims, keepdim: true);
        var rs = (centred * centred).mean(dims, keepdim: true).add(eps).rsqrt();
        var xhat = centred * rs;
        var gh = w is null ? gf : gf * w;
        var gx = rs * (gh - gh.mean(dims, keepdim: true) - xhat * (gh * xhat).mean(dims, keepdim: true));
        var grads = new List<Tensor?> { gx };
        if (weight is not null) grads.Add(lead.Length > 0 ? (gf * xhat).sum(lead) : gf * xhat);
        if (hasBias) grads.Add(lead.Length > 0 ? gf.sum(lead) : gf);
        return grads.ToArray();
    }
}
