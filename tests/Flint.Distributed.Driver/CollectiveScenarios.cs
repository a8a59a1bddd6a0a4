using Flint;

namespace Flint.Distributed.Driver;

/// <summary>Every collective against its definition, for every dtype and reduce op: each rank rebuilds every rank's input.</summary>
internal static class CollectiveScenarios
{
    private static readonly ScalarType[] DTypes = [ScalarType.Byte, ScalarType.Int8, ScalarType.Int16, ScalarType.Int32, ScalarType.Int64,
        ScalarType.Float16, ScalarType.Float32, ScalarType.Float64, ScalarType.Bool, ScalarType.BFloat16];
    private static readonly ReduceOp[] Ops = [ReduceOp.SUM, ReduceOp.PRODUCT, ReduceOp.MIN, ReduceOp.MAX, ReduceOp.AVG];

    private static bool Signed(ScalarType t) => t is not (ScalarType.Byte or ScalarType.Bool);

    /// <summary>Rank <paramref name="rank"/>'s input: small integers whose products stay in range of every dtype.</summary>
    private static double[] Input(int rank, int n, ScalarType t, int salt = 0) =>
        Enumerable.Range(0, n).Select(i => t == ScalarType.Bool ? ((i + rank + salt) % 3 == 0 ? 1.0 : 0.0)
            : ((i * 7 + rank * 3 + salt) % 5) + (Signed(t) ? -2.0 : 1.0)).ToArray();

    private static Tensor Make(double[] values, ScalarType t) => torch.tensor(values).to(t);

    private static double Combine(ReduceOp op, IEnumerable<double> xs, ScalarType t, int size)
    {
        var v = xs.ToArray();
        if (t == ScalarType.Bool) return op is ReduceOp.SUM or ReduceOp.MAX ? v.Max() : v.Min();
        return op switch
        {
            ReduceOp.SUM => v.Sum(),
            ReduceOp.PRODUCT => v.Aggregate(1.0, (a, b) => a * b),
            ReduceOp.MIN => v.Min(),
            ReduceOp.MAX => v.Max(),
            _ => t is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16 ? v.Sum() / size : Math.Truncate(v.Sum() / size),
        };
    }

    private static double[] Reduced(ReduceOp op, int size, int n, ScalarType t, int salt = 0) =>
        Enumerable.Range(0, n).Select(i => Combine(op, Enumerable.Range(0, size).Select(r => Input(r, n, t, salt)[i]), t, size)).ToArray();

