using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>SGD over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="momentum">As in the overload over plain parameters.</param>
            /// <param name="dampening">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            /// <param name="nesterov">As in the overload over plain parameters.</param>
            /// <param name="maximize">As in the overload over plain parameters.</param>
            public static Modules.SGD SGD(IEnumerable<(string name, Parameter parameter)> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                SGD(parameters.Select(np => np.parameter), lr, momentum, dampening, weight_decay, nesterov, maximize);

            /// <summary>
            /// Stochastic gradient descent, optionally with momentum, dampening, Nesterov momentum and
            /// weight decay (PyTorch's <c>torch.optim.SGD</c>).
            /// </summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="momentum">Momentum factor (default 0).</param>
            /// <param name="dampening">Dampening for momentum (default 0).</param>
            /// <param name="weight_decay">Weight decay, an L2 penalty (default 0).</param>
            /// <param name="nesterov">Use Nesterov momentum (default false).</param>
            /// <param name="maximize">Maximize the objective instead of minimizing it (default false).</param>
            public static Modules.SGD SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize);

            /// <summary>SGD over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="momentum">Default momentum factor.</param>
            /// <param name="dampening">Default dampening.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="nesterov">Default for Nesterov momentum.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public static Modules.SGD SGD(IEnumerable<Modules.SGD.ParamGroup> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>Stochastic gradient descent, following PyTorch 1.13's single-tensor update exactly.</summary>
        public partial class SGD : torch.optim.Optimizer
        {
            /// <summary>SGD over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="momentum">Momentum factor.</param>
            /// <param name="dampening">Dampening for momentum.</param>
            /// <param name="weight_decay">Weight decay (L2 penalty).</param>
            /// <param name="nesterov">Use Nesterov momentum.</param>
            /// <param name="maximize">Maximize the objective.</param>
            public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
                : this(SingleGroup<ParamGroup>(parameters), lr, momentum, dampening, weight_decay, nesterov, maximize) { }

            /// <summary>SGD over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="momentum">Default momentum factor.</param>
            /// <param name="dampening">Default dampening.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="nesterov">Default for Nesterov momentum.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
                : base(new Options { LearningRate = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize })
            {
                var c = CultureInfo.InvariantCulture;
                if (lr < 0) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (momentum < 0) throw new ArgumentException(string.Format(c, "Invalid momentum value: {0}", momentum));
                if (weight_decay < 0) throw new ArgumentException(string.Format(c, "Invalid weight_decay value: {0}", weight_decay));
                if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
                AddParamGroups(parameters);
            }

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double lr = o.LearningRate!.Value, momentum = o.momentum!.Value, dampening = o.dampening!.Value, weight_decay = o.weight_decay!.Value;
                bool nesterov = o.nesterov!.Value, maximize = o.maximize!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param);
                    if (state is null) SetState(param, state = new State());

                    var d_p = maximize ? -grad : grad;
                    if (weight_decay != 0) d_p = d_p.add(param, alpha: weight_decay);
                    if (momentum != 0)
                    {
                        var buf = state.momentum_buffer;
                        if (buf is null) state.momentum_buffer = buf = d_p.clone().detach();
                        else buf.mul_(momentum).add_(d_p, alpha: 1 - dampening);
                        d_p = nesterov ? d_p.add(buf, alpha: momentum) : buf;
                    }
                    param.add_(d_p, alpha: -lr);
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>SGD's per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>The momentum buffer; null until the first step with momentum (PyTorch stores None).</summary>
                public Tensor? momentum_buffer;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state) => state["momentum_buffer"] = momentum_buffer;

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param) =>
                    momentum_buffer = ReadBuffer(state, "momentum_buffer", param);
            }

            /// <summary>SGD's hyperparameters; null fields take the optimizer's defaults.</summary>
            public class Options : OptimizerOptions
            {
                /// <summary>Momentum factor.</summary>
                public double? momentum;
                /// <summary>Dampening for momentum.</summary>
                public double? dampening;
                /// <summary>Weight decay (L2 penalty).</summary>
                public double? weight_decay;
                /// <summary>Nesterov momentum.</summary>
                public bool? nesterov;
                /// <summary>Maximize the objective.</summary>
                public bool? maximize;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    momentum ??= d.momentum; dampening ??= d.dampening; weight_decay ??= d.weight_decay;
                    nesterov ??= d.nesterov; maximize ??= d.maximize;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["momentum"] = momentum; group["dampening"] = dampening; group["weight_decay"] = weight_decay;
                    group["nesterov"] = nesterov; group["maximize"] = maximize;
                    group["foreach"] = null; group["differentiable"] = false;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    momentum = ReadDouble(group, "momentum", momentum); dampening = ReadDouble(group, "dampening", dampening);
                    weight_decay = ReadDouble(group, "weight_decay", weight_decay);
                    nesterov = ReadBool(group, "nesterov", nesterov); maximize = ReadBool(group, "maximize", maximize);
                }
            }

            /// <summary>An SGD parameter group; options left null take the optimizer's defaults.</summary>
            public partial class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? momentum = null, double? dampening = null, double? weight_decay = null, bool? nesterov = null, bool? maximize = null)
                    : base(parameters, new Options { LearningRate = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize }) { }
            }
        }
    }
}
