using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// One encoder block of "Attention Is All You Need" (PyTorch's <c>nn.TransformerEncoderLayer</c>): self-attention
        /// and a feed-forward network, each with dropout, a residual connection and layer norm, applied after the residual
        /// (post-norm) or, with <c>norm_first</c>, before the sublayer (pre-norm). Submodule names are PyTorch's
        /// (<c>self_attn</c>, <c>linear1</c>, <c>dropout</c>, <c>linear2</c>, <c>norm1</c>, <c>norm2</c>, <c>dropout1</c>,
        /// <c>dropout2</c>), so PyTorch's state_dict loads as is.
        /// </summary>
        public sealed class TransformerEncoderLayer : torch.nn.Module<Tensor, Tensor>
        {
            private readonly TransformerActivation _activation;

            internal TransformerEncoderLayer(long dModel, long nhead, long dimFeedforward, double dropout, TransformerActivation activation,
                double layerNormEps, bool batchFirst, bool normFirst, Device? device, ScalarType? dtype)
            {
                self_attn = torch.nn.MultiheadAttention(dModel, nhead, dropout, batch_first: batchFirst, device: device, dtype: dtype);
                linear1 = torch.nn.Linear(dModel, dimFeedforward, device: device, dtype: dtype);
                this.dropout = torch.nn.Dropout(dropout);
                linear2 = torch.nn.Linear(dimFeedforward, dModel, device: device, dtype: dtype);
                norm_first = normFirst;
                norm1 = torch.nn.LayerNorm(dModel, layerNormEps, device: device, dtype: dtype);
                norm2 = torch.nn.LayerNorm(dModel, layerNormEps, device: device, dtype: dtype);
                dropout1 = torch.nn.Dropout(dropout);
                dropout2 = torch.nn.Dropout(dropout);
                _activation = activation;
                Config = (dModel, nhead, dimFeedforward, dropout, layerNormEps, batchFirst, device, dtype);
                register_module(nameof(self_attn), self_attn);
                register_module(nameof(linear1), linear1);
                register_module(nameof(this.dropout), this.dropout);
                register_module(nameof(linear2), linear2);
                register_module(nameof(norm1), norm1);
                register_module(nameof(norm2), norm2);
                register_module(nameof(dropout1), dropout1);
                register_module(nameof(dropout2), dropout2);
                if (activation.Module is not null) register_module("activation", activation.Module);
            }

            private (long dModel, long nhead, long dimFeedforward, double dropout, double eps, bool batchFirst, Device? device, ScalarType? dtype) Config { get; }

            /// <summary>Self-attention over the input sequence.</summary>
            public MultiheadAttention self_attn { get; }
            /// <summary>d_model → dim_feedforward.</summary>
            public Linear linear1 { get; }
            /// <summary>Dropout inside the feed-forward network.</summary>
            public Dropout dropout { get; }
            /// <summary>dim_feedforward → d_model.</summary>
            public Linear linear2 { get; }
            /// <summary>Whether layer norm comes before each sublayer (pre-norm) rather than after the residual.</summary>
            public bool norm_first { get; }
            /// <summary>The attention sublayer's norm.</summary>
            public LayerNorm norm1 { get; }
            /// <summary>The feed-forward sublayer's norm.</summary>
            public LayerNorm norm2 { get; }
            /// <summary>Dropout on the attention sublayer's output.</summary>
            public Dropout dropout1 { get; }
            /// <summary>Dropout on the feed-forward sublayer's output.</summary>
            public Dropout dropout2 { get; }

            /// <summary>The layer without masks.</summary>
            public override Tensor forward(Tensor src) => forward(src, null, null);

            /// <summary>
            /// Encodes <paramref name="src"/> ((S, N, E), or (N, S, E) with batch_first, or unbatched (S, E)).
            /// <paramref name="src_mask"/> (S, S) or (N·nhead, S, S) and <paramref name="src_key_padding_mask"/> (N, S)
            /// are bool (<c>true</c> = don't attend) or float (added), as in <see cref="MultiheadAttention"/>.
            /// </summary>
            public Tensor forward(Tensor src, Tensor? src_mask, Tensor? src_key_padding_mask)
            {
                if (src_key_padding_mask is not null && src_key_padding_mask.dtype != ScalarType.Bool && !src_key_padding_mask.is_floating_point())
                    throw new ArgumentException("only bool and floating types of key_padding_mask are supported");
                var x = src;
                if (norm_first)
                {
                    x = x + SelfAttentionBlock(norm1.call(x), src_mask, src_key_padding_mask);
                    x = x + FeedForwardBlock(norm2.call(x));
                }
                else
                {
                    x = norm1.call(x + SelfAttentionBlock(x, src_mask, src_key_padding_mask));
                    x = norm2.call(x + FeedForwardBlock(x));
                }
                return x;
            }

            /// <summary>Runs <see cref="forward(Tensor, Tensor?, Tensor?)"/> (PyTorch's <c>layer(src, src_mask=..., src_key_padding_mask=...)</c>).</summary>
            public Tensor call(Tensor src, Tensor? src_mask, Tensor? src_key_padding_mask = null) => forward(src, src_mask, src_key_padding_mask);

            private Tensor SelfAttentionBlock(Tensor x, Tensor? mask, Tensor? keyPaddingMask) =>
                dropout1.call(self_attn.call(x, x, x, keyPaddingMask, need_weights: false, attn_mask: mask).output);

            private Tensor FeedForwardBlock(Tensor x) => dropout2.call(linear2.call(dropout.call(_activation.Function(linear1.call(x)))));

            /// <summary>
            /// A copy with equal parameters and mode (PyTorch's <c>copy.deepcopy</c> in <c>_get_clones</c>), built on the CPU
            /// with the global generator's state restored afterwards, so cloning draws no random numbers, as a deep copy doesn't.
            /// </summary>
            internal TransformerEncoderLayer Clone()
            {
                var (dModel, nhead, dimFeedforward, p, eps, batchFirst, device, dtype) = Config;
                var state = Generator.Default.GetState();
                var copy = new TransformerEncoderLayer(dModel, nhead, dimFeedforward, p, _activation, eps, batchFirst, norm_first, null, dtype);
                Generator.Default.SetState(state);
                if (device is { } d) copy.to(d);
                copy.load_state_dict(state_dict());
                copy.train(training);
                return copy;
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A transformer encoder layer (self-attention and feed-forward) with PyTorch's names and initialisation.</summary>
            /// <param name="d_model">The model width.</param>
            /// <param name="nhead">Attention heads.</param>
            /// <param name="dim_feedforward">The feed-forward network's hidden width.</param>
            /// <param name="dropout">Dropout probability (attention weights, feed-forward, sublayer outputs).</param>
            /// <param name="activation">"relu" (default), "gelu", a function, or <see cref="TransformerActivation.FromModule"/>.</param>
            /// <param name="layer_norm_eps">The layer norms' epsilon.</param>
            /// <param name="batch_first">Inputs and outputs as (batch, seq, feature).</param>
            /// <param name="norm_first">Pre-norm: layer norm before each sublayer.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static TransformerEncoderLayer TransformerEncoderLayer(long d_model, long nhead, long dim_feedforward = 2048, double dropout = 0.1,
                TransformerActivation? activation = null, double layer_norm_eps = 1e-5, bool batch_first = false, bool norm_first = false,
                Device? device = null, ScalarType? dtype = null)
                => new(d_model, nhead, dim_feedforward, dropout, activation ?? "relu", layer_norm_eps, batch_first, norm_first, device, dtype);
        }
    }
}
