using Flint.Distributed.Mpi;

namespace Flint.Distributed;

public sealed partial class DistributedApi
{
    /// <summary>
    /// PyTorch's <c>all_reduce</c>: every rank's <paramref name="tensor"/> becomes the reduction (<paramref name="op"/>)
    /// of all ranks' tensors, in place. Returns a <see cref="Work"/> with <paramref name="async_op"/>, else null.
    /// </summary>
    public unsafe Work? all_reduce(Tensor tensor, ReduceOp op = ReduceOp.SUM, ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        var (wire, mpiType, mpiOp) = Reduction(tensor.dtype, op, "all_reduce");
        var s = Staged.Output(tensor, wire, copyIn: true);
        return Execute("all_reduce", async_op, [s],
            () => MpiLibrary.Check(MpiLibrary.Allreduce(MpiLibrary.InPlace, s.Address, s.Count, mpiType, mpiOp, g.Communicator), "MPI_Allreduce"),
            () => Average(s.Buffer, op, g));
    }

    /// <summary>PyTorch's <c>broadcast</c>: every rank's <paramref name="tensor"/> becomes rank <paramref name="src"/>'s (a world rank).</summary>
    public unsafe Work? broadcast(Tensor tensor, int src, ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        int root = g.ToGroupRank(src);
        var s = Staged.Output(tensor, tensor.dtype, copyIn: g.GroupRank == root);
        return Execute("broadcast", async_op, [s],
            () => MpiLibrary.Check(MpiLibrary.Bcast(s.Address, s.ByteCount, MpiLibrary.Byte, root, g.Communicator), "MPI_Bcast"));
    }

    /// <summary>PyTorch's <c>reduce</c>: rank <paramref name="dst"/>'s <paramref name="tensor"/> becomes the reduction of all ranks' tensors; the others' are left as they are.</summary>
    public unsafe Work? reduce(Tensor tensor, int dst, ReduceOp op = ReduceOp.SUM, ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        int root = g.ToGroupRank(dst);
        var (wire, mpiType, mpiOp) = Reduction(tensor.dtype, op, "reduce");
        bool isRoot = g.GroupRank == root;
        var s = isRoot ? Staged.Output(tensor, wire, copyIn: true) : Staged.Input(tensor, wire);
        return Execute("reduce", async_op, [s],
            () => MpiLibrary.Check(MpiLibrary.Reduce(isRoot ? MpiLibrary.InPlace : s.Address, isRoot ? s.Address : 0, s.Count, mpiType, mpiOp, root, g.Communicator), "MPI_Reduce"),
            () => { if (isRoot) Average(s.Buffer, op, g); });
    }

    /// <summary>PyTorch's <c>all_gather</c>: <paramref name="tensor_list"/>[i] becomes rank i's <paramref name="tensor"/> on every rank.</summary>
    public unsafe Work? all_gather(IList<Tensor> tensor_list, Tensor tensor, ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        CheckList(tensor_list, tensor, g, "all_gather", "tensor_list");
        var input = Staged.Input(tensor, tensor.dtype);
        var output = Staged.Scratch(tensor.numel() * g.size(), tensor.dtype);
        return Execute("all_gather", async_op, [input, output],
            () => MpiLibrary.Check(MpiLibrary.Allgather(input.Address, input.ByteCount, MpiLibrary.Byte, output.Address, input.ByteCount, MpiLibrary.Byte, g.Communicator), "MPI_Allgather"),
            () => Unflatten(output.Buffer, tensor_list));
    }

