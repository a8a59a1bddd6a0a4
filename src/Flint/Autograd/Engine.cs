namespace Flint.Autograd;

/// <summary>
/// Runs backward: counts how many gradients each node will receive, then processes nodes
/// once all their gradients have arrived (a topological order), iteratively, never
/// recursively, so deep graphs cannot overflow the stack.
/// </summary>
internal static class Engine
{
    /// <summary>
    /// Back-propagates <paramref name="grads"/> from <paramref name="roots"/>. With
    /// <paramref name="inputs"/> given, returns the gradients reaching them instead of
    /// accumulating into leaves (<c>torch.autograd.grad</c>).
    /// </summary>
    public static Tensor?[]? Run(Tensor[] roots, Tensor[] grads, bool retainGraph, bool createGraph, Tensor[]? inputs = null, bool allowUnused = false)
    {
        var rootEdges = new Edge[roots.Length];
        for (int i = 0; i < roots.Length; i++)
        {
            var r = roots[i];
            if (!r.requires_grad)
                throw new InvalidOperationException($"element {i} of tensors does not require grad and does not have a grad_fn");
            rootEdges[i] = r.GradientEdge();
        }

        // Where autograd.grad wants results: the edge that feeds each input.
        Dictionary<(GradNode, int), int>? captures = null;
        Tensor?[]? captured = null;
        if (inputs is not null)
        {
            captures = new();
            captured = new Tensor?[inputs.Length];
            for (int i = 0; i < inputs.Length; i++)
            {
                if (!inputs[i].requires_grad)
                    throw new InvalidOperationException($"One of the differentiated Tensors does not require grad");
                var e = inputs[i].GradientEdge();
                captures[(e.Node!, e.InputNr)] = i;
            }
        }

        // The engine's working sets are reused from one backward to the next on this thread (a
        // training loop runs backward every iteration); a nested backward gets its own.
        var scratch = _spare ?? new Scratch();
        _spare = null;
        var dependencies = scratch.Dependencies;
        var stack = scratch.Stack;
        var seen = scratch.Seen;
        foreach (var e in rootEdges)
            if (e.Node is not null && seen.Add(e.Node)) stack.Push(e.Node);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var next in node.NextEdges)
            {
                if (next.Node is null) continue;
                dependencies[next.Node] = dependencies.GetValueOrDefault(next.Node) + 1;
                if (seen.Add(next.Node)) stack.Push(next.Node);
            }
        }

        var temps = scratch.Temps.Start(enabled: !createGraph);
        var outerTemps = _current;
        _current = temps;
        try
        {
            return RunGraph(rootEdges, grads, retainGraph, createGraph, captures, captured, allowUnused, temps, dependencies, scratch);
        }
        finally
        {
            _current = outerTemps;
            scratch.Clear();
            _spare = scratch;
        }
    }

    [ThreadStatic] private static Scratch? _spare;

    /// <summary>The collections one backward works in, cleared and kept for the next backward on the thread.</summary>
    private sealed class Scratch
    {
        public readonly Dictionary<GradNode, int> Dependencies = new(ReferenceEqualityComparer.Instance);
        public readonly Stack<GradNode> Stack = new();
        public readonly HashSet<GradNode> Seen = new(ReferenceEqualityComparer.Instance);
        public readonly Dictionary<GradNode, Tensor?[]> Buffers = new(ReferenceEqualityComparer.Instance);
        public readonly Stack<GradNode> Ready = new();
        public readonly List<GradNode> Processed = new();
        public readonly List<Tensor> Spent = new();
        public readonly TemporaryGradients Temps = new();

        public void Clear()
        {
            Dependencies.Clear(); Stack.Clear(); Seen.Clear(); Buffers.Clear();
            Ready.Clear(); Processed.Clear(); Spent.Clear(); Temps.Clear();
        }
    }

    [ThreadStatic] private static TemporaryGradients? _current;

    /// <summary>
    /// Lets a leaf take an engine-made gradient as its <c>.grad</c> without a copy (PyTorch's
    /// "steal" when nothing else refers to the gradient): only a dense, unshared tensor this
    /// backward created and no buffer still holds. It is then never recycled.
    /// </summary>
    internal static bool TryAdopt(Tensor g) => _current?.TryAdopt(g) ?? false;

    private static Tensor?[]? RunGraph(Edge[] rootEdges, Tensor[] grads, bool retainGraph, bool createGraph,
        Dictionary<(GradNode, int), int>? captures, Tensor?[]? captured, bool allowUnused, TemporaryGradients temps,
        Dictionary<GradNode, int> dependencies, Scratch scratch)
    {
        var buffers = scratch.Buffers;
        var spent = scratch.Spent;
        for (int i = 0; i < rootEdges.Length; i++)
            Accumulate(buffers, rootEdges[i], grads[i], temps, spent);

        var ready = scratch.Ready;
        foreach (var e in rootEdges)
            if (e.Node is not null && dependencies.GetValueOrDefault(e.Node) == 0 && !ready.Contains(e.Node)) ready.Push(e.Node);

        using var mode = GradMode.Set(createGraph);
        var processed = scratch.Processed;
        while (ready.Count > 0)
        {
            var node = ready.Pop();
            var gradOutputs = buffers.Remove(node, out var b) ? b : new Tensor?[node.NumOutputs];
            processed.Add(node);
            foreach (var g in gradOutputs) if (g is not null) { temps.Drop(g); spent.Add(g); }
            // User code in a custom Function may keep what it is given or returns: never recycle those.
            bool userCode = node is not FunctionNode and not AccumulateGrad;
            if (userCode) foreach (var g in gradOutputs) if (g is not null) temps.Pin(g);

            // --- Tensor hooks (Tensor.register_hook, GradNode.Hooks.cs): may replace gradOutputs entries. ---
            if (node.TensorPreHooks is { Count: > 0 })
                foreach (var t in node.RunTensorPreHooks(gradOutputs)) temps.Pin(t);
            // --- end tensor hooks ---

            if (node.RetainedOutputs is not null)
                foreach (var (outputNr, weak) in node.RetainedOutputs)
                    if (weak.TryGetTarget(out var t) && gradOutputs[outputNr] is { } g)
                        t.grad = (t.grad is null ? g.detach().clone() : t.grad + g.detach()).DetachFromDisposeScope();

            Tensor?[] inputGrads;
            if (captures is not null)
            {
                for (int o = 0; o < gradOutputs.Length; o++)
                    if (gradOutputs[o] is { } g && captures.TryGetValue((node, o), out var idx))
                    {
                        captured![idx] = g;
                        temps.Pin(g);
                    }
                if (node is AccumulateGrad) { temps.ReleaseUnused(spent); continue; } // autograd.grad never touches .grad
            }
            inputGrads = node.Apply(gradOutputs);

            // --- Anomaly detection (torch.autograd.detect_anomaly, AnomalyMode.cs): NaN in a node's results. ---
            if (AnomalyMode.IsEnabled) AnomalyMode.Check(node, inputGrads);
            // --- end anomaly detection ---
            if (userCode) foreach (var g in inputGrads) if (g is not null) temps.Pin(g);

            for (int i = 0; i < node.NextEdges.Length; i++)
            {
                var next = node.NextEdges[i];
                if (next.Node is null) continue;
                if (i < inputGrads.Length && inputGrads[i] is { } g) Accumulate(buffers, next, g, temps, spent);
                int left = dependencies[next.Node] - 1;
                dependencies[next.Node] = left;
                if (left == 0) ready.Push(next.Node);
            }
            foreach (var g in inputGrads) if (g is not null) spent.Add(g);
            temps.ReleaseUnused(spent);
        }

        if (!retainGraph)
            foreach (var n in processed) n.Release();

        if (captured is not null && !allowUnused)
            for (int i = 0; i < captured.Length; i++)
                if (captured[i] is null)
                    throw new InvalidOperationException("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.");
        return captured;
    }

    private static void Accumulate(Dictionary<GradNode, Tensor?[]> buffers, Edge edge, Tensor grad, TemporaryGradients temps, List<Tensor> spent)
    {
        if (edge.Node is null) return;
        if (!buffers.TryGetValue(edge.Node, out var slots))
            buffers[edge.Node] = slots = new Tensor?[edge.Node.NumOutputs];
        if (slots[edge.InputNr] is { } existing)
        {
            var sum = existing + grad;
            temps.Drop(existing);
            spent.Add(existing);
            spent.Add(grad);
            slots[edge.InputNr] = sum;
            temps.Hold(sum);
        }
        else
        {
            slots[edge.InputNr] = grad;
            temps.Hold(grad);
        }
    }

    /// <summary>
    /// Gradients the engine itself created during this backward, counted by how many buffer
    /// slots hold them. Once a gradient has been consumed and no slot holds it, it is disposed,
    /// which hands a large buffer straight back to the pool for the next op instead of leaving
    /// it to the garbage collector. Tensors older than the backward, or pinned (returned to the
    /// caller, or seen by user code), are never touched. Off under create_graph, where
    /// gradients are themselves part of a graph.
    /// </summary>
    private sealed class TemporaryGradients
    {
        private bool _enabled;
        private long _start;
        private readonly Dictionary<Tensor, int> _holds = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<Tensor> _pinned = new(ReferenceEqualityComparer.Instance);

        /// <summary>Begins a backward: only tensors created from here on are the engine's own.</summary>
        public TemporaryGradients Start(bool enabled)
        {
            _enabled = enabled;
            _start = Tensor.CurrentSerial;
            return this;
        }

        public void Clear()
        {
            _holds.Clear();
            _pinned.Clear();
        }

        public bool TryAdopt(Tensor g)
        {
            if (!_enabled || g.Serial <= _start || _pinned.Contains(g) || _holds.GetValueOrDefault(g) > 0) return false;
            if (g.GradFn is not null || g.Offset != 0 || !g.is_contiguous() || g.Storage.Length != g.numel() || !g.Storage.IsSoleView) return false;
            _pinned.Add(g);
            return true;
        }

        public void Hold(Tensor t) => _holds[t] = _holds.GetValueOrDefault(t) + 1;
        public void Drop(Tensor t) => _holds[t] = _holds.GetValueOrDefault(t) - 1;
        public void Pin(Tensor t) => _pinned.Add(t);

        public void ReleaseUnused(List<Tensor> candidates)
        {
            if (_enabled)
                foreach (var t in candidates)
                    if (t.Serial > _start && !_pinned.Contains(t) && _holds.GetValueOrDefault(t) <= 0 && !t.IsDisposed)
                    {
                        _holds.Remove(t);
                        t.Dispose();
                    }
            candidates.Clear();
        }
    }
}
