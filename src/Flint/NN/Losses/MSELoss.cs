using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Mean squared error: (input - target)², reduced.</summary>
        public sealed class MSELoss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public MSELoss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.mse_loss(input, target, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// The squared-error loss; <c>nn.MSELoss(nn.Reduction.Sum)</c> is PyTorch's <c>MSELoss(size_average=False)</c>.
            /// </summary>
            public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);

            /// <summary>
            /// The squared-error loss with PyTorch's deprecated arguments, as the tutorial writes it:
            /// <c>nn.MSELoss(size_average: false)</c> sums.
            /// </summary>
            public static MSELoss MSELoss(bool? size_average, bool? reduce = null) => new(LegacyReduction(size_average, reduce));

            public static partial class functional
            {
                /// <summary>(input - target)², reduced; input and target broadcast together as in PyTorch.</summary>
                public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
                    => Reduce((input - target).pow(2), reduction);
            }
        }
    }
}
