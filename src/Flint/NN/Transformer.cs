using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The encoder-decoder transformer of "Attention Is All You Need" (PyTorch's <c>nn.Transformer</c>): an
        /// <c>encoder</c> (<see cref="TransformerEncoder"/> with a final LayerNorm) and a <c>decoder</c>
        /// (<see cref="TransformerDecoder"/> with a final LayerNorm); every parameter with more than one dimension is then
        /// re-initialised with xavier_uniform_, as PyTorch does. No input embedding or output projection.
        /// </summary>
        public sealed class Transformer : torch.nn.Module<Tensor, Tensor, Tensor>
        {
            internal Transformer(long dModel, long nhead, long numEncoderLayers, long numDecoderLayers, long dimFeedforward, double dropout,
                TransformerActivation activation, TransformerEncoder? customEncoder, TransformerDecoder? customDecoder, double layerNormEps,
                bool batchFirst, bool normFirst, Device? device, ScalarType? dtype)
            {
                if (customEncoder is not null) encoder = customEncoder;
                else
                {
                    var layer = new TransformerEncoderLayer(dModel, nhead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst, device, dtype);
                    encoder = new TransformerEncoder(layer, numEncoderLayers, torch.nn.LayerNorm(dModel, layerNormEps, device: device, dtype: dtype), true, true);
                }
                if (customDecoder is not null) decoder = customDecoder;
                else
                {
                    var layer = new TransformerDecoderLayer(dModel, nhead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst, device, dtype);
                    decoder = new TransformerDecoder(layer, numDecoderLayers, torch.nn.LayerNorm(dModel, layerNormEps, device: device, dtype: dtype));
                }
                register_module(nameof(encoder), encoder);
                register_module(nameof(decoder), decoder);
                foreach (var p in parameters())
                    if (p.dim() > 1) torch.nn.init.xavier_uniform_(p);
                d_model = dModel;
                this.nhead = nhead;
                batch_first = batchFirst;
            }

            /// <summary>The encoder stack.</summary>
            public TransformerEncoder encoder { get; }
            /// <summary>The decoder stack.</summary>
            public TransformerDecoder decoder { get; }
            /// <summary>The model width.</summary>
            public long d_model { get; }
            /// <summary>Attention heads.</summary>
            public long nhead { get; }
            /// <summary>Whether inputs and outputs are (batch, seq, feature).</summary>
            public bool batch_first { get; }

            /// <summary>Encodes <paramref name="src"/> and decodes <paramref name="tgt"/> against it, without masks.</summary>
            public override Tensor forward(Tensor src, Tensor tgt) => forward(src, tgt, null);

            /// <summary>
            /// Encodes <paramref name="src"/> ((S, N, E), or (N, S, E) with batch_first) with <paramref name="src_mask"/> and
            /// <paramref name="src_key_padding_mask"/>, then decodes <paramref name="tgt"/> ((T, N, E)) against it.
            /// </summary>
            public Tensor forward(Tensor src, Tensor tgt, Tensor? src_mask, Tensor? tgt_mask = null, Tensor? memory_mask = null,
                Tensor? src_key_padding_mask = null, Tensor? tgt_key_padding_mask = null, Tensor? memory_key_padding_mask = null)
            {
                bool batched = src.dim() == 3;
                if (batched && src.size(batch_first ? 0 : 1) != tgt.size(batch_first ? 0 : 1))
                    throw new ArgumentException("the batch number of src and tgt must be equal");
                if (src.size(-1) != d_model || tgt.size(-1) != d_model)
                    throw new ArgumentException("the feature number of src and tgt must be equal to d_model");
                var memory = encoder.call(src, src_mask, src_key_padding_mask);
                return decoder.call(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask);
            }

            /// <summary>Runs <see cref="forward(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?, Tensor?, Tensor?)"/>.</summary>
            public Tensor call(Tensor src, Tensor tgt, Tensor? src_mask, Tensor? tgt_mask = null, Tensor? memory_mask = null,
                Tensor? src_key_padding_mask = null, Tensor? tgt_key_padding_mask = null, Tensor? memory_key_padding_mask = null)
                => forward(src, tgt, src_mask, tgt_mask, memory_mask, src_key_padding_mask, tgt_key_padding_mask, memory_key_padding_mask);

            /// <summary>
            /// The (sz, sz) float mask with −∞ above the diagonal and 0 elsewhere, in the default dtype: position i may
            /// attend to positions ≤ i.
            /// </summary>
            public static Tensor generate_square_subsequent_mask(long sz, Device? device = null) =>
                Ops.Attention.CausalMask(sz, sz, torch.get_default_dtype(), device ?? torch.CPU);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>An encoder-decoder transformer with PyTorch's structure, names and initialisation.</summary>
            /// <param name="d_model">The model width.</param>
            /// <param name="nhead">Attention heads.</param>
            /// <param name="num_encoder_layers">Encoder layers.</param>
            /// <param name="num_decoder_layers">Decoder layers.</param>
            /// <param name="dim_feedforward">The feed-forward networks' hidden width.</param>
            /// <param name="dropout">Dropout probability.</param>
            /// <param name="activation">"relu" (default), "gelu", a function, or <see cref="TransformerActivation.FromModule"/>.</param>
            /// <param name="custom_encoder">An encoder to use instead of building one.</param>
            /// <param name="custom_decoder">A decoder to use instead of building one.</param>
            /// <param name="layer_norm_eps">The layer norms' epsilon.</param>
            /// <param name="batch_first">Inputs and outputs as (batch, seq, feature).</param>
            /// <param name="norm_first">Pre-norm layers.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static Transformer Transformer(long d_model = 512, long nhead = 8, long num_encoder_layers = 6, long num_decoder_layers = 6,
                long dim_feedforward = 2048, double dropout = 0.1, TransformerActivation? activation = null, TransformerEncoder? custom_encoder = null,
                TransformerDecoder? custom_decoder = null, double layer_norm_eps = 1e-5, bool batch_first = false, bool norm_first = false,
                Device? device = null, ScalarType? dtype = null)
                => new(d_model, nhead, num_encoder_layers, num_decoder_layers, dim_feedforward, dropout, activation ?? "relu", custom_encoder,
                    custom_decoder, layer_norm_eps, batch_first, norm_first, device, dtype);
        }
    }
}
