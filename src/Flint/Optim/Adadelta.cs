using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>The Adadelta algorithm (Zeiler, 2012), PyTorch's <c>torch.optim.Adadelta</c>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Coefficient that scales each delta (default 1.0).</param>
            /// <param name="rho">Decay of the running averages of squared gradients and deltas (default 0.9).</param>
            /// <param name="eps">Term added inside both square roots for numerical stability (default 1e-6).</param>
            /// <param name="weight_decay">Weight decay, an L2 penalty (default 0).</param>
            /// <param name="maximize">Maximize the objective instead of minimizing it (default false).</param>
            public static Modules.Adadelta Adadelta(IEnumerable<Parameter> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false) =>
                new(parameters, lr, rho, eps, weight_decay, maximize);

            /// <summary>Adadelta over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="rho">As in the overload over plain parameters.</param>
            /// <param name="eps">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            /// <param name="maximize">As in the overload over plain parameters.</param>
            public static Modules.Adadelta Adadelta(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false) =>
                Adadelta(parameters.Select(np => np.parameter), lr, rho, eps, weight_decay, maximize);

            /// <summary>Adadelta over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="rho">Default decay.</param>
            /// <param name="eps">Default stability term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public static Modules.Adadelta Adadelta(IEnumerable<Modules.Adadelta.ParamGroup> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false) =>
                new(parameters, lr, rho, eps, weight_decay, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>Adadelta, following PyTorch 1.13's single-tensor update exactly.</summary>
        public class Adadelta : torch.optim.Optimizer
        {
            /// <summary>Adadelta over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Coefficient that scales each delta.</param>
            /// <param name="rho">Decay of the running averages.</param>
            /// <param name="eps">Stability term.</param>
            /// <param name="weight_decay">Weight decay (L2 penalty).</param>
            /// <param name="maximize">Maximize the objective.</param>
            public Adadelta(IEnumerable<Parameter> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false)
                : this(SingleGroup<ParamGroup>(parameters), lr, rho, eps, weight_decay, maximize) { }

            /// <summary>Adadelta over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="rho">Default decay.</param>
            /// <param name="eps">Default stability term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public Adadelta(IEnumerable<ParamGroup> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false)
                : base(new Options { LearningRate = lr, rho = rho, eps = eps, weight_decay = weight_decay, maximize = maximize })
            {
                var c = CultureInfo.InvariantCulture;
                if (lr < 0) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (rho < 0 || rho > 1) throw new ArgumentException(string.Format(c, "Invalid rho value: {0}", rho));
                if (eps < 0) throw new ArgumentException(string.Format(c, "Invalid epsilon value: {0}", eps));
                if (weight_decay < 0) throw new ArgumentException(string.Format(c, "Invalid weight_decay value: {0}", weight_decay));
                AddParamGroups(parameters);
            }

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double lr = o.LearningRate!.Value, rho = o.rho!.Value, eps = o.eps!.Value, weight_decay = o.weight_decay!.Value;
                bool maximize = o.maximize!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param);
                    if (state is null) SetState(param, state = new State { square_avg = torch.zeros_like(param), acc_delta = torch.zeros_like(param) });
                    state.step += 1;

                    if (maximize) grad = -grad;
                    if (weight_decay != 0) grad = grad.add(param, alpha: weight_decay);

                    var square_avg = state.square_avg!;
                    var acc_delta = state.acc_delta!;
                    square_avg.mul_(rho).addcmul_(grad, grad, value: 1 - rho);
                    var std = square_avg.add(eps).sqrt_();
                    var delta = acc_delta.add(eps).sqrt_().div_(std).mul_(grad);
                    acc_delta.mul_(rho).addcmul_(delta, delta, value: 1 - rho);
                    param.add_(delta, alpha: -lr);
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>Adadelta's per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Number of steps taken (a plain integer, as in PyTorch 1.13's Adadelta).</summary>
                public long step;
                /// <summary>Running average of squared gradients.</summary>
                public Tensor? square_avg;
                /// <summary>Running average of squared deltas.</summary>
                public Tensor? acc_delta;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["step"] = step; state["square_avg"] = square_avg; state["acc_delta"] = acc_delta;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    step = ReadStepCount(state);
                    square_avg = RequireBuffer(state, "square_avg", param);
                    acc_delta = RequireBuffer(state, "acc_delta", param);
                }
            }

            /// <summary>Adadelta's hyperparameters; null fields take the optimizer's defaults.</summary>
            public class Options : OptimizerOptions
            {
                /// <summary>Decay of the running averages.</summary>
                public double? rho;
                /// <summary>Stability term.</summary>
                public double? eps;
                /// <summary>Weight decay.</summary>
                public double? weight_decay;
                /// <summary>Maximize the objective.</summary>
                public bool? maximize;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    rho ??= d.rho; eps ??= d.eps; weight_decay ??= d.weight_decay; maximize ??= d.maximize;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["rho"] = rho; group["eps"] = eps; group["weight_decay"] = weight_decay; group["maximize"] = maximize; group["foreach"] = null;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    rho = ReadDouble(group, "rho", rho); eps = ReadDouble(group, "eps", eps);
                    weight_decay = ReadDouble(group, "weight_decay", weight_decay); maximize = ReadBool(group, "maximize", maximize);
                }
            }

            /// <summary>An Adadelta parameter group; options left null take the optimizer's defaults.</summary>
            public class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? rho = null, double? eps = null, double? weight_decay = null, bool? maximize = null)
                    : base(parameters, new Options { LearningRate = lr, rho = rho, eps = eps, weight_decay = weight_decay, maximize = maximize }) { }
            }
        }
    }
}
