using Flint.Distributed.Mpi;

namespace Flint.Distributed;

/// <summary>
/// <c>torch.distributed</c> over MPI: reach it as <c>torch.distributed</c> (a C# 14 extension property on
/// <see cref="torch"/>, with <c>using Flint.Distributed;</c>), e.g. <c>torch.distributed.all_reduce(t)</c>, or keep
/// it as PyTorch's <c>import torch.distributed as dist</c> does: <c>var dist = torch.distributed;</c>.
/// Rank and world size come from the MPI launcher (<c>mpirun</c>, <c>srun</c>). Collectives work in place on
/// tensors of every Flint dtype; CPU tensors that are contiguous go to MPI without a copy, CUDA tensors are staged
/// through pinned host buffers (no CUDA-aware MPI or NCCL). Every rank must issue the same collectives in the
/// same order, as in PyTorch.
/// </summary>
public sealed partial class DistributedApi
{
    internal static readonly DistributedApi Instance = new();

    private ProcessGroup? _world;
    private readonly List<ProcessGroup> _groups = new();

    private DistributedApi() { }

    /// <summary>Whether distributed support is available: true when the MPI library loads.</summary>
    public bool is_available() => is_mpi_available();

    /// <summary>Whether the MPI backend is available (the system's <c>libmpi.so.40</c> loads).</summary>
    public bool is_mpi_available()
    {
        try { MpiLibrary.Load(); return true; }
        catch (DllNotFoundException) { return false; }
    }

    /// <summary>NCCL is not available in Flint (it has no multi-GPU backend); always false.</summary>
    public bool is_nccl_available() => false;

    /// <summary>Gloo is not available in Flint; always false.</summary>
    public bool is_gloo_available() => false;

