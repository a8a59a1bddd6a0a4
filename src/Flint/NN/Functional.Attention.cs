namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// softmax(query·keyᵀ·scale + mask)·value (PyTorch 2.x's <c>F.scaled_dot_product_attention</c>) for
            /// query (..., L, E), key (..., S, E) and value (..., S, Ev), batch dims broadcasting; returns (..., L, Ev).
            /// </summary>
            /// <param name="query">Queries, (..., L, E).</param>
            /// <param name="key">Keys, (..., S, E).</param>
            /// <param name="value">Values, (..., S, Ev).</param>
            /// <param name="attn_mask">Broadcastable to (..., L, S): a bool mask where <c>true</c> means "may attend"
            /// (note: the opposite of <c>MultiheadAttention</c>'s masks), or a float mask added to the scores.</param>
            /// <param name="dropout_p">Dropout on the attention weights; applied whenever it is above 0, as PyTorch does
            /// (pass 0 in evaluation).</param>
            /// <param name="is_causal">Masks out position j for query i when j &gt; i (top-left aligned); builds one
            /// [L, S] additive mask shared by the whole batch. Can't be combined with <paramref name="attn_mask"/>.</param>
            /// <param name="scale">The factor on the scores; default 1/sqrt(E).</param>
            public static Tensor scaled_dot_product_attention(Tensor query, Tensor key, Tensor value, Tensor? attn_mask = null,
                double dropout_p = 0.0, bool is_causal = false, double? scale = null)
                => Ops.Attention.ScaledDotProduct(query, key, value, attn_mask, dropout_p, is_causal, scale);

            /// <summary>
            /// The computation behind <see cref="Modules.MultiheadAttention"/> (PyTorch 1.13's
            /// <c>F.multi_head_attention_forward</c>, without <c>static_k</c>/<c>static_v</c>) on sequence-first inputs:
            /// query (L, N, E) or unbatched (L, E), key (S, N, Ek), value (S, N, Ev). Masks: <paramref name="key_padding_mask"/>
            /// (N, S) and <paramref name="attn_mask"/> (L, S) or (N·num_heads, L, S), bool (<c>true</c> = ignore) or float (added).
            /// Returns the output (L, N, E) and, with <paramref name="need_weights"/>, the attention weights
            /// (N, L, S) averaged over heads or (N, num_heads, L, S).
            /// </summary>
            public static (Tensor output, Tensor? weights) multi_head_attention_forward(
                Tensor query, Tensor key, Tensor value, long embed_dim_to_check, long num_heads,
                Tensor? in_proj_weight, Tensor? in_proj_bias, Tensor? bias_k, Tensor? bias_v, bool add_zero_attn,
                double dropout_p, Tensor out_proj_weight, Tensor? out_proj_bias, bool training = true,
                Tensor? key_padding_mask = null, bool need_weights = true, Tensor? attn_mask = null,
                bool use_separate_proj_weight = false, Tensor? q_proj_weight = null, Tensor? k_proj_weight = null,
                Tensor? v_proj_weight = null, bool average_attn_weights = true)
            {
                bool batched = MhaShapeCheck(query, key, value, key_padding_mask, attn_mask, num_heads);
                if (!batched)
                {
                    // Keep "query is key" and "key is value": the packed projection runs one GEMM for them.
                    bool qIsK = ReferenceEquals(query, key), kIsV = ReferenceEquals(key, value);
                    query = query.unsqueeze(1);
                    key = qIsK ? query : key.unsqueeze(1);
                    value = kIsV ? key : value.unsqueeze(1);
                    key_padding_mask = key_padding_mask?.unsqueeze(0);
                }
                long tgtLen = query.size(0), bsz = query.size(1), embedDim = query.size(2), srcLen = key.size(0);
                if (key_padding_mask is not null && key_padding_mask.dtype != ScalarType.Bool && !key_padding_mask.is_floating_point())
                    throw new ArgumentException("only bool and floating types of key_padding_mask are supported");
                if (embedDim != embed_dim_to_check)
                    throw new ArgumentException($"was expecting embedding dimension of {embed_dim_to_check}, but got {embedDim}");
                long headDim = embedDim / num_heads;
                if (headDim * num_heads != embedDim)
                    throw new ArgumentException($"embed_dim {embedDim} not divisible by num_heads {num_heads}");
                if (use_separate_proj_weight)
                {
                    if (key.size(0) != value.size(0) || key.size(1) != value.size(1))
                        throw new ArgumentException($"key's sequence and batch dims {PySize(key.shape[..2])} do not match value's {PySize(value.shape[..2])}");
                }
                else if (!key.shape.SequenceEqual(value.shape))
                    throw new ArgumentException($"key shape {PySize(key.shape)} does not match value shape {PySize(value.shape)}");

                Tensor q, k, v;
                if (!use_separate_proj_weight)
                {
                    if (in_proj_weight is null) throw new ArgumentException("use_separate_proj_weight is False but in_proj_weight is None");
                    (q, k, v) = InProjectionPacked(query, key, value, in_proj_weight, in_proj_bias);
                }
                else
                {
                    if (q_proj_weight is null) throw new ArgumentException("use_separate_proj_weight is True but q_proj_weight is None");
                    if (k_proj_weight is null) throw new ArgumentException("use_separate_proj_weight is True but k_proj_weight is None");
                    if (v_proj_weight is null) throw new ArgumentException("use_separate_proj_weight is True but v_proj_weight is None");
                    var b = in_proj_bias?.chunk(3);
                    q = linear(query, q_proj_weight, b?[0]);
                    k = linear(key, k_proj_weight, b?[1]);
                    v = linear(value, v_proj_weight, b?[2]);
                }

                // Masks become additive float masks viewed against the scores as [N, heads, L, S].
                Tensor? mask = null;
                if (attn_mask is not null)
                {
                    if (attn_mask.dtype == ScalarType.Byte) attn_mask = attn_mask.ne(0.0);
                    else if (!attn_mask.is_floating_point() && attn_mask.dtype != ScalarType.Bool)
                        throw new ArgumentException($"Only float, byte, and bool types are supported for attn_mask, not {DTypes.Name(attn_mask.dtype)}");
                    if (attn_mask.dim() == 2)
                    {
                        if (attn_mask.size(0) != tgtLen || attn_mask.size(1) != srcLen)
                            throw new ArgumentException($"The shape of the 2D attn_mask is {PySize(attn_mask.shape)}, but should be ({tgtLen}, {srcLen}).");
                    }
                    else if (attn_mask.dim() == 3)
                    {
                        if (attn_mask.size(0) != bsz * num_heads || attn_mask.size(1) != tgtLen || attn_mask.size(2) != srcLen)
                            throw new ArgumentException($"The shape of the 3D attn_mask is {PySize(attn_mask.shape)}, but should be ({bsz * num_heads}, {tgtLen}, {srcLen}).");
                        attn_mask = attn_mask.view(bsz, num_heads, tgtLen, srcLen);
                    }
                    else throw new ArgumentException($"attn_mask's dimension {attn_mask.dim()} is not supported");
                    mask = attn_mask.dtype == ScalarType.Bool ? Ops.Attention.AdditiveMask(attn_mask.logical_not(), q.dtype) : attn_mask;
                }
                Tensor? padding = key_padding_mask is null ? null
                    : key_padding_mask.dtype == ScalarType.Bool ? Ops.Attention.AdditiveMask(key_padding_mask.logical_not(), q.dtype) : key_padding_mask;

                if (bias_k is not null && bias_v is not null)
                {
                    k = cat([k, bias_k.repeat(1, bsz, 1)]);
                    v = cat([v, bias_v.repeat(1, bsz, 1)]);
                    mask = PadLastWithZero(mask);
                    padding = PadLastWithZero(padding);
                }
                else if (bias_k is not null || bias_v is not null)
                    throw new ArgumentException("bias_k and bias_v must both be given or both be null");

                q = q.contiguous().view(tgtLen, bsz * num_heads, headDim).transpose(0, 1);
                k = k.contiguous().view(k.size(0), bsz * num_heads, headDim).transpose(0, 1);
                v = v.contiguous().view(v.size(0), bsz * num_heads, headDim).transpose(0, 1);
                if (add_zero_attn)
                {
                    k = cat([k, zeros([bsz * num_heads, 1, headDim], k.dtype, k.device)], 1);
                    v = cat([v, zeros([bsz * num_heads, 1, headDim], v.dtype, v.device)], 1);
                    mask = PadLastWithZero(mask);
                    padding = PadLastWithZero(padding);
                }
                srcLen = k.size(1);
                Tensor[] masks = mask is null ? [] : [mask];
                if (padding is not null)
                {
                    if (padding.size(0) != bsz || padding.size(1) != srcLen)
                        throw new ArgumentException($"expecting key_padding_mask shape of ({bsz}, {srcLen}), but got {PySize(padding.shape)}");
                    masks = [.. masks, padding.view(bsz, 1, 1, srcLen)];
                }
                if (!training) dropout_p = 0;

                var weights = Ops.Attention.Weights(q, k, [bsz, num_heads], masks, causal: false, 1 / Math.Sqrt(headDim));
                if (dropout_p > 0) weights = dropout(weights, dropout_p);
                var output = weights.bmm(v).transpose(0, 1).contiguous().view(tgtLen * bsz, embedDim);
                output = linear(output, out_proj_weight, out_proj_bias);
                output = output.view(tgtLen, bsz, output.size(1));
                if (!batched) output = output.squeeze(1);
                if (!need_weights) return (output, null);
                var w = weights.view(bsz, num_heads, tgtLen, srcLen);
                if (average_attn_weights) w = w.sum(1) / num_heads;
                if (!batched) w = w.squeeze(0);
                return (output, w);
            }

            /// <summary>PyTorch's _in_projection_packed: one GEMM for self-attention, two when key is value.</summary>
            private static (Tensor q, Tensor k, Tensor v) InProjectionPacked(Tensor q, Tensor k, Tensor v, Tensor w, Tensor? b)
            {
                long e = q.size(-1);
                if (ReferenceEquals(k, v))
                {
                    if (ReferenceEquals(q, k))
                    {
                        var qkv = linear(q, w, b).chunk(3, -1);
                        return (qkv[0], qkv[1], qkv[2]);
                    }
                    var ws = w.split([e, e * 2]);
                    var bs = b?.split([e, e * 2]);
                    var kv = linear(k, ws[1], bs?[1]).chunk(2, -1);
                    return (linear(q, ws[0], bs?[0]), kv[0], kv[1]);
                }
                var wc = w.chunk(3);
                var bc = b?.chunk(3);
                return (linear(q, wc[0], bc?[0]), linear(k, wc[1], bc?[1]), linear(v, wc[2], bc?[2]));
            }

            /// <summary>Appends one zero column to an additive mask's last dim (PyTorch's <c>pad(mask, (0, 1))</c>).</summary>
            private static Tensor? PadLastWithZero(Tensor? mask) =>
                mask is null ? null : cat([mask, zeros([.. mask.shape[..^1], 1], mask.dtype, mask.device)], -1);

            /// <summary>PyTorch 1.13's _mha_shape_check: query 3-D is batched, 2-D unbatched; returns whether batched.</summary>
            private static bool MhaShapeCheck(Tensor query, Tensor key, Tensor value, Tensor? keyPaddingMask, Tensor? attnMask, long numHeads)
            {
                if (query.dim() == 3)
                {
                    if (key.dim() != 3 || value.dim() != 3)
                        throw new ArgumentException($"For batched (3-D) `query`, expected `key` and `value` to be 3-D but found {key.dim()}-D and {value.dim()}-D tensors respectively");
                    if (keyPaddingMask is not null && keyPaddingMask.dim() != 2)
                        throw new ArgumentException($"For batched (3-D) `query`, expected `key_padding_mask` to be `None` or 2-D but found {keyPaddingMask.dim()}-D tensor instead");
                    if (attnMask is not null && attnMask.dim() is not (2 or 3))
                        throw new ArgumentException($"For batched (3-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found {attnMask.dim()}-D tensor instead");
                    return true;
                }
                if (query.dim() == 2)
                {
                    if (key.dim() != 2 || value.dim() != 2)
                        throw new ArgumentException($"For unbatched (2-D) `query`, expected `key` and `value` to be 2-D but found {key.dim()}-D and {value.dim()}-D tensors respectively");
                    if (keyPaddingMask is not null && keyPaddingMask.dim() != 1)
                        throw new ArgumentException($"For unbatched (2-D) `query`, expected `key_padding_mask` to be `None` or 1-D but found {keyPaddingMask.dim()}-D tensor instead");
                    if (attnMask is not null)
                    {
                        if (attnMask.dim() is not (2 or 3))
                            throw new ArgumentException($"For unbatched (2-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found {attnMask.dim()}-D tensor instead");
                        if (attnMask.dim() == 3 && (attnMask.size(0) != numHeads || attnMask.size(1) != query.size(0) || attnMask.size(2) != key.size(0)))
                            throw new ArgumentException($"Expected `attn_mask` shape to be ({numHeads}, {query.size(0)}, {key.size(0)}) but got {PySize(attnMask.shape)}");
                    }
                    return false;
                }
                throw new ArgumentException($"query should be unbatched 2D or batched 3D tensor but received {query.dim()}-D query tensor");
            }

            /// <summary>Python's repr of a torch.Size, for messages that print one.</summary>
            private static string PySize(long[] shape) => $"torch.Size([{string.Join(", ", shape)}])";
        }
    }
}
