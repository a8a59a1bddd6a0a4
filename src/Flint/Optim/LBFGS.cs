using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>
            /// The L-BFGS algorithm, PyTorch's <c>torch.optim.LBFGS</c> (after minFunc). It needs a closure that
            /// re-evaluates the loss: call <c>step(closure)</c>. One parameter group only.
            /// </summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 1).</param>
            /// <param name="max_iter">Maximal number of iterations per <c>step</c> (default 20).</param>
            /// <param name="max_eval">Maximal number of function evaluations per <c>step</c> (default max_iter · 5 / 4).</param>
            /// <param name="tolerance_grad">Termination tolerance on first-order optimality (default 1e-7).</param>
            /// <param name="tolerance_change">Termination tolerance on function value and parameter changes (default 1e-9).</param>
            /// <param name="history_size">Update history size (default 100).</param>
            /// <param name="line_search_fn">Either <c>"strong_wolfe"</c> or null (default null: fixed step <paramref name="lr"/>).</param>
            public static Modules.LBFGS LBFGS(IEnumerable<Parameter> parameters, double lr = 1, long max_iter = 20, long? max_eval = null, double tolerance_grad = 1e-7, double tolerance_change = 1e-9, long history_size = 100, string? line_search_fn = null) =>
                new(parameters, lr, max_iter, max_eval, tolerance_grad, tolerance_change, history_size, line_search_fn);

            /// <summary>L-BFGS over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="max_iter">As in the overload over plain parameters.</param>
            /// <param name="max_eval">As in the overload over plain parameters.</param>
            /// <param name="tolerance_grad">As in the overload over plain parameters.</param>
            /// <param name="tolerance_change">As in the overload over plain parameters.</param>
            /// <param name="history_size">As in the overload over plain parameters.</param>
            /// <param name="line_search_fn">As in the overload over plain parameters.</param>
            public static Modules.LBFGS LBFGS(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1, long max_iter = 20, long? max_eval = null, double tolerance_grad = 1e-7, double tolerance_change = 1e-9, long history_size = 100, string? line_search_fn = null) =>
                LBFGS(parameters.Select(np => np.parameter), lr, max_iter, max_eval, tolerance_grad, tolerance_change, history_size, line_search_fn);
        }
    }

    namespace Modules
    {
        /// <summary>
        /// L-BFGS, following PyTorch 1.13's algorithm step for step (the two-loop recursion, the history,
        /// the stopping rules and the strong-Wolfe line search with cubic interpolation). PyTorch keeps some
        /// scalars (<c>ys</c>, <c>H_diag</c>, the directional derivatives) as 0-dim tensors of the parameters' dtype;
        /// Flint keeps them as doubles, so float64 parameters follow PyTorch to rounding and float32 ones closely.
        /// All parameters must be on one device; state lives in the first parameter's entry, as in PyTorch.
        /// </summary>
        public class LBFGS : torch.optim.Optimizer
        {
            private readonly List<Parameter> _params;

            /// <summary>L-BFGS over <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="max_iter">Maximal number of iterations per step.</param>
            /// <param name="max_eval">Maximal number of function evaluations per step (null: max_iter · 5 / 4).</param>
            /// <param name="tolerance_grad">Termination tolerance on first-order optimality.</param>
            /// <param name="tolerance_change">Termination tolerance on function value and parameter changes.</param>
            /// <param name="history_size">Update history size.</param>
            /// <param name="line_search_fn">"strong_wolfe" or null.</param>
            public LBFGS(IEnumerable<Parameter> parameters, double lr = 1, long max_iter = 20, long? max_eval = null, double tolerance_grad = 1e-7, double tolerance_change = 1e-9, long history_size = 100, string? line_search_fn = null)
                : base(new Options
                {
                    LearningRate = lr, max_iter = max_iter, max_eval = max_eval ?? max_iter * 5 / 4, tolerance_grad = tolerance_grad,
                    tolerance_change = tolerance_change, history_size = history_size, line_search_fn = line_search_fn,
                })
            {
                if (line_search_fn is not null && line_search_fn != "strong_wolfe")
                    throw new ArgumentException("only 'strong_wolfe' is supported");
                AddParamGroups(SingleGroup<ParamGroup>(parameters));
                _params = ParamGroups[0].Parameters.ToList();
            }

            /// <inheritdoc/>
            public override void add_param_group(Modules.ParamGroup param_group)
            {
                if (ParamGroups.Count > 0) throw new ArgumentException("LBFGS doesn't support per-parameter options (parameter groups)");
                base.add_param_group(param_group);
            }

            /// <summary>Not used: <see cref="step"/> runs the whole algorithm.</summary>
            /// <param name="group">The single group.</param>
            protected override void Update(Modules.ParamGroup group) =>
                throw new InvalidOperationException("LBFGS updates through step(closure)");

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>
            /// Runs up to <c>max_iter</c> iterations of L-BFGS, re-evaluating <paramref name="closure"/> (which must
            /// zero the gradients, compute the loss, call backward and return the loss). Returns the loss of the first evaluation.
            /// </summary>
            /// <param name="closure">Re-evaluates the model and returns the loss; required.</param>
            public override Tensor? step(Func<Tensor>? closure = null)
            {
                ArgumentNullException.ThrowIfNull(closure, nameof(closure));
                using var unscoped = DisposeScope.Suspend(); // history and direction outlive the caller's scope
                using var noGrad = torch.no_grad();
                var o = (Options)ParamGroups[0].Options!;
                double lr = o.LearningRate!.Value, tolerance_grad = o.tolerance_grad!.Value, tolerance_change = o.tolerance_change!.Value;
                long max_iter = o.max_iter!.Value, max_eval = o.max_eval!.Value, history_size = o.history_size!.Value;
                string? line_search_fn = o.line_search_fn;

                var state = GetState<State>(_params[0]);
                if (state is null) SetState(_params[0], state = new State());

                Tensor Evaluate() { using (torch.enable_grad()) return closure(); }

                var orig_loss = Evaluate();
                double loss = Value(orig_loss);
                long current_evals = 1;
                state.func_evals += 1;
                var flat_grad = GatherFlatGrad();
                bool opt_cond = Value(flat_grad.abs().max()) <= tolerance_grad;
                if (opt_cond) return orig_loss;

                var d = state.d;
                double t = state.t ?? 0;
                var old_dirs = state.old_dirs;
                var old_stps = state.old_stps;
                var ro = state.ro;
                double H_diag = state.H_diag ?? 1;
                var prev_flat_grad = state.prev_flat_grad;
                double prev_loss = state.prev_loss ?? 0;

                long n_iter = 0;
                while (n_iter < max_iter)
                {
                    n_iter++;
                    state.n_iter++;

                    // The descent direction.
                    if (state.n_iter == 1)
                    {
                        d = flat_grad.neg();
                        old_dirs = []; old_stps = []; ro = [];
                        H_diag = 1;
                    }
                    else
                    {
                        // Update the memory with the last step.
                        var y = flat_grad.sub(prev_flat_grad!);
                        var s = d! * t;
                        double ys = Value(y.dot(s));
                        if (ys > 1e-10)
                        {
                            if (old_dirs!.Count == history_size)
                            {
                                old_dirs.RemoveAt(0); old_stps!.RemoveAt(0); ro!.RemoveAt(0);
                            }
                            old_dirs.Add(y); old_stps!.Add(s); ro!.Add(1.0 / ys);
                            H_diag = ys / Value(y.dot(y));
                        }

                        // The two-loop recursion: d = -H · g.
                        int num_old = old_dirs!.Count;
                        state.al ??= new double?[history_size];
                        var al = state.al;
                        var q = flat_grad.neg();
                        for (int i = num_old - 1; i >= 0; i--)
                        {
                            al[i] = Value(old_stps![i].dot(q)) * ro![i];
                            q.add_(old_dirs[i], alpha: -al[i]!.Value);
                        }
                        var r = q * H_diag;
                        for (int i = 0; i < num_old; i++)
                        {
                            double be_i = Value(old_dirs[i].dot(r)) * ro![i];
                            r.add_(old_stps![i], alpha: al[i]!.Value - be_i);
                        }
                        d = r;
                    }

                    if (prev_flat_grad is null) prev_flat_grad = flat_grad.clone();
                    else prev_flat_grad.copy_(flat_grad);
                    prev_loss = loss;

                    // The step size: the first iteration is scaled by the gradient's size.
                    t = state.n_iter == 1 ? Math.Min(1.0, 1.0 / Value(flat_grad.abs().sum())) * lr : lr;

                    double gtd = Value(flat_grad.dot(d));
                    if (gtd > -tolerance_change) break;

                    long ls_func_evals = 0;
                    if (line_search_fn is not null)
                    {
                        var x_init = _params.Select(p => p.clone()).ToArray();
                        (double, Tensor) ObjFunc(Tensor[] x, double step, Tensor dir) => DirectionalEvaluate(Evaluate, x, step, dir);
                        (loss, flat_grad, t, ls_func_evals) = StrongWolfe.Search(ObjFunc, x_init, t, d, loss, flat_grad, gtd);
                        AddGrad(t, d);
                        opt_cond = Value(flat_grad.abs().max()) <= tolerance_grad;
                    }
                    else
                    {
                        AddGrad(t, d);
                        if (n_iter != max_iter)
                        {
                            // Re-evaluate except on the last iteration; without a line search there is no
                            // use for the loss and gradient there.
                            loss = Value(Evaluate());
                            flat_grad = GatherFlatGrad();
                            opt_cond = Value(flat_grad.abs().max()) <= tolerance_grad;
                            ls_func_evals = 1;
                        }
                    }
                    current_evals += ls_func_evals;
                    state.func_evals += ls_func_evals;

                    // The stopping rules.
                    if (n_iter == max_iter) break;
                    if (current_evals >= max_eval) break;
                    if (opt_cond) break;
                    if (Value((d * t).abs().max()) <= tolerance_change) break;
                    if (Math.Abs(loss - prev_loss) < tolerance_change) break;
                }

                state.d = d; state.t = t; state.old_dirs = old_dirs; state.old_stps = old_stps; state.ro = ro;
                state.H_diag = H_diag; state.prev_flat_grad = prev_flat_grad; state.prev_loss = prev_loss;
                return orig_loss;
            }

            private static double Value(Tensor scalar) => scalar.to(ScalarType.Float64).item<double>();

            private Tensor GatherFlatGrad() =>
                torch.cat(_params.Select(p => p.grad is null ? torch.zeros([p.numel()], p.dtype, p.device) : p.grad.reshape(-1)).ToList(), 0);

            private void AddGrad(double step_size, Tensor update)
            {
                long offset = 0;
                foreach (var p in _params)
                {
                    long numel = p.numel();
                    p.add_(update.narrow(0, offset, numel).view_as(p), alpha: step_size);
                    offset += numel;
                }
            }

            private (double, Tensor) DirectionalEvaluate(Func<Tensor> closure, Tensor[] x, double t, Tensor d)
            {
                AddGrad(t, d);
                double loss = Value(closure());
                var flat_grad = GatherFlatGrad();
                for (int i = 0; i < _params.Count; i++) _params[i].copy_(x[i]);
                return (loss, flat_grad);
            }

            /// <summary>
            /// L-BFGS's state, kept in the first parameter's entry as PyTorch does. State dicts hold the same
            /// keys as PyTorch's (<c>func_evals</c>, <c>n_iter</c>, <c>d</c>, <c>t</c>, <c>old_dirs</c>,
            /// <c>old_stps</c>, <c>ro</c>, <c>H_diag</c>, <c>prev_flat_grad</c>, <c>prev_loss</c>, <c>al</c>);
            /// the scalars PyTorch keeps as 0-dim tensors are numbers here.
            /// </summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Function evaluations over all steps.</summary>
                public long func_evals;
                /// <summary>Iterations over all steps.</summary>
                public long n_iter;
                /// <summary>The last search direction.</summary>
                public Tensor? d;
                /// <summary>The last step size.</summary>
                public double? t;
                /// <summary>Gradient differences y of the history, oldest first.</summary>
                public List<Tensor>? old_dirs;
                /// <summary>Steps s of the history, oldest first.</summary>
                public List<Tensor>? old_stps;
                /// <summary>1 / (yᵀs) per history entry.</summary>
                public List<double>? ro;
                /// <summary>The initial inverse-Hessian scale, yᵀs / yᵀy.</summary>
                public double? H_diag;
                /// <summary>The flat gradient at the previous iterate.</summary>
                public Tensor? prev_flat_grad;
                /// <summary>The loss at the previous iterate.</summary>
                public double? prev_loss;
                /// <summary>The first loop's coefficients (PyTorch's <c>al</c>, allocated at history size).</summary>
                public double?[]? al;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["func_evals"] = func_evals; state["n_iter"] = n_iter;
                    if (d is null) return; // no iteration yet (PyTorch returned before storing them)
                    state["d"] = d; state["t"] = t; state["old_dirs"] = old_dirs?.Cast<object?>().ToList();
                    state["old_stps"] = old_stps?.Cast<object?>().ToList(); state["ro"] = ro?.Cast<object?>().ToList();
                    state["H_diag"] = H_diag; state["prev_flat_grad"] = prev_flat_grad; state["prev_loss"] = prev_loss;
                    if (al is not null) state["al"] = al.Cast<object?>().ToList();
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    func_evals = (long)Number(state, "func_evals", required: true)!.Value;
                    n_iter = (long)Number(state, "n_iter", required: true)!.Value;
                    d = Flat(state.GetValueOrDefault("d"), "d");
                    t = Number(state, "t"); H_diag = Number(state, "H_diag"); prev_loss = Number(state, "prev_loss");
                    prev_flat_grad = Flat(state.GetValueOrDefault("prev_flat_grad"), "prev_flat_grad");
                    old_dirs = Tensors(state, "old_dirs"); old_stps = Tensors(state, "old_stps");
                    ro = List(state, "ro")?.Select(v => ToDouble(v, "ro")).ToList();
                    al = List(state, "al")?.Select(v => v is null ? (double?)null : ToDouble(v, "al")).ToArray();
                }

                private static double ToDouble(object? v, string key) =>
                    v is Tensor t ? t.to(ScalarType.Float64).item<double>() : OptimizerOptions.ToNumber(v, key);

                private static double? Number(IReadOnlyDictionary<string, object?> state, string key, bool required = false)
                {
                    if (!state.TryGetValue(key, out var v) || v is null)
                        return required ? throw new ArgumentException($"optimizer state dict: state is missing '{key}'") : null;
                    return ToDouble(v, key);
                }

                private static Tensor? Flat(object? v, string key) => v switch
                {
                    null => null,
                    Tensor t => t.detach().reshape(-1).clone(),
                    _ => throw new ArgumentException($"optimizer state dict: state key '{key}' must hold a tensor"),
                };

                private static List<object?>? List(IReadOnlyDictionary<string, object?> state, string key) =>
                    state.TryGetValue(key, out var v) && v is System.Collections.IEnumerable e && v is not string ? e.Cast<object?>().ToList() : null;

                private static List<Tensor>? Tensors(IReadOnlyDictionary<string, object?> state, string key) =>
                    List(state, key)?.Select(v => Flat(v, key) ?? throw new ArgumentException($"optimizer state dict: '{key}' holds None")).ToList();
            }

            /// <summary>L-BFGS's hyperparameters.</summary>
            public class Options : OptimizerOptions
            {
                /// <summary>Maximal iterations per step.</summary>
                public long? max_iter;
                /// <summary>Maximal function evaluations per step.</summary>
                public long? max_eval;
                /// <summary>Termination tolerance on first-order optimality.</summary>
                public double? tolerance_grad;
                /// <summary>Termination tolerance on function value and parameter changes.</summary>
                public double? tolerance_change;
                /// <summary>Update history size.</summary>
                public long? history_size;
                /// <summary>"strong_wolfe" or null.</summary>
                public string? line_search_fn;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    max_iter ??= d.max_iter; max_eval ??= d.max_eval; tolerance_grad ??= d.tolerance_grad;
                    tolerance_change ??= d.tolerance_change; history_size ??= d.history_size; line_search_fn ??= d.line_search_fn;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["max_iter"] = max_iter; group["max_eval"] = max_eval; group["tolerance_grad"] = tolerance_grad;
                    group["tolerance_change"] = tolerance_change; group["history_size"] = history_size; group["line_search_fn"] = line_search_fn;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    max_iter = ReadLong(group, "max_iter", max_iter); max_eval = ReadLong(group, "max_eval", max_eval);
                    tolerance_grad = ReadDouble(group, "tolerance_grad", tolerance_grad);
                    tolerance_change = ReadDouble(group, "tolerance_change", tolerance_change);
                    history_size = ReadLong(group, "history_size", history_size);
                    if (group.TryGetValue("line_search_fn", out var ls))
                        line_search_fn = ls switch
                        {
                            null => null,
                            "strong_wolfe" => "strong_wolfe",
                            _ => throw new ArgumentException("only 'strong_wolfe' is supported"),
                        };
                }

                private static long? ReadLong(IReadOnlyDictionary<string, object?> group, string key, long? current)
                {
                    var v = ReadDouble(group, key, current);
                    if (v is null) return null;
                    if (v.Value != Math.Floor(v.Value)) throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "optimizer state dict: '{0}' must be an integer, got {1}", key, v.Value));
                    return (long)v.Value;
                }
            }

            /// <summary>L-BFGS's single parameter group.</summary>
            public class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }
            }
        }
    }
}
