namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// TorchSharp's names for a transformer layer's feed-forward activation (PyTorch passes the strings "relu" and
        /// "gelu"); <c>activation: nn.Activations.GELU</c> converts to the layer's <see cref="Modules.TransformerActivation"/>.
        /// </summary>
        public enum Activations
        {
            /// <summary><c>"relu"</c>, the default.</summary>
            ReLU = 0,
            /// <summary><c>"gelu"</c> (exact, erf-based).</summary>
            GELU = 1,
        }
    }
}
