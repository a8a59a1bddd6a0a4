using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A stack of <c>num_layers</c> copies of an encoder layer (PyTorch's <c>nn.TransformerEncoder</c>), registered as
        /// <c>layers.0</c>, <c>layers.1</c>, ..., each starting from the given layer's parameters as PyTorch's deep copies do,
        /// and an optional final <c>norm</c>.
        /// </summary>
        /// <remarks>
        /// PyTorch's inference fast path (eval mode, no grad, batch_first, a key padding mask) turns the input into a nested
        /// tensor and so returns zeros at padded positions before the final norm; Flint computes those positions as the
        /// training path does. Positions that are not padding agree either way.
        /// </remarks>
        public sealed class TransformerEncoder : torch.nn.Module<Tensor, Tensor>
        {
            internal TransformerEncoder(TransformerEncoderLayer encoderLayer, long numLayers, torch.nn.Module<Tensor, Tensor>? norm, bool enableNestedTensor, bool maskCheck)
            {
                ArgumentNullException.ThrowIfNull(encoderLayer);
                layers = new ModuleList<TransformerEncoderLayer>();
                for (long i = 0; i < numLayers; i++) layers.append(encoderLayer.Clone());
                num_layers = numLayers;
                this.norm = norm;
                enable_nested_tensor = enableNestedTensor;
                mask_check = maskCheck;
                register_module(nameof(layers), layers);
                if (norm is not null) register_module(nameof(this.norm), norm);
            }

            /// <summary>The layers, in order.</summary>
            public ModuleList<TransformerEncoderLayer> layers { get; }
            /// <summary>How many layers.</summary>
            public long num_layers { get; }
            /// <summary>The norm applied to the last layer's output, or null.</summary>
            public torch.nn.Module<Tensor, Tensor>? norm { get; }
            /// <summary>Kept for PyTorch's signature; Flint has no nested tensors (see the remarks).</summary>
            public bool enable_nested_tensor { get; }
            /// <summary>Kept for PyTorch's signature.</summary>
            public bool mask_check { get; }

            /// <summary>Runs the stack without masks.</summary>
            public override Tensor forward(Tensor src) => forward(src, null, null);

            /// <summary>Runs every layer with the same <paramref name="mask"/> and <paramref name="src_key_padding_mask"/>, then the norm.</summary>
            public Tensor forward(Tensor src, Tensor? mask, Tensor? src_key_padding_mask = null)
            {
                if (src_key_padding_mask is not null && src_key_padding_mask.dtype != ScalarType.Bool && !src_key_padding_mask.is_floating_point())
                    throw new ArgumentException("only bool and floating types of key_padding_mask are supported");
                var output = src;
                foreach (var layer in layers) output = layer.call(output, mask, src_key_padding_mask);
                return norm is null ? output : norm.call(output);
            }

            /// <summary>Runs <see cref="forward(Tensor, Tensor?, Tensor?)"/>.</summary>
            public Tensor call(Tensor src, Tensor? mask, Tensor? src_key_padding_mask = null) => forward(src, mask, src_key_padding_mask);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A stack of <paramref name="num_layers"/> copies of <paramref name="encoder_layer"/> and an optional final norm.</summary>
            /// <param name="encoder_layer">The layer to copy (its parameters are copied, not shared).</param>
            /// <param name="num_layers">How many layers.</param>
            /// <param name="norm">A module applied to the output (usually a LayerNorm), or null.</param>
            /// <param name="enable_nested_tensor">PyTorch's inference switch; no effect in Flint.</param>
            /// <param name="mask_check">PyTorch's inference switch; no effect in Flint.</param>
            public static TransformerEncoder TransformerEncoder(TransformerEncoderLayer encoder_layer, long num_layers, Module<Tensor, Tensor>? norm = null,
                bool enable_nested_tensor = true, bool mask_check = true)
                => new(encoder_layer, num_layers, norm, enable_nested_tensor, mask_check);
        }
    }
}
