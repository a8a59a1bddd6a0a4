using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>ASGD over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="lambd">As in the overload over plain parameters.</param>
            /// <param name="alpha">As in the overload over plain parameters.</param>
            /// <param name="t0">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            /// <param name="maximize">As in the overload over plain parameters.</param>
            public static Modules.ASGD ASGD(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-2, double lambd = 1e-4, double alpha = 0.75, double t0 = 1e6, double weight_decay = 0, bool maximize = false) =>
                ASGD(parameters.Select(np => np.parameter), lr, lambd, alpha, t0, weight_decay, maximize);

            /// <summary>Averaged stochastic gradient descent (Polyak and Juditsky, 1992), PyTorch's <c>torch.optim.ASGD</c>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 1e-2).</param>
            /// <param name="lambd">Decay term (default 1e-4).</param>
            /// <param name="alpha">Power of the learning-rate decay (default 0.75).</param>
            /// <param name="t0">Step at which averaging starts (default 1e6).</param>
            /// <param name="weight_decay">Weight decay, an L2 penalty added to the gradient (default 0).</param>
            /// <param name="maximize">Maximize the objective instead of minimizing it (default false).</param>
            public static Modules.ASGD ASGD(IEnumerable<Parameter> parameters, double lr = 1e-2, double lambd = 1e-4, double alpha = 0.75, double t0 = 1e6, double weight_decay = 0, bool maximize = false) =>
                new(parameters, lr, lambd, alpha, t0, weight_decay, maximize);

            /// <summary>ASGD over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="lambd">Default decay term.</param>
            /// <param name="alpha">Default power of the learning-rate decay.</param>
            /// <param name="t0">Default step at which averaging starts.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public static Modules.ASGD ASGD(IEnumerable<Modules.ASGD.ParamGroup> parameters, double lr = 1e-2, double lambd = 1e-4, double alpha = 0.75, double t0 = 1e6, double weight_decay = 0, bool maximize = false) =>
                new(parameters, lr, lambd, alpha, t0, weight_decay, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>ASGD, following PyTorch 1.13's single-tensor update exactly; the averaged parameters are the state's <c>ax</c>.</summary>
        public class ASGD : torch.optim.Optimizer
        {
            /// <summary>ASGD over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="lambd">Decay term.</param>
            /// <param name="alpha">Power of the learning-rate decay.</param>
            /// <param name="t0">Step at which averaging starts.</param>
            /// <param name="weight_decay">Weight decay (L2 penalty).</param>
            /// <param name="maximize">Maximize the objective.</param>
            public ASGD(IEnumerable<Parameter> parameters, double lr = 1e-2, double lambd = 1e-4, double alpha = 0.75, double t0 = 1e6, double weight_decay = 0, bool maximize = false)
                : this(SingleGroup<ParamGroup>(parameters), lr, lambd, alpha, t0, weight_decay, maximize) { }

            /// <summary>ASGD over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="lambd">Default decay term.</param>
            /// <param name="alpha">Default power of the learning-rate decay.</param>
            /// <param name="t0">Default step at which averaging starts.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public ASGD(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double lambd = 1e-4, double alpha = 0.75, double t0 = 1e6, double weight_decay = 0, bool maximize = false)
                : base(Init(lr, lambd, alpha, t0, weight_decay, maximize))
            {
                AddParamGroups(parameters);
            }

            private static Options Init(double lr, double lambd, double alpha, double t0, double weight_decay, bool maximize)
            {
                var c = CultureInfo.InvariantCulture;
                if (!(lr >= 0)) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (!(weight_decay >= 0)) throw new ArgumentException(string.Format(c, "Invalid weight_decay value: {0}", weight_decay));
                return new Options { LearningRate = lr, lambd = lambd, alpha = alpha, t0 = t0, weight_decay = weight_decay, maximize = maximize };
            }

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double lr = o.LearningRate!.Value, lambd = o.lambd!.Value, alpha = o.alpha!.Value, t0 = o.t0!.Value, weight_decay = o.weight_decay!.Value;
                bool maximize = o.maximize!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param);
                    if (state is null)
                        SetState(param, state = new State { step = torch.tensor(0f), eta = torch.tensor((float)lr), mu = torch.tensor(1f), ax = torch.zeros_like(param) });

                    if (maximize) grad = -grad;
                    state.step!.add_(1);
                    double step = state.step.item<float>();
                    if (weight_decay != 0) grad = grad.add(param, alpha: weight_decay);

                    double eta = state.eta!.item<float>();
                    param.mul_(1 - lambd * eta);
                    param.add_(grad, alpha: -eta);

                    // Averaging: ax follows param exactly until step t0, then averages.
                    var ax = state.ax!;
                    if (state.mu!.item<float>() != 1) ax.add_(param.sub(ax).mul(state.mu));
                    else ax.copy_(param);

                    state.eta.fill_((float)(lr / Math.Pow(1 + lambd * lr * step, alpha)));
                    state.mu.fill_((float)(1 / Math.Max(1, step - t0)));
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>ASGD's per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Number of steps taken, a float32 scalar tensor as in PyTorch 1.13.</summary>
                public Tensor? step;
                /// <summary>The current step size, a float32 scalar tensor.</summary>
                public Tensor? eta;
                /// <summary>The current averaging weight, a float32 scalar tensor.</summary>
                public Tensor? mu;
                /// <summary>The averaged parameter.</summary>
                public Tensor? ax;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["step"] = step; state["eta"] = eta; state["mu"] = mu; state["ax"] = ax;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    step = ReadStepTensor(state);
                    eta = NAdam.ReadScalarTensor(state, "eta");
                    mu = NAdam.ReadScalarTensor(state, "mu");
                    ax = RequireBuffer(state, "ax", param);
                }
            }

            /// <summary>ASGD's hyperparameters; null fields take the optimizer's defaults.</summary>
            public class Options : OptimizerOptions
            {
                /// <summary>Decay term.</summary>
                public double? lambd;
                /// <summary>Power of the learning-rate decay.</summary>
                public double? alpha;
                /// <summary>Step at which averaging starts.</summary>
                public double? t0;
                /// <summary>Weight decay.</summary>
                public double? weight_decay;
                /// <summary>Maximize the objective.</summary>
                public bool? maximize;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    lambd ??= d.lambd; alpha ??= d.alpha; t0 ??= d.t0; weight_decay ??= d.weight_decay; maximize ??= d.maximize;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["lambd"] = lambd; group["alpha"] = alpha; group["t0"] = t0; group["weight_decay"] = weight_decay;
                    group["foreach"] = null; group["maximize"] = maximize;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    lambd = ReadDouble(group, "lambd", lambd); alpha = ReadDouble(group, "alpha", alpha); t0 = ReadDouble(group, "t0", t0);
                    weight_decay = ReadDouble(group, "weight_decay", weight_decay); maximize = ReadBool(group, "maximize", maximize);
                }
            }

            /// <summary>An ASGD parameter group; options left null take the optimizer's defaults.</summary>
            public class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? lambd = null, double? alpha = null, double? t0 = null, double? weight_decay = null, bool? maximize = null)
                    : base(parameters, new Options { LearningRate = lr, lambd = lambd, alpha = alpha, t0 = t0, weight_decay = weight_decay, maximize = maximize }) { }
            }
        }
    }
}
