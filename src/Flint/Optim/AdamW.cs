using Flint.Modules;
using static Flint.torch.nn;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>AdamW over named parameters (<c>named_parameters()</c>); the names are ignored.</summary>
            /// <param name="parameters">The named parameters to optimize.</param>
            /// <param name="lr">As in the overload over plain parameters.</param>
            /// <param name="beta1">As in the overload over plain parameters.</param>
            /// <param name="beta2">As in the overload over plain parameters.</param>
            /// <param name="eps">As in the overload over plain parameters.</param>
            /// <param name="weight_decay">As in the overload over plain parameters.</param>
            /// <param name="amsgrad">As in the overload over plain parameters.</param>
            /// <param name="maximize">As in the overload over plain parameters.</param>
            public static Modules.AdamW AdamW(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
                AdamW(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>
            /// Adam with decoupled weight decay (Loshchilov and Hutter, 2017), PyTorch's <c>torch.optim.AdamW</c>:
            /// each step first shrinks the parameter by <c>lr * weight_decay</c>.
            /// </summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate (default 1e-3).</param>
            /// <param name="beta1">Decay rate of the running average of the gradient (default 0.9).</param>
            /// <param name="beta2">Decay rate of the running average of the squared gradient (default 0.999).</param>
            /// <param name="eps">Term added to the denominator for numerical stability (default 1e-8).</param>
            /// <param name="weight_decay">Decoupled weight decay coefficient (default 0.01, as in PyTorch).</param>
            /// <param name="amsgrad">Use the AMSGrad variant (default false).</param>
            /// <param name="maximize">Maximize the objective instead of minimizing it (default false).</param>
            public static Modules.AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>AdamW over parameter groups; group options left unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="beta1">Default first-moment decay rate.</param>
            /// <param name="beta2">Default second-moment decay rate.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default decoupled weight decay.</param>
            /// <param name="amsgrad">Default for AMSGrad.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public static Modules.AdamW AdamW(IEnumerable<Modules.AdamW.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>AdamW: Adam's update with decoupled weight decay, following PyTorch 1.13's single-tensor update exactly.</summary>
        public class AdamW : Adam
        {
            /// <summary>AdamW over one group of <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The parameters to optimize.</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="beta1">First-moment decay rate.</param>
            /// <param name="beta2">Second-moment decay rate.</param>
            /// <param name="eps">Denominator term.</param>
            /// <param name="weight_decay">Decoupled weight decay.</param>
            /// <param name="amsgrad">Use AMSGrad.</param>
            /// <param name="maximize">Maximize the objective.</param>
            public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
                : this(SingleGroup<ParamGroup>(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

            /// <summary>AdamW over parameter groups; options a group leaves unset take these defaults.</summary>
            /// <param name="parameters">The parameter groups.</param>
            /// <param name="lr">Default learning rate.</param>
            /// <param name="beta1">Default first-moment decay rate.</param>
            /// <param name="beta2">Default second-moment decay rate.</param>
            /// <param name="eps">Default denominator term.</param>
            /// <param name="weight_decay">Default decoupled weight decay.</param>
            /// <param name="amsgrad">Default for AMSGrad.</param>
            /// <param name="maximize">Default for maximizing.</param>
            public AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
                : base(new Options(), parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

            private protected override bool DecoupledWeightDecay => true;

            /// <summary>AdamW's hyperparameters (Adam's, with weight decay applied to the parameter).</summary>
            public new class Options : Adam.Options { }

            /// <summary>An AdamW parameter group; options left null take the optimizer's defaults.</summary>
            public new class ParamGroup : ParamGroup<Options>
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
