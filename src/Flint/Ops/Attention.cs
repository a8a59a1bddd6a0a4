using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Scaled dot-product attention, softmax(Q·Kᵀ·scale + mask)·V. The attention weights are one node:
/// the forward runs one batched GEMM and then adds the masks, shifts, exponentiates and normalises the
/// scores in place (no second L×S tensor, no L×S causal mask per batch: the causal mask is one additive
/// [L, S] tensor broadcast over the batch), and the backward saves only the weights, the scaled queries and
/// the keys. Dropout and the product with V are ordinary ops after it, so every device runs it.
/// </summary>
internal static class Attention
{
    /// <summary>PyTorch 2.x's <c>F.scaled_dot_product_attention</c> (math path).</summary>
    public static Tensor ScaledDotProduct(Tensor query, Tensor key, Tensor value, Tensor? attnMask, double dropoutP, bool isCausal, double? scale)
    {
        if (query.dtype != key.dtype || query.dtype != value.dtype)
            throw new ArgumentException($"Expected query, key, and value to have the same dtype, but got query.dtype: {DTypes.ShortName(query.dtype)} key.dtype: {DTypes.ShortName(key.dtype)} and value.dtype: {DTypes.ShortName(value.dtype)} instead.");
        if (query.dim() < 2 || key.dim() < 2 || value.dim() < 2)
            throw new ArgumentException($"Expected query, key, and value to have at least 2 dimensions, but got query.dim: {query.dim()} key.dim: {key.dim()} and value.dim: {value.dim()} instead.");
        if (!query.IsFloating)
            throw new ArgumentException($"scaled_dot_product_attention: expected a floating-point query, but got {DTypes.ShortName(query.dtype)}");
        Dispatcher.CheckSameDevice(query, key);
        Dispatcher.CheckSameDevice(query, value);
        if (attnMask is not null)
        {
            if (isCausal)
                throw new ArgumentException("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True");
            if (attnMask.dtype != ScalarType.Bool && !attnMask.IsFloating)
                throw new ArgumentException($"Expected attn_mask dtype to be bool or float or to match query dtype, but got attn_mask.dtype: {DTypes.ShortName(attnMask.dtype)} and  query.dtype: {DTypes.ShortName(query.dtype)} instead.");
        }
        if (!(dropoutP >= 0 && dropoutP <= 1))
            throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {dropoutP}");

        long l = query.Shape[^2], e = query.Shape[^1], s = key.Shape[^2], ev = value.Shape[^1];
        if (key.Shape[^1] != e)
            throw new ArgumentException($"scaled_dot_product_attention: query's last dim {e} and key's last dim {key.Shape[^1]} differ");
        if (value.Shape[^2] != s)
            throw new ArgumentException($"scaled_dot_product_attention: key's sequence length {s} and value's {value.Shape[^2]} differ");
        var batch = Shapes.Broadcast(Shapes.Broadcast(query.Shape[..^2], key.Shape[..^2]), value.Shape[..^2]);
        long n = Shapes.Numel(batch);
        var q3 = query.expand([.. batch, l, e]).reshape(n, l, e);
        var k3 = key.expand([.. batch, s, e]).reshape(n, s, e);
        var v3 = value.expand([.. batch, s, ev]).reshape(n, s, ev);

        var mask = attnMask is null ? null : attnMask.dtype == ScalarType.Bool ? AdditiveMask(attnMask, query.dtype) : attnMask;
        if (mask is not null && !Shapes.SameShape(Shapes.Broadcast(mask.Shape, [.. batch, l, s]), [.. batch, l, s]))
            throw new ArgumentException($"scaled_dot_product_attention: attn_mask of shape {Shapes.Str(attnMask!.Shape)} does not broadcast to the attention weights' shape {Shapes.Str([.. batch, l, s])}");
        var weights = Weights(q3, k3, batch, mask is null ? [] : [mask], isCausal, scale ?? 1 / Math.Sqrt(e));
        if (dropoutP > 0) weights = torch.nn.functional.dropout(weights, dropoutP, training: true);
        return weights.bmm(v3).view([.. batch, l, ev]);
    }

    /// <summary>
    /// softmax(q·kᵀ·scale + Σ masks) over the last dim for q [n, L, E] and k [n, S, E], as one node.
    /// The scores are viewed as <paramref name="batch"/> + [L, S] (Π batch = n) so that each additive mask
    /// broadcasts against them; <paramref name="causal"/> adds −∞ above the diagonal (top-left aligned, as
    /// PyTorch's <c>is_causal</c>). A row with every entry −∞ gives NaN, as PyTorch's math path does.
    /// </summary>
    public static Tensor Weights(Tensor q, Tensor k, long[] batch, Tensor[] masks, bool causal, double scale)
    {
        long n = q.Shape[0], l = q.Shape[1], s = k.Shape[1];
        Tensor qs, p;
        using (GradMode.Set(false))
        {
            qs = q.detach().mul(scale);
            p = qs.bmm(k.detach().transpose(1, 2));
            var view = p.view([.. batch, l, s]);
            foreach (var m in masks) view.add_(m.detach());
            if (causal) view.add_(CausalMask(l, s, p.dtype, p.device));
            if (l > 0 && s > 0)
            {
                p.sub_(p.amax(-1, keepdim: true));
                p.exp_();
                p.div_(p.sum(-1, keepdim: true));
            }
        }
        var gradMasks = masks.Where(m => m.requires_grad).ToArray();
        Tensor[] inputs = [q, k, .. gradMasks];
        if (!Recorder.Needed(inputs)) return p;
        bool needQ = q.requires_grad, needK = k.requires_grad;
        return Recorder.Record(p, "ScaledDotProductAttentionWeightsBackward0", inputs, [p, qs, k.detach()], (g, saved) =>
        {
            var (w, qScaled, keys) = (saved[0], saved[1], saved[2]);
            var ds = w * (g - (g * w).sum(-1, keepdim: true));
            var grads = new Tensor?[inputs.Length];
            grads[0] = needQ ? ds.bmm(keys).mul(scale) : null;
            grads[1] = needK ? ds.transpose(1, 2).bmm(qScaled) : null;
            for (int i = 2; i < inputs.Length; i++) grads[i] = ds.view([.. batch, l, s]);
            return grads;
        });
    }

    /// <summary>0 where <paramref name="keep"/> is true, −∞ elsewhere, in <paramref name="dtype"/> (a mask's own shape, not broadcast).</summary>
    public static Tensor AdditiveMask(Tensor keep, ScalarType dtype)
    {
        var m = torch.zeros(keep.Shape, dtype, keep.device);
        return m.masked_fill_(keep.logical_not(), double.NegativeInfinity);
    }

    /// <summary>[L, S]: 0 on and below the diagonal, −∞ above it.</summary>
    public static Tensor CausalMask(long l, long s, ScalarType dtype, Device device)
    {
        var above = torch.arange(s, device: device).unsqueeze(0).gt(torch.arange(l, device: device).unsqueeze(1));
        return torch.zeros([l, s], dtype, device).masked_fill_(above, double.NegativeInfinity);
    }
}
