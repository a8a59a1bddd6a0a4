using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>RMSProp over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="alpha">As in the overload over plain parameters.</param>
            /// <param name="eps">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            /// <param name="momentum">As in the overload over plain parameters.</param>
            /// <param name="centered">As in the overload over plain parameters.</param>
            /// <param name="maximize">As in the overload over plain parameters.</param>
            public static Modules.RMSProp RMSProp(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                RMSProp(parameters.Select(np => np.parameter), lr, alpha, eps, weight_decay, momentum, centered, maximize);

            /// <summary>The RMSprop algorithm (Hinton), PyTorch's <c>torch.optim.RMSprop</c>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 1e-2).</param>
            /// <param name="alpha">Smoothing constant of the squared-gradient average (default 0.99).</param>
            /// <param name="eps">Term added to the denominator for numerical stability (default 1e-8).</param>
            /// <param name="weight_decay">Weight decay, an L2 penalty (default 0).</param>
            /// <param name="momentum">Momentum factor (default 0).</param>
            /// <param name="centered">Normalize by an estimate of the gradient's variance (default false).</param>
            /// <param name="maximize">Maximize the objective instead of minimizing it (default false).</param>
            public static Modules.RMSProp RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

            /// <summary>RMSprop over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="alpha">Default smoothing constant.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="momentum">Default momentum factor.</param>
            /// <param name="centered">Default for the centered variant.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public static Modules.RMSProp RMSProp(IEnumerable<Modules.RMSProp.ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

            /// <summary>PyTorch's spelling of <see cref="RMSProp(IEnumerable{Parameter}, double, double, double, double, double, bool, bool)"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 1e-2).</param>
            /// <param name="alpha">Smoothing constant (default 0.99).</param>
            /// <param name="eps">Denominator term (default 1e-8).</param>
            /// <param name="weight_decay">Weight decay (default 0).</param>
            /// <param name="momentum">Momentum factor (default 0).</param>
            /// <param name="centered">Centered variant (default false).</param>
            /// <param name="maximize">Maximize the objective (default false).</param>
            public static Modules.RMSProp RMSprop(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>RMSprop, following PyTorch 1.13's single-tensor update exactly.</summary>
        public partial class RMSProp : torch.optim.Optimizer
        {
            /// <summary>RMSprop over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="alpha">Smoothing constant.</param>
            /// <param name="eps">Denominator term.</param>
            /// <param name="weight_decay">Weight decay (L2 penalty).</param>
            /// <param name="momentum">Momentum factor.</param>
            /// <param name="centered">Centered variant.</param>
            /// <param name="maximize">Maximize the objective.</param>
            public RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
                : this(SingleGroup<ParamGroup>(parameters), lr, alpha, eps, weight_decay, momentum, centered, maximize) { }

            /// <summary>RMSprop over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="alpha">Default smoothing constant.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="momentum">Default momentum factor.</param>
            /// <param name="centered">Default for the centered variant.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public RMSProp(IEnumerable<ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
                : base(new Options { LearningRate = lr, alpha = alpha, eps = eps, weight_decay = weight_decay, momentum = momentum, centered = centered, maximize = maximize })
            {
                var c = CultureInfo.InvariantCulture;
                if (lr < 0) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (eps < 0) throw new ArgumentException(string.Format(c, "Invalid epsilon value: {0}", eps));
                if (momentum < 0) throw new ArgumentException(string.Format(c, "Invalid momentum value: {0}", momentum));
                if (weight_decay < 0) throw new ArgumentException(string.Format(c, "Invalid weight_decay value: {0}", weight_decay));
                if (alpha < 0) throw new ArgumentException(string.Format(c, "Invalid alpha value: {0}", alpha));
                AddParamGroups(parameters);
            }

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double lr = o.LearningRate!.Value, alpha = o.alpha!.Value, eps = o.eps!.Value, weight_decay = o.weight_decay!.Value, momentum = o.momentum!.Value;
                bool centered = o.centered!.Value, maximize = o.maximize!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param);
                    if (state is null) SetState(param, state = new State { square_avg = torch.zeros_like(param) });
                    if (momentum > 0) state.momentum_buffer ??= torch.zeros_like(param);
                    if (centered) state.grad_avg ??= torch.zeros_like(param);
                    state.step += 1;

                    if (maximize) grad = -grad;
                    if (weight_decay != 0) grad = grad.add(param, alpha: weight_decay);

                    var square_avg = state.square_avg!;
                    square_avg.mul_(alpha).addcmul_(grad, grad, value: 1 - alpha);
                    Tensor avg;
                    if (centered)
                    {
                        var grad_avg = state.grad_avg!;
                        grad_avg.mul_(alpha).add_(grad, alpha: 1 - alpha);
                        avg = square_avg.addcmul(grad_avg, grad_avg, value: -1).sqrt_();
                    }
                    else avg = square_avg.sqrt();
                    avg.add_(eps);

                    if (momentum > 0)
                    {
                        var buf = state.momentum_buffer!;
                        buf.mul_(momentum).addcdiv_(grad, avg);
                        param.add_(buf, alpha: -lr);
                    }
                    else param.addcdiv_(grad, avg, value: -lr);
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>RMSprop's per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Number of steps taken (a plain integer, as in PyTorch 1.13's RMSprop).</summary>
                public long step;
                /// <summary>Running average of the squared gradient.</summary>
                public Tensor? square_avg;
                /// <summary>Momentum buffer (momentum &gt; 0 only).</summary>
                public Tensor? momentum_buffer;
                /// <summary>Running average of the gradient (centered only).</summary>
                public Tensor? grad_avg;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["step"] = step; state["square_avg"] = square_avg;
                    if (momentum_buffer is not null) state["momentum_buffer"] = momentum_buffer;
                    if (grad_avg is not null) state["grad_avg"] = grad_avg;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    step = ReadStepCount(state);
                    square_avg = RequireBuffer(state, "square_avg", param);
                    momentum_buffer = ReadBuffer(state, "momentum_buffer", param);
                    grad_avg = ReadBuffer(state, "grad_avg", param);
                }
            }

            /// <summary>RMSprop's hyperparameters; null fields take the optimizer's defaults.</summary>
            public class Options : OptimizerOptions
            {
                /// <summary>Momentum factor.</summary>
                public double? momentum;
                /// <summary>Smoothing constant.</summary>
                public double? alpha;
                /// <summary>Denominator term.</summary>
                public double? eps;
                /// <summary>Centered variant.</summary>
                public bool? centered;
                /// <summary>Weight decay.</summary>
                public double? weight_decay;
                /// <summary>Maximize the objective.</summary>
                public bool? maximize;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    momentum ??= d.momentum; alpha ??= d.alpha; eps ??= d.eps; centered ??= d.centered;
                    weight_decay ??= d.weight_decay; maximize ??= d.maximize;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["momentum"] = momentum; group["alpha"] = alpha; group["eps"] = eps; group["centered"] = centered;
                    group["weight_decay"] = weight_decay; group["foreach"] = null; group["maximize"] = maximize; group["differentiable"] = false;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    momentum = ReadDouble(group, "momentum", momentum); alpha = ReadDouble(group, "alpha", alpha); eps = ReadDouble(group, "eps", eps);
                    centered = ReadBool(group, "centered", centered); weight_decay = ReadDouble(group, "weight_decay", weight_decay);
                    maximize = ReadBool(group, "maximize", maximize);
                }
            }

            /// <summary>An RMSprop parameter group; options left null take the optimizer's defaults.</summary>
            public partial class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? alpha = null, double? eps = null, double? weight_decay = null, double? momentum = null, bool? centered = null, bool? maximize = null)
                    : base(parameters, new Options { LearningRate = lr, alpha = alpha, eps = eps, weight_decay = weight_decay, momentum = momentum, centered = centered, maximize = maximize }) { }
            }
        }
    }
}
