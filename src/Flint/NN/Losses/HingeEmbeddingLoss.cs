using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The hinge embedding loss: input where target = 1, max(0, margin − input) where target = −1.</summary>
        public sealed class HingeEmbeddingLoss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public HingeEmbeddingLoss(double margin = 1.0, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) => this.margin = margin;

            /// <summary>The margin of dissimilar pairs.</summary>
            public double margin { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.hinge_embedding_loss(input, target, margin, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The hinge embedding loss.</summary>
            public static HingeEmbeddingLoss HingeEmbeddingLoss(double margin = 1.0, Reduction reduction = Reduction.Mean) => new(margin, reduction);

            public static partial class functional
            {
                /// <summary>
                /// (target ≠ 1 ? max(0, margin − input) : 0) + (target ≠ −1 ? input : 0), reduced (PyTorch's formula, so a
                /// target other than ±1 gets both terms).
                /// </summary>
                public static Tensor hinge_embedding_loss(Tensor input, Tensor target, double margin = 1.0, Reduction reduction = Reduction.Mean)
                {
                    var zeros = zeros_like(input);
                    var marginClamp = (margin - input).clamp_min(0);
                    var loss = where(target.ne(1), marginClamp, zeros) + where(target.ne(-1), input, zeros);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
