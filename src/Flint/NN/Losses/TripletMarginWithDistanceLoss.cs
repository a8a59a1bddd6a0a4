using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The triplet loss max(0, d(a, p) − d(a, n) + margin) with any distance function d (pairwise distance by default).</summary>
        public sealed class TripletMarginWithDistanceLoss : Loss<Tensor, Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public TripletMarginWithDistanceLoss(Func<Tensor, Tensor, Tensor>? distance_function = null, double margin = 1.0, bool swap = false, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction)
            {
                this.distance_function = distance_function;
                this.margin = margin;
                this.swap = swap;
            }

            /// <summary>The distance, or null for <c>F.pairwise_distance</c>.</summary>
            public Func<Tensor, Tensor, Tensor>? distance_function { get; }

            /// <summary>The required gap between the positive and the negative distance.</summary>
            public double margin { get; }

            /// <summary>Whether the negative distance is the smaller of d(a, n) and d(p, n).</summary>
            public bool swap { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor anchor, Tensor positive, Tensor negative)
                => torch.nn.functional.triplet_margin_with_distance_loss(anchor, positive, negative, distance_function, margin, swap, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The triplet margin loss with a custom distance.</summary>
            public static TripletMarginWithDistanceLoss TripletMarginWithDistanceLoss(Func<Tensor, Tensor, Tensor>? distance_function = null, double margin = 1.0, bool swap = false, Reduction reduction = Reduction.Mean)
                => new(distance_function, margin, swap, reduction);

            public static partial class functional
            {
                /// <summary>
                /// max(0, d(a, p) − d(a, n) + margin) per triplet, with d = <paramref name="distance_function"/> (default
                /// <c>pairwise_distance</c>) and the negative distance min(d(a, n), d(p, n)) when <paramref name="swap"/>; reduced.
                /// </summary>
                public static Tensor triplet_margin_with_distance_loss(Tensor anchor, Tensor positive, Tensor negative, Func<Tensor, Tensor, Tensor>? distance_function = null, double margin = 1.0, bool swap = false, Reduction reduction = Reduction.Mean)
                {
                    var d = distance_function ?? ((x, y) => pairwise_distance(x, y));
                    var distPos = d(anchor, positive);
                    var distNeg = d(anchor, negative);
                    if (swap) distNeg = distNeg.minimum(d(positive, negative));
                    return Reduce((distPos - distNeg + margin).clamp_min(0), reduction);
                }
            }
        }
    }
}
