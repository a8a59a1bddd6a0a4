using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Sigmoid followed by binary cross entropy, fused so that any logit (even ±100) gives a finite, exact loss.</summary>
        public sealed class BCEWithLogitsLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss; <paramref name="pos_weights"/> weighs the positive term (per class, broadcast).</summary>
            public BCEWithLogitsLoss(Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, Tensor? pos_weights = null) : base(weight, reduction)
            {
                if (pos_weights is not null) register_buffer("pos_weight", pos_weights);
                this.pos_weights = pos_weights;
            }

            /// <summary>The weight of positive examples, or null.</summary>
            public Tensor? pos_weights { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The binary cross-entropy loss over logits.</summary>
            public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) => new(weight, reduction, pos_weights);

            public static partial class functional
            {
                /// <summary>
                /// Binary cross entropy of sigmoid(input), computed as PyTorch does with a log-sum-exp that never
                /// overflows: (1 - t) * x + lw * (log(e^-m + e^(-x-m)) + m) with m = max(-x, 0) and
                /// lw = 1 + (pos_weight - 1) * t.
                /// </summary>
                public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null)
                {
                    if (!input.size().Equals(target.size()))
                        throw new ArgumentException($"Target size ({target.size()}) must be the same as input size ({input.size()})");
                    var maxVal = (-input).clamp_min(0);
                    var logSumExp = ((-maxVal).exp() + (-input - maxVal).exp()).log();
                    Tensor loss;
                    if (pos_weights is not null)
                    {
                        var logWeight = (pos_weights - 1.0) * target + 1.0;
                        loss = (1.0 - target) * input + logWeight * (logSumExp + maxVal);
                    }
                    else loss = (1.0 - target) * input + maxVal + logSumExp;
                    if (weight is not null) loss = loss * weight;
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
