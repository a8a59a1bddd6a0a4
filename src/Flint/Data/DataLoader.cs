using System.Runtime.ExceptionServices;
using static Flint.torch.utils.data;

namespace Flint.Data;

/// <summary>
/// PyTorch's <c>DataLoader</c>: iterates over a dataset in batches made by a collate function. Build one with
/// <c>torch.utils.data.DataLoader(training_data, batch_size: 64)</c> (which picks the default collation for the
/// sample type), or with this constructor and a collate function.
/// </summary>
/// <remarks>
/// Each pass draws one 64-bit seed from <see cref="generator"/> (PyTorch's <c>_base_seed</c>) before the
/// sampler runs, so the default generator advances exactly as PyTorch's does and shuffled orders match.
/// With <see cref="num_workers"/> &gt; 0, up to <c>2 * num_workers</c> batches are loaded ahead on background
/// threads (PyTorch's prefetch factor) and handed out in sampler order; an exception in a worker is
/// rethrown by the loop at that batch. Breaking out of a <c>foreach</c> waits for the batches in flight.
/// The workers are threads that share the default generator, so random transforms drawn inside them come in
/// thread order (PyTorch seeds each worker process with <c>base_seed + worker_id</c> instead); use
/// <c>num_workers: 0</c> for a repeatable augmented run. An iterable dataset is read on the iterating thread and
/// only its collation runs ahead.
/// </remarks>
public sealed class DataLoader<T, TBatch> : IEnumerable<TBatch>
{
    private readonly Dataset<T>? _map;
    private readonly IterableDataset<T>? _iterable;
    private readonly Func<IReadOnlyList<T>, TBatch> _collate;

    /// <summary>A loader over a map-style dataset.</summary>
    public DataLoader(Dataset<T> dataset, Func<IReadOnlyList<T>, TBatch> collate_fn, long batch_size = 1, bool shuffle = false,
        Sampler<long>? sampler = null, Sampler<long[]>? batch_sampler = null, int num_workers = 0, bool drop_last = false,
        torch.Generator? generator = null)
    {
        _map = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _collate = collate_fn ?? throw new ArgumentNullException(nameof(collate_fn));
        if (num_workers < 0) throw new ArgumentException("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
        if (sampler is not null && shuffle) throw new ArgumentException("sampler option is mutually exclusive with shuffle");
        if (batch_sampler is not null && (batch_size != 1 || shuffle || sampler is not null || drop_last))
            throw new ArgumentException("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last");
        this.sampler = sampler ?? (shuffle ? new RandomSampler(dataset.Count, generator: generator) : new SequentialSampler(dataset.Count));
        this.batch_sampler = batch_sampler ?? new BatchSampler(this.sampler, batch_size, drop_last);
        this.batch_size = batch_sampler is null ? batch_size : null;
        this.num_workers = num_workers;
        this.drop_last = drop_last;
        this.generator = generator;
    }

    /// <summary>A loader over an iterable-style dataset: consecutive samples are batched (no sampler, no shuffle).</summary>
    public DataLoader(IterableDataset<T> dataset, Func<IReadOnlyList<T>, TBatch> collate_fn, long batch_size = 1, int num_workers = 0,
        bool drop_last = false, torch.Generator? generator = null)
    {
        _iterable = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _collate = collate_fn ?? throw new ArgumentNullException(nameof(collate_fn));
        if (num_workers < 0) throw new ArgumentException("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
        if (batch_size <= 0) throw new ArgumentException($"batch_size should be a positive integer value, but got batch_size={batch_size}");
        this.batch_size = batch_size;
        this.num_workers = num_workers;
        this.drop_last = drop_last;
        this.generator = generator;
    }

    /// <summary>The map-style dataset, or null for an iterable one.</summary>
    public Dataset<T>? dataset => _map;

    /// <summary>The index sampler (null for an iterable dataset).</summary>
    public Sampler<long>? sampler { get; }

    /// <summary>The batch sampler (null for an iterable dataset).</summary>
    public Sampler<long[]>? batch_sampler { get; }

    /// <summary>Samples per batch (null when a batch sampler was given).</summary>
    public long? batch_size { get; }

    /// <summary>Background loaders; 0 loads on the iterating thread.</summary>
    public int num_workers { get; }

    /// <summary>Whether a short final batch is dropped.</summary>
    public bool drop_last { get; }

    /// <summary>The generator for shuffling and the per-pass seed (the default one when null).</summary>
    public torch.Generator? generator { get; }

    /// <summary>The number of batches per pass (<c>len(loader)</c>); only map-style datasets know it.</summary>
    public long Count => batch_sampler?.Count
        ?? throw new InvalidOperationException("len() of a DataLoader over an IterableDataset is unknown");

    /// <inheritdoc/>
    public IEnumerator<TBatch> GetEnumerator()
    {
        _ = torch.RandomInt64(generator);   // PyTorch's _BaseDataLoaderIter._base_seed, drawn before the sampler runs
        var indexBatches = _map is not null ? batch_sampler!.Select(ids => (Func<TBatch>)(() => Fetch(ids))) : IterableBatches();
        return num_workers == 0 ? Serial(indexBatches) : Prefetched(indexBatches, 2 * num_workers);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private TBatch Fetch(long[] ids)
    {
        var samples = new T[ids.Length];
        for (int k = 0; k < ids.Length; k++) samples[k] = _map![ids[k]];
        return _collate(samples);
    }

    // Iterable datasets are read on the iterating thread (the stream is sequential); collation may run ahead.
    private IEnumerable<Func<TBatch>> IterableBatches()
    {
        var buffer = new List<T>((int)batch_size!.Value);
        foreach (var sample in _iterable!)
        {
            buffer.Add(sample);
            if (buffer.Count == batch_size)
            {
                var full = buffer.ToArray();
                buffer.Clear();
                yield return () => _collate(full);
            }
        }
        if (buffer.Count > 0 && !drop_last)
        {
            var rest = buffer.ToArray();
            yield return () => _collate(rest);
        }
    }

    private static IEnumerator<TBatch> Serial(IEnumerable<Func<TBatch>> batches)
    {
        foreach (var load in batches) yield return load();
    }

    // Keeps up to `ahead` batches loading on the thread pool and yields them in order.
    private static IEnumerator<TBatch> Prefetched(IEnumerable<Func<TBatch>> batches, int ahead)
    {
        var inFlight = new Queue<Task<TBatch>>();
        using var source = batches.GetEnumerator();
        try
        {
            while (true)
            {
                while (inFlight.Count < ahead && source.MoveNext())
                {
                    var load = source.Current;
                    inFlight.Enqueue(Task.Run(load));
                }
                if (inFlight.Count == 0) yield break;
                var next = inFlight.Dequeue();
                TBatch batch;
                try { batch = next.GetAwaiter().GetResult(); }
                catch (Exception e) { ExceptionDispatchInfo.Capture(e).Throw(); throw; }
                yield return batch;
            }
        }
        finally
        {
            // An early break (or an exception) still waits for the loads in flight, so nothing touches the
            // dataset after the loop has left; their failures no longer matter.
            foreach (var task in inFlight)
            {
                try { task.Wait(); } catch (AggregateException) { }
            }
        }
    }
}
