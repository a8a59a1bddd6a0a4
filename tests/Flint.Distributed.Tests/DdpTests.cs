namespace Flint.Distributed.Tests;

/// <summary>
/// DistributedDataParallel: N ranks with batch B give the weights of one process with batch N·B after each of k
/// steps (SGD with momentum, Adam; one bucket and many), no_sync accumulation, find_unused_parameters, and
/// PyTorch's error for an unused parameter without it.
/// </summary>
[Collection("mpirun")]
public class DdpTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void DdpMatchesOneProcessOnTheWholeBatch(int ranks)
    {
        var r = MpiRun.Run(ranks, "ddp");
        Assert.True(r.ExitCode == 0, r.Output);
        for (int rank = 0; rank < ranks; rank++) Assert.Contains($"rank {rank}/{ranks}: ddp OK", r.Output);
    }
}
