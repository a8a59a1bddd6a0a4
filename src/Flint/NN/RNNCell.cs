using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>One step of an Elman RNN (PyTorch's <c>nn.RNNCell</c>): h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh), or ReLU.</summary>
        public sealed class RNNCell : RNNCellBase<Tensor?, Tensor>
        {
            internal RNNCell(long inputSize, long hiddenSize, torch.nn.NonLinearities nonLinearity, bool bias, Device? device, ScalarType? dtype)
                : base(1, inputSize, hiddenSize, bias, device, dtype) => nonlinearity = nonLinearity;

            /// <summary>The non-linearity: tanh or ReLU.</summary>
            public torch.nn.NonLinearities nonlinearity { get; }

            /// <summary>h' for input (batch, input_size) or (input_size) and state h0 of the same batchedness (zeros when null).</summary>
            public override Tensor forward(Tensor input, Tensor? h0 = null)
            {
                var (x, batched) = PrepareInput(input, "RNNCell");
                var h = PrepareState(x, h0, batched, 0);
                var result = RecurrentSteps.Rnn(ProjectInput(x), h, Weights, relu: nonlinearity == torch.nn.NonLinearities.ReLU);
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
            /// <summary>An Elman RNN cell with PyTorch's parameters and initialisation.</summary>
            /// <param name="inputSize">The number of features of each input.</param>
            /// <param name="hiddenSize">The number of features of the hidden state.</param>
            /// <param name="nonLinearity">tanh (default) or ReLU.</param>
            /// <param name="bias">Whether the cell learns b_ih and b_hh.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static RNNCell RNNCell(long inputSize, long hiddenSize, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
                Device? device = null, ScalarType? dtype = null) => new(inputSize, hiddenSize, nonLinearity, bias, device, dtype);
        }
    }
}
