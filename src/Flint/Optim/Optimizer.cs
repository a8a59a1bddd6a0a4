using Flint.Modules;
using static Flint.torch.nn;

namespace Flint;

public static partial class torch
{
    /// <summary>The <c>torch.optim</c> namespace: optimizers and learning-rate schedulers.</summary>
    public static partial class optim
    {
        /// <summary>
        /// Base class of all optimizers: parameter groups with per-group hyperparameters,
        /// per-parameter state, <see cref="step"/>, <see cref="zero_grad"/> and state dicts laid out as PyTorch's.
        /// </summary>
        public abstract partial class Optimizer
        {
            private readonly List<ParamGroup> _parameter_groups = new();
            private readonly Dictionary<Tensor, OptimizerState> _state = new(ReferenceEqualityComparer.Instance);
            private readonly OptimizerOptions _defaults;

            /// <summary>Creates an optimizer whose groups default to <paramref name="defaults"/>; derived constructors then add their groups.</summary>
            protected Optimizer(OptimizerOptions defaults) => _defaults = defaults;

            /// <summary>The default hyperparameters, used for options a group leaves unset.</summary>
            public OptimizerOptions defaults => _defaults;

            /// <summary>The parameter groups, in the order they were added.</summary>
            public IReadOnlyList<ParamGroup> ParamGroups => _parameter_groups;

            /// <summary>Alias of <see cref="ParamGroups"/> with PyTorch's name.</summary>
            public IReadOnlyList<ParamGroup> param_groups => _parameter_groups;

            /// <summary>The per-parameter state (PyTorch's <c>optimizer.state</c>), created on a parameter's first update.</summary>
            public IReadOnlyDictionary<Tensor, OptimizerState> state => _state;

            /// <summary>All parameters of all groups.</summary>
            public IEnumerable<Parameter> parameters()
            {
                foreach (var g in _parameter_groups)
                    foreach (var p in g.Parameters)
                        yield return p;
            }

            /// <summary>
            /// Performs one update of every parameter that has a gradient (parameters whose grad is null are skipped).
            /// <paramref name="closure"/>, if given, is run first with grad enabled and its loss returned.
            /// </summary>
            public virtual Tensor? step(Func<Tensor>? closure = null)
            {
                Tensor? loss = null;
                if (closure is not null)
                    using (torch.enable_grad()) loss = closure();
                // State buffers made here (momentum, moments) must outlive the caller's dispose scope.
                using (DisposeScope.Suspend())
                using (torch.no_grad())
                    foreach (var group in _parameter_groups)
                        Update(group);
                return loss;
            }

            /// <summary>Updates one group's parameters in place; runs under <c>no_grad</c>.</summary>
            protected abstract void Update(ParamGroup group);

            /// <summary>A new, empty state object of this optimizer's kind (filled by <see cref="load_state_dict"/>).</summary>
            protected abstract OptimizerState CreateState();

            /// <summary>
            /// Resets the gradients of all parameters: to null (the default, as in PyTorch 2), or, with
            /// <paramref name="set_to_none"/> false, to zeros in place after cutting them off from any graph.
            /// </summary>
            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    var g = p.grad;
                    if (g is null) continue;
                    if (set_to_none) { p.grad = null; continue; }
                    if (g.grad_fn is not null) g.detach_();
                    else g.requires_grad_(false);
                    g.zero_();
                }
            }

            /// <summary>
            /// Adds a group; options it leaves unset take the optimizer's defaults. A parameter may belong to one group only.
            /// </summary>
            public virtual void add_param_group(ParamGroup param_group)
            {
                ArgumentNullException.ThrowIfNull(param_group);
                var ps = (param_group.Parameters ?? throw new ArgumentException("param group must have parameters")).ToList();
                foreach (var p in ps)
                {
                    if (p is null) throw new ArgumentException("optimizer can only optimize Tensors, but one of the params is null");
                    if (!p.is_leaf) throw new ArgumentException("can't optimize a non-leaf Tensor");
                }
                var existing = new HashSet<Tensor>(parameters(), ReferenceEqualityComparer.Instance);
                if (ps.Any(existing.Contains))
                    throw new ArgumentException("some parameters appear in more than one parameter group");

                var options = param_group.Options?.Clone() ?? _defaults.Clone();
                if (options.GetType() != _defaults.GetType())
                    throw new ArgumentException($"a parameter group of {GetType().Name} needs {_defaults.GetType().FullName} options, not {options.GetType().FullName}");
                options.FillMissingFrom(_defaults);
                if (options.LearningRate is null)
                    throw new ArgumentException("parameter group didn't specify a value of required optimization parameter lr");

                param_group.Parameters = ps;
                param_group.Options = options;
                _parameter_groups.Add(param_group);
                OnParamGroupAdded(param_group);
            }

            /// <summary>Hook for optimizers that create state eagerly (Adagrad).</summary>
            protected virtual void OnParamGroupAdded(ParamGroup group) { }

            /// <summary>The state of <paramref name="param"/>, or null before its first update.</summary>
            protected TState? GetState<TState>(Tensor param) where TState : OptimizerState =>
                _state.TryGetValue(param, out var s) ? (TState)s : null;

