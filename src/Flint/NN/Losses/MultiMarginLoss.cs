using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The multi-class hinge loss: for each sample with class y, Σ_{i≠y} weight[y]·max(0, margin − x[y] + x[i])^p / C.
        /// </summary>
        public sealed class MultiMarginLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss; p is 1 or 2, <paramref name="weight"/> (per class) is a buffer.</summary>
            public MultiMarginLoss(long p = 1, double margin = 1.0, Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(CheckWeight(weight), reduction)
            {
                if (p != 1 && p != 2) throw new ArgumentException("only p == 1 and p == 2 supported");
                this.p = p;
                this.margin = margin;
            }

            private static Tensor? CheckWeight(Tensor? weight)
            {
                if (weight is not null && weight.dim() != 1) throw new ArgumentException("weight must be one-dimensional");
                return weight;
            }

            /// <summary>The exponent of the hinge (1 or 2).</summary>
            public long p { get; }

            /// <summary>The required margin of the true class.</summary>
            public double margin { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.multi_margin_loss(input, target, p, margin, weight, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The multi-class margin loss.</summary>
            public static MultiMarginLoss MultiMarginLoss(long p = 1, double margin = 1.0, Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(p, margin, weight, reduction);

            public static partial class functional
            {
                /// <summary>
                /// Σ_{i≠y} weight[y]·max(0, margin − x[y] + x[i])^p / C per sample of a (C) or (N, C) input with int64 class
                /// targets () or (N); reduced over the samples (the mean is over samples, not weights).
                /// </summary>
                public static Tensor multi_margin_loss(Tensor input, Tensor target, long p = 1, double margin = 1.0, Tensor? weight = null, Reduction reduction = Reduction.Mean)
                {
                    if (p != 1 && p != 2) throw new ArgumentException("only p == 1 and p == 2 supported");
                    if (weight is not null && weight.dim() != 1) throw new ArgumentException("weight must be one-dimensional");
                    long ndims = input.dim();
                    if (!((ndims == 2 && input.size(1) != 0) || (ndims == 1 && input.size(0) != 0) || ndims == 0))
                        throw new ArgumentException($"Expected non-empty vector or matrix with optional 0-dim batch size, but got: {Shapes.Str(input.shape)}");
                    long n = ndims <= 1 ? 1 : input.size(0), c = ndims == 0 ? 1 : input.size(ndims - 1);
                    if (!(target.dim() <= 1 && target.numel() == n))
                        throw new ArgumentException($"inconsistent target size, expected {n} but got {Shapes.Str(target.shape)}");
                    if (weight is not null && weight.numel() != c)
                        throw new ArgumentException($"inconsistent weight size, expected {c} but got {Shapes.Str(weight.shape)}");
                    if (target.dtype != ScalarType.Int64)
                        throw new ArgumentException($"expected scalar type Long but found {DTypes.ShortName(target.dtype)}");
                    foreach (var y in target.data<long>())
                        if (y < 0 || y >= c) throw new ArgumentException("target out of range");
                    var x = input.reshape(n, c);
                    var y2 = target.reshape(n, 1);
                    var z = (margin - x.gather(1, y2) + x).clamp_min(0);
                    if (p == 2) z = z * z;
                    if (weight is not null) z = z * weight.index_select(0, y2.flatten()).unsqueeze(1);
                    var others = ones([n, c], input.dtype, input.device).scatter(1, y2, 0.0);
                    var loss = (z * others).sum(1) / (double)c;
                    if (reduction == Reduction.None && target.dim() == 0) loss = loss.reshape([]);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
