using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// One decoder block (PyTorch's <c>nn.TransformerDecoderLayer</c>): self-attention over the target, attention to the
        /// encoder's output (<c>multihead_attn</c>) and a feed-forward network, each with dropout, a residual connection
        /// and layer norm (post-norm, or pre-norm with <c>norm_first</c>). Submodule names are PyTorch's.
        /// </summary>
        public sealed class TransformerDecoderLayer : torch.nn.Module<Tensor, Tensor, Tensor>
        {
            private readonly TransformerActivation _activation;

            internal TransformerDecoderLayer(long dModel, long nhead, long dimFeedforward, double dropout, TransformerActivation activation,
                double layerNormEps, bool batchFirst, bool normFirst, Device? device, ScalarType? dtype)
            {
                self_attn = torch.nn.MultiheadAttention(dModel, nhead, dropout, batch_first: batchFirst, device: device, dtype: dtype);
                multihead_attn = torch.nn.MultiheadAttention(dModel, nhead, dropout, batch_first: batchFirst, device: device, dtype: dtype);
                linear1 = torch.nn.Linear(dModel, dimFeedforward, device: device, dtype: dtype);
                this.dropout = torch.nn.Dropout(dropout);
                linear2 = torch.nn.Linear(dimFeedforward, dModel, device: device, dtype: dtype);
                norm_first = normFirst;
                norm1 = torch.nn.LayerNorm(dModel, layerNormEps, device: device, dtype: dtype);
                norm2 = torch.nn.LayerNorm(dModel, layerNormEps, device: device, dtype: dtype);
                norm3 = torch.nn.LayerNorm(dModel, layerNormEps, device: device, dtype: dtype);
                dropout1 = torch.nn.Dropout(dropout);
                dropout2 = torch.nn.Dropout(dropout);
                dropout3 = torch.nn.Dropout(dropout);
                _activation = activation;
                Config = (dModel, nhead, dimFeedforward, dropout, layerNormEps, batchFirst, device, dtype);
                register_module(nameof(self_attn), self_attn);
                register_module(nameof(multihead_attn), multihead_attn);
                register_module(nameof(linear1), linear1);
                register_module(nameof(this.dropout), this.dropout);
                register_module(nameof(linear2), linear2);
                register_module(nameof(norm1), norm1);
                register_module(nameof(norm2), norm2);
                register_module(nameof(norm3), norm3);
                register_module(nameof(dropout1), dropout1);
                register_module(nameof(dropout2), dropout2);
                register_module(nameof(dropout3), dropout3);
                if (activation.Module is not null) register_module("activation", activation.Module);
            }

            private (long dModel, long nhead, long dimFeedforward, double dropout, double eps, bool batchFirst, Device? device, ScalarType? dtype) Config { get; }

            /// <summary>Self-attention over the target.</summary>
            public MultiheadAttention self_attn { get; }
            /// <summary>Attention from the target to the encoder's output (the memory).</summary>
            public MultiheadAttention multihead_attn { get; }
            /// <summary>d_model → dim_feedforward.</summary>
            public Linear linear1 { get; }
            /// <summary>Dropout inside the feed-forward network.</summary>
            public Dropout dropout { get; }
            /// <summary>dim_feedforward → d_model.</summary>
            public Linear linear2 { get; }
            /// <summary>Whether layer norm comes before each sublayer.</summary>
            public bool norm_first { get; }
            /// <summary>The self-attention sublayer's norm.</summary>
            public LayerNorm norm1 { get; }
            /// <summary>The memory-attention sublayer's norm.</summary>
            public LayerNorm norm2 { get; }
            /// <summary>The feed-forward sublayer's norm.</summary>
            public LayerNorm norm3 { get; }
            /// <summary>Dropout on the self-attention output.</summary>
            public Dropout dropout1 { get; }
            /// <summary>Dropout on the memory-attention output.</summary>
            public Dropout dropout2 { get; }
            /// <summary>Dropout on the feed-forward output.</summary>
            public Dropout dropout3 { get; }

            /// <summary>The layer without masks.</summary>
            public override Tensor forward(Tensor tgt, Tensor memory) => forward(tgt, memory, null);

            /// <summary>
            /// Decodes <paramref name="tgt"/> ((T, N, E), or (N, T, E) with batch_first) against <paramref name="memory"/>
            /// ((S, N, E)). Masks: <paramref name="tgt_mask"/> (T, T), <paramref name="memory_mask"/> (T, S), key padding
            /// masks (N, T) and (N, S); bool (<c>true</c> = don't attend) or float (added).
            /// </summary>
            public Tensor forward(Tensor tgt, Tensor memory, Tensor? tgt_mask, Tensor? memory_mask = null,
                Tensor? tgt_key_padding_mask = null, Tensor? memory_key_padding_mask = null)
            {
                var x = tgt;
                if (norm_first)
                {
                    x = x + SelfAttentionBlock(norm1.call(x), tgt_mask, tgt_key_padding_mask);
                    x = x + MemoryAttentionBlock(norm2.call(x), memory, memory_mask, memory_key_padding_mask);
                    x = x + FeedForwardBlock(norm3.call(x));
                }
                else
                {
                    x = norm1.call(x + SelfAttentionBlock(x, tgt_mask, tgt_key_padding_mask));
                    x = norm2.call(x + MemoryAttentionBlock(x, memory, memory_mask, memory_key_padding_mask));
                    x = norm3.call(x + FeedForwardBlock(x));
                }
                return x;
            }

            /// <summary>Runs <see cref="forward(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?)"/>.</summary>
            public Tensor call(Tensor tgt, Tensor memory, Tensor? tgt_mask, Tensor? memory_mask = null,
                Tensor? tgt_key_padding_mask = null, Tensor? memory_key_padding_mask = null)
                => forward(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask);

            private Tensor SelfAttentionBlock(Tensor x, Tensor? mask, Tensor? keyPaddingMask) =>
                dropout1.call(self_attn.call(x, x, x, keyPaddingMask, need_weights: false, attn_mask: mask).output);

            private Tensor MemoryAttentionBlock(Tensor x, Tensor memory, Tensor? mask, Tensor? keyPaddingMask) =>
                dropout2.call(multihead_attn.call(x, memory, memory, keyPaddingMask, need_weights: false, attn_mask: mask).output);

            private Tensor FeedForwardBlock(Tensor x) => dropout3.call(linear2.call(dropout.call(_activation.Function(linear1.call(x)))));

            /// <summary>A copy with equal parameters and mode, drawing no random numbers (PyTorch's deep copy).</summary>
            internal TransformerDecoderLayer Clone()
            {
                var (dModel, nhead, dimFeedforward, p, eps, batchFirst, device, dtype) = Config;
                var state = Generator.Default.GetState();
                var copy = new TransformerDecoderLayer(dModel, nhead, dimFeedforward, p, _activation, eps, batchFirst, norm_first, null, dtype);
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
            /// <summary>A transformer decoder layer (self-attention, memory attention, feed-forward) with PyTorch's names and initialisation.</summary>
            /// <param name="d_model">The model width.</param>
            /// <param name="nhead">Attention heads.</param>
            /// <param name="dim_feedforward">The feed-forward network's hidden width.</param>
            /// <param name="dropout">Dropout probability.</param>
            /// <param name="activation">"relu" (default), "gelu", a function, or <see cref="TransformerActivation.FromModule"/>.</param>
            /// <param name="layer_norm_eps">The layer norms' epsilon.</param>
            /// <param name="batch_first">Inputs and outputs as (batch, seq, feature).</param>
            /// <param name="norm_first">Pre-norm: layer norm before each sublayer.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static TransformerDecoderLayer TransformerDecoderLayer(long d_model, long nhead, long dim_feedforward = 2048, double dropout = 0.1,
                TransformerActivation? activation = null, double layer_norm_eps = 1e-5, bool batch_first = false, bool norm_first = false,
                Device? device = null, ScalarType? dtype = null)
                => new(d_model, nhead, dim_feedforward, dropout, activation ?? "relu", layer_norm_eps, batch_first, norm_first, device, dtype);
        }
    }
}