    public static int Run()
    {
        var dist = torch.distributed;
        int rank = dist.get_rank(), size = dist.get_world_size();
        const int n = 6;
        foreach (var t in DTypes)
        {
            string name = t.ToString();
            foreach (var op in Ops)
            {
                if (t == ScalarType.Bool && op == ReduceOp.AVG)
                {
                    Check.Throws(() => dist.all_reduce(Make(Input(rank, n, t), t), op), "AVG", "all_reduce(bool, AVG)");
                    continue;
                }
                var x = Make(Input(rank, n, t), t);
                dist.all_reduce(x, op);
                Check.Values($"all_reduce {name} {op}", x, Reduced(op, size, n, t), t);

                // A non-contiguous view is staged and written back in place.
                var m = Make(Input(rank, n, t), t).reshape(2, 3).t();
                dist.all_reduce(m, op);
                Check.Values($"all_reduce {name} {op} (transposed view)", m.contiguous(), TransposeOf(Reduced(op, size, n, t)), t);

                int dst = size - 1;
                var y = Make(Input(rank, n, t), t);
                dist.reduce(y, dst, op);
                Check.Values($"reduce {name} {op}", y, rank == dst ? Reduced(op, size, n, t) : Input(rank, n, t), t);

                var input = Make(Input(rank, n * size, t), t);
                var output = torch.zeros([n], t);
                dist.reduce_scatter_tensor(output, input, op);
                Check.Values($"reduce_scatter_tensor {name} {op}", output, Reduced(op, size, n * size, t).Skip(rank * n).Take(n).ToArray(), t);
            }

            int src = 1 % size;
            var b = Make(Input(rank, n, t), t);
            dist.broadcast(b, src);
            Check.Values($"broadcast {name}", b, Input(src, n, t), t);

            var list = Enumerable.Range(0, size).Select(_ => torch.zeros([2, 3], t)).ToList();
            dist.all_gather(list, Make(Input(rank, n, t), t).reshape(2, 3));
            for (int r = 0; r < size; r++) Check.Values($"all_gather {name} [{r}]", list[r], Input(r, n, t), t);

            var gathered = torch.zeros([size, n], t);
            dist.all_gather_into_tensor(gathered, Make(Input(rank, n, t), t));
            Check.Values($"all_gather_into_tensor {name}", gathered, Enumerable.Range(0, size).SelectMany(r => Input(r, n, t)).ToArray(), t);

            var glist = rank == 0 ? Enumerable.Range(0, size).Select(_ => torch.zeros([n], t)).ToList() : null;
            dist.gather(Make(Input(rank, n, t), t), glist, dst: 0);
            if (rank == 0) for (int r = 0; r < size; r++) Check.Values($"gather {name} [{r}]", glist![r], Input(r, n, t), t);

            var slist = rank == src ? Enumerable.Range(0, size).Select(r => Make(Input(r, n, t, salt: 1), t)).ToList() : null;
            var scattered = torch.zeros([n], t);
            dist.scatter(scattered, slist, src: src);
            Check.Values($"scatter {name}", scattered, Input(rank, n, t, salt: 1), t);

            // all_to_all_single, equal splits: rank r's chunk j (2 rows of 3) goes to rank j.
            var a2aIn = Make(Input(rank, 2 * 3 * size, t), t).reshape(2 * size, 3);
            var a2aOut = torch.zeros([2 * size, 3], t);
            dist.all_to_all_single(a2aOut, a2aIn);
            Check.Values($"all_to_all_single {name}", a2aOut, Enumerable.Range(0, size).SelectMany(r => Input(r, 6 * size, t).Skip(rank * 6).Take(6)).ToArray(), t);

            // Uneven splits: rank r sends (j + 1) rows to rank j, so receives (rank + 1) rows from everyone.
            long[] inSplits = Enumerable.Range(0, size).Select(j => (long)(j + 1)).ToArray();
            long rowsIn = inSplits.Sum();
            var vIn = Make(Input(rank, (int)rowsIn * 2, t, salt: rank), t).reshape(rowsIn, 2);
            var vOut = torch.zeros([(rank + 1) * size, 2], t);
            dist.all_to_all_single(vOut, vIn, Enumerable.Repeat((long)(rank + 1), size).ToArray(), inSplits);
            long offset = Enumerable.Range(0, rank).Sum(j => (long)(j + 1)) * 2;
            Check.Values($"all_to_all_single {name} (uneven)", vOut,
                Enumerable.Range(0, size).SelectMany(r => Input(r, (int)rowsIn * 2, t, salt: r).Skip((int)offset).Take((rank + 1) * 2)).ToArray(), t);
        }

        // async_op: the work completes, and the tensor holds the result after wait.
        var w = torch.full([1000], rank + 1.0);
        var work = dist.all_reduce(w, async_op: true)!;
        work.wait();
        Check.True(work.is_completed() && work.is_success(), "async all_reduce completed");
        Check.Values("async all_reduce", w, Enumerable.Repeat(size * (size + 1) / 2.0, 1000).ToArray(), ScalarType.Float32);

        // Several async works in flight at once complete in issue order.
        var parts = Enumerable.Range(0, 4).Select(k => torch.full([257], (double)(rank * 10 + k))).ToArray();
        var works = parts.Select(p => dist.all_reduce(p, ReduceOp.MAX, async_op: true)!).ToArray();
        foreach (var wk in works) wk.wait();
        for (int k = 0; k < 4; k++) Check.Values($"async all_reduce #{k}", parts[k], Enumerable.Repeat((size - 1) * 10.0 + k, 257).ToArray(), ScalarType.Float32);

        // A sub-group of the first and last ranks; the others are not members and do nothing.
        var group = dist.new_group([size - 1, 0]);
        var gx = torch.full([3], rank + 1.0);
        var gw = dist.all_reduce(gx, group: group);
        bool member = rank == 0 || rank == size - 1;
        Check.True(gw is null, "sync collective returns null");
        Check.Values("new_group all_reduce", gx, Enumerable.Repeat(member ? (size > 1 ? 1.0 + size : 1.0) : rank + 1.0, 3).ToArray(), ScalarType.Float32);
        Check.True(dist.get_rank(group) == (member ? (rank == 0 ? 0 : 1) : -1), "group rank");
        if (member)
        {
            var gb = torch.full([2], (double)rank);
            dist.broadcast(gb, src: size - 1, group: group);
            Check.Values("new_group broadcast from world rank", gb, [size - 1.0, size - 1.0], ScalarType.Float32);
        }
        dist.destroy_process_group(group);

        var before = DateTime.UtcNow;
        dist.barrier();
        Check.True(DateTime.UtcNow - before < TimeSpan.FromSeconds(30), "barrier returns");

        Check.Throws(() => dist.broadcast(torch.zeros([1]), src: size + 5), "not part of the group", "broadcast from a rank outside the group");
        return Check.Count;
    }

    private static double[] TransposeOf(double[] rowMajor2x3) =>
        [rowMajor2x3[0], rowMajor2x3[3], rowMajor2x3[1], rowMajor2x3[4], rowMajor2x3[2], rowMajor2x3[5]];
}
