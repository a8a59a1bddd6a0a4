namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Helpers around modules (PyTorch's <c>torch.nn.utils</c>).</summary>
        public static partial class utils
        {
            /// <summary>Padding and packing of variable-length sequences for the recurrent layers (PyTorch's <c>torch.nn.utils.rnn</c>).</summary>
            public static partial class rnn
            {
                /// <summary>
                /// Stacks sequences of shape (L_i, *) into (max L, B, *) ((B, max L, *) with <paramref name="batch_first"/>),
                /// filling the tail of shorter ones with <paramref name="padding_value"/>. Differentiable.
                /// </summary>
                public static Tensor pad_sequence(IEnumerable<Tensor> sequences, bool batch_first = false, double padding_value = 0.0)
                {
                    ArgumentNullException.ThrowIfNull(sequences);
                    var list = sequences.ToList();
                    if (list.Count == 0) throw new ArgumentException("received an empty list of sequences");
                    long maxLength = list.Max(s => s.size(0));
                    var padded = list.Select(s =>
                    {
                        long length = s.size(0);
                        if (length == maxLength) return s;
                        var shape = s.shape;
                        shape[0] = maxLength - length;
                        return torch.cat([s, torch.full(shape, padding_value, s.dtype, s.device)], 0);
                    }).ToList();
                    return torch.stack(padded, batch_first ? 0 : 1);
                }

                /// <summary>
                /// Packs a padded batch (T, B, *) ((B, T, *) with <paramref name="batch_first"/>) of sequences with the given
                /// <paramref name="lengths"/>. With <paramref name="enforce_sorted"/> the lengths must be non-increasing;
                /// otherwise the batch is sorted and the permutation kept in the result. Differentiable in the input.
                /// </summary>
                public static PackedSequence pack_padded_sequence(Tensor input, Tensor lengths, bool batch_first = false, bool enforce_sorted = true)
                {
                    ArgumentNullException.ThrowIfNull(lengths);
                    return pack_padded_sequence(input, lengths.to(ScalarType.Int64).cpu().data<long>(), batch_first, enforce_sorted);
                }

                /// <summary>Packs a padded batch given its lengths as an array (see <see cref="pack_padded_sequence(Tensor, Tensor, bool, bool)"/>).</summary>
                public static PackedSequence pack_padded_sequence(Tensor input, long[] lengths, bool batch_first = false, bool enforce_sorted = true)
                {
                    ArgumentNullException.ThrowIfNull(input);
                    ArgumentNullException.ThrowIfNull(lengths);
                    int batchDim = batch_first ? 0 : 1;
                    if (input.dim() < 2) throw new ArgumentException($"pack_padded_sequence: expected an input of at least 2 dimensions, got {input.dim()}");
                    if (lengths.Length != input.size(batchDim))
                        throw new ArgumentException($"Expected `len(lengths)` to be equal to batch_size, but got {lengths.Length} (batch_size={input.size(batchDim)})");
                    Tensor? sortedIndices = null, unsortedIndices = null;
                    long[] sortedLengths = lengths;
                    if (enforce_sorted)
                    {
                        for (int i = 1; i < lengths.Length; i++)
                            if (lengths[i] > lengths[i - 1])
                                throw new ArgumentException("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.");
                    }
                    else
                    {
                        var order = Enumerable.Range(0, lengths.Length).OrderByDescending(i => lengths[i]).Select(i => (long)i).ToArray();
                        var inverse = new long[order.Length];
                        for (int i = 0; i < order.Length; i++) inverse[order[i]] = i;
                        sortedLengths = order.Select(i => lengths[i]).ToArray();
                        sortedIndices = torch.tensor(order);
                        unsortedIndices = torch.tensor(inverse);
                        input = input.index_select(batchDim, sortedIndices.to(input.device));
                    }
                    if (sortedLengths.Length == 0 || sortedLengths[^1] <= 0)
                        throw new ArgumentException("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0");
                    var seqFirst = batch_first ? input.transpose(0, 1) : input;
                    if (sortedLengths[0] > seqFirst.size(0))
                        throw new ArgumentException($"pack_padded_sequence: a length of {sortedLengths[0]} exceeds the padded length {seqFirst.size(0)}");
                    var batchSizes = new long[sortedLengths[0]];
                    var rows = new Tensor[batchSizes.Length];
                    for (int t = 0; t < batchSizes.Length; t++)
                    {
                        batchSizes[t] = sortedLengths.Count(l => l > t);
                        var step = seqFirst.select(0, t);
                        rows[t] = batchSizes[t] == step.size(0) ? step : step.narrow(0, 0, batchSizes[t]);
                    }
                    return new PackedSequence(torch.cat(rows, 0), torch.tensor(batchSizes), sortedIndices, unsortedIndices);
                }

                /// <summary>
                /// Unpacks <paramref name="sequence"/> into a padded (T, B, *) tensor ((B, T, *) with <paramref name="batch_first"/>)
                /// in the caller's batch order, padded with <paramref name="padding_value"/> to the longest sequence or to
                /// <paramref name="total_length"/>. Returns the padded tensor and the lengths (int64, CPU). Differentiable.
                /// </summary>
                public static (Tensor, Tensor) pad_packed_sequence(PackedSequence sequence, bool batch_first = false, double padding_value = 0.0, long? total_length = null)
                {
                    ArgumentNullException.ThrowIfNull(sequence);
                    var batchSizes = sequence.BatchSizes;
                    int steps = batchSizes.Length;
                    long batch = batchSizes[0];
                    if (total_length is { } total && total < steps)
                        throw new ArgumentException($"Expected total_length to be at least the length of the longest sequence in input, but got total_length={total} and max sequence length being {steps}");
                    var data = sequence.data;
                    var rowShape = data.shape;
                    var rows = new Tensor[total_length ?? steps];
                    long offset = 0;
                    for (int t = 0; t < steps; t++)
                    {
                        var step = data.narrow(0, offset, batchSizes[t]);
                        offset += batchSizes[t];
                        if (batchSizes[t] < batch)
                        {
                            rowShape[0] = batch - batchSizes[t];
                            step = torch.cat([step, torch.full(rowShape, padding_value, data.dtype, data.device)], 0);
                        }
                        rows[t] = step;
                    }
                    rowShape[0] = batch;
                    for (int t = steps; t < rows.Length; t++) rows[t] = torch.full(rowShape, padding_value, data.dtype, data.device);
                    var padded = torch.stack(rows, 0);
                    var lengths = new long[batch];
                    for (int b = 0; b < batch; b++) lengths[b] = batchSizes.Count(s => s > b);
                    if (sequence.unsorted_indices is { } unsorted)
                    {
                        padded = padded.index_select(1, unsorted.to(padded.device));
                        var order = unsorted.cpu().data<long>();
                        lengths = order.Select(i => lengths[i]).ToArray();
                    }
                    return (batch_first ? padded.transpose(0, 1) : padded, torch.tensor(lengths));
                }

                /// <summary>Packs a list of sequences (L_i, *): <c>pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted)</c>.</summary>
                public static PackedSequence pack_sequence(IEnumerable<Tensor> sequences, bool enforce_sorted = true)
                {
                    ArgumentNullException.ThrowIfNull(sequences);
                    var list = sequences.ToList();
                    return pack_padded_sequence(pad_sequence(list), list.Select(s => s.size(0)).ToArray(), enforce_sorted: enforce_sorted);
                }
            }
        }
    }
}
