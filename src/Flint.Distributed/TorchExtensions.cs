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
}
