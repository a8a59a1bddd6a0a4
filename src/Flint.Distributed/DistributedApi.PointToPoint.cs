using Flint.Distributed.Mpi;

namespace Flint.Distributed;

public sealed partial class DistributedApi
{
    /// <summary>PyTorch's <c>isend</c>: starts sending <paramref name="tensor"/> to world rank <paramref name="dst"/>; the tensor must not change until the work completes.</summary>
    public unsafe Work isend(Tensor tensor, int dst, ProcessGroup? group = null, int tag = 0)
    {
        var g = Member(group, "isend");
        int peer = g.ToGroupRank(dst);
        var s = Staged.Input(tensor, tensor.dtype);
        var work = new Work("isend");
        work.OnFinish(s.Finish);
        MpiThread.Instance.PostRequest("isend", () =>
        {
            nint request;
            MpiLibrary.Check(MpiLibrary.Isend(s.Address, s.ByteCount, MpiLibrary.Byte, peer, tag, g.Communicator, &request), "MPI_Isend");
            return request;
        }, work);
        return work;
    }

    /// <summary>
    /// PyTorch's <c>irecv</c>: starts receiving into <paramref name="tensor"/> from world rank <paramref name="src"/>
    /// (any rank when null; <see cref="Work.source_rank"/> then names it).
    /// </summary>
    public unsafe Work irecv(Tensor tensor, int? src = null, ProcessGroup? group = null, int tag = 0)
    {
        var g = Member(group, "irecv");
        int peer = src is { } r ? g.ToGroupRank(r) : MpiLibrary.AnySource;
        var s = Staged.Output(tensor, tensor.dtype, copyIn: false);
        var work = new Work("irecv");
        work.OnFinish(s.Finish);
        MpiThread.Instance.PostRequest("irecv", () =>
        {
            nint request;
            MpiLibrary.Check(MpiLibrary.Irecv(s.Address, s.ByteCount, MpiLibrary.Byte, peer, tag, g.Communicator, &request), "MPI_Irecv");
            return request;
        }, work, status => work.SourceRank = g.GlobalRanks[status.Source]);
        return work;
    }

    /// <summary>PyTorch's <c>send</c>: sends <paramref name="tensor"/> to world rank <paramref name="dst"/> and returns once it has left.</summary>
    public void send(Tensor tensor, int dst, ProcessGroup? group = null, int tag = 0) => isend(tensor, dst, group, tag).wait();

    /// <summary>PyTorch's <c>recv</c>: receives into <paramref name="tensor"/> from world rank <paramref name="src"/> (any when null); returns the sender's rank.</summary>
    public int recv(Tensor tensor, int? src = null, ProcessGroup? group = null, int tag = 0)
    {
        var work = irecv(tensor, src, group, tag);
        work.wait();
        return work.source_rank();
    }

    private ProcessGroup Member(ProcessGroup? group, string what)
    {
        var g = Group(group);
        if (!g.is_member) throw new InvalidOperationException($"{what}: this rank is not a member of {g}");
        return g;
    }
}
