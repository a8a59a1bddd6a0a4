using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// What <see cref="RNN"/>, <see cref="LSTM"/> and <see cref="GRU"/> share (PyTorch's <c>nn.RNNBase</c>): the
        /// hyper-parameters, the parameters under PyTorch's names (<c>weight_ih_l0</c>, <c>weight_hh_l0</c>,
        /// <c>bias_ih_l0</c>, <c>bias_hh_l0</c>, <c>weight_hr_l0</c>, with <c>_reverse</c> for the backward direction),
        /// PyTorch's init (every parameter from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)) in registration order),
        /// PyTorch's argument checks and printing, and the recurrence over a packed batch.
        /// </summary>
        /// <typeparam name="THidden">The initial state argument of <c>forward</c>.</typeparam>
        /// <typeparam name="TResult">What <c>forward</c> returns.</typeparam>
        public abstract class RNNBase<THidden, TResult> : torch.nn.Module<Tensor, THidden, TResult>
        {
            private readonly RecurrentMode _mode;
            private readonly RecurrentWeights[] _weights;

            private protected RNNBase(RecurrentMode mode, long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst,
                double dropout, bool bidirectional, long projSize, Device? device, ScalarType? dtype)
            {
                if (!(dropout >= 0 && dropout <= 1))
                    throw new ArgumentException("dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
                if (hiddenSize <= 0) throw new ArgumentException("hidden_size must be greater than zero");
                if (numLayers <= 0) throw new ArgumentException("num_layers must be greater than zero");
                if (projSize < 0) throw new ArgumentException("proj_size should be a positive integer or zero to disable projections");
                if (projSize >= hiddenSize) throw new ArgumentException("proj_size has to be smaller than hidden_size");
                _mode = mode;
                input_size = inputSize;
                hidden_size = hiddenSize;
                num_layers = numLayers;
                this.bias = bias;
                batch_first = batchFirst;
                this.dropout = dropout;
                this.bidirectional = bidirectional;
                proj_size = projSize;

                long gateSize = RecurrentSteps.GateCount(mode) * hiddenSize;
                long realHidden = projSize > 0 ? projSize : hiddenSize;
                int directions = bidirectional ? 2 : 1;
                _weights = new RecurrentWeights[numLayers * directions];
                for (int layer = 0; layer < numLayers; layer++)
                    for (int dir = 0; dir < directions; dir++)
                    {
                        long layerInput = layer == 0 ? inputSize : realHidden * directions;
                        string suffix = $"_l{layer}" + (dir == 1 ? "_reverse" : "");
                        var w = new RecurrentWeights(
                            NewParameter("weight_ih" + suffix, [gateSize, layerInput], device, dtype),
                            NewParameter("weight_hh" + suffix, [gateSize, realHidden], device, dtype),
                            bias ? NewParameter("bias_ih" + suffix, [gateSize], device, dtype) : null,
                            bias ? NewParameter("bias_hh" + suffix, [gateSize], device, dtype) : null,
                            projSize > 0 ? NewParameter("weight_hr" + suffix, [projSize, hiddenSize], device, dtype) : null);
                        _weights[layer * directions + dir] = w;
                    }
                reset_parameters();
            }

            private Modules.Parameter NewParameter(string name, long[] shape, Device? device, ScalarType? dtype)
            {
                var p = torch.nn.Parameter(torch.empty(shape, dtype, device));
                register_parameter(name, p);
                return p;
            }

            /// <summary>The number of features of each input element.</summary>
            public long input_size { get; }

            /// <summary>The number of features of the hidden state.</summary>
            public long hidden_size { get; }

            /// <summary>The number of stacked recurrent layers.</summary>
            public long num_layers { get; }

            /// <summary>Whether the layers learn the biases b_ih and b_hh.</summary>
            public bool bias { get; }

            /// <summary>Whether input and output are (batch, seq, feature) instead of (seq, batch, feature).</summary>
            public bool batch_first { get; }

            /// <summary>The dropout probability applied to each layer's output except the last, in training mode.</summary>
            public double dropout { get; }

            /// <summary>Whether each layer also runs over the reversed sequence.</summary>
            public bool bidirectional { get; }

            /// <summary>LSTM's projection size (0: no projection).</summary>
            public long proj_size { get; }

            private int Directions => bidirectional ? 2 : 1;

            private long RealHidden => proj_size > 0 ? proj_size : hidden_size;

            /// <summary>Each layer's and direction's parameters, in PyTorch's order (w_ih, w_hh, b_ih, b_hh, w_hr).</summary>
            public IReadOnlyList<IReadOnlyList<Modules.Parameter>> all_weights => _weights
                .Select(w => (IReadOnlyList<Modules.Parameter>)new[] { w.WeightIh, w.WeightHh, w.BiasIh, w.BiasHh, w.WeightHr }
                    .Where(p => p is not null).Select(p => p!).ToArray()).ToArray();

            /// <summary>Draws every parameter from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)), in registration order, as PyTorch does.</summary>
            public void reset_parameters()
            {
                double stdv = hidden_size > 0 ? 1.0 / Math.Sqrt(hidden_size) : 0;
                foreach (var p in parameters()) torch.nn.init.uniform_(p, -stdv, stdv);
            }

            /// <summary>A no-op kept for ported code: Flint's weights are always usable as they are.</summary>
            public void flatten_parameters() { }

            /// <inheritdoc/>
            public override string extra_repr()
            {
                var s = $"{input_size}, {hidden_size}";
                if (proj_size != 0) s += $", proj_size={proj_size}";
                if (num_layers != 1) s += $", num_layers={num_layers}";
                if (!bias) s += ", bias=False";
                if (batch_first) s += ", batch_first=True";
                if (dropout != 0) s += $", dropout={FormatFloat(dropout)}";
                if (bidirectional) s += ", bidirectional=True";
                return s;
            }

            // ------------------------------------------------------------------ forward machinery

            /// <summary>
            /// Runs the layers over a padded input, checking it as PyTorch does. <paramref name="hx"/> and
            /// <paramref name="cx"/> are the caller's initial states (null: zeros), already checked for rank.
            /// Returns the output in the input's layout and the final states (L·D, B, H) or (L·D, H) unbatched.
            /// </summary>
            private protected (Tensor output, Tensor hN, Tensor? cN) RunPadded(Tensor input, Tensor? hx, Tensor? cx)
            {
                bool batched = input.dim() == 3;
                var x = batched ? input : input.unsqueeze(batch_first ? 0 : 1);
                if (!batched)
                {
                    hx = hx?.unsqueeze(1);
                    cx = cx?.unsqueeze(1);
                }
                CheckInput(x, 3);
                long batch = x.size(batch_first ? 0 : 1), steps = x.size(batch_first ? 1 : 0);
                (hx, cx) = InitialStates(x, batch, hx, cx);
                var seqFirst = batch_first ? x.transpose(0, 1) : x;
                var data = seqFirst.reshape(steps * batch, input_size);
                var batchSizes = new long[steps];
                Array.Fill(batchSizes, batch);
                var (outData, hN, cN) = Run(data, batchSizes, hx, cx);
                var output = outData.view(steps, batch, outData.size(1));
                if (batch_first) output = output.transpose(0, 1);
                if (!batched)
                {
                    output = output.squeeze(batch_first ? 0 : 1);
                    hN = hN.squeeze(1);
                    cN = cN?.squeeze(1);
                }
                return (output, hN, cN);
            }

            /// <summary>Runs the layers over a packed batch; the initial and final states are in the caller's (unsorted) batch order.</summary>
            private protected (torch.nn.utils.rnn.PackedSequence output, Tensor hN, Tensor? cN) RunPacked(torch.nn.utils.rnn.PackedSequence input, Tensor? hx, Tensor? cx)
            {
                ArgumentNullException.ThrowIfNull(input);
                var data = input.data;
                CheckInput(data, 2);
                var batchSizes = input.BatchSizes;
                long batch = batchSizes[0];
                if (hx is not null && input.sorted_indices is { } sorted)
                {
                    hx = hx.index_select(1, sorted.to(hx.device));
                    cx = cx?.index_select(1, sorted.to(cx.device));
                }
                (hx, cx) = InitialStates(data, batch, hx, cx);
                var (outData, hN, cN) = Run(data, batchSizes, hx, cx);
                if (input.unsorted_indices is { } unsorted)
                {
                    hN = hN.index_select(1, unsorted.to(hN.device));
                    cN = cN?.index_select(1, unsorted.to(cN.device));
                }
                return (new torch.nn.utils.rnn.PackedSequence(outData, input.batch_sizes, input.sorted_indices, input.unsorted_indices), hN, cN);
            }

            private void CheckInput(Tensor x, int expectedDim)
            {
                if (x.dim() != expectedDim)
                    throw new ArgumentException($"input must have {expectedDim} dimensions, got {x.dim()}");
                if (x.size(-1) != input_size)
                    throw new ArgumentException($"input.size(-1) must be equal to input_size. Expected {input_size}, got {x.size(-1)}");
            }

            /// <summary>Zeros for missing states; PyTorch's size checks for given ones.</summary>
            private (Tensor hx, Tensor? cx) InitialStates(Tensor x, long batch, Tensor? hx, Tensor? cx)
            {
                long layers = num_layers * Directions;
                bool lstm = _mode == RecurrentMode.Lstm;
                if (hx is null)
                {
                    hx = torch.zeros([layers, batch, RealHidden], x.dtype, x.device);
                    return (hx, lstm ? torch.zeros([layers, batch, hidden_size], x.dtype, x.device) : null);
                }
                var expected = $"({layers}, {batch}, {RealHidden})";
                if (!SizeIs(hx, layers, batch, RealHidden))
                    throw new ArgumentException(string.Format(lstm ? "Expected hidden[0] size {0}, got {1}" : "Expected hidden size {0}, got {1}", expected, ListOf(hx)));
                if (lstm && !SizeIs(cx!, layers, batch, hidden_size))
                    throw new ArgumentException($"Expected hidden[1] size ({layers}, {batch}, {hidden_size}), got {ListOf(cx!)}");
                return (hx, cx);
            }

            private static bool SizeIs(Tensor t, long a, long b, long c) => t.dim() == 3 && t.size(0) == a && t.size(1) == b && t.size(2) == c;

            private static string ListOf(Tensor t) => "[" + string.Join(", ", t.shape) + "]";

            /// <summary>
            /// The stacked layers over packed data (N, features) whose step t holds batchSizes[t] rows (sorted
            /// non-increasing; a padded batch has them all equal). Each layer and direction projects its whole input
            /// with one GEMM, then steps through time with one GEMM against W_hh per step.
            /// </summary>
            private (Tensor output, Tensor hN, Tensor? cN) Run(Tensor data, long[] batchSizes, Tensor hx, Tensor? cx)
            {
                int directions = Directions;
                var finalH = new Tensor[num_layers * directions];
                var finalC = cx is null ? null : new Tensor[num_layers * directions];
                var layerInput = data;
                for (int layer = 0; layer < num_layers; layer++)
                {
                    var outputs = new Tensor[directions];
                    for (int dir = 0; dir < directions; dir++)
                    {
                        int index = layer * directions + dir;
                        var w = _weights[index];
                        var projected = torch.nn.functional.linear(layerInput, w.WeightIh, w.BiasIh);
                        var (output, h, c) = RunDirection(projected, batchSizes, hx.select(0, index), cx?.select(0, index), w, reverse: dir == 1);
                        outputs[dir] = output;
                        finalH[index] = h;
                        if (finalC is not null) finalC[index] = c!;
                    }
                    layerInput = directions == 1 ? outputs[0] : torch.cat(outputs, 1);
                    if (dropout > 0 && training && layer < num_layers - 1)
                        layerInput = torch.nn.functional.dropout(layerInput, dropout, training: true);
                }
                return (layerInput, torch.stack(finalH, 0), finalC is null ? null : torch.stack(finalC, 0));
            }

            /// <summary>
            /// One direction of one layer. Forward: a sequence that ends leaves the batch (its rows are the last ones)
            /// and its state is kept as final; reverse: a sequence joins the batch at its last step with its initial state.
            /// </summary>
            private (Tensor output, Tensor h, Tensor? c) RunDirection(Tensor projected, long[] batchSizes, Tensor h0, Tensor? c0, RecurrentWeights w, bool reverse)
            {
                int steps = batchSizes.Length;
                if (_mode == RecurrentMode.Lstm && w.WeightHr is null)
                {
                    // The common case, an LSTM without projection: the whole direction is one node (Ops/Recurrent.cs).
                    var withHiddenBias = w.BiasHh is null ? projected : projected.add(w.BiasHh);
                    return Ops.Recurrent.LstmLayer(withHiddenBias, batchSizes, h0, c0!, w.WeightHh, reverse);
                }
                if (_mode == RecurrentMode.Gru)
                {
                    // A GRU layer direction is one node as well (Ops/Recurrent.cs).
                    var (gruOutput, gruH) = Ops.Recurrent.GruLayer(projected, batchSizes, h0, w.WeightHh, w.BiasHh, reverse);
                    return (gruOutput, gruH, null);
                }
                var offsets = new long[steps];
                for (int t = 1; t < steps; t++) offsets[t] = offsets[t - 1] + batchSizes[t - 1];
                var outputs = new Tensor[steps];
                Tensor h, c;
                if (!reverse)
                {
                    h = h0;
                    c = c0!;
                    long current = batchSizes[0];
                    var doneH = new List<Tensor>();
                    var doneC = new List<Tensor>();
                    for (int t = 0; t < steps; t++)
                    {
                        long bs = batchSizes[t];
                        if (bs < current)
                        {
                            doneH.Add(h.narrow(0, bs, current - bs));
                            h = h.narrow(0, 0, bs);
                            if (c0 is not null)
                            {
                                doneC.Add(c.narrow(0, bs, current - bs));
                                c = c.narrow(0, 0, bs);
                            }
                            current = bs;
                        }
                        (h, c) = Step(projected.narrow(0, offsets[t], bs), h, c, w);
                        outputs[t] = h;
                    }
                    if (doneH.Count > 0)
                    {
                        doneH.Add(h);
                        doneH.Reverse();
                        h = torch.cat(doneH, 0);
                        if (c0 is not null)
                        {
                            doneC.Add(c);
                            doneC.Reverse();
                            c = torch.cat(doneC, 0);
                        }
                    }
                }
                else
                {
                    long current = batchSizes[steps - 1];
                    h = current == h0.size(0) ? h0 : h0.narrow(0, 0, current);
                    c = c0 is null ? null! : current == c0.size(0) ? c0 : c0.narrow(0, 0, current);
                    for (int t = steps - 1; t >= 0; t--)
                    {
                        long bs = batchSizes[t];
                        if (bs > current)
                        {
                            h = torch.cat([h, h0.narrow(0, current, bs - current)], 0);
                            if (c0 is not null) c = torch.cat([c, c0.narrow(0, current, bs - current)], 0);
                            current = bs;
                        }
                        (h, c) = Step(projected.narrow(0, offsets[t], bs), h, c, w);
                        outputs[t] = h;
                    }
                }
                return (steps == 1 ? outputs[0] : torch.cat(outputs, 0), h, c0 is null ? null : c);
            }

            private (Tensor h, Tensor c) Step(Tensor xi, Tensor h, Tensor c, RecurrentWeights w) => _mode switch
            {
                RecurrentMode.Lstm => RecurrentSteps.Lstm(xi, h, c, w),
                RecurrentMode.Gru => (RecurrentSteps.Gru(xi, h, w), c),
                _ => (RecurrentSteps.Rnn(xi, h, w, relu: _mode == RecurrentMode.RnnRelu), c),
            };

            /// <summary>PyTorch's rank check of an initial state against the input's batchedness.</summary>
            private protected static void CheckStateRank(Tensor input, Tensor hx)
            {
                if (input.dim() == 3 && hx.dim() != 3)
                    throw new ArgumentException($"For batched 3-D input, hx should also be 3-D but got {hx.dim()}-D tensor");
                if (input.dim() != 3 && hx.dim() != 2)
                    throw new ArgumentException($"For unbatched 2-D input, hx should also be 2-D but got {hx.dim()}-D tensor");
            }
        }
    }
}
