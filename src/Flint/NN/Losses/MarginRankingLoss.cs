using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The ranking loss max(0, −target·(input1 − input2) + margin), target ±1.</summary>
        public sealed class MarginRankingLoss : Loss<Tensor, Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public MarginRankingLoss(double margin = 0.0, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) => this.margin = margin;

            /// <summary>The required gap between the ranked inputs.</summary>
            public double margin { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input1, Tensor input2, Tensor target) => torch.nn.functional.margin_ranking_loss(input1, input2, target, margin, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The margin ranking loss.</summary>
            public static MarginRankingLoss MarginRankingLoss(double margin = 0.0, Reduction reduction = Reduction.Mean) => new(margin, reduction);

            public static partial class functional
            {
                /// <summary>max(0, −target·(input1 − input2) + margin), reduced; the three tensors must have the same number of dims.</summary>
                public static Tensor margin_ranking_loss(Tensor input1, Tensor input2, Tensor target, double margin = 0.0, Reduction reduction = Reduction.Mean)
                {
                    if (input1.dim() != input2.dim() || input1.dim() != target.dim())
                        throw new ArgumentException($"margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: torch.Size({Shapes.Str(input1.shape)}), input2: torch.Size({Shapes.Str(input2.shape)}), target: torch.Size({Shapes.Str(target.shape)}) ");
                    return Reduce((-target * (input1 - input2) + margin).clamp_min(0), reduction);
                }
            }
        }
    }
}
