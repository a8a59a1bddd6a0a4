namespace Flint.Modules
{
    /// <summary>The gate layout of a recurrent layer: how many gates its weights stack and which step it runs.</summary>
    internal enum RecurrentMode
    {
        /// <summary>Elman RNN with tanh: one gate.</summary>
        RnnTanh,
        /// <summary>Elman RNN with ReLU: one gate.</summary>
        RnnRelu,
        /// <summary>LSTM: input, forget, cell and output gates, in PyTorch's order (i, f, g, o).</summary>
        Lstm,
        /// <summary>GRU: reset, update and new gates, in PyTorch's order (r, z, n).</summary>
        Gru,
    }

    /// <summary>The weights of one layer and direction (or of a cell): PyTorch's w_ih, w_hh, b_ih, b_hh and LSTM's w_hr.</summary>
    internal sealed record RecurrentWeights(Modules.Parameter WeightIh, Modules.Parameter WeightHh,
        Modules.Parameter? BiasIh, Modules.Parameter? BiasHh, Modules.Parameter? WeightHr);

    /// <summary>
    /// One time step of each recurrent cell, written with tensor ops (so it runs on every device and autograd
    /// differentiates it). The input projection <c>x W_ihᵀ + b_ih</c> arrives precomputed: the layers compute it
    /// for the whole sequence with one GEMM, the cells for their one step.
    /// </summary>
    internal static class RecurrentSteps
    {
        /// <summary>The number of gates stacked in W_ih/W_hh for a mode.</summary>
        public static int GateCount(RecurrentMode mode) => mode switch
        {
            RecurrentMode.Lstm => 4,
            RecurrentMode.Gru => 3,
            _ => 1,
        };

        /// <summary>h' = tanh(xi + h W_hhᵀ + b_hh) (or relu).</summary>
        public static Tensor Rnn(Tensor xi, Tensor h, RecurrentWeights w, bool relu)
        {
            var pre = xi.add(torch.nn.functional.linear(h, w.WeightHh, w.BiasHh));
            return relu ? pre.relu() : pre.tanh();
        }

        /// <summary>
        /// gates = xi + h W_hhᵀ + b_hh split as (i, f, g, o); c' = σ(f)c + σ(i)tanh(g); h' = σ(o)tanh(c'),
        /// projected by W_hrᵀ when the LSTM has <c>proj_size</c>.
        /// </summary>
        public static (Tensor h, Tensor c) Lstm(Tensor xi, Tensor h, Tensor c, RecurrentWeights w)
        {
            var gates = xi.add(torch.nn.functional.linear(h, w.WeightHh, w.BiasHh));
            var (hNew, cNew) = Ops.Recurrent.LstmPointwise(gates, c);
            return (w.WeightHr is null ? hNew : hNew.mm(w.WeightHr.t()), cNew);
        }

        /// <summary>
        /// r = σ(xr + hr), z = σ(xz + hz), n = tanh(xn + r·hn), h' = (1 - z)n + zh, where (hr, hz, hn) = h W_hhᵀ + b_hh:
        /// the hidden bias of the new gate stays inside the reset product, as in PyTorch.
        /// </summary>
        public static Tensor Gru(Tensor xi, Tensor h, RecurrentWeights w)
        {
            var gh = torch.nn.functional.linear(h, w.WeightHh, w.BiasHh);
            var x = xi.chunk(3, 1);
            var g = gh.chunk(3, 1);
            var r = x[0].add(g[0]).sigmoid();
            var z = x[1].add(g[1]).sigmoid();
            var n = x[2].add(r.mul(g[2])).tanh();
            return n.add(z.mul(h.sub(n)));
        }
    }
}