            /// <summary>Sets the state of <paramref name="param"/>.</summary>
            protected void SetState(Tensor param, OptimizerState state)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _state[param] = state;
            }

            /// <summary>
            /// The optimizer's state as PyTorch lays it out (see <see cref="StateDictionary"/>). State tensors
            /// are the optimizer's live buffers, as in PyTorch; <see cref="load_state_dict"/> copies them.
            /// </summary>
            public StateDictionary state_dict()
            {
                var sd = new StateDictionary();
                var index = new Dictionary<Tensor, int>(ReferenceEqualityComparer.Instance);
                int start = 0;
                foreach (var g in _parameter_groups)
                {
                    var group = new Dictionary<string, object?>();
                    g.Options!.SaveTo(group);
                    var ids = new List<int>();
                    int i = start;
                    foreach (var p in g.Parameters)
                    {
                        index.TryAdd(p, i++);
                        ids.Add(index[p]);
                    }
                    start += ids.Count;
                    group["params"] = ids;
                    if (g.Options.InitialLearningRate is double initial) group["initial_lr"] = initial;
                    sd.ParamGroups.Add(group);
                }
                foreach (var (p, st) in _state)
                {
                    if (!index.TryGetValue(p, out int id)) continue;
                    var entry = new Dictionary<string, object?>();
                    st.SaveTo(entry);
                    sd.State[id] = entry;
                }
                return sd;
            }

            /// <summary>
            /// Restores state saved by <see cref="state_dict"/> (possibly from another optimizer of the same kind
            /// over parameters of the same shapes): hyperparameters per group and a copy of the per-parameter state.
            /// </summary>
            public void load_state_dict(StateDictionary state_dict)
            {
                ArgumentNullException.ThrowIfNull(state_dict);
                using var unscoped = DisposeScope.Suspend(); // restored buffers outlive the caller's dispose scope
                var saved = state_dict.ParamGroups;
                if (saved.Count != _parameter_groups.Count)
                    throw new ArgumentException("loaded state dict has a different number of parameter groups");

                // Parse everything first so a bad dict leaves this optimizer untouched.
                var idMap = new Dictionary<int, Parameter>();
                var newOptions = new List<OptimizerOptions>();
                for (int gi = 0; gi < saved.Count; gi++)
                {
                    var group = _parameter_groups[gi];
                    var ps = group.Parameters as IList<Parameter> ?? group.Parameters.ToList();
                    var ids = ReadParams(saved[gi]);
                    if (ids.Count != ps.Count)
                        throw new ArgumentException("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
                    for (int i = 0; i < ids.Count; i++) idMap[ids[i]] = ps[i];
                    var options = group.Options!.Clone();
                    options.LoadFrom(saved[gi]);
                    options.FillMissingFrom(_defaults);
                    options.InitialLearningRate = saved[gi].TryGetValue("initial_lr", out var init) && init is not null
                        ? OptimizerOptions.ToNumber(init, "initial_lr") : null;
                    if (options.LearningRate is null) throw new ArgumentException("loaded state dict has a parameter group without lr");
                    newOptions.Add(options);
                }
                var newState = new List<(Tensor, OptimizerState)>();
                foreach (var (id, entry) in state_dict.State)
                {
                    // PyTorch keeps state for unknown ids but never uses it; dropping it is equivalent.
                    if (!idMap.TryGetValue(id, out var p)) continue;
                    var st = CreateState();
                    st.LoadFrom(entry, p);
                    newState.Add((p, st));
                }

                for (int gi = 0; gi < newOptions.Count; gi++) _parameter_groups[gi].Options = newOptions[gi];
                _state.Clear();
                foreach (var (p, st) in newState) _state[p] = st;
            }

            private static List<int> ReadParams(Dictionary<string, object?> group)
            {
                if (!group.TryGetValue("params", out var v) || v is null)
                    throw new ArgumentException("loaded state dict has a parameter group without 'params'");
                var ids = new List<int>();
                if (v is System.Collections.IEnumerable seq)
                    foreach (var o in seq)
                        ids.Add(o switch
                        {
                            int i => i,
                            long l => checked((int)l),
                            _ => throw new ArgumentException("loaded state dict: 'params' must list integer parameter indices"),
                        });
                else throw new ArgumentException("loaded state dict: 'params' must be a list of parameter indices");
                return ids;
            }

            /// <summary>Wraps a flat parameter list as one group, rejecting an empty list as PyTorch does.</summary>
            protected static TGroup[] SingleGroup<TGroup>(IEnumerable<Parameter> parameters) where TGroup : ParamGroup, new()
            {
                ArgumentNullException.ThrowIfNull(parameters);
                var ps = parameters.ToList();
                if (ps.Count == 0) throw new ArgumentException("optimizer got an empty parameter list");
                return [new TGroup { Parameters = ps }];
            }

            /// <summary>Adds the groups given to a derived constructor, rejecting an empty list as PyTorch does.</summary>
            protected void AddParamGroups(IEnumerable<ParamGroup> groups)
            {
                ArgumentNullException.ThrowIfNull(groups);
                var list = groups.ToList();
                if (list.Count == 0) throw new ArgumentException("optimizer got an empty parameter list");
                foreach (var g in list) add_param_group(g);
            }
        }
    }
}
