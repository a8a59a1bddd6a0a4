using Flint;

namespace Flint.Distributed.Driver;

/// <summary>send/recv/isend/irecv around a ring, for every dtype, including receives from any rank.</summary>
internal static class PointToPointScenarios
{
    public static int Run()
    {
        var dist = torch.distributed;
        int rank = dist.get_rank(), size = dist.get_world_size();
        int next = (rank + 1) % size, prev = (rank + size - 1) % size;
        ScalarType[] dtypes = [ScalarType.Byte, ScalarType.Int8, ScalarType.Int16, ScalarType.Int32, ScalarType.Int64,
            ScalarType.Float16, ScalarType.Float32, ScalarType.Float64, ScalarType.Bool, ScalarType.BFloat16];
        foreach (var t in dtypes)
        {
            double[] Values(int r) => Enumerable.Range(0, 5).Select(i => t == ScalarType.Bool ? (i + r) % 2 : (double)(i + r * 10 % 100)).ToArray();
            // Both directions in flight at once: a blocking send would deadlock here for large messages.
            var outgoing = torch.tensor(Values(rank)).to(t);
            var incoming = torch.zeros([5], t);
            var s = dist.isend(outgoing, next);
            var r = dist.irecv(incoming, prev);
            r.wait();
            s.wait();
            Check.True(s.is_completed() && r.is_completed(), "isend/irecv completed");
            Check.Values($"isend/irecv {t}", incoming, Values(prev), t);
        }

        // Large messages (rendezvous protocol) both ways at once, with blocking recv after isend.
        var big = torch.full([1 << 20], (double)rank);
        var got = torch.zeros([1 << 20]);
        var send = dist.isend(big, next, tag: 7);
        int from = dist.recv(got, src: null, tag: 7);
        send.wait();
        Check.True(from == prev, $"recv from any source names the sender ({from}, expected {prev})");
        Check.Values("large isend/recv", got.narrow(0, (1 << 20) - 3, 3), [prev, prev, prev], ScalarType.Float32);

        // Blocking send/recv in an order that cannot deadlock: even ranks send first.
        var msg = torch.tensor(new long[] { rank, rank * 2 });
        var into = torch.zeros([2], ScalarType.Int64);
        if (rank % 2 == 0) { dist.send(msg, next); dist.recv(into, prev); }
        else { dist.recv(into, prev); dist.send(msg, next); }
        if (size > 1 && !(size % 2 == 1 && rank == 0)) Check.Values("send/recv", into, [prev, prev * 2], ScalarType.Int64);
        return Check.Count;
    }
}
