using Flint.Autograd;

namespace Flint.Distributed;

/// <summary>
/// PyTorch's <c>nn.parallel.DistributedDataParallel</c>: wraps a module so that each rank trains on its own
/// part of the batch and every rank ends the backward pass with the same averaged gradients. At construction it
/// broadcasts rank 0's parameters and buffers. Gradients are all-reduced in buckets (the parameters in reverse
/// order, at most <c>bucket_cap_mb</c> MiB each, the first 1 MiB, one dtype per bucket, as PyTorch) while backward
/// still runs: a bucket's non-blocking all-reduce starts as soon as the last of its gradients has been accumulated
/// (an internal hook on each parameter's <c>AccumulateGrad</c>), buckets start in the same order on every rank, and
/// the pass waits for them once the last one has started. Works with any optimizer; <see cref="no_sync"/> accumulates
/// gradients locally; <c>find_unused_parameters</c> lets a rank's forward leave parameters out.
/// </summary>
public sealed class DistributedDataParallel : torch.nn.Module<Tensor, Tensor>
{
    private const long FirstBucketBytes = 1024 * 1024; // PyTorch's _DEFAULT_FIRST_BUCKET_BYTES
    private readonly torch.nn.Module<Tensor, Tensor> _module;
    private readonly ProcessGroup _group;
    private readonly Modules.Parameter[] _params;
    private Bucket[] _buckets;
    private readonly (Bucket bucket, long offset)[] _slot;
    private readonly long _cap;
    private readonly List<int> _readyOrder = new();
    private bool _bucketsRebuilt;
    private readonly Dictionary<Tensor, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<IDisposable> _hooks = new();
    private readonly bool[] _ready;
    private readonly bool[] _usedLocally;
    private bool _armed;
    private int _nextBucket;
    private int _readyCount;

    /// <summary>Buckets whose all-reduce started while some gradient of the same backward was still to come (the overlap, checked by the tests).</summary>
    internal int EarlyLaunches { get; private set; }

    private sealed class Bucket(ScalarType dtype, int[] members, long numel)
    {
        public readonly ScalarType DType = dtype;
        public readonly int[] Members = members;
        public readonly Tensor Flat = torch.zeros([numel], dtype);
        public int Pending;
        public Work? Work;
    }

    /// <summary>Wraps <paramref name="module"/>; see the class summary. <paramref name="device_ids"/> and <paramref name="output_device"/> are accepted for PyTorch's signature and unused (one device per process).</summary>
    public DistributedDataParallel(torch.nn.Module<Tensor, Tensor> module, int[]? device_ids = null, int? output_device = null, bool broadcast_buffers = true,
        ProcessGroup? process_group = null, double bucket_cap_mb = 25, bool find_unused_parameters = false) : base("DistributedDataParallel")
    {
        _module = module;
        register_module("module", module);
        _group = torch.distributed.Group(process_group);
        this.broadcast_buffers = broadcast_buffers;
        this.find_unused_parameters = find_unused_parameters;
        if (bucket_cap_mb <= 0) throw new ArgumentException($"bucket_cap_mb must be positive, got {bucket_cap_mb}");
        _params = module.parameters().Where(p => p.requires_grad).Distinct(ReferenceEqualityComparer.Instance).Cast<Modules.Parameter>().ToArray();
        if (_params.Length == 0) throw new ArgumentException("DistributedDataParallel is not needed when a module doesn't have any parameter that requires a gradient.");
        for (int i = 0; i < _params.Length; i++) _index[_params[i]] = i;
        _ready = new bool[_params.Length];
        _usedLocally = new bool[_params.Length];

        SyncModuleStates(module.parameters().Cast<Tensor>().Concat(module.buffers()));

        // Buckets: parameters in reverse order (roughly the order backward produces their gradients) until the
        // first backward has shown the real order.
        _cap = (long)(bucket_cap_mb * 1024 * 1024);
        _slot = new (Bucket, long)[_params.Length];
        _buckets = BuildBuckets(Enumerable.Range(0, _params.Length).Reverse());
        foreach (var p in _params) _hooks.Add(p.RegisterPostAccumulateGradHook(OnGradAccumulated));
    }

