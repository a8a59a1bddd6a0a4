using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A stack of <c>num_layers</c> copies of a decoder layer (PyTorch's <c>nn.TransformerDecoder</c>), registered as
        /// <c>layers.0</c>, ..., each starting from the given layer's parameters, and an optional final <c>norm</c>.
        /// </summary>
        public sealed class TransformerDecoder : torch.nn.Module<Tensor, Tensor, Tensor>
        {
            internal TransformerDecoder(TransformerDecoderLayer decoderLayer, long numLayers, torch.nn.Module<Tensor, Tensor>? norm)
            {
                ArgumentNullException.ThrowIfNull(decoderLayer);
                layers = new ModuleList<TransformerDecoderLayer>();
                for (long i = 0; i < numLayers; i++) layers.append(decoderLayer.Clone());
                num_layers = numLayers;
                this.norm = norm;
                register_module(nameof(layers), layers);
                if (norm is not null) register_module(nameof(this.norm), norm);
            }

            /// <summary>The layers, in order.</summary>
            public ModuleList<TransformerDecoderLayer> layers { get; }
            /// <summary>How many layers.</summary>
            public long num_layers { get; }
            /// <summary>The norm applied to the last layer's output, or null.</summary>
            public torch.nn.Module<Tensor, Tensor>? norm { get; }

            /// <summary>Runs the stack without masks.</summary>
            public override Tensor forward(Tensor tgt, Tensor memory) => forward(tgt, memory, null);

            /// <summary>Runs every layer with the same masks, then the norm.</summary>
            public Tensor forward(Tensor tgt, Tensor memory, Tensor? tgt_mask, Tensor? memory_mask = null,
                Tensor? tgt_key_padding_mask = null, Tensor? memory_key_padding_mask = null)
            {
                var output = tgt;
                foreach (var layer in layers)
                    output = layer.call(output, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask);
                return norm is null ? output : norm.call(output);
            }

            /// <summary>Runs <see cref="forward(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?)"/>.</summary>
            public Tensor call(Tensor tgt, Tensor memory, Tensor? tgt_mask, Tensor? memory_mask = null,
                Tensor? tgt_key_padding_mask = null, Tensor? memory_key_padding_mask = null)
                => forward(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A stack of <paramref name="num_layers"/> copies of <paramref name="decoder_layer"/> and an optional final norm.</summary>
            /// <param name="decoder_layer">The layer to copy (its parameters are copied, not shared).</param>
            /// <param name="num_layers">How many layers.</param>
            /// <param name="norm">A module applied to the output (usually a LayerNorm), or null.</param>
            public static TransformerDecoder TransformerDecoder(TransformerDecoderLayer decoder_layer, long num_layers, Module<Tensor, Tensor>? norm = null)
                => new(decoder_layer, num_layers, norm);
        }
    }
}
