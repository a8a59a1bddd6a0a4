using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>RAdam over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="beta1">As in the overload over plain parameters.</param>
            /// <param name="beta2">As in the overload over plain parameters.</param>
            /// <param name="eps">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            public static Modules.RAdam RAdam(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0) =>
                RAdam(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay);

            /// <summary>RAdam, Adam with a rectified adaptive learning rate (Liu et al., 2019), PyTorch's <c>torch.optim.RAdam</c>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 2e-3).</param>
            /// <param name="beta1">Decay rate of the running average of the gradient (default 0.9).</param>
            /// <param name="beta2">Decay rate of the running average of the squared gradient (default 0.999).</param>
            /// <param name="eps">Term added to the denominator for numerical stability (default 1e-8).</param>
            /// <param name="weight_decay">Weight decay, an L2 penalty added to the gradient (default 0).</param>
            public static Modules.RAdam RAdam(IEnumerable<Parameter> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay);

            /// <summary>RAdam over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="beta1">Default first-moment decay rate.</param>
            /// <param name="beta2">Default second-moment decay rate.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            public static Modules.RAdam RAdam(IEnumerable<Modules.RAdam.ParamGroup> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay);
        }
    }

    namespace Modules
    {
        /// <summary>RAdam, following PyTorch 1.13's single-tensor update exactly.</summary>
        public partial class RAdam : torch.optim.Optimizer
        {
            /// <summary>RAdam over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="beta1">First-moment decay rate.</param>
            /// <param name="beta2">Second-moment decay rate.</param>
            /// <param name="eps">Denominator term.</param>
            /// <param name="weight_decay">Weight decay (L2 penalty).</param>
            public RAdam(IEnumerable<Parameter> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0)
                : this(SingleGroup<ParamGroup>(parameters), lr, beta1, beta2, eps, weight_decay) { }

            /// <summary>RAdam over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="beta1">Default first-moment decay rate.</param>
            /// <param name="beta2">Default second-moment decay rate.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            public RAdam(IEnumerable<ParamGroup> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0)
                : base(Init(lr, beta1, beta2, eps, weight_decay))
            {
                AddParamGroups(parameters);
            }

            private static Options Init(double lr, double beta1, double beta2, double eps, double weight_decay)
            {
                var c = CultureInfo.InvariantCulture;
                if (!(lr >= 0)) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (!(eps >= 0)) throw new ArgumentException(string.Format(c, "Invalid epsilon value: {0}", eps));
                if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException(string.Format(c, "Invalid beta parameter at index 0: {0}", beta1));
                if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException(string.Format(c, "Invalid beta parameter at index 1: {0}", beta2));
                if (!(weight_decay >= 0)) throw new ArgumentException(string.Format(c, "Invalid weight_decay value: {0}", weight_decay));
                return new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay };
            }

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double lr = o.LearningRate!.Value, beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, eps = o.eps!.Value, weight_decay = o.weight_decay!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param);
                    if (state is null)
                        SetState(param, state = new State { step = torch.tensor(0f), exp_avg = torch.zeros_like(param), exp_avg_sq = torch.zeros_like(param) });

                    state.step!.add_(1);
                    double step = state.step.item<float>();
                    double bias_correction1 = 1 - Math.Pow(beta1, step);
                    double bias_correction2 = 1 - Math.Pow(beta2, step);
                    if (weight_decay != 0) grad = grad.add(param, alpha: weight_decay);

                    var exp_avg = state.exp_avg!;
                    var exp_avg_sq = state.exp_avg_sq!;
                    exp_avg.mul_(beta1).add_(grad, alpha: 1 - beta1);
                    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value: 1 - beta2);
                    var bias_corrected_exp_avg = exp_avg / bias_correction1;

                    // The maximum and current length of the approximated simple moving average.
                    double rho_inf = 2 / (1 - beta2) - 1;
                    double rho_t = rho_inf - 2 * step * Math.Pow(beta2, step) / bias_correction2;
                    if (rho_t > 5.0)
                    {
                        double rect = Math.Sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
                        // PyTorch's scalar / tensor is tensor.reciprocal() * scalar; 1 / x rounds as reciprocal does.
                        var adaptive_lr = (1.0 / exp_avg_sq.sqrt().add_(eps)) * Math.Sqrt(bias_correction2);
                        param.add_(bias_corrected_exp_avg * lr * adaptive_lr * rect, alpha: -1.0);
                    }
                    else param.add_(bias_corrected_exp_avg * lr, alpha: -1.0);
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>RAdam's per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Number of steps taken, a float32 scalar tensor as in PyTorch 1.13.</summary>
                public Tensor? step;
                /// <summary>Running average of the gradient.</summary>
                public Tensor? exp_avg;
                /// <summary>Running average of the squared gradient.</summary>
                public Tensor? exp_avg_sq;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["step"] = step; state["exp_avg"] = exp_avg; state["exp_avg_sq"] = exp_avg_sq;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    step = ReadStepTensor(state);
                    exp_avg = RequireBuffer(state, "exp_avg", param);
                    exp_avg_sq = RequireBuffer(state, "exp_avg_sq", param);
                }
            }

            /// <summary>RAdam's hyperparameters; null fields take the optimizer's defaults.</summary>
            public class Options : OptimizerOptions
            {
                /// <summary>First-moment decay rate (PyTorch's <c>betas[0]</c>).</summary>
                public double? beta1;
                /// <summary>Second-moment decay rate (PyTorch's <c>betas[1]</c>).</summary>
                public double? beta2;
                /// <summary>Denominator term.</summary>
                public double? eps;
                /// <summary>Weight decay.</summary>
                public double? weight_decay;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    beta1 ??= d.beta1; beta2 ??= d.beta2; eps ??= d.eps; weight_decay ??= d.weight_decay;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["betas"] = OptionPairs.Write((beta1!.Value, beta2!.Value));
                    group["eps"] = eps; group["weight_decay"] = weight_decay; group["foreach"] = null;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    if (OptionPairs.Read(group, "betas", null) is var (b1, b2)) { beta1 = b1; beta2 = b2; }
                    eps = ReadDouble(group, "eps", eps); weight_decay = ReadDouble(group, "weight_decay", weight_decay);
                }
            }

            /// <summary>A RAdam parameter group; options left null take the optimizer's defaults.</summary>
            public partial class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? beta1 = null, double? beta2 = null, double? eps = null, double? weight_decay = null)
                    : base(parameters, new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay }) { }
            }
        }
    }
}
