using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adam over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="beta1">As in the overload over plain parameters.</param>
            /// <param name="beta2">As in the overload over plain parameters.</param>
            /// <param name="eps">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            /// <param name="amsgrad">As in the overload over plain parameters.</param>
            /// <param name="maximize">As in the overload over plain parameters.</param>
            public static Modules.Adam Adam(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                Adam(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>The Adam algorithm (Kingma and Ba, 2014), PyTorch's <c>torch.optim.Adam</c>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 1e-3).</param>
            /// <param name="beta1">Decay rate of the running average of the gradient (default 0.9).</param>
            /// <param name="beta2">Decay rate of the running average of the squared gradient (default 0.999).</param>
            /// <param name="eps">Term added to the denominator for numerical stability (default 1e-8).</param>
            /// <param name="weight_decay">Weight decay, an L2 penalty added to the gradient (default 0).</param>
            /// <param name="amsgrad">Use the AMSGrad variant (default false).</param>
            /// <param name="maximize">Maximize the objective instead of minimizing it (default false).</param>
            public static Modules.Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>Adam over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="beta1">Default first-moment decay rate.</param>
            /// <param name="beta2">Default second-moment decay rate.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="amsgrad">Default for AMSGrad.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public static Modules.Adam Adam(IEnumerable<Modules.Adam.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>Adam, following PyTorch 1.13's single-tensor update exactly.</summary>
        public partial class Adam : torch.optim.Optimizer
        {
            /// <summary>Adam over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="beta1">First-moment decay rate.</param>
            /// <param name="beta2">Second-moment decay rate.</param>
            /// <param name="eps">Denominator term.</param>
            /// <param name="weight_decay">Weight decay (L2 penalty).</param>
            /// <param name="amsgrad">Use AMSGrad.</param>
            /// <param name="maximize">Maximize the objective.</param>
            public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
                : this(SingleGroup<ParamGroup>(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

            /// <summary>Adam over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="beta1">Default first-moment decay rate.</param>
            /// <param name="beta2">Default second-moment decay rate.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="amsgrad">Default for AMSGrad.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
                : this(new Options(), parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

            /// <summary>Shared by <see cref="AdamW"/>, which brings its own options type.</summary>
            private protected Adam(Options defaults, IEnumerable<Modules.ParamGroup> parameters, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize)
                : base(Init(defaults, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize))
            {
                AddParamGroups(parameters);
            }

            private static Options Init(Options o, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize)
            {
                var c = CultureInfo.InvariantCulture;
                if (lr < 0) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (eps < 0) throw new ArgumentException(string.Format(c, "Invalid epsilon value: {0}", eps));
                if (beta1 < 0 || beta1 >= 1) throw new ArgumentException(string.Format(c, "Invalid beta parameter at index 0: {0}", beta1));
                if (beta2 < 0 || beta2 >= 1) throw new ArgumentException(string.Format(c, "Invalid beta parameter at index 1: {0}", beta2));
                if (weight_decay < 0) throw new ArgumentException(string.Format(c, "Invalid weight_decay value: {0}", weight_decay));
                o.LearningRate = lr; o.beta1 = beta1; o.beta2 = beta2; o.eps = eps; o.weight_decay = weight_decay; o.amsgrad = amsgrad; o.maximize = maximize;
                return o;
            }

            /// <summary>True for AdamW: weight decay shrinks the parameter instead of adding to the gradient.</summary>
            private protected virtual bool DecoupledWeightDecay => false;

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double lr = o.LearningRate!.Value, beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, eps = o.eps!.Value, weight_decay = o.weight_decay!.Value;
                bool amsgrad = o.amsgrad!.Value, maximize = o.maximize!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param);
                    if (state is null)
                        SetState(param, state = new State { step = torch.tensor(0f), exp_avg = torch.zeros_like(param), exp_avg_sq = torch.zeros_like(param) });
                    if (amsgrad) state.max_exp_avg_sq ??= torch.zeros_like(param);

                    if (maximize) grad = -grad;
                    state.step!.add_(1);
                    if (DecoupledWeightDecay) param.mul_(1 - lr * weight_decay);
                    else if (weight_decay != 0) grad = grad.add(param, alpha: weight_decay);

                    var exp_avg = state.exp_avg!;
                    var exp_avg_sq = state.exp_avg_sq!;
                    exp_avg.mul_(beta1).add_(grad, alpha: 1 - beta1);
                    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value: 1 - beta2);

                    double step = state.step.item<float>();
                    double bias_correction1 = 1 - Math.Pow(beta1, step);
                    double bias_correction2 = 1 - Math.Pow(beta2, step);
                    double step_size = lr / bias_correction1;
                    double bias_correction2_sqrt = Math.Sqrt(bias_correction2);

                    Tensor denom;
                    if (amsgrad)
                    {
                        var max = state.max_exp_avg_sq!;
                        max.copy_(max.maximum(exp_avg_sq));
                        denom = (max.sqrt() / bias_correction2_sqrt).add_(eps);
                    }
                    else denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps);
                    param.addcdiv_(exp_avg, denom, value: -step_size);
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>Adam's (and AdamW's) per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Number of steps taken, a float32 scalar tensor as in PyTorch 1.13.</summary>
                public Tensor? step;
                /// <summary>Running average of the gradient.</summary>
                public Tensor? exp_avg;
                /// <summary>Running average of the squared gradient.</summary>
                public Tensor? exp_avg_sq;
                /// <summary>Running maximum of <see cref="exp_avg_sq"/> (AMSGrad only).</summary>
                public Tensor? max_exp_avg_sq;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["step"] = step; state["exp_avg"] = exp_avg; state["exp_avg_sq"] = exp_avg_sq;
                    if (max_exp_avg_sq is not null) state["max_exp_avg_sq"] = max_exp_avg_sq;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    step = ReadStepTensor(state);
                    exp_avg = RequireBuffer(state, "exp_avg", param);
                    exp_avg_sq = RequireBuffer(state, "exp_avg_sq", param);
                    max_exp_avg_sq = ReadBuffer(state, "max_exp_avg_sq", param);
                }
            }

            /// <summary>Adam's hyperparameters; null fields take the optimizer's defaults.</summary>
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
                /// <summary>AMSGrad variant.</summary>
                public bool? amsgrad;
                /// <summary>Maximize the objective.</summary>
                public bool? maximize;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    beta1 ??= d.beta1; beta2 ??= d.beta2; eps ??= d.eps; weight_decay ??= d.weight_decay;
                    amsgrad ??= d.amsgrad; maximize ??= d.maximize;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["betas"] = new[] { beta1!.Value, beta2!.Value };
                    group["eps"] = eps; group["weight_decay"] = weight_decay; group["amsgrad"] = amsgrad;
                    // PyTorch 1.13's AdamW lists fewer flags, in another order.
                    if (this is AdamW.Options)
                    {
                        group["foreach"] = null; group["maximize"] = maximize; group["capturable"] = false;
                    }
                    else
                    {
                        group["maximize"] = maximize; group["foreach"] = null; group["capturable"] = false;
                        group["differentiable"] = false; group["fused"] = false;
                    }
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    if (group.TryGetValue("betas", out var b) && b is not null)
                    {
                        var betas = b switch
                        {
                            double[] a => a,
                            ValueTuple<double, double> t => [t.Item1, t.Item2],
                            Tuple<double, double> t => [t.Item1, t.Item2],
                            System.Collections.IEnumerable e => e.Cast<object?>().Select(v => ToNumber(v, "betas")).ToArray(),
                            _ => throw new ArgumentException("optimizer state dict: 'betas' must hold two numbers"),
                        };
                        if (betas.Length != 2) throw new ArgumentException("optimizer state dict: 'betas' must hold two numbers");
                        beta1 = betas[0]; beta2 = betas[1];
                    }
                    eps = ReadDouble(group, "eps", eps); weight_decay = ReadDouble(group, "weight_decay", weight_decay);
                    amsgrad = ReadBool(group, "amsgrad", amsgrad); maximize = ReadBool(group, "maximize", maximize);
                }
            }

            /// <summary>An Adam parameter group; options left null take the optimizer's defaults.</summary>
            public partial class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? beta1 = null, double? beta2 = null, double? eps = null, double? weight_decay = null, bool? amsgrad = null, bool? maximize = null)
                    : base(parameters, new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize }) { }
            }
        }
    }
}
