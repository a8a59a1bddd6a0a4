using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The cosine embedding loss: 1 − cos(x1, x2) where target = 1, max(0, cos(x1, x2) − margin) where target = −1.</summary>
        public sealed class CosineEmbeddingLoss : Loss<Tensor, Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public CosineEmbeddingLoss(double margin = 0.0, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) => this.margin = margin;

            /// <summary>The margin of dissimilar pairs (−1 to 1; 0 to 0.5 suggested).</summary>
            public double margin { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input1, Tensor input2, Tensor target) => torch.nn.functional.cosine_embedding_loss(input1, input2, target, margin, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The cosine embedding loss.</summary>
            public static CosineEmbeddingLoss CosineEmbeddingLoss(double margin = 0.0, Reduction reduction = Reduction.Mean) => new(margin, reduction);

            public static partial class functional
            {
                /// <summary>
                /// Per pair (rows of 2-d inputs with a 1-d target, or 1-d inputs with a 0-d target): 1 − cos where target = 1,
                /// max(0, cos − margin) where target = −1, with cos = Σx1x2 / sqrt((Σx1² + 1e-12)(Σx2² + 1e-12)); reduced.
                /// </summary>
                public static Tensor cosine_embedding_loss(Tensor input1, Tensor input2, Tensor target, double margin = 0.0, Reduction reduction = Reduction.Mean)
                {
                    long td = target.dim();
                    if (td != 0 && td != 1) throw new ArgumentException("0D or 1D target tensor expected, multi-target not supported");
                    if (td == 1 && (input1.dim() != 2 || input2.dim() != 2))
                        throw new ArgumentException($"1D target tensor expects 2D input tensors, but found inputs with sizes {Shapes.Str(input1.shape)} and {Shapes.Str(input2.shape)}.");
                    if (td == 0 && (input1.dim() != 1 || input2.dim() != 1))
                        throw new ArgumentException($"0D target tensor expects 1D input tensors, but found inputs with sizes {Shapes.Str(input1.shape)} and {Shapes.Str(input2.shape)}.");
                    const double Epsilon = 1e-12;
                    var prodSum = (input1 * input2).sum(td);
                    var mag1 = (input1 * input1).sum(td) + Epsilon;
                    var mag2 = (input2 * input2).sum(td) + Epsilon;
                    var cos = prodSum / (mag1 * mag2).sqrt();
                    var zeros = zeros_like(cos);
                    var loss = where(target.eq(1), 1 - cos, zeros) + where(target.eq(-1), (cos - margin).clamp_min(0), zeros);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