    /// <summary>
    /// Groups the parameters, in <paramref name="order"/>, into buckets of one dtype each: the first holds at most
    /// 1 MiB, the others <c>bucket_cap_mb</c> (a bucket closes once it reaches its limit), as PyTorch's reducer.
    /// </summary>
    private Bucket[] BuildBuckets(IEnumerable<int> order)
    {
        var buckets = new List<Bucket>();
        foreach (var group in order.GroupBy(i => _params[i].dtype))
        {
            var members = new List<int>();
            long bytes = 0, limit = Math.Min(FirstBucketBytes, _cap);
            void Close()
            {
                if (members.Count == 0) return;
                var b = new Bucket(group.Key, members.ToArray(), members.Sum(m => _params[m].numel()));
                long offset = 0;
                foreach (var m in b.Members) { _slot[m] = (b, offset); offset += _params[m].numel(); }
                buckets.Add(b);
                members.Clear();
                bytes = 0;
                limit = _cap;
            }
            foreach (var i in group)
            {
                members.Add(i);
                bytes += _params[i].numel() * DTypes.ElementSize(group.Key);
                if (bytes >= limit) Close();
            }
            Close();
        }
        return buckets.ToArray();
    }

    /// <summary>
    /// After the first synchronised backward, PyTorch's <c>_rebuild_buckets</c>: buckets follow the order in which
    /// gradients became ready (rank 0's, broadcast, so every rank builds the same buckets), so that a bucket completes,
    /// and its all-reduce starts, as early in backward as it can.
    /// </summary>
    private void RebuildBuckets()
    {
        _bucketsRebuilt = true;
        if (_readyOrder.Count != _params.Length) return;
        var order = torch.tensor(_readyOrder.Select(i => (long)i).ToArray());
        torch.distributed.broadcast(order, _group.GlobalRanks[0], _group);
        _buckets = BuildBuckets(order.data<long>().Select(i => (int)i).ToArray());
    }

    /// <summary>The wrapped module.</summary>
    public torch.nn.Module<Tensor, Tensor> module => _module;

    /// <summary>Whether buffers are broadcast from rank 0 before each synchronised forward.</summary>
    public bool broadcast_buffers { get; }

    /// <summary>Whether each forward looks for parameters it did not use (so that their buckets still complete).</summary>
    public bool find_unused_parameters { get; }

    /// <summary>False inside <see cref="no_sync"/>: backward then only accumulates local gradients.</summary>
    public bool require_backward_grad_sync { get; private set; } = true;

    /// <summary>How many gradient buckets there are (PyTorch's reducer buckets).</summary>
    public int bucket_count => _buckets.Length;

