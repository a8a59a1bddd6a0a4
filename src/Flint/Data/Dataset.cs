namespace Flint;

public static partial class torch
{
    /// <summary>PyTorch's <c>torch.utils</c>.</summary>
    public static partial class utils
    {
        /// <summary>PyTorch's <c>torch.utils.data</c>: datasets, samplers and the <c>DataLoader</c>.</summary>
        public static partial class data
        {
            /// <summary>
            /// A map-style dataset, as PyTorch's <c>Dataset</c>: <see cref="Count"/> is <c>__len__</c> and the
            /// indexer is <c>__getitem__</c>. <c>a + b</c> concatenates, as in PyTorch.
            /// </summary>
            /// <typeparam name="T">The type of one sample, e.g. <c>(Tensor, long)</c> for (image, label).</typeparam>
            public abstract class Dataset<T>
            {
                /// <summary>The number of samples (<c>len(dataset)</c>).</summary>
                public abstract long Count { get; }

                /// <summary>The sample at <paramref name="index"/> (<c>dataset[index]</c>).</summary>
                public abstract T this[long index] { get; }

                /// <summary>TorchSharp's spelling of the indexer.</summary>
                public T GetTensor(long index) => this[index];

                /// <summary><c>a + b</c>: a <see cref="ConcatDataset{T}"/> of the two, as PyTorch's <c>Dataset.__add__</c>.</summary>
                public static ConcatDataset<T> operator +(Dataset<T> a, Dataset<T> b) => new([a, b]);
            }

            /// <summary>
            /// An iterable-style dataset, as PyTorch's <c>IterableDataset</c>: samples come from an enumerator
            /// (streams, generated data) instead of an index.
            /// </summary>
            public abstract class IterableDataset<T> : IEnumerable<T>
            {
                /// <summary>The samples, in order (<c>__iter__</c>).</summary>
                public abstract IEnumerator<T> GetEnumerator();

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }
        }
    }
}
