namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class utils
        {
            public static partial class rnn
            {
                /// <summary>
                /// A batch of variable-length sequences packed time step by time step (PyTorch's <c>PackedSequence</c>):
                /// <see cref="data"/> holds step 0 of every sequence, then step 1 of those still running, and so on;
                /// <see cref="batch_sizes"/> says how many rows each step has. Sequences are sorted by decreasing length;
                /// <see cref="sorted_indices"/> maps that order to the caller's and <see cref="unsorted_indices"/> back.
                /// Make one with <see cref="pack_padded_sequence(Tensor, Tensor, bool, bool)"/> or <see cref="pack_sequence"/>.
                /// </summary>
                public sealed class PackedSequence : IDisposable
                {
                    internal PackedSequence(Tensor data, Tensor batchSizes, Tensor? sortedIndices, Tensor? unsortedIndices)
                    {
                        this.data = data;
                        batch_sizes = batchSizes;
                        sorted_indices = sortedIndices;
                        unsorted_indices = unsortedIndices;
                        BatchSizes = batchSizes.data<long>();
                    }

                    /// <summary>The packed rows: (sum of lengths, *features).</summary>
                    public Tensor data { get; }

                    /// <summary>The number of sequences still running at each time step (int64, on the CPU).</summary>
                    public Tensor batch_sizes { get; }

                    /// <summary>The caller's index of each sorted sequence, or null when the input was already sorted.</summary>
                    public Tensor? sorted_indices { get; }

                    /// <summary>The sorted position of each of the caller's sequences (the inverse of <see cref="sorted_indices"/>), or null.</summary>
                    public Tensor? unsorted_indices { get; }

                    /// <summary><see cref="batch_sizes"/> read once on the host.</summary>
                    internal long[] BatchSizes { get; }

                    /// <summary>Whether the data lives on a CUDA device.</summary>
                    public bool is_cuda => data.device.type == DeviceType.CUDA;

                    /// <summary>This packed batch with its data (and indices) moved to <paramref name="device"/>; batch_sizes stay on the CPU.</summary>
                    public PackedSequence to(Device device) =>
                        new(data.to(device), batch_sizes, sorted_indices?.to(device), unsorted_indices?.to(device));

                    /// <summary>PyTorch's repr: <c>PackedSequence(data=tensor(...), batch_sizes=tensor([...]), sorted_indices=None, unsorted_indices=None)</c>.</summary>
                    public override string ToString() =>
                        $"PackedSequence(data={data}, batch_sizes={batch_sizes}, sorted_indices={sorted_indices?.ToString() ?? "None"}, unsorted_indices={unsorted_indices?.ToString() ?? "None"})";

                    /// <summary>Releases nothing eagerly (memory is managed); present for TorchSharp-style <c>using</c>.</summary>
                    public void Dispose() { }
                }
            }
        }
    }
}
