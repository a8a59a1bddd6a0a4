using Flint.Distributed.Mpi;

namespace Flint.Distributed;

/// <summary>
/// PyTorch's <c>ProcessGroup</c>: a set of ranks that run collectives together, over one MPI communicator.
/// The default group (<c>group: null</c> everywhere) is every rank of the job; <c>new_group</c> makes others.
/// </summary>
public sealed class ProcessGroup
{
    internal ProcessGroup(nint communicator, int[] globalRanks, int rank)
    {
        Communicator = communicator;
        GlobalRanks = globalRanks;
        GroupRank = rank;
    }

    /// <summary>The MPI communicator (<c>MPI_COMM_NULL</c> on ranks outside the group).</summary>
    internal nint Communicator { get; set; }

    /// <summary>The world rank of each group rank.</summary>
    internal int[] GlobalRanks { get; }

    /// <summary>This process's rank in the group, -1 when it is not a member.</summary>
    internal int GroupRank { get; }

    internal bool Destroyed { get; set; }

    /// <summary>This process's rank in the group (-1 when it is not a member).</summary>
    public int rank() => GroupRank;

    /// <summary>How many ranks the group has.</summary>
    public int size() => GlobalRanks.Length;

    /// <summary>Whether this process belongs to the group.</summary>
    public bool is_member => GroupRank >= 0;

    /// <summary>The group rank of world rank <paramref name="globalRank"/>, with PyTorch's error when it is outside the group.</summary>
    internal int ToGroupRank(int globalRank)
    {
        int r = Array.IndexOf(GlobalRanks, globalRank);
        if (r < 0) throw new ArgumentException($"The global rank {globalRank} is not part of the group {this}");
        return r;
    }

    /// <inheritdoc/>
    public override string ToString() => $"ProcessGroup(ranks=[{string.Join(", ", GlobalRanks)}])";

    internal static int WorldRank => MpiThread.Instance.WorldRank;
}