    /// <summary>
    /// PyTorch's <c>all_gather_into_tensor</c>: <paramref name="output_tensor"/> (world size times the input's
    /// elements: concatenated or stacked along dim 0) becomes every rank's <paramref name="input_tensor"/>, in rank order.
    /// </summary>
    public unsafe Work? all_gather_into_tensor(Tensor output_tensor, Tensor input_tensor, ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        SameDType(output_tensor, input_tensor, "all_gather_into_tensor");
        if (output_tensor.numel() != input_tensor.numel() * g.size())
            throw new ArgumentException($"all_gather_into_tensor: output tensor size must be equal to world_size times input tensor size ({g.size()} x {input_tensor.numel()}), got {output_tensor.numel()}");
        var input = Staged.Input(input_tensor, input_tensor.dtype);
        var output = Staged.Output(output_tensor, output_tensor.dtype, copyIn: false);
        return Execute("all_gather_into_tensor", async_op, [input, output],
            () => MpiLibrary.Check(MpiLibrary.Allgather(input.Address, input.ByteCount, MpiLibrary.Byte, output.Address, input.ByteCount, MpiLibrary.Byte, g.Communicator), "MPI_Allgather"));
    }

    /// <summary>
    /// PyTorch's <c>reduce_scatter_tensor</c>: <paramref name="input"/> (world size times the output's elements) is
    /// reduced across ranks, and rank i's <paramref name="output"/> becomes the i-th chunk of the result.
    /// </summary>
    public unsafe Work? reduce_scatter_tensor(Tensor output, Tensor input, ReduceOp op = ReduceOp.SUM, ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        SameDType(output, input, "reduce_scatter_tensor");
        if (input.numel() != output.numel() * g.size())
            throw new ArgumentException($"reduce_scatter_tensor: input tensor must be the same size as output size times world size ({g.size()} x {output.numel()}), got {input.numel()}");
        var (wire, mpiType, mpiOp) = Reduction(input.dtype, op, "reduce_scatter_tensor");
        var sIn = Staged.Input(input, wire);
        var sOut = Staged.Output(output, wire, copyIn: false);
        return Execute("reduce_scatter_tensor", async_op, [sIn, sOut],
            () => MpiLibrary.Check(MpiLibrary.ReduceScatterBlock(sIn.Address, sOut.Address, sOut.Count, mpiType, mpiOp, g.Communicator), "MPI_Reduce_scatter_block"),
            () => Average(sOut.Buffer, op, g));
    }

    /// <summary>PyTorch's <c>gather</c>: on rank <paramref name="dst"/>, <paramref name="gather_list"/>[i] becomes rank i's <paramref name="tensor"/>; other ranks pass no list.</summary>
    public unsafe Work? gather(Tensor tensor, IList<Tensor>? gather_list = null, int dst = 0, ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        int root = g.ToGroupRank(dst);
        bool isRoot = g.GroupRank == root;
        if (isRoot) CheckList(gather_list ?? throw new ArgumentException("gather: gather_list must be given on the destination rank"), tensor, g, "gather", "gather_list");
        else if (gather_list is { Count: > 0 }) throw new ArgumentException("gather: gather_list must be empty on non-destination ranks");
        var input = Staged.Input(tensor, tensor.dtype);
        var output = isRoot ? Staged.Scratch(tensor.numel() * g.size(), tensor.dtype) : null;
        return Execute("gather", async_op, output is null ? [input] : [input, output],
            () => MpiLibrary.Check(MpiLibrary.Gather(input.Address, input.ByteCount, MpiLibrary.Byte, output?.Address ?? 0, input.ByteCount, MpiLibrary.Byte, root, g.Communicator), "MPI_Gather"),
            () => { if (output is not null) Unflatten(output.Buffer, gather_list!); });
    }

    /// <summary>PyTorch's <c>scatter</c>: rank i's <paramref name="tensor"/> becomes <paramref name="scatter_list"/>[i] of rank <paramref name="src"/>; other ranks pass no list.</summary>
    public unsafe Work? scatter(Tensor tensor, IList<Tensor>? scatter_list = null, int src = 0, ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        int root = g.ToGroupRank(src);
        bool isRoot = g.GroupRank == root;
        Staged? input = null;
        if (isRoot)
        {
            CheckList(scatter_list ?? throw new ArgumentException("scatter: scatter_list must be given on the source rank"), tensor, g, "scatter", "scatter_list");
            using var _ = torch.no_grad();
            var flat = torch.cat(scatter_list.Select(t => t.detach().to(torch.CPU).reshape(-1)).ToArray());
            input = Staged.Input(flat, tensor.dtype);
        }
        else if (scatter_list is { Count: > 0 }) throw new ArgumentException("scatter: scatter_list must be empty on non-source ranks");
        var output = Staged.Output(tensor, tensor.dtype, copyIn: false);
        return Execute("scatter", async_op, input is null ? [output] : [input, output],
            () => MpiLibrary.Check(MpiLibrary.Scatter(input?.Address ?? 0, output.ByteCount, MpiLibrary.Byte, output.Address, output.ByteCount, MpiLibrary.Byte, root, g.Communicator), "MPI_Scatter"));
    }

