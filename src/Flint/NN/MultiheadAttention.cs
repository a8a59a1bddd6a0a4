using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The <see cref="Linear"/> that <see cref="MultiheadAttention"/> uses as <c>out_proj</c>; PyTorch gives it its own
        /// class name (it keeps quantization from swapping it), so a model prints as PyTorch prints it.
        /// </summary>
        public sealed class NonDynamicallyQuantizableLinear : Linear
        {
            internal NonDynamicallyQuantizableLinear(long inputSize, long outputSize, bool hasBias, Device? device, ScalarType? dtype)
                : base(inputSize, outputSize, hasBias, device, dtype) { }
        }

        /// <summary>
        /// Multi-head attention (PyTorch's <c>nn.MultiheadAttention</c>): projects query, key and value, attends per head
        /// with scaled dot products and projects the heads' concatenation. Parameters and their names are PyTorch's
        /// (<c>in_proj_weight</c>, or <c>q_proj_weight</c>/<c>k_proj_weight</c>/<c>v_proj_weight</c> when kdim/vdim differ
        /// from embed_dim; <c>in_proj_bias</c>, <c>bias_k</c>, <c>bias_v</c>, <c>out_proj</c>), initialised as PyTorch 1.13
        /// does from the global generator, so a PyTorch state_dict loads as is.
        /// </summary>
        public sealed class MultiheadAttention : torch.nn.Module
        {
            internal MultiheadAttention(long embedDim, long numHeads, double dropout, bool bias, bool addBiasKV, bool addZeroAttn,
                long? kdim, long? vdim, bool batchFirst, Device? device, ScalarType? dtype)
            {
                if (embedDim <= 0 || numHeads <= 0)
                    throw new ArgumentException($"embed_dim and num_heads must be greater than 0, got embed_dim={embedDim} and num_heads={numHeads} instead");
                embed_dim = embedDim;
                this.kdim = kdim ?? embedDim;
                this.vdim = vdim ?? embedDim;
                num_heads = numHeads;
                this.dropout = dropout;
                batch_first = batchFirst;
                head_dim = embedDim / numHeads;
                if (head_dim * numHeads != embedDim) throw new ArgumentException("embed_dim must be divisible by num_heads");
                add_zero_attn = addZeroAttn;

                if (!QkvSameEmbedDim)
                {
                    q_proj_weight = Register("q_proj_weight", torch.empty([embedDim, embedDim], dtype, device));
                    k_proj_weight = Register("k_proj_weight", torch.empty([embedDim, this.kdim], dtype, device));
                    v_proj_weight = Register("v_proj_weight", torch.empty([embedDim, this.vdim], dtype, device));
                }
                else in_proj_weight = Register("in_proj_weight", torch.empty([3 * embedDim, embedDim], dtype, device));
                if (bias) in_proj_bias = Register("in_proj_bias", torch.empty([3 * embedDim], dtype, device));
                out_proj = new NonDynamicallyQuantizableLinear(embedDim, embedDim, bias, device, dtype);
                if (addBiasKV)
                {
                    bias_k = Register("bias_k", torch.empty([1, 1, embedDim], dtype, device));
                    bias_v = Register("bias_v", torch.empty([1, 1, embedDim], dtype, device));
                }
                register_module(nameof(out_proj), out_proj);
                ResetParameters();
            }

            private Parameter Register(string name, Tensor data)
            {
                var p = new Parameter(data);
                register_parameter(name, p);
                return p;
            }

            /// <summary>PyTorch's _reset_parameters: xavier_uniform_ projections, zero biases, xavier_normal_ bias_k/bias_v.</summary>
            private void ResetParameters()
            {
                if (in_proj_weight is not null) torch.nn.init.xavier_uniform_(in_proj_weight);
                else
                {
                    torch.nn.init.xavier_uniform_(q_proj_weight!);
                    torch.nn.init.xavier_uniform_(k_proj_weight!);
                    torch.nn.init.xavier_uniform_(v_proj_weight!);
                }
                if (in_proj_bias is not null)
                {
                    torch.nn.init.constant_(in_proj_bias, 0);
                    torch.nn.init.constant_(out_proj.bias!, 0);
                }
                if (bias_k is not null) torch.nn.init.xavier_normal_(bias_k);
                if (bias_v is not null) torch.nn.init.xavier_normal_(bias_v);
            }

            private bool QkvSameEmbedDim => kdim == embed_dim && vdim == embed_dim;

            /// <summary>The model width E.</summary>
            public long embed_dim { get; }
            /// <summary>The key features (embed_dim unless given).</summary>
            public long kdim { get; }
            /// <summary>The value features (embed_dim unless given).</summary>
            public long vdim { get; }
            /// <summary>The number of heads; each has embed_dim / num_heads features.</summary>
            public long num_heads { get; }
            /// <summary>The features per head.</summary>
            public long head_dim { get; }
            /// <summary>Dropout probability on the attention weights (training mode only).</summary>
            public double dropout { get; set; }
            /// <summary>Whether inputs and outputs are (batch, seq, feature) rather than (seq, batch, feature).</summary>
            public bool batch_first { get; }
            /// <summary>Whether a zero key/value is appended to each sequence.</summary>
            public bool add_zero_attn { get; }
            /// <summary>The packed (3·E, E) q/k/v projection, or null when kdim/vdim differ from embed_dim.</summary>
            public Parameter? in_proj_weight { get; }
            /// <summary>The (E, E) query projection when kdim/vdim differ from embed_dim.</summary>
            public Parameter? q_proj_weight { get; }
            /// <summary>The (E, kdim) key projection when kdim/vdim differ from embed_dim.</summary>
            public Parameter? k_proj_weight { get; }
            /// <summary>The (E, vdim) value projection when kdim/vdim differ from embed_dim.</summary>
            public Parameter? v_proj_weight { get; }
            /// <summary>The packed (3·E) projection bias, or null for <c>bias: false</c>.</summary>
            public Parameter? in_proj_bias { get; }
            /// <summary>The (1, 1, E) key appended to every sequence with <c>add_bias_kv</c>.</summary>
            public Parameter? bias_k { get; }
            /// <summary>The (1, 1, E) value appended to every sequence with <c>add_bias_kv</c>.</summary>
            public Parameter? bias_v { get; }
            /// <summary>The output projection.</summary>
            public NonDynamicallyQuantizableLinear out_proj { get; }

            /// <summary>
            /// Attends from <paramref name="query"/> to <paramref name="key"/>/<paramref name="value"/>: (L, N, E) or with
            /// batch_first (N, L, E), or unbatched (L, E). <paramref name="key_padding_mask"/> (N, S) and
            /// <paramref name="attn_mask"/> (L, S) or (N·num_heads, L, S) are bool (<c>true</c> = don't attend) or float
            /// (added to the scores). Returns the output and, with <paramref name="need_weights"/>, the weights
            /// (N, L, S) averaged over heads, or (N, num_heads, L, S) without <paramref name="average_attn_weights"/>.
            /// </summary>
            public (Tensor output, Tensor? weights) forward(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask = null,
                bool need_weights = true, Tensor? attn_mask = null, bool average_attn_weights = true)
            {
                bool batched = query.dim() == 3;
                if (batch_first && batched)
                {
                    // Transpose while keeping "query is key" / "key is value" (the packed projection's fast cases).
                    bool qIsK = ReferenceEquals(query, key), kIsV = ReferenceEquals(key, value);
                    query = query.transpose(1, 0);
                    key = qIsK ? query : key.transpose(1, 0);
                    value = kIsV ? key : value.transpose(1, 0);
                }
                var (output, weights) = torch.nn.functional.multi_head_attention_forward(query, key, value, embed_dim, num_heads,
                    in_proj_weight, in_proj_bias, bias_k, bias_v, add_zero_attn, dropout, out_proj.weight, out_proj.bias,
                    training, key_padding_mask, need_weights, attn_mask, use_separate_proj_weight: !QkvSameEmbedDim,
                    q_proj_weight, k_proj_weight, v_proj_weight, average_attn_weights);
                return (batch_first && batched ? output.transpose(1, 0) : output, weights);
            }

            /// <summary>Runs <see cref="forward"/> (PyTorch's <c>module(query, key, value, ...)</c>).</summary>
            public (Tensor output, Tensor? weights) call(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask = null,
                bool need_weights = true, Tensor? attn_mask = null, bool average_attn_weights = true)
                => forward(query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Multi-head attention with PyTorch's parameters, names and initialisation.</summary>
            /// <param name="embed_dim">The model width E.</param>
            /// <param name="num_heads">Heads; E must be divisible by it.</param>
            /// <param name="dropout">Dropout on the attention weights in training mode.</param>
            /// <param name="bias">Whether the projections have biases.</param>
            /// <param name="add_bias_kv">Appends a learned key and value to every sequence.</param>
            /// <param name="add_zero_attn">Appends a zero key and value to every sequence.</param>
            /// <param name="kdim">Key features (default embed_dim).</param>
            /// <param name="vdim">Value features (default embed_dim).</param>
            /// <param name="batch_first">Inputs and outputs as (batch, seq, feature).</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static MultiheadAttention MultiheadAttention(long embed_dim, long num_heads, double dropout = 0.0, bool bias = true,
                bool add_bias_kv = false, bool add_zero_attn = false, long? kdim = null, long? vdim = null, bool batch_first = false,
                Device? device = null, ScalarType? dtype = null)
                => new(embed_dim, num_heads, dropout, bias, add_bias_kv, add_zero_attn, kdim, vdim, batch_first, device, dtype);
        }
    }
}
