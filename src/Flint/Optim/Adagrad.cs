using Flint.Modules;
using System.Globalization;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adagrad over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="lr_decay">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            /// <param name="initial_accumulator_value">As in the overload over plain parameters.</param>
            /// <param name="eps">As in the overload over plain parameters.</param>
            /// <param name="maximize">As in the overload over plain parameters.</param>
            public static Modules.Adagrad Adagrad(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
                Adagrad(parameters.Select(np => np.parameter), lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);

            /// <summary>The Adagrad algorithm (Duchi et al., 2011), PyTorch's <c>torch.optim.Adagrad</c>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 1e-2).</param>
            /// <param name="lr_decay">Learning-rate decay per step (default 0).</param>
            /// <param name="weight_decay">Weight decay, an L2 penalty (default 0).</param>
            /// <param name="initial_accumulator_value">Starting value of the sum of squared gradients (default 0).</param>
            /// <param name="eps">Term added to the denominator for numerical stability (default 1e-10).</param>
            /// <param name="maximize">Maximize the objective instead of minimizing it (default false).</param>
            public static Modules.Adagrad Adagrad(IEnumerable<Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
                new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);

            /// <summary>Adagrad over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="lr_decay">Default learning-rate decay.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="initial_accumulator_value">Default starting value of the accumulator.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public static Modules.Adagrad Adagrad(IEnumerable<Modules.Adagrad.ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
                new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>Adagrad, following PyTorch 1.13's single-tensor (dense) update exactly.</summary>
        public class Adagrad : torch.optim.Optimizer
        {
            /// <summary>Adagrad over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="lr_decay">Learning-rate decay.</param>
            /// <param name="weight_decay">Weight decay (L2 penalty).</param>
            /// <param name="initial_accumulator_value">Starting value of the accumulator.</param>
            /// <param name="eps">Denominator term.</param>
            /// <param name="maximize">Maximize the objective.</param>
            public Adagrad(IEnumerable<Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
                : this(SingleGroup<ParamGroup>(parameters), lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize) { }

            /// <summary>Adagrad over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="lr_decay">Default learning-rate decay.</param>
            /// <param name="weight_decay">Default weight decay.</param>
            /// <param name="initial_accumulator_value">Default starting value of the accumulator.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public Adagrad(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
                : base(new Options { LearningRate = lr, lr_decay = lr_decay, weight_decay = weight_decay, initial_accumulator_value = initial_accumulator_value, eps = eps, maximize = maximize })
            {
                var c = CultureInfo.InvariantCulture;
                if (lr < 0) throw new ArgumentException(string.Format(c, "Invalid learning rate: {0}", lr));
                if (lr_decay < 0) throw new ArgumentException(string.Format(c, "Invalid lr_decay value: {0}", lr_decay));
                if (weight_decay < 0) throw new ArgumentException(string.Format(c, "Invalid weight_decay value: {0}", weight_decay));
                if (initial_accumulator_value < 0) throw new ArgumentException(string.Format(c, "Invalid initial_accumulator_value value: {0}", initial_accumulator_value));
                if (eps < 0) throw new ArgumentException(string.Format(c, "Invalid epsilon value: {0}", eps));
                AddParamGroups(parameters);
            }

            /// <summary>PyTorch creates Adagrad's state (step 0, the accumulator) as soon as a parameter joins.</summary>
            protected override void OnParamGroupAdded(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                foreach (var p in group.Parameters)
                    if (GetState<State>(p) is null) CreateStateFor(p, o);
            }

            private State CreateStateFor(Parameter p, Options o)
            {
                var s = new State { step = torch.tensor(0f), sum = torch.full_like(p, o.initial_accumulator_value!.Value) };
                SetState(p, s);
                return s;
            }

            /// <inheritdoc/>
            protected override void Update(Modules.ParamGroup group)
            {
                var o = (Options)group.Options!;
                double lr = o.LearningRate!.Value, lr_decay = o.lr_decay!.Value, weight_decay = o.weight_decay!.Value, eps = o.eps!.Value;
                bool maximize = o.maximize!.Value;
                foreach (var param in group.Parameters)
                {
                    var grad = param.grad;
                    if (grad is null) continue;
                    var state = GetState<State>(param) ?? CreateStateFor(param, o);
                    state.step!.add_(1);
                    double step = state.step.item<float>();
                    if (maximize) grad = -grad;
                    if (weight_decay != 0) grad = grad.add(param, alpha: weight_decay);

                    double clr = lr / (1 + (step - 1) * lr_decay);
                    var sum = state.sum!;
                    sum.addcmul_(grad, grad, value: 1);
                    var std = sum.sqrt().add_(eps);
                    param.addcdiv_(grad, std, value: -clr);
                }
            }

            /// <inheritdoc/>
            protected override OptimizerState CreateState() => new State();

            /// <summary>Adagrad's per-parameter state.</summary>
            public sealed class State : OptimizerState
            {
                /// <summary>Number of steps taken, a float32 scalar tensor as in PyTorch 1.13.</summary>
                public Tensor? step;
                /// <summary>Sum of squared gradients (plus the initial accumulator value).</summary>
                public Tensor? sum;

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> state)
                {
                    state["step"] = step; state["sum"] = sum;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param)
                {
                    step = ReadStepTensor(state);
                    sum = RequireBuffer(state, "sum", param);
                }
            }

            /// <summary>Adagrad's hyperparameters; null fields take the optimizer's defaults.</summary>
            public class Options : OptimizerOptions
            {
                /// <summary>Learning-rate decay.</summary>
                public double? lr_decay;
                /// <summary>Denominator term.</summary>
                public double? eps;
                /// <summary>Weight decay.</summary>
                public double? weight_decay;
                /// <summary>Starting value of the accumulator.</summary>
                public double? initial_accumulator_value;
                /// <summary>Maximize the objective.</summary>
                public bool? maximize;

                /// <inheritdoc/>
                public override void FillMissingFrom(OptimizerOptions defaults)
                {
                    base.FillMissingFrom(defaults);
                    var d = (Options)defaults;
                    lr_decay ??= d.lr_decay; eps ??= d.eps; weight_decay ??= d.weight_decay;
                    initial_accumulator_value ??= d.initial_accumulator_value; maximize ??= d.maximize;
                }

                /// <inheritdoc/>
                public override void SaveTo(IDictionary<string, object?> group)
                {
                    base.SaveTo(group);
                    group["lr_decay"] = lr_decay; group["eps"] = eps; group["weight_decay"] = weight_decay;
                    group["initial_accumulator_value"] = initial_accumulator_value; group["foreach"] = null; group["maximize"] = maximize;
                }

                /// <inheritdoc/>
                public override void LoadFrom(IReadOnlyDictionary<string, object?> group)
                {
                    base.LoadFrom(group);
                    lr_decay = ReadDouble(group, "lr_decay", lr_decay); eps = ReadDouble(group, "eps", eps);
                    weight_decay = ReadDouble(group, "weight_decay", weight_decay);
                    initial_accumulator_value = ReadDouble(group, "initial_accumulator_value", initial_accumulator_value);
                    maximize = ReadBool(group, "maximize", maximize);
                }
            }

            /// <summary>An Adagrad parameter group; options left null take the optimizer's defaults.</summary>
            public class ParamGroup : ParamGroup<Options>
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group with explicit options.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                /// <summary>A group overriding some of the optimizer's defaults.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? lr_decay = null, double? weight_decay = null, double? initial_accumulator_value = null, double? eps = null, bool? maximize = null)
                    : base(parameters, new Options { LearningRate = lr, lr_decay = lr_decay, weight_decay = weight_decay, initial_accumulator_value = initial_accumulator_value, eps = eps, maximize = maximize }) { }
            }
        }
    }
}
