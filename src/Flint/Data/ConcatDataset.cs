namespace Flint;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>PyTorch's <c>ConcatDataset</c>: several datasets one after another.</summary>
            public sealed class ConcatDataset<T> : Dataset<T>
            {
                private readonly Dataset<T>[] _datasets;
                private readonly long[] _cumulativeSizes;

                /// <summary>Concatenates <paramref name="datasets"/> (at least one).</summary>
                public ConcatDataset(IEnumerable<Dataset<T>> datasets)
                {
                    _datasets = datasets.ToArray();
                    if (_datasets.Length == 0) throw new ArgumentException("datasets should not be an empty iterable");
                    _cumulativeSizes = new long[_datasets.Length];
                    long total = 0;
                    for (int i = 0; i < _datasets.Length; i++) _cumulativeSizes[i] = total += _datasets[i].Count;
                }

                /// <summary>The concatenated datasets.</summary>
                public IReadOnlyList<Dataset<T>> datasets => _datasets;

                /// <summary>Running totals of the sizes, as PyTorch's <c>cumulative_sizes</c>.</summary>
                public IReadOnlyList<long> cumulative_sizes => _cumulativeSizes;

                /// <inheritdoc/>
                public override long Count => _cumulativeSizes[^1];

                /// <inheritdoc/>
                public override T this[long index]
                {
                    get
                    {
                        if (index < 0)
                        {
                            if (-index > Count) throw new ArgumentException("absolute value of index should not exceed dataset length");
                            index += Count;
                        }
                        if (index >= Count) throw new IndexOutOfRangeException($"index {index} is out of range for a ConcatDataset of {Count} samples");
                        int which = 0;   // bisect_right: the first dataset whose running total exceeds index (skips empty ones)
                        while (_cumulativeSizes[which] <= index) which++;
                        long start = which == 0 ? 0 : _cumulativeSizes[which - 1];
                        return _datasets[which][index - start];
                    }
                }
            }
        }
    }
}
