using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A multi-layer gated recurrent unit RNN (PyTorch's <c>nn.GRU</c>): r = σ(x W_irᵀ + b_ir + h W_hrᵀ + b_hr),
        /// z likewise, n = tanh(x W_inᵀ + b_in + r (h W_hnᵀ + b_hn)), h' = (1 - z) n + z h. Returns (output, h_n).
        /// </summary>
        public sealed class GRU : RNNBase<Tensor?, (Tensor, Tensor)>
        {
            internal GRU(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional,
                Device? device, ScalarType? dtype)
                : base(RecurrentMode.Gru, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, 0, device, dtype) { }

            /// <summary>Runs the GRU over <paramref name="input"/> (seq, batch, input_size), batch first with <c>batch_first</c>, or (seq, input_size) unbatched.</summary>
            /// <param name="input">The input sequence.</param>
            /// <param name="h0">The initial hidden state (num_layers·directions, batch, hidden_size); zeros when null.</param>
            /// <returns>The output of the last layer and h_n.</returns>
            public override (Tensor, Tensor) forward(Tensor input, Tensor? h0 = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                if (h0 is not null) CheckStateRank(input, h0);
                var (output, hN, _) = RunPadded(input, h0, null);
                return (output, hN);
            }

            /// <summary>Runs the hooks and <see cref="forward(Tensor, Tensor?)"/>.</summary>
            public new (Tensor, Tensor) call(Tensor input, Tensor? h0 = null) => base.call(input, h0);

            /// <summary>Runs the GRU over a packed batch; h0 and h_n are in the caller's batch order.</summary>
            public (torch.nn.utils.rnn.PackedSequence, Tensor) forward(torch.nn.utils.rnn.PackedSequence input, Tensor? h0 = null)
            {
                var (output, hN, _) = RunPacked(input, h0, null);
                return (output, hN);
            }

            /// <summary>Runs the GRU over a packed batch (TorchSharp's spelling).</summary>
            public (torch.nn.utils.rnn.PackedSequence, Tensor) call(torch.nn.utils.rnn.PackedSequence input, Tensor? h0 = null) => forward(input, h0);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A multi-layer GRU with PyTorch's parameters, initialisation and semantics.</summary>
            /// <param name="inputSize">The number of features of each input element.</param>
            /// <param name="hiddenSize">The number of features of the hidden state.</param>
            /// <param name="numLayers">The number of stacked layers.</param>
            /// <param name="bias">Whether the layers learn b_ih and b_hh.</param>
            /// <param name="batchFirst">Input and output as (batch, seq, feature).</param>
            /// <param name="dropout">Dropout on each layer's output except the last, in training mode.</param>
            /// <param name="bidirectional">Also run each layer over the reversed sequence.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static GRU GRU(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0.0,
                bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
                => new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);
        }
    }
}
