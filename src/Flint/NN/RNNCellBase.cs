namespace Flint.Modules
{
    /// <summary>
    /// What <see cref="RNNCell"/>, <see cref="LSTMCell"/> and <see cref="GRUCell"/> share (PyTorch's <c>nn.RNNCellBase</c>):
    /// <c>weight_ih</c>, <c>weight_hh</c>, <c>bias_ih</c>, <c>bias_hh</c> drawn from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)),
    /// PyTorch's input checks and printing.
    /// </summary>
    /// <typeparam name="THidden">The state argument of <c>forward</c>.</typeparam>
    /// <typeparam name="TResult">What <c>forward</c> returns.</typeparam>
    public abstract class RNNCellBase<THidden, TResult> : torch.nn.Module<Tensor, THidden, TResult>
    {
        private protected RNNCellBase(int gates, long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype)
        {
            input_size = inputSize;
            hidden_size = hiddenSize;
            this.bias = bias;
            Weights = new RecurrentWeights(
                NewParameter("weight_ih", [gates * hiddenSize, inputSize], device, dtype),
                NewParameter("weight_hh", [gates * hiddenSize, hiddenSize], device, dtype),
                bias ? NewParameter("bias_ih", [gates * hiddenSize], device, dtype) : null,
                bias ? NewParameter("bias_hh", [gates * hiddenSize], device, dtype) : null,
                null);
            reset_parameters();
        }

        private Modules.Parameter NewParameter(string name, long[] shape, Device? device, ScalarType? dtype)
        {
            var p = torch.nn.Parameter(torch.empty(shape, dtype, device));
            register_parameter(name, p);
            return p;
        }

        private protected RecurrentWeights Weights { get; }

        /// <summary>The number of features of each input.</summary>
        public long input_size { get; }

        /// <summary>The number of features of the hidden state.</summary>
        public long hidden_size { get; }

        /// <summary>Whether the cell learns b_ih and b_hh.</summary>
        public bool bias { get; }

        /// <summary>(G·hidden_size, input_size): the input weights of the stacked gates.</summary>
        public Modules.Parameter weight_ih => Weights.WeightIh;

        /// <summary>(G·hidden_size, hidden_size): the hidden weights of the stacked gates.</summary>
        public Modules.Parameter weight_hh => Weights.WeightHh;

        /// <summary>The input bias, or null without bias.</summary>
        public Modules.Parameter? bias_ih => Weights.BiasIh;

        /// <summary>The hidden bias, or null without bias.</summary>
        public Modules.Parameter? bias_hh => Weights.BiasHh;

        /// <summary>Draws every parameter from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)), as PyTorch does.</summary>
        public void reset_parameters()
        {
            double stdv = hidden_size > 0 ? 1.0 / Math.Sqrt(hidden_size) : 0;
            foreach (var p in parameters()) torch.nn.init.uniform_(p, -stdv, stdv);
        }

        /// <inheritdoc/>
        public override string extra_repr()
        {
            var s = $"{input_size}, {hidden_size}";
            if (!bias) s += ", bias=False";
            if (this is RNNCell { nonlinearity: torch.nn.NonLinearities.ReLU }) s += ", nonlinearity=relu";
            return s;
        }

        /// <summary>
        /// Checks a (batch, input_size) or unbatched (input_size) input and returns it as 2-D, with whether it was batched.
        /// </summary>
        private protected (Tensor input, bool batched) PrepareInput(Tensor input, string cell)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (input.dim() is not (1 or 2))
                throw new ArgumentException($"{cell}: Expected input to be 1-D or 2-D but received {input.dim()}-D tensor");
            bool batched = input.dim() == 2;
            var x = batched ? input : input.unsqueeze(0);
            if (x.size(1) != input_size)
                throw new ArgumentException($"input has inconsistent input_size: got {x.size(1)} expected {input_size}");
            return (x, batched);
        }

        /// <summary>The state as 2-D (zeros when null), checked against the input as PyTorch's cell kernels check it.</summary>
        private protected Tensor PrepareState(Tensor x, Tensor? state, bool batched, int label)
        {
            if (state is null) return torch.zeros([x.size(0), hidden_size], x.dtype, x.device);
            var h = batched ? state : state.unsqueeze(0);
            if (h.dim() != 2 || h.size(0) != x.size(0))
                throw new ArgumentException($"Input batch size {x.size(0)} doesn't match hidden{label} batch size {(h.dim() > 0 ? h.size(0) : 0)}");
            if (h.size(1) != hidden_size)
                throw new ArgumentException($"hidden{label} has inconsistent hidden_size: got {h.size(1)}, expected {hidden_size}");
            return h;
        }

        /// <summary>x W_ihᵀ + b_ih for one step.</summary>
        private protected Tensor ProjectInput(Tensor x) => torch.nn.functional.linear(x, Weights.WeightIh, Weights.BiasIh);
    }
}
