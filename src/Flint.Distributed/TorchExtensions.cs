namespace Flint.Distributed;

/// <summary>
/// PyTorch's spelling from another assembly: C# 14 extension members add <c>torch.distributed</c>,
/// <c>torch.nn.parallel</c> and <c>torch.utils.data.DistributedSampler</c> to Flint's static <c>torch</c> classes
/// (bring them in with <c>using Flint.Distributed;</c>). Extension members cannot add nested classes, so
/// <c>torch.distributed</c> is a property returning the <see cref="DistributedApi"/> object whose methods are
/// PyTorch's functions; <see cref="ReduceOp"/> is a top-level enum of this namespace.
/// </summary>
public static class TorchDistributedExtensions
{
    extension(torch)
    {
        /// <summary>PyTorch's <c>torch.distributed</c> package over MPI (<c>var dist = torch.distributed;</c> reads as <c>import torch.distributed as dist</c>).</summary>
        public static DistributedApi distributed => DistributedApi.Instance;
    }

    extension(torch.nn)
    {
        /// <summary>PyTorch's <c>torch.nn.parallel</c>: <c>torch.nn.parallel.DistributedDataParallel(model)</c>.</summary>
        public static ParallelApi parallel => ParallelApi.Instance;
    }

    extension(torch.utils.data)
    {
        /// <summary>PyTorch's <c>DistributedSampler(dataset, ...)</c>: this rank's share of <paramref name="dataset"/>; see <see cref="Distributed.DistributedSampler"/>.</summary>
        public static DistributedSampler DistributedSampler<T>(torch.utils.data.Dataset<T> dataset, int? num_replicas = null, int? rank = null,
            bool shuffle = true, long seed = 0, bool drop_last = false) =>
            new(dataset.Count, num_replicas, rank, shuffle, seed, drop_last);
    }
}

/// <summary>PyTorch's <c>torch.nn.parallel</c> (reach it as <c>torch.nn.parallel</c> or <c>nn.parallel</c>).</summary>
public sealed class ParallelApi
{
    internal static readonly ParallelApi Instance = new();

    private ParallelApi() { }

    /// <summary>PyTorch's <c>DistributedDataParallel(module, ...)</c>; see <see cref="Distributed.DistributedDataParallel"/>.</summary>
    public DistributedDataParallel DistributedDataParallel(torch.nn.Module<Tensor, Tensor> module, int[]? device_ids = null, int? output_device = null,
        bool broadcast_buffers = true, ProcessGroup? process_group = null, double bucket_cap_mb = 25, bool find_unused_parameters = false) =>
        new(module, device_ids, output_device, broadcast_buffers, process_group, bucket_cap_mb, find_unused_parameters);
}
