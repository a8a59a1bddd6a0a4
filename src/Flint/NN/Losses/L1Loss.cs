using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Mean absolute error: |input - target|, reduced.</summary>
        public sealed class L1Loss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public L1Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.l1_loss(input, target, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The absolute-error loss.</summary>
            public static L1Loss L1Loss(Reduction reduction = Reduction.Mean) => new(reduction);

            /// <summary>The absolute-error loss with PyTorch's deprecated <c>size_average</c>/<c>reduce</c> arguments.</summary>
            public static L1Loss L1Loss(bool? size_average, bool? reduce = null) => new(LegacyReduction(size_average, reduce));

            public static partial class functional
            {
                /// <summary>|input - target|, reduced; input and target broadcast together as in PyTorch.</summary>
                public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
                    => Reduce((input - target).abs(), reduction);
            }
        }
    }
}
