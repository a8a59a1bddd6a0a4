using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The multi-label one-versus-all logistic loss, averaged over the classes of each sample.</summary>
        public sealed class MultiLabelSoftMarginLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss; <paramref name="weight"/> (per class) is a buffer.</summary>
            public MultiLabelSoftMarginLoss(Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(weight, reduction) { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.multilabel_soft_margin_loss(input, target, weight, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The multi-label soft margin loss.</summary>
            public static MultiLabelSoftMarginLoss MultiLabelSoftMarginLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);

            public static partial class functional
            {
                /// <summary>
                /// −(target·logσ(input) + (1 − target)·logσ(−input)), times <paramref name="weight"/>, summed over the last
                /// (class) dim and divided by its size; then reduced over the samples.
                /// </summary>
                public static Tensor multilabel_soft_margin_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
                {
                    var loss = -(target * logsigmoid(input) + (1 - target) * logsigmoid(-input));
                    if (weight is not null) loss = loss * weight;
                    long classDim = input.dim() - 1;
                    loss = loss.sum(classDim) / (double)input.size(classDim);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
