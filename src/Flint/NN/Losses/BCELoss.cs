using Flint.Modules;
using Flint.Ops;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Binary cross entropy between probabilities in [0, 1] and targets.</summary>
        public sealed class BCELoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public BCELoss(Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(weight, reduction) { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.binary_cross_entropy(input, target, weight, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The binary cross-entropy loss over probabilities.</summary>
            public static BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);

            public static partial class functional
            {
                /// <summary>
                /// -weight * (target * log(input) + (1 - target) * log(1 - input)), with each log clamped to >= -100 as
                /// PyTorch does so that 0 and 1 give finite losses; the gradient is PyTorch's
                /// (input - target) / max(input * (1 - input), 1e-12).
                /// </summary>
                public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
                {
                    if (!input.size().Equals(target.size()))
                        throw new ArgumentException($"Using a target size ({target.size()}) that is different to the input size ({input.size()}) is deprecated. Please ensure they have the same size.");
                    if (!input.is_floating_point())
                        throw new ArgumentException($"\"binary_cross_entropy\" not implemented for '{DTypes.ShortName(input.dtype)}'");
                    var loss = Losses.BinaryCrossEntropy(input, target.to(input.dtype));
                    if (weight is not null) loss = loss * weight.expand(Shapes.Broadcast(target.Shape, weight.Shape));
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
