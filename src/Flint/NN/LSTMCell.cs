using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>One step of an LSTM (PyTorch's <c>nn.LSTMCell</c>); returns (h', c').</summary>
        public sealed class LSTMCell : RNNCellBase<(Tensor, Tensor)?, (Tensor, Tensor)>
        {
            internal LSTMCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype)
                : base(4, inputSize, hiddenSize, bias, device, dtype) { }

            /// <summary>(h', c') for input (batch, input_size) or (input_size) and states of the same batchedness (zeros when null).</summary>
            public override (Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0 = null)
            {
                var (x, batched) = PrepareInput(input, "LSTMCell");
                var h = PrepareState(x, h0_c0?.Item1, batched, 0);
                var c = PrepareState(x, h0_c0?.Item2, batched, 1);
                var (hNew, cNew) = RecurrentSteps.Lstm(ProjectInput(x), h, c, Weights);
                return batched ? (hNew, cNew) : (hNew.squeeze(0), cNew.squeeze(0));
            }

            /// <summary>Runs the hooks and <see cref="forward"/>.</summary>
            public new (Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>An LSTM cell with PyTorch's parameters and initialisation.</summary>
            /// <param name="inputSize">The number of features of each input.</param>
            /// <param name="hiddenSize">The number of features of the hidden state.</param>
            /// <param name="bias">Whether the cell learns b_ih and b_hh.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static LSTMCell LSTMCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(inputSize, hiddenSize, bias, device, dtype);
        }
    }
}
