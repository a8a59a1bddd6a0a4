namespace Flint.Distributed.Tests;

/// <summary>cuda:0 tensors (ILGPU's CPU emulator without a GPU) go through pinned host buffers and come back to the device.</summary>
[Collection("mpirun")]
public class CudaStagingTests
{
    [Fact]
    public void CollectivesAndPointToPointOnCudaTensors()
    {
        var r = MpiRun.Run(2, "cuda");
        Assert.True(r.ExitCode == 0, r.Output);
        for (int rank = 0; rank < 2; rank++) Assert.Contains($"rank {rank}/2: cuda OK", r.Output);
    }
}
