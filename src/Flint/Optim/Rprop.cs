using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Rprop over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="etaminus">As in the overload over plain parameters.</param>
            /// <param name="etaplus">As in the overload over plain parameters.</param>
            /// <param name="min_step">As in the overload over plain parameters.</param>
            /// <param name="max_step">As in the overload over plain parameters.</param>
            /// <param name="maximize">As in the overload over plain parameters.</param>
            public static Modules.Rprop Rprop(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) =>
                Rprop(parameters.Select(np => np.parameter), lr, etaminus, etaplus, min_step, max_step, maximize);

            /// <summary>
            /// The resilient backpropagation algorithm, PyTorch's <c>torch.optim.Rprop</c>. PyTorch's tuples
            /// <c>etas=(etaminus, etaplus)</c> and <c>step_sizes=(min_step, max_step)</c> are separate arguments here, as in TorchSharp.
            /// </summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Initial step size (default 1e-2).</param>
            /// <param name="etaminus">Multiplicative decrease of a step size whose gradient changed sign (default 0.5).</param>
            /// <param name="etaplus">Multiplicative increase of a step size whose gradient kept its sign (default 1.2).</param>
            /// <param name="min_step">Smallest step size (default 1e-6).</param>
            /// <param name="max_step">Largest step size (default 50).</param>
            /// <param name="maximize">Maximize the objective instead of minimizing it (default false).</param>
            public static Modules.Rprop Rprop(IEnumerable<Parameter> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) =>
                new(parameters, lr, etaminus, etaplus, min_step, max_step, maximize);

            /// <summary>Rprop over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default initial step size.</param>
            /// <param name="etaminus">Default decrease factor.</param>
            /// <param name="etaplus">Default increase factor.</param>
            /// <param name="min_step">Default smallest step size.</param>
            /// <param name="max_step">Default largest step size.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public static Modules.Rprop Rprop(IEnumerable<Modules.Rprop.ParamGroup> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) =>
                new(parameters, lr, etaminus, etaplus, min_step, max_step, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>Rprop, following PyTorch 1.13's single-tensor update exactly.</summary>
        public class Rprop : torch.optim.Optimizer
        {
            /// <summary>Rprop over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Initial step size.</param>
            /// <param name="etaminus">Decrease factor.</param>
            /// <param name="etaplus">Increase factor.</param>
            /// <param name="min_step">Smallest step size.</param>
            /// <param name="max_step">Largest step size.</param>
            /// <param name="maximize">Maximize the objective.</param>
            public Rprop(IEnumerable<Parameter> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false)
                : this(SingleGroup<ParamGroup>(parameters), lr, etaminus, etaplus, min_step, max_step, maximize) { }

            /// <summary>Rprop over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default initial step size.</param>
            /// <param name="etaminus">Default decrease factor.</param>
            /// <param name="etaplus">Default increase factor.</param>
            /// <param name="min_step">Default smallest step size.</param>
            /// <param name="max_step">Default largest step size.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public Rprop(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false)
                : base(Init(lr, etaminus, etaplus, min_step, max_step, maximize))
            {
                AddParamGroups(parameters);
            }

            private static Options Init(double lr, double etaminus, double etaplus, double min_step, double max_step, bool maximize)
            {
                var c = CultureInfo.InvariantCulture;
                if (!(lr >= 0)) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (!(0 < etaminus && etaminus < 1 && 1 < etaplus)) throw new ArgumentException(string.Format(c, "Invalid eta values: {0}, {1}", etaminus, etaplus));
                return new Options { LearningRate = lr, etaminus = etaminus, etaplus = etaplus, min_step = min_step, max_step = max_step, maximize = maximize };
            }

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double etaminus = o.etaminus!.Value, etaplus = o.etaplus!.Value, min_step = o.min_step!.Value, max_step = o.max_step!.Value;
                bool maximize = o.maximize!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param);
                    if (state is null)
                        SetState(param, state = new State { prev = torch.zeros_like(param), step_size = torch.full_like(grad, o.LearningRate!.Value) });
                    state.step++;

                    if (maximize) grad = -grad;
                    var prev = state.prev!;
                    var step_size = state.step_size!;

                    // The sign of grad · prev picks each element's factor: etaplus, etaminus, or 1 where either is zero.
                    var sign = grad.mul(prev).sign();
                    var positive = sign.gt(0);
                    var negative = sign.lt(0);
                    var zero = sign.eq(0);
                    sign.masked_fill_(positive, etaplus);
                    sign.masked_fill_(negative, etaminus);
                    sign.masked_fill_(zero, 1);
                    step_size.mul_(sign).clamp_(min_step, max_step);

                    // Where the sign flipped, the step is skipped and the next comparison starts afresh.
                    grad = grad.clone();
                    grad.masked_fill_(sign.eq(etaminus), 0);
                    param.addcmul_(grad.sign(), step_size, value: -1);
                    prev.copy_(grad);
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>Rprop's per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Number of steps taken (a plain integer, as in PyTorch 1.13's Rprop).</summary>
                public long step;
                /// <summary>The previous (masked) gradient.</summary>
                public Tensor? prev;
                /// <summary>Each element's current step size.</summary>
                public Tensor? step_size;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["step"] = step; state["prev"] = prev; state["step_size"] = step_size;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    step = ReadStepCount(state);
                    prev = RequireBuffer(state, "prev", param);
                    step_size = RequireBuffer(state, "step_size", param);
                }
            }

            /// <summary>Rprop's hyperparameters; null fields take the optimizer's defaults.</summary>
            public class Options : OptimizerOptions
            {
                /// <summary>Decrease factor (PyTorch's <c>etas[0]</c>).</summary>
                public double? etaminus;
                /// <summary>Increase factor (PyTorch's <c>etas[1]</c>).</summary>
                public double? etaplus;
                /// <summary>Smallest step size (PyTorch's <c>step_sizes[0]</c>).</summary>
                public double? min_step;
                /// <summary>Largest step size (PyTorch's <c>step_sizes[1]</c>).</summary>
                public double? max_step;
                /// <summary>Maximize the objective.</summary>
                public bool? maximize;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    etaminus ??= d.etaminus; etaplus ??= d.etaplus; min_step ??= d.min_step; max_step ??= d.max_step; maximize ??= d.maximize;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["etas"] = OptionPairs.Write((etaminus!.Value, etaplus!.Value));
                    group["step_sizes"] = OptionPairs.Write((min_step!.Value, max_step!.Value));
                    group["foreach"] = null; group["maximize"] = maximize;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    if (OptionPairs.Read(group, "etas", null) is var (em, ep)) { etaminus = em; etaplus = ep; }
                    if (OptionPairs.Read(group, "step_sizes", null) is var (lo, hi)) { min_step = lo; max_step = hi; }
                    maximize = ReadBool(group, "maximize", maximize);
                }
            }

            /// <summary>An Rprop parameter group; options left null take the optimizer's defaults.</summary>
            public class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? etaminus = null, double? etaplus = null, double? min_step = null, double? max_step = null, bool? maximize = null)
                    : base(parameters, new Options { LearningRate = lr, etaminus = etaminus, etaplus = etaplus, min_step = min_step, max_step = max_step, maximize = maximize }) { }
            }
        }
    }
}
