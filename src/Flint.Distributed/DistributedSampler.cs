namespace Flint.Distributed;

/// <summary>
/// PyTorch 1.13's <c>torch.utils.data.distributed.DistributedSampler</c>: each of <c>num_replicas</c> ranks takes every
/// <c>num_replicas</c>-th index, starting at its rank, of one order shared by all ranks: <c>randperm(n)</c> from a
/// generator seeded with <c>seed + epoch</c> (call <see cref="set_epoch"/> before each epoch), or 0..n-1 without
/// shuffling. The order is padded by repeating its start so every rank gets the same count, or with
/// <c>drop_last</c> cut to a multiple of the ranks. Same indices as PyTorch for the same seed and epoch.
/// </summary>
public sealed class DistributedSampler : torch.utils.data.Sampler<long>
{
    private readonly long _size;

    /// <summary>
    /// Samples a dataset of <paramref name="dataset_size"/> items for rank <paramref name="rank"/> of
    /// <paramref name="num_replicas"/> (both default to the default process group's).
    /// </summary>
    public DistributedSampler(long dataset_size, int? num_replicas = null, int? rank = null, bool shuffle = true, long seed = 0, bool drop_last = false)
    {
        if (num_replicas is null || rank is null)
        {
            if (!torch.distributed.is_initialized()) throw new InvalidOperationException("Requires distributed package to be available");
        }
        this.num_replicas = num_replicas ?? torch.distributed.get_world_size();
        this.rank = rank ?? torch.distributed.get_rank();
        if (this.rank >= this.num_replicas || this.rank < 0)
            throw new ArgumentException($"Invalid rank {this.rank}, rank should be in the interval [0, {this.num_replicas - 1}]");
        _size = dataset_size;
        this.shuffle = shuffle;
        this.seed = seed;
        this.drop_last = drop_last;
        num_samples = drop_last && _size % this.num_replicas != 0
            ? (long)Math.Ceiling((_size - this.num_replicas) / (double)this.num_replicas)
            : (long)Math.Ceiling(_size / (double)this.num_replicas);
        total_size = num_samples * this.num_replicas;
    }

    /// <summary>How many ranks share the dataset.</summary>
    public int num_replicas { get; }

    /// <summary>This sampler's rank.</summary>
    public int rank { get; }

    /// <summary>Whether the order is shuffled (per epoch).</summary>
    public bool shuffle { get; }

    /// <summary>The seed every rank shares; the shuffle of epoch e uses <c>seed + e</c>.</summary>
    public long seed { get; }

    /// <summary>Whether the tail is dropped rather than padded.</summary>
    public bool drop_last { get; }

    // PyTorch's `epoch` attribute: a C# property named epoch would reserve the name set_epoch.
    private long _epoch;

    /// <summary>How many indices this rank gets per epoch.</summary>
    public long num_samples { get; }

    /// <summary>The padded (or cut) length of the shared order.</summary>
    public long total_size { get; }

    /// <inheritdoc/>
    public override long Count => num_samples;

    /// <summary>Sets the epoch, so that each epoch shuffles differently and all ranks alike.</summary>
    public void set_epoch(long epoch) => _epoch = epoch;

    /// <inheritdoc/>
    public override IEnumerator<long> GetEnumerator()
    {
        long[] order = shuffle
            ? torch.randperm(_size, new torch.Generator(seed + _epoch)).data<long>()
            : Enumerable.Range(0, checked((int)_size)).Select(i => (long)i).ToArray();
        var indices = new List<long>(order);
        if (!drop_last)
        {
            long padding = total_size - indices.Count;
            for (long i = 0; i < padding && order.Length > 0; i++) indices.Add(order[i % order.Length]);
        }
        else if (indices.Count > total_size) indices.RemoveRange((int)total_size, indices.Count - (int)total_size);
        for (long i = rank; i < total_size; i += num_replicas) yield return indices[(int)i];
    }
}
