using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The triplet loss max(0, d(a, p) − d(a, n) + margin) with the p-norm pairwise distance d.</summary>
        public sealed class TripletMarginLoss : Loss<Tensor, Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public TripletMarginLoss(double margin = 1.0, double p = 2, double eps = 1e-6, bool swap = false, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction)
            {
                this.margin = margin;
                this.p = p;
                this.eps = eps;
                this.swap = swap;
            }

            /// <summary>The required gap between the positive and the negative distance.</summary>
            public double margin { get; }

            /// <summary>The norm degree of the pairwise distance.</summary>
            public double p { get; }

            /// <summary>Added to the difference before the norm.</summary>
            public double eps { get; }

            /// <summary>Whether the negative distance is the smaller of d(a, n) and d(p, n) (the distance swap).</summary>
            public bool swap { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor anchor, Tensor positive, Tensor negative) => torch.nn.functional.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The triplet margin loss.</summary>
            public static TripletMarginLoss TripletMarginLoss(double margin = 1.0, double p = 2, double eps = 1e-6, bool swap = false, Reduction reduction = Reduction.Mean) => new(margin, p, eps, swap, reduction);

            public static partial class functional
            {
                /// <summary>
                /// max(0, margin + ‖a − p + eps‖_p − ‖a − n + eps‖_p) per triplet (the negative distance replaced by
                /// min(d(a, n), d(p, n)) when <paramref name="swap"/>), reduced.
                /// </summary>
                public static Tensor triplet_margin_loss(Tensor anchor, Tensor positive, Tensor negative, double margin = 1.0, double p = 2, double eps = 1e-6, bool swap = false, Reduction reduction = Reduction.Mean)
                {
                    long a = anchor.dim(), pd = positive.dim(), nd = negative.dim();
                    if (a != pd || pd != nd)
                        throw new ArgumentException($"All inputs should have same dimension but got {a}D, {pd}D and {nd}D inputs.");
                    var distPos = pairwise_distance(anchor, positive, p, eps);
                    var distNeg = pairwise_distance(anchor, negative, p, eps);
                    if (swap) distNeg = distNeg.minimum(pairwise_distance(positive, negative, p, eps));
                    return Reduce((distPos - distNeg + margin).clamp_min(0), reduction);
                }
            }
        }
    }
}
