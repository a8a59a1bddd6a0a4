using Flint.Data;

namespace Flint;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>PyTorch's <c>DataLoader(dataset, ...)</c> over (tensor, label) samples (torchvision's datasets): batches of (images, int64 labels).</summary>
            public static DataLoader<(Tensor, long), (Tensor, Tensor)> DataLoader(Dataset<(Tensor, long)> dataset, long batch_size = 1, bool shuffle = false,
                Sampler<long>? sampler = null, Sampler<long[]>? batch_sampler = null, int num_workers = 0, bool drop_last = false, Generator? generator = null) =>
                new(dataset, default_collate, batch_size, shuffle, sampler, batch_sampler, num_workers, drop_last, generator);

            /// <summary>PyTorch's <c>DataLoader(dataset, ...)</c> over (tensor, tensor) samples: batches of two stacked tensors.</summary>
            public static DataLoader<(Tensor, Tensor), (Tensor, Tensor)> DataLoader(Dataset<(Tensor, Tensor)> dataset, long batch_size = 1, bool shuffle = false,
                Sampler<long>? sampler = null, Sampler<long[]>? batch_sampler = null, int num_workers = 0, bool drop_last = false, Generator? generator = null) =>
                new(dataset, default_collate, batch_size, shuffle, sampler, batch_sampler, num_workers, drop_last, generator);

            /// <summary>PyTorch's <c>DataLoader(dataset, ...)</c> over tensor samples: batches of one stacked tensor.</summary>
            public static DataLoader<Tensor, Tensor> DataLoader(Dataset<Tensor> dataset, long batch_size = 1, bool shuffle = false,
                Sampler<long>? sampler = null, Sampler<long[]>? batch_sampler = null, int num_workers = 0, bool drop_last = false, Generator? generator = null) =>
                new(dataset, default_collate, batch_size, shuffle, sampler, batch_sampler, num_workers, drop_last, generator);

            /// <summary>PyTorch's <c>DataLoader(dataset, ...)</c> over a <see cref="TensorDataset"/> (tensor-array samples): one stacked tensor per position.</summary>
            public static DataLoader<Tensor[], Tensor[]> DataLoader(Dataset<Tensor[]> dataset, long batch_size = 1, bool shuffle = false,
                Sampler<long>? sampler = null, Sampler<long[]>? batch_sampler = null, int num_workers = 0, bool drop_last = false, Generator? generator = null) =>
                new(dataset, default_collate, batch_size, shuffle, sampler, batch_sampler, num_workers, drop_last, generator);

            /// <summary>PyTorch's <c>DataLoader(dataset, ...)</c> over dictionary samples: one stacked tensor per key.</summary>
            public static DataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>> DataLoader(Dataset<Dictionary<string, Tensor>> dataset, long batch_size = 1,
                bool shuffle = false, Sampler<long>? sampler = null, Sampler<long[]>? batch_sampler = null, int num_workers = 0, bool drop_last = false,
                Generator? generator = null) =>
                new(dataset, default_collate, batch_size, shuffle, sampler, batch_sampler, num_workers, drop_last, generator);

            /// <summary>PyTorch's <c>DataLoader(dataset, ..., collate_fn=...)</c> for any sample type: <paramref name="collate_fn"/> makes each batch.</summary>
            public static DataLoader<T, TBatch> DataLoader<T, TBatch>(Dataset<T> dataset, Func<IReadOnlyList<T>, TBatch> collate_fn, long batch_size = 1,
                bool shuffle = false, Sampler<long>? sampler = null, Sampler<long[]>? batch_sampler = null, int num_workers = 0, bool drop_last = false,
                Generator? generator = null) =>
                new(dataset, collate_fn, batch_size, shuffle, sampler, batch_sampler, num_workers, drop_last, generator);

            /// <summary>PyTorch's <c>DataLoader(iterable_dataset, ..., collate_fn=...)</c>: consecutive samples batched by <paramref name="collate_fn"/>.</summary>
            public static DataLoader<T, TBatch> DataLoader<T, TBatch>(IterableDataset<T> dataset, Func<IReadOnlyList<T>, TBatch> collate_fn, long batch_size = 1,
                int num_workers = 0, bool drop_last = false, Generator? generator = null) =>
                new(dataset, collate_fn, batch_size, num_workers, drop_last, generator);

            /// <summary>PyTorch's <c>DataLoader(iterable_dataset, ...)</c> over tensor samples.</summary>
            public static DataLoader<Tensor, Tensor> DataLoader(IterableDataset<Tensor> dataset, long batch_size = 1, int num_workers = 0,
                bool drop_last = false, Generator? generator = null) =>
                new(dataset, default_collate, batch_size, num_workers, drop_last, generator);

            /// <summary>
            /// PyTorch's <c>random_split(dataset, lengths, generator)</c>: non-overlapping <see cref="Subset{T}"/>s of the
            /// given lengths, cut from one <c>randperm</c> of the whole dataset.
            /// </summary>
            public static Subset<T>[] random_split<T>(Dataset<T> dataset, IReadOnlyList<long> lengths, Generator? generator = null)
            {
                long total = 0;
                foreach (var l in lengths)
                {
                    if (l < 0) throw new ArgumentException($"random_split: lengths must be non-negative, got {l}");
                    total += l;
                }
                if (total != dataset.Count) throw new ArgumentException("Sum of input lengths does not equal the length of the input dataset!");
                var indices = (generator is null ? randperm(total) : randperm(total, generator)).data<long>().ToArray();
                var parts = new Subset<T>[lengths.Count];
                long offset = 0;
                for (int i = 0; i < parts.Length; i++)
                {
                    parts[i] = new Subset<T>(dataset, indices[(int)offset..(int)(offset + lengths[i])]);
                    offset += lengths[i];
                }
                return parts;
            }

            /// <summary>
            /// <c>random_split</c> with fractions that sum to 1: each split gets <c>floor(fraction * len)</c> samples and
            /// the remainder is dealt one by one from the first split on, as PyTorch 1.13 does.
            /// </summary>
            public static Subset<T>[] random_split<T>(Dataset<T> dataset, IReadOnlyList<double> fractions, Generator? generator = null)
            {
                double sum = fractions.Sum();
                if (!(Math.Abs(sum - 1) <= 1e-9 * Math.Max(1, Math.Abs(sum)) && sum <= 1))
                    throw new ArgumentException("Sum of input lengths does not equal the length of the input dataset!");
                var lengths = new long[fractions.Count];
                for (int i = 0; i < lengths.Length; i++)
                {
                    if (fractions[i] is < 0 or > 1) throw new ArgumentException($"Fraction at index {i} is not between 0 and 1");
                    lengths[i] = (long)Math.Floor(dataset.Count * fractions[i]);
                }
                long remainder = dataset.Count - lengths.Sum();
                for (long i = 0; i < remainder; i++) lengths[i % lengths.Length]++;
                return random_split(dataset, lengths, generator);
            }
        }
    }
}