    /// <summary>
    /// PyTorch's <c>no_sync()</c>: inside the scope, backward passes accumulate gradients locally without
    /// communication; the first backward after it all-reduces the accumulated gradients.
    /// </summary>
    public IDisposable no_sync()
    {
        bool old = require_backward_grad_sync;
        require_backward_grad_sync = false;
        return new Restore(() => require_backward_grad_sync = old);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>Runs the wrapped module and, when gradients will be synchronised, readies the buckets for its backward.</summary>
    public override Tensor forward(Tensor input)
    {
        if (_armed)
            throw new InvalidOperationException("Expected to have finished reduction in the prior iteration before starting a new one. " +
                "This error indicates that your module has parameters that were not used in producing loss. You can enable unused parameter " +
                "detection by passing the keyword argument `find_unused_parameters=True` to `torch.nn.parallel.DistributedDataParallel`, and by " +
                "making sure all `forward` function outputs participate in calculating loss. Parameters that did not receive a gradient on rank " +
                $"{_group.GroupRank}: {string.Join(", ", Enumerable.Range(0, _params.Length).Where(i => !_ready[i]).Select(Name))}");
        bool sync = torch.is_grad_enabled() && require_backward_grad_sync;
        if (sync && broadcast_buffers) SyncModuleStates(_module.buffers());
        var output = _module.call(input);
        if (sync) PrepareForBackward(output);
        return output;
    }

    private string Name(int i) => _module.named_parameters().FirstOrDefault(np => ReferenceEquals(np.parameter, _params[i])).name ?? $"#{i}";

    private void SyncModuleStates(IEnumerable<Tensor> tensors)
    {
        using var _ = torch.no_grad();
        foreach (var t in tensors) torch.distributed.broadcast(t, _group.GlobalRanks[0], _group);
    }

    private void PrepareForBackward(Tensor output)
    {
        Array.Clear(_ready);
        Array.Clear(_usedLocally);
        _nextBucket = 0;
        _readyCount = 0;
        _readyOrder.Clear();
        foreach (var b in _buckets) { b.Pending = b.Members.Length; b.Work = null; }
        _armed = true;
        if (!find_unused_parameters) return;
        // Parameters the output's graph does not reach get no gradient this pass: mark them ready now (zeros).
        var reached = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<GradNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<GradNode>();
        if (output.GradientEdge().Node is { } root) { stack.Push(root); seen.Add(root); }
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is AccumulateGrad acc) reached.Add(acc.Variable);
            foreach (var e in node.NextEdges)
                if (e.Node is not null && seen.Add(e.Node)) stack.Push(e.Node);
        }
        for (int i = 0; i < _params.Length; i++)
            if (!reached.Contains(_params[i])) MarkReady(i, used: false);
    }

    private void OnGradAccumulated(Tensor param)
    {
        if (!_armed) return; // no_sync, eval or a plain backward outside a DDP forward
        int i = _index[param];
        if (_ready[i])
            throw new InvalidOperationException($"Expected to mark a variable ready only once. Parameter {Name(i)} received a gradient twice in one iteration " +
                "(a parameter used in a reentrant backward, or shared by two DDP modules).");
        MarkReady(i, used: true);
    }

    private void MarkReady(int i, bool used)
    {
        _ready[i] = true;
        _readyCount++;
        _readyOrder.Add(i);
        _usedLocally[i] = used;
        var (bucket, offset) = _slot[i];
        var p = _params[i];
        using (torch.no_grad())
        {
            var slot = bucket.Flat.narrow(0, offset, p.numel());
            if (used && p.grad is { } g) slot.copy_(g.reshape(-1));
            else slot.zero_();
        }
        bucket.Pending--;
        // Buckets start in index order on every rank, so every rank issues the same collectives in the same order.
        while (_nextBucket < _buckets.Length && _buckets[_nextBucket].Pending == 0)
        {
            var b = _buckets[_nextBucket++];
            if (_readyCount < _params.Length) EarlyLaunches++;
            b.Work = torch.distributed.all_reduce(b.Flat, ReduceOp.SUM, _group, async_op: true);
        }
        if (_nextBucket == _buckets.Length) FinalizeBackward();
    }

    private void FinalizeBackward()
    {
        _armed = false;
        bool[]? usedGlobally = null;
        if (find_unused_parameters)
        {
            var map = torch.tensor(_usedLocally.Select(u => u ? 1L : 0L).ToArray());
            torch.distributed.all_reduce(map, ReduceOp.MAX, _group);
            usedGlobally = map.data<long>().Select(v => v != 0).ToArray();
        }
        double scale = 1.0 / _group.size();
        using var _ = torch.no_grad();
        foreach (var b in _buckets)
        {
            b.Work!.wait();
            b.Flat.mul_(scale);
            foreach (var i in b.Members)
            {
                if (usedGlobally is not null && !usedGlobally[i]) continue; // nobody used it: its grad stays as it was
                var p = _params[i];
                var averaged = b.Flat.narrow(0, _slot[i].offset, p.numel()).view(p.shape);
                if (p.grad is { } g) g.copy_(averaged);
                else p.grad = averaged.clone();
            }
        }
        if (!_bucketsRebuilt) RebuildBuckets();
    }

    /// <summary>Removes the gradient hooks.</summary>
    protected override void Dispose(bool disposing)
    {
        foreach (var h in _hooks) h.Dispose();
        _hooks.Clear();
        base.Dispose(disposing);
    }
}
