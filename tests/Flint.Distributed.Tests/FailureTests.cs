namespace Flint.Distributed.Tests;

/// <summary>A failing rank stops the whole job with a clear error instead of leaving the others hanging.</summary>
[Collection("mpirun")] // one MPI job at a time: the machine has few cores
public class FailureTests
{
    [Fact]
    public void ARankThatThrowsAbortsTheOthers()
    {
        var r = MpiRun.Run(2, "throw");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("rank 1 failed with an unhandled exception", r.Output);
        Assert.Contains("this rank threw on purpose", r.Output);
        Assert.DoesNotContain("throw OK", r.Output);
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(60), $"took {r.Elapsed}");
    }

    [Fact]
    public void ARankThatNeverJoinsACollectiveTimesOutTheOthers()
    {
        var r = MpiRun.Run(3, "timeout");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("all_reduce did not complete within the process group's timeout (00:00:03)", r.Output);
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(45), $"took {r.Elapsed}");
    }
}
