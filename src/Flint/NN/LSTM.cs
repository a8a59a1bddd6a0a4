using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A multi-layer long short-term memory RNN (PyTorch's <c>nn.LSTM</c>): for each step,
        /// i, f, g, o = σ, σ, tanh, σ of x W_ihᵀ + b_ih + h W_hhᵀ + b_hh; c' = f c + i g; h' = o tanh(c'), projected by
        /// W_hrᵀ when <c>proj_size</c> &gt; 0. Returns (output, h_n, c_n) as TorchSharp does.
        /// </summary>
        public sealed class LSTM : RNNBase<(Tensor, Tensor)?, (Tensor, Tensor, Tensor)>
        {
            internal LSTM(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional,
                long projSize, Device? device, ScalarType? dtype)
                : base(RecurrentMode.Lstm, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, projSize, device, dtype) { }

            /// <summary>
            /// Runs the LSTM over <paramref name="input"/> of shape (seq, batch, input_size) ((batch, seq, input_size) with
            /// <c>batch_first</c>; (seq, input_size) unbatched).
            /// </summary>
            /// <param name="input">The input sequence.</param>
            /// <param name="h0_c0">The initial hidden state (num_layers·directions, batch, proj_size or hidden_size) and cell state
            /// (num_layers·directions, batch, hidden_size); zeros when null. Unbatched input takes them without the batch dim.</param>
            /// <returns>The output (seq, batch, directions·hidden) of the last layer, h_n and c_n.</returns>
            public override (Tensor, Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0 = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                if (h0_c0 is var (hx, cx))
                {
                    if (input.dim() == 3 && (hx.dim() != 3 || cx.dim() != 3))
                        throw new ArgumentException($"For batched 3-D input, hx and cx should also be 3-D but got ({hx.dim()}-D, {cx.dim()}-D) tensors");
                    if (input.dim() != 3 && (hx.dim() != 2 || cx.dim() != 2))
                        throw new ArgumentException($"For unbatched 2-D input, hx and cx should also be 2-D but got ({hx.dim()}-D, {cx.dim()}-D) tensors");
                }
                var (output, hN, cN) = RunPadded(input, h0_c0?.Item1, h0_c0?.Item2);
                return (output, hN, cN!);
            }

            /// <summary>Runs the hooks and <see cref="forward(Tensor, ValueTuple{Tensor, Tensor}?)"/>.</summary>
            public new (Tensor, Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);

            /// <summary>Runs the LSTM over a packed batch of variable-length sequences; states are in the caller's batch order.</summary>
            public (torch.nn.utils.rnn.PackedSequence, Tensor, Tensor) forward(torch.nn.utils.rnn.PackedSequence input, (Tensor, Tensor)? h0_c0 = null)
            {
                var (output, hN, cN) = RunPacked(input, h0_c0?.Item1, h0_c0?.Item2);
                return (output, hN, cN!);
            }

            /// <summary>Runs the LSTM over a packed batch (TorchSharp's spelling of <see cref="forward(torch.nn.utils.rnn.PackedSequence, ValueTuple{Tensor, Tensor}?)"/>).</summary>
            public (torch.nn.utils.rnn.PackedSequence, Tensor, Tensor) call(torch.nn.utils.rnn.PackedSequence input, (Tensor, Tensor)? h0_c0 = null) => forward(input, h0_c0);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A multi-layer LSTM with PyTorch's parameters, initialisation and semantics.</summary>
            /// <param name="inputSize">The number of features of each input element.</param>
            /// <param name="hiddenSize">The number of features of the hidden state.</param>
            /// <param name="numLayers">The number of stacked layers.</param>
            /// <param name="bias">Whether the layers learn b_ih and b_hh.</param>
            /// <param name="batchFirst">Input and output as (batch, seq, feature).</param>
            /// <param name="dropout">Dropout on each layer's output except the last, in training mode.</param>
            /// <param name="bidirectional">Also run each layer over the reversed sequence.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            /// <param name="projSize">When &gt; 0, project the hidden state to this size with W_hr (PyTorch's <c>proj_size</c>); last, so TorchSharp's positional calls port.</param>
            public static LSTM LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0.0,
                bool bidirectional = false, Device? device = null, ScalarType? dtype = null, long projSize = 0)
                => new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, projSize, device, dtype);
        }
    }
}
