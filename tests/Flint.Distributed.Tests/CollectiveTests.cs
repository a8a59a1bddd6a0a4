namespace Flint.Distributed.Tests;

/// <summary>
/// Every collective and point-to-point operation against its definition, for every dtype and reduce op, at
/// 2 and 3 ranks (the driver checks values on each rank and aborts the job on the first mismatch).
/// </summary>
[Collection("mpirun")] // one MPI job at a time: the machine has few cores
public class CollectiveTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryCollectiveMatchesItsDefinitionForEveryDTypeAndOp(int ranks)
    {
        var r = MpiRun.Run(ranks, "collectives");
        Assert.True(r.ExitCode == 0, r.Output);
        for (int rank = 0; rank < ranks; rank++) Assert.Contains($"rank {rank}/{ranks}: collectives OK", r.Output);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void PointToPointDeliversEveryDType(int ranks)
    {
        var r = MpiRun.Run(ranks, "p2p");
        Assert.True(r.ExitCode == 0, r.Output);
        for (int rank = 0; rank < ranks; rank++) Assert.Contains($"rank {rank}/{ranks}: p2p OK", r.Output);
    }
}