    /// <summary>
    /// PyTorch's <c>all_to_all_single</c>: <paramref name="input"/> is split along dim 0 (equally, or by
    /// <paramref name="input_split_sizes"/>), chunk j goes to rank j, and <paramref name="output"/> receives the chunks
    /// from every rank in rank order (sized by <paramref name="output_split_sizes"/> when given).
    /// </summary>
    public unsafe Work? all_to_all_single(Tensor output, Tensor input, IList<long>? output_split_sizes = null, IList<long>? input_split_sizes = null,
        ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        SameDType(output, input, "all_to_all_single");
        int n = g.size();
        long inRow = input.dim() == 0 ? 1 : input.numel() / Math.Max(1, input.shape[0]);
        long outRow = output.dim() == 0 ? 1 : output.numel() / Math.Max(1, output.shape[0]);
        int[] sendCounts = Splits(input_split_sizes, input, n, "input"), recvCounts = Splits(output_split_sizes, output, n, "output");
        int elem = DTypes.ElementSize(input.dtype);
        for (int i = 0; i < n; i++) { sendCounts[i] = Staged.ToInt(sendCounts[i] * inRow * elem); recvCounts[i] = Staged.ToInt(recvCounts[i] * outRow * elem); }
        int[] sendDispls = Displacements(sendCounts), recvDispls = Displacements(recvCounts);
        var sIn = Staged.Input(input, input.dtype);
        var sOut = Staged.Output(output, output.dtype, copyIn: false);
        return Execute("all_to_all_single", async_op, [sIn, sOut], () =>
        {
            fixed (int* sc = sendCounts, sd = sendDispls, rc = recvCounts, rd = recvDispls)
                MpiLibrary.Check(MpiLibrary.Alltoallv(sIn.Address, sc, sd, MpiLibrary.Byte, sOut.Address, rc, rd, MpiLibrary.Byte, g.Communicator), "MPI_Alltoallv");
        });
    }

    /// <summary>PyTorch's <c>barrier</c>: returns once every rank of the group has entered it.</summary>
    public unsafe Work? barrier(ProcessGroup? group = null, bool async_op = false)
    {
        var g = Group(group);
        if (!g.is_member) return null;
        return Execute("barrier", async_op, [], () => MpiLibrary.Check(MpiLibrary.Barrier(g.Communicator), "MPI_Barrier"));
    }

    /// <summary>Runs an MPI call now (or queues it with <paramref name="async"/>), then the copy-backs.</summary>
    private static unsafe Work? Execute(string name, bool async, Staged[] staged, Action mpi, Action? after = null)
    {
        void Finish()
        {
            after?.Invoke();
            foreach (var s in staged) s.Finish();
        }
        if (async)
        {
            var work = new Work(name);
            work.OnFinish(Finish);
            MpiThread.Instance.Post(name, mpi, work);
            return work;
        }
        try { MpiThread.Instance.Run(name, mpi); }
        catch { foreach (var s in staged) s.Dispose(); throw; }
        Finish();
        return null;
    }