    /// <summary>
    /// PyTorch's <c>init_process_group</c>: joins the job as one rank of the default group. Only
    /// <paramref name="backend"/> <c>"mpi"</c> exists; rank and world size are the MPI launcher's (as in PyTorch,
    /// explicit <paramref name="world_size"/>/<paramref name="rank"/> are ignored with a warning for MPI). Sets the
    /// <c>RANK</c>, <c>WORLD_SIZE</c>, <c>LOCAL_RANK</c> and <c>LOCAL_WORLD_SIZE</c> environment variables, as
    /// torchrun does, when the launcher did not. <paramref name="timeout"/> (default 30 minutes, PyTorch's) bounds
    /// every MPI call: past it the job aborts with a message naming the operation, instead of hanging.
    /// </summary>
    public void init_process_group(string backend = "mpi", string? init_method = null, TimeSpan? timeout = null,
        int world_size = -1, int rank = -1, string? store = null, string? group_name = null)
    {
        if (!string.Equals(backend, "mpi", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Flint.Distributed supports only the 'mpi' backend (got '{backend}'); launch with mpirun or srun");
        if (_world is not null) throw new InvalidOperationException("trying to initialize the default process group twice!");
        if (world_size != -1 || rank != -1)
            Console.Error.WriteLine($"warning: For MPI backend, world_size ({world_size}) and rank ({rank}) are ignored since they are assigned by the MPI runtime.");
        var mpi = MpiThread.Instance;
        if (timeout is { } t) mpi.Timeout = t;
        _world = new ProcessGroup(MpiLibrary.CommWorld, Enumerable.Range(0, mpi.WorldSize).ToArray(), mpi.WorldRank);
        SetEnvironment(mpi);
    }

    private static void SetEnvironment(MpiThread mpi)
    {
        static void Default(string name, string? value)
        {
            if (value is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) Environment.SetEnvironmentVariable(name, value);
        }
        Default("RANK", mpi.WorldRank.ToString());
        Default("WORLD_SIZE", mpi.WorldSize.ToString());
        Default("LOCAL_RANK", Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_LOCAL_RANK") ?? Environment.GetEnvironmentVariable("SLURM_LOCALID"));
        Default("LOCAL_WORLD_SIZE", Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_LOCAL_SIZE") ?? Environment.GetEnvironmentVariable("SLURM_NTASKS_PER_NODE"));
    }

    /// <summary>Whether <see cref="init_process_group"/> has run (and the group was not destroyed).</summary>
    public bool is_initialized() => _world is not null;

    /// <summary>The default group of every rank (PyTorch's <c>group.WORLD</c>).</summary>
    public ProcessGroup WORLD => World;

    /// <summary>This process's rank in <paramref name="group"/> (the default group when null); -1 when it is not a member.</summary>
    public int get_rank(ProcessGroup? group = null) => Group(group).GroupRank;

    /// <summary>How many ranks <paramref name="group"/> has (the default group when null).</summary>
    public int get_world_size(ProcessGroup? group = null) => Group(group).size();

    /// <summary>The backend's name: always <c>"mpi"</c>.</summary>
    public string get_backend(ProcessGroup? group = null) { Group(group); return "mpi"; }

    /// <summary>
    /// PyTorch's <c>new_group</c>: a group of the given world ranks (every rank when null), sorted as PyTorch does.
    /// Every rank of the job must call it, members or not; on non-members the group's collectives do nothing.
    /// </summary>
    public unsafe ProcessGroup new_group(IEnumerable<int>? ranks = null, TimeSpan? timeout = null, string? backend = null)
    {
        var world = World;
        var sorted = (ranks ?? Enumerable.Range(0, world.size())).Distinct().Order().ToArray();
        foreach (var r in sorted)
            if (r < 0 || r >= world.size()) throw new ArgumentException($"Invalid rank {r}, out of range [0, {world.size()})");
        nint comm = MpiLibrary.CommNull;
        MpiThread.Instance.Run("new_group", () =>
        {
            nint worldGroup, subGroup, created;
            MpiLibrary.Check(MpiLibrary.CommGroup(MpiLibrary.CommWorld, &worldGroup), "MPI_Comm_group");
            fixed (int* p = sorted) MpiLibrary.Check(MpiLibrary.GroupIncl(worldGroup, sorted.Length, p, &subGroup), "MPI_Group_incl");
            MpiLibrary.Check(MpiLibrary.CommCreate(MpiLibrary.CommWorld, subGroup, &created), "MPI_Comm_create");
            MpiLibrary.GroupFree(&subGroup);
            MpiLibrary.GroupFree(&worldGroup);
            comm = created;
        });
        var group = new ProcessGroup(comm, sorted, Array.IndexOf(sorted, world.GroupRank));
        _groups.Add(group);
        return group;
    }

    /// <summary>
    /// PyTorch's <c>destroy_process_group</c>: frees <paramref name="group"/>, or every group (and leaves the
    /// default one uninitialised) when null. MPI itself stays up until the process exits, so
    /// <see cref="init_process_group"/> may run again.
    /// </summary>
    public void destroy_process_group(ProcessGroup? group = null)
    {
        var targets = group is null ? _groups.ToList() : [group];
        if (group is null && _world is null) throw NotInitialized();
        foreach (var g in targets) Free(g);
        if (group is null) { _groups.Clear(); if (_world is not null) _world.Destroyed = true; _world = null; }
        else if (ReferenceEquals(group, _world)) _world = null;
        else _groups.Remove(group);
    }

    private static unsafe void Free(ProcessGroup g)
    {
        g.Destroyed = true;
        if (g.Communicator == MpiLibrary.CommNull || g.Communicator == MpiLibrary.CommWorld) return;
        MpiThread.Instance.Run("destroy_process_group", () => { nint c = g.Communicator; MpiLibrary.CommFree(&c); });
        g.Communicator = MpiLibrary.CommNull;
    }

    private ProcessGroup World => _world ?? throw NotInitialized();

    internal ProcessGroup Group(ProcessGroup? group)
    {
        var world = World;
        var g = group ?? world;
        if (g.Destroyed) throw new InvalidOperationException("Invalid process group specified (it was destroyed)");
        return g;
    }

    private static InvalidOperationException NotInitialized() =>
        new("Default process group has not been initialized, please make sure to call init_process_group.");
}
