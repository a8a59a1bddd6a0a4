using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>One step of a GRU (PyTorch's <c>nn.GRUCell</c>).</summary>
        public sealed class GRUCell : RNNCellBase<Tensor?, Tensor>
        {
            internal GRUCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype)
                : base(3, inputSize, hiddenSize, bias, device, dtype) { }

            /// <summary>h' for input (batch, input_size) or (input_size) and state h0 of the same batchedness (zeros when null).</summary>
            public override Tensor forward(Tensor input, Tensor? h0 = null)
            {
                var (x, batched) = PrepareInput(input, "GRUCell");
                var h = PrepareState(x, h0, batched, 0);
                var result = RecurrentSteps.Gru(ProjectInput(x), h, Weights);
                return batched ? result : result.squeeze(0);
            }

            /// <summary>Runs the hooks and <see cref="forward"/>.</summary>
            public new Tensor call(Tensor input, Tensor? h0 = null) => base.call(input, h0);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A GRU cell with PyTorch's parameters and initialisation.</summary>
            /// <param name="inputSize">The number of features of each input.</param>
            /// <param name="hiddenSize">The number of features of the hidden state.</param>
            /// <param name="bias">Whether the cell learns b_ih and b_hh.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static GRUCell GRUCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(inputSize, hiddenSize, bias, device, dtype);
        }
    }
}
