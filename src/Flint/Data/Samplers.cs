namespace Flint;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>PyTorch's <c>Sampler</c>: an order of dataset indices (or of index batches), with a length.</summary>
            public abstract class Sampler<T> : IEnumerable<T>
            {
                /// <summary>How many items one pass yields (<c>len(sampler)</c>).</summary>
                public abstract long Count { get; }

                /// <summary>One pass (<c>__iter__</c>); random samplers draw afresh on every pass.</summary>
                public abstract IEnumerator<T> GetEnumerator();

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }

            /// <summary>PyTorch's <c>SequentialSampler</c>: 0, 1, ..., n-1.</summary>
            public sealed class SequentialSampler : Sampler<long>
            {
                private readonly long _size;

                /// <summary>Samples every index of a dataset of <paramref name="size"/> samples in order.</summary>
                public SequentialSampler(long size) => _size = size;

                /// <inheritdoc/>
                public override long Count => _size;

                /// <inheritdoc/>
                public override IEnumerator<long> GetEnumerator()
                {
                    for (long i = 0; i < _size; i++) yield return i;
                }
            }

            /// <summary>
            /// PyTorch 1.13's <c>RandomSampler</c>: without a generator each pass seeds a fresh one from the default
            /// generator, then takes <c>randperm(n)</c> (or, with replacement, <c>randint</c> in blocks of 32), so a
            /// seeded program shuffles exactly as PyTorch does.
            /// </summary>
            public sealed class RandomSampler : Sampler<long>
            {
                private readonly long _size;
                private readonly long? _numSamples;

                /// <summary>Samples the indices of a dataset of <paramref name="size"/> samples in random order.</summary>
                public RandomSampler(long size, bool replacement = false, long? num_samples = null, Generator? generator = null)
                {
                    _size = size;
                    _numSamples = num_samples;
                    this.replacement = replacement;
                    this.generator = generator;
                    if (Count <= 0) throw new ArgumentException($"num_samples should be a positive integer value, but got num_samples={Count}");
                }

                /// <summary>Whether indices are drawn with replacement.</summary>
                public bool replacement { get; }

                /// <summary>The generator drawn from; null draws a seed from the default generator per pass.</summary>
                public Generator? generator { get; }

                /// <summary>How many indices one pass yields.</summary>
                public long num_samples => _numSamples ?? _size;

                /// <inheritdoc/>
                public override long Count => num_samples;

                /// <inheritdoc/>
                public override IEnumerator<long> GetEnumerator()
                {
                    long n = _size;
                    var g = generator ?? new Generator(RandomInt64(null));
                    if (replacement)
                    {
                        for (long b = 0; b < num_samples / 32; b++)
                            foreach (var i in randint(0, n, [32], g).data<long>().ToArray()) yield return i;
                        foreach (var i in randint(0, n, [num_samples % 32], g).data<long>().ToArray()) yield return i;
                    }
                    else
                    {
                        for (long b = 0; b < num_samples / n; b++)
                            foreach (var i in randperm(n, g).data<long>().ToArray()) yield return i;
                        var last = randperm(n, g).data<long>().ToArray();
                        for (long k = 0; k < num_samples % n; k++) yield return last[k];
                    }
                }
            }

            /// <summary>PyTorch's <c>SubsetRandomSampler</c>: the given indices in a random order (<c>randperm</c>).</summary>
            public sealed class SubsetRandomSampler : Sampler<long>
            {
                /// <summary>Samples <paramref name="indices"/> in random order.</summary>
                public SubsetRandomSampler(IReadOnlyList<long> indices, Generator? generator = null)
                {
                    this.indices = indices;
                    this.generator = generator;
                }

                /// <summary>The indices sampled.</summary>
                public IReadOnlyList<long> indices { get; }

                /// <summary>The generator drawn from (the default one when null).</summary>
                public Generator? generator { get; }

                /// <inheritdoc/>
                public override long Count => indices.Count;

                /// <inheritdoc/>
                public override IEnumerator<long> GetEnumerator()
                {
                    var order = generator is null ? randperm(indices.Count) : randperm(indices.Count, generator);
                    foreach (var i in order.data<long>().ToArray()) yield return indices[(int)i];
                }
            }

            /// <summary>PyTorch's <c>WeightedRandomSampler</c>: indices drawn with probabilities proportional to <see cref="weights"/> (<c>torch.multinomial</c>).</summary>
            public sealed class WeightedRandomSampler : Sampler<long>
            {
                /// <summary>Draws <paramref name="num_samples"/> indices in [0, weights.Count).</summary>
                public WeightedRandomSampler(IReadOnlyList<double> weights, long num_samples, bool replacement = true, Generator? generator = null)
                {
                    if (num_samples <= 0) throw new ArgumentException($"num_samples should be a positive integer value, but got num_samples={num_samples}");
                    this.weights = torch.tensor(weights.ToArray(), dtype: ScalarType.Float64);
                    this.num_samples = num_samples;
                    this.replacement = replacement;
                    this.generator = generator;
                }

                /// <summary>The weights as a float64 tensor.</summary>
                public Tensor weights { get; }

                /// <summary>How many indices one pass yields.</summary>
                public long num_samples { get; }

                /// <summary>Whether indices are drawn with replacement.</summary>
                public bool replacement { get; }

                /// <summary>The generator drawn from (the default one when null).</summary>
                public Generator? generator { get; }

                /// <inheritdoc/>
                public override long Count => num_samples;

                /// <inheritdoc/>
                public override IEnumerator<long> GetEnumerator()
                {
                    foreach (var i in multinomial(weights, num_samples, replacement, generator).data<long>().ToArray()) yield return i;
                }
            }

            /// <summary>PyTorch's <c>BatchSampler</c>: groups another sampler's indices into batches of <see cref="batch_size"/>.</summary>
            public sealed class BatchSampler : Sampler<long[]>
            {
                /// <summary>Batches <paramref name="sampler"/>; <paramref name="drop_last"/> drops a short final batch.</summary>
                public BatchSampler(Sampler<long> sampler, long batch_size, bool drop_last)
                {
                    if (batch_size <= 0) throw new ArgumentException($"batch_size should be a positive integer value, but got batch_size={batch_size}");
                    this.sampler = sampler;
                    this.batch_size = batch_size;
                    this.drop_last = drop_last;
                }

                /// <summary>The index sampler.</summary>
                public Sampler<long> sampler { get; }

                /// <summary>Indices per batch.</summary>
                public long batch_size { get; }

                /// <summary>Whether a short final batch is dropped.</summary>
                public bool drop_last { get; }

                /// <inheritdoc/>
                public override long Count => drop_last ? sampler.Count / batch_size : (sampler.Count + batch_size - 1) / batch_size;

                /// <inheritdoc/>
                public override IEnumerator<long[]> GetEnumerator()
                {
                    var batch = new List<long>((int)batch_size);
                    foreach (var i in sampler)
                    {
                        batch.Add(i);
                        if (batch.Count == batch_size)
                        {
                            yield return batch.ToArray();
                            batch.Clear();
                        }
                    }
                    if (batch.Count > 0 && !drop_last) yield return batch.ToArray();
                }
            }
        }
    }
}
