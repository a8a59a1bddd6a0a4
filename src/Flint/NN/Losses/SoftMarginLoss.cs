using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The two-class logistic loss log(1 + exp(−target·input)), target ±1.</summary>
        public sealed class SoftMarginLoss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public SoftMarginLoss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.soft_margin_loss(input, target, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The soft margin loss.</summary>
            public static SoftMarginLoss SoftMarginLoss(Reduction reduction = Reduction.Mean) => new(reduction);

            public static partial class functional
            {
                /// <summary>log(1 + exp(−target·input)) (PyTorch's log1p(exp(·)), which overflows for large margins as PyTorch's does), reduced.</summary>
                public static Tensor soft_margin_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
                    => Reduce((-input * target).exp().log1p(), reduction);
            }
        }
    }
}
