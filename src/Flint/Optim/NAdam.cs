using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>NAdam over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="beta1">As in the overload over plain parameters.</param>
            /// <param name="beta2">As in the overload over plain parameters.</param>
            /// <param name="eps">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            /// <param name="momentum_decay">As in the overload over plain parameters.</param>
            public static Modules.NAdam NAdam(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3) =>
                NAdam(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, momentum_decay);

            /// <summary>
            /// NAdam, Adam with Nesterov momentum (Dozat, 2016), PyTorch's <c>torch.optim.NAdam</c>, with PyTorch 2.x's
            /// momentum bookkeeping (see <see cref="Modules.NAdam"/>).
            /// </summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 2e-3).</param>
            /// <param name="beta1">Decay rate of the running average of the gradient (default 0.9).</param>
            /// <param name="beta2">Decay rate of the running average of the squared gradient (default 0.999).</param>
            /// <param name="eps">Term added to the denominator for numerical stability (default 1e-8).</param>
            /// <param name="weight_decay">Weight decay, an L2 penalty added to the gradient (default 0).</param>
            /// <param name="momentum_decay">Momentum decay ψ of the schedule μ_t = β1 (1 − ½ · 0.96^(t ψ)) (default 4e-3).</param>
            public static Modules.NAdam NAdam(IEnumerable<Parameter> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, momentum_decay);

            /// <summary>NAdam over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="beta1">Default first-moment decay rate.</param>
            /// <param name="beta2">Default second-moment decay rate.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="momentum_decay">Default momentum decay.</param>
            public static Modules.NAdam NAdam(IEnumerable<Modules.NAdam.ParamGroup> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, momentum_decay);
        }
    }

    namespace Modules
    {
        /// <summary>
        /// NAdam, following PyTorch's single-tensor update with one deliberate difference from 1.13: PyTorch 1.13
        /// computes the next momentum product as <c>mu_product * mu * mu_next</c>, counting the current momentum
        /// <c>mu</c> twice (a bug fixed in PyTorch 2.0). Flint uses PyTorch 2.x's <c>mu_product * mu_next</c>, as
        /// TorchSharp does, so its trajectories equal PyTorch 2.x's and differ slightly from 1.13's.
        /// The state dict layout (<c>step</c>, <c>mu_product</c>, <c>exp_avg</c>, <c>exp_avg_sq</c>) is 1.13's.
        /// </summary>
        public partial class NAdam : torch.optim.Optimizer
        {
            /// <summary>NAdam over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="beta1">First-moment decay rate.</param>
            /// <param name="beta2">Second-moment decay rate.</param>
            /// <param name="eps">Denominator term.</param>
            /// <param name="weight_decay">Weight decay (L2 penalty).</param>
            /// <param name="momentum_decay">Momentum decay.</param>
            public NAdam(IEnumerable<Parameter> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3)
                : this(SingleGroup<ParamGroup>(parameters), lr, beta1, beta2, eps, weight_decay, momentum_decay) { }

            /// <summary>NAdam over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="beta1">Default first-moment decay rate.</param>
            /// <param name="beta2">Default second-moment decay rate.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="momentum_decay">Default momentum decay.</param>
            public NAdam(IEnumerable<ParamGroup> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3)
                : base(Init(lr, beta1, beta2, eps, weight_decay, momentum_decay))
            {
                AddParamGroups(parameters);
            }

            private static Options Init(double lr, double beta1, double beta2, double eps, double weight_decay, double momentum_decay)
            {
                var c = CultureInfo.InvariantCulture;
                if (!(lr >= 0)) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (!(eps >= 0)) throw new ArgumentException(string.Format(c, "Invalid epsilon value: {0}", eps));
                if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException(string.Format(c, "Invalid beta parameter at index 0: {0}", beta1));
                if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException(string.Format(c, "Invalid beta parameter at index 1: {0}", beta2));
                if (!(weight_decay >= 0)) throw new ArgumentException(string.Format(c, "Invalid weight_decay value: {0}", weight_decay));
                if (!(momentum_decay >= 0)) throw new ArgumentException(string.Format(c, "Invalid momentum_decay value: {0}", momentum_decay));
                return new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, momentum_decay = momentum_decay };
            }

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double lr = o.LearningRate!.Value, beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, eps = o.eps!.Value;
                double weight_decay = o.weight_decay!.Value, momentum_decay = o.momentum_decay!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param);
                    if (state is null)
                        SetState(param, state = new State { step = torch.tensor(0f), mu_product = torch.tensor(1f), exp_avg = torch.zeros_like(param), exp_avg_sq = torch.zeros_like(param) });

                    state.step!.add_(1);
                    double step = state.step.item<float>();
                    double bias_correction2 = 1 - Math.Pow(beta2, step);
                    if (weight_decay != 0) grad = grad.add(param, alpha: weight_decay);

                    // The momentum schedule μ_t and μ_{t+1}.
                    double mu = beta1 * (1.0 - 0.5 * Math.Pow(0.96, step * momentum_decay));
                    double mu_next = beta1 * (1.0 - 0.5 * Math.Pow(0.96, (step + 1) * momentum_decay));
                    var mu_product = state.mu_product!;
                    mu_product.mul_(mu);
                    // PyTorch 2.x: Π_{i≤t+1} μ_i = (Π_{i≤t} μ_i) · μ_{t+1}, a float32 scalar like the state.
                    double mu_product_next = (mu_product * mu_next).item<float>();

                    var exp_avg = state.exp_avg!;
                    var exp_avg_sq = state.exp_avg_sq!;
                    exp_avg.mul_(beta1).add_(grad, alpha: 1 - beta1);
                    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value: 1 - beta2);

                    var denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps);
                    param.addcdiv_(grad, denom, value: -lr * (1.0 - mu) / (1.0 - mu_product.item<float>()));
                    param.addcdiv_(exp_avg, denom, value: -lr * mu_next / (1.0 - mu_product_next));
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>NAdam's per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Number of steps taken, a float32 scalar tensor as in PyTorch 1.13.</summary>
                public Tensor? step;
                /// <summary>Product of the momentum schedule so far, a float32 scalar tensor.</summary>
                public Tensor? mu_product;
                /// <summary>Running average of the gradient.</summary>
                public Tensor? exp_avg;
                /// <summary>Running average of the squared gradient.</summary>
                public Tensor? exp_avg_sq;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["step"] = step; state["mu_product"] = mu_product; state["exp_avg"] = exp_avg; state["exp_avg_sq"] = exp_avg_sq;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    step = ReadStepTensor(state);
                    mu_product = ReadScalarTensor(state, "mu_product");
                    exp_avg = RequireBuffer(state, "exp_avg", param);
                    exp_avg_sq = RequireBuffer(state, "exp_avg_sq", param);
                }
            }

            /// <summary>A float32 scalar state entry stored as a tensor or, in old checkpoints, as a number.</summary>
            internal static Tensor ReadScalarTensor(IReadOnlyDictionary<string, object?> state, string key)
            {
                if (!state.TryGetValue(key, out var v) || v is null) throw new ArgumentException($"optimizer state dict: state is missing '{key}'");
                return v switch
                {
                    Tensor t when t.numel() == 1 => t.detach().to(ScalarType.Float64).reshape([]).to(ScalarType.Float32).clone(),
                    Tensor => throw new ArgumentException($"optimizer state dict: '{key}' must be a scalar"),
                    _ => torch.tensor((float)OptimizerOptions.ToNumber(v, key)),
                };
            }

            /// <summary>NAdam's hyperparameters; null fields take the optimizer's defaults.</summary>
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
                /// <summary>Momentum decay.</summary>
                public double? momentum_decay;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    beta1 ??= d.beta1; beta2 ??= d.beta2; eps ??= d.eps; weight_decay ??= d.weight_decay; momentum_decay ??= d.momentum_decay;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["betas"] = OptionPairs.Write((beta1!.Value, beta2!.Value));
                    group["eps"] = eps; group["weight_decay"] = weight_decay; group["momentum_decay"] = momentum_decay; group["foreach"] = null;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    if (OptionPairs.Read(group, "betas", null) is var (b1, b2)) { beta1 = b1; beta2 = b2; }
                    eps = ReadDouble(group, "eps", eps); weight_decay = ReadDouble(group, "weight_decay", weight_decay);
                    momentum_decay = ReadDouble(group, "momentum_decay", momentum_decay);
                }
            }

            /// <summary>A NAdam parameter group; options left null take the optimizer's defaults.</summary>
            public partial class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? beta1 = null, double? beta2 = null, double? eps = null, double? weight_decay = null, double? momentum_decay = null)
                    : base(parameters, new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, momentum_decay = momentum_decay }) { }
            }
        }
    }
}
