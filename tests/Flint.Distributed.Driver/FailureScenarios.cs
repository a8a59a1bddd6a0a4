using Flint;

namespace Flint.Distributed.Driver;

/// <summary>Ranks that fail: the others must stop with a clear error, never hang.</summary>
internal static class FailureScenarios
{
    /// <summary>The last rank throws before a collective the others are already waiting in.</summary>
    public static int Throw()
    {
        var dist = torch.distributed;
        if (dist.get_rank() == dist.get_world_size() - 1)
            throw new InvalidOperationException("scenario failure: this rank threw on purpose");
        dist.all_reduce(torch.ones([4]));
        return 1;
    }

    /// <summary>The last rank never joins the collective (it sleeps): the others' watchdog must abort the job after the 3 s timeout.</summary>
    public static int Timeout()
    {
        var dist = torch.distributed;
        if (dist.get_rank() == dist.get_world_size() - 1)
        {
            Thread.Sleep(TimeSpan.FromSeconds(60));
            return 0;
        }
        dist.all_reduce(torch.ones([4]));
        return 1;
    }
}
