namespace Flint;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>PyTorch's <c>Subset</c>: the samples of <see cref="dataset"/> at <see cref="indices"/>.</summary>
            public sealed class Subset<T> : Dataset<T>
            {
                /// <summary>Selects <paramref name="indices"/> of <paramref name="dataset"/>.</summary>
                public Subset(Dataset<T> dataset, IReadOnlyList<long> indices)
                {
                    this.dataset = dataset;
                    this.indices = indices;
                }

                /// <summary>The whole dataset.</summary>
                public Dataset<T> dataset { get; }

                /// <summary>The selected indices, in order.</summary>
                public IReadOnlyList<long> indices { get; }

                /// <inheritdoc/>
                public override long Count => indices.Count;

                /// <inheritdoc/>
                public override T this[long index]
                {
                    get
                    {
                        if (index < 0) index += indices.Count;
                        if (index < 0 || index >= indices.Count)
                            throw new IndexOutOfRangeException($"index {index} is out of range for a Subset of {indices.Count} samples");
                        return dataset[indices[(int)index]];
                    }
                }
            }
        }
    }
}