    /// <summary>The wire dtype, MPI datatype and MPI op of a reduction: float16/bfloat16 reduce in float32, bool as uint8 max/min.</summary>
    private static (ScalarType wire, nint type, nint op) Reduction(ScalarType dtype, ReduceOp op, string what)
    {
        if (dtype == ScalarType.Bool)
        {
            if (op == ReduceOp.AVG) throw new ArgumentException($"{what}: ReduceOp.AVG is not supported for bool tensors");
            return (ScalarType.Byte, MpiLibrary.UInt8, op is ReduceOp.SUM or ReduceOp.MAX ? MpiLibrary.OpMax : MpiLibrary.OpMin);
        }
        var wire = dtype is ScalarType.Float16 or ScalarType.BFloat16 ? ScalarType.Float32 : dtype;
        nint type = wire switch
        {
            ScalarType.Byte => MpiLibrary.UInt8,
            ScalarType.Int8 => MpiLibrary.Int8,
            ScalarType.Int16 => MpiLibrary.Int16,
            ScalarType.Int32 => MpiLibrary.Int32,
            ScalarType.Int64 => MpiLibrary.Int64,
            ScalarType.Float32 => MpiLibrary.Float,
            ScalarType.Float64 => MpiLibrary.Double,
            _ => throw new NotSupportedException($"{what}: dtype {DTypes.Name(dtype)} has no MPI reduction"),
        };
        nint mpiOp = op switch
        {
            ReduceOp.SUM or ReduceOp.AVG => MpiLibrary.OpSum,
            ReduceOp.PRODUCT => MpiLibrary.OpProd,
            ReduceOp.MIN => MpiLibrary.OpMin,
            ReduceOp.MAX => MpiLibrary.OpMax,
            _ => throw new ArgumentException($"{what}: unknown ReduceOp {op}"),
        };
        return (wire, type, mpiOp);
    }

    /// <summary>ReduceOp.AVG: the sum divided by the group size (integers truncate toward zero).</summary>
    private static void Average(Tensor sum, ReduceOp op, ProcessGroup g)
    {
        if (op != ReduceOp.AVG) return;
        using var _ = torch.no_grad();
        if (DTypes.IsFloatingPoint(sum.dtype)) sum.div_((double)g.size());
        else sum.copy_((sum.to(ScalarType.Float64) / (double)g.size()).to(sum.dtype));
    }

    private static void Unflatten(Tensor flat, IList<Tensor> list)
    {
        using var _ = torch.no_grad();
        long n = list.Count == 0 ? 0 : flat.numel() / list.Count;
        for (int i = 0; i < list.Count; i++) list[i].copy_(flat.narrow(0, i * n, n).view(list[i].shape));
    }

    private static void CheckList(IList<Tensor> list, Tensor tensor, ProcessGroup g, string what, string name)
    {
        if (list.Count != g.size())
            throw new ArgumentException($"{what}: {name} must have one tensor per rank of the group ({g.size()}), got {list.Count}");
        foreach (var t in list)
        {
            SameDType(t, tensor, what);
            if (t.numel() != tensor.numel()) throw new ArgumentException($"{what}: every tensor in {name} must have the input's size {tensor.shape.Length}-d x {tensor.numel()} elements, got {t.numel()}");
        }
    }

    private static void SameDType(Tensor a, Tensor b, string what)
    {
        if (a.dtype != b.dtype) throw new ArgumentException($"{what}: tensors must have the same dtype, got {DTypes.Name(a.dtype)} and {DTypes.Name(b.dtype)}");
    }

    private static int[] Splits(IList<long>? sizes, Tensor t, int n, string name)
    {
        long rows = t.dim() == 0 ? 1 : t.shape[0];
        if (sizes is null || sizes.Count == 0)
        {
            if (rows % n != 0) throw new ArgumentException($"all_to_all_single: Tensor's dim 0 does not divide equally across group size ({rows} rows of the {name}, {n} ranks)");
            return Enumerable.Repeat(Staged.ToInt(rows / n), n).ToArray();
        }
        if (sizes.Count != n) throw new ArgumentException($"all_to_all_single: {name}_split_sizes must have one entry per rank ({n}), got {sizes.Count}");
        if (sizes.Sum() != rows) throw new ArgumentException($"all_to_all_single: Split sizes doesn't match total dim 0 size ({sizes.Sum()} vs {rows} rows of the {name})");
        return sizes.Select(Staged.ToInt).ToArray();
    }

    private static int[] Displacements(int[] counts)
    {
        var d = new int[counts.Length];
        for (int i = 1; i < counts.Length; i++) d[i] = checked(d[i - 1] + counts[i - 1]);
        return d;
    }
}
