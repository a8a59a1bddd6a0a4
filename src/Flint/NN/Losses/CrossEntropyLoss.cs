using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Cross entropy between logits and class indices (int64) or class probabilities (same shape as the
        /// input): log_softmax followed by the negative log-likelihood, with optional class weights,
        /// ignore_index and label smoothing.
        /// </summary>
        public sealed class CrossEntropyLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss; a null <paramref name="ignore_index"/> means PyTorch's -100.</summary>
            public CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, double label_smoothing = 0.0) : base(weight, reduction)
            {
                this.ignore_index = ignore_index;
                this.label_smoothing = label_smoothing;
            }

            /// <summary>A class index that contributes neither loss nor gradient (null: -100).</summary>
            public long? ignore_index { get; }

            /// <summary>The amount of smoothing in [0, 1]: targets become (1 - s) * target + s / C.</summary>
            public double label_smoothing { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target)
                => torch.nn.functional.cross_entropy(input, target, weight, ignore_index ?? -100, reduction, label_smoothing);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The cross-entropy loss over logits.</summary>
            public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
                => new(weight, ignore_index, reduction, label_smoothing);

            public static partial class functional
            {
                /// <summary>
                /// Cross entropy of logits <paramref name="input"/> ((C), (N, C) or (N, C, d1, ...)) against class indices
                /// (int64, shaped like the input without the class dim) or class probabilities (shaped like the input),
                /// computed as PyTorch 1.13 does via a stable log_softmax.
                /// </summary>
                public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
                {
                    if (!(label_smoothing >= 0 && label_smoothing <= 1))
                        throw new ArgumentException($"label_smoothing must be between 0.0 and 1.0. Got: {Module.FormatFloat(label_smoothing)}");
                    if (input.dim() < 1) throw new ArgumentException($"Expected 1 or more dimensions (got {input.dim()})");
                    int classDim = input.dim() == 1 ? 0 : 1;
                    long classes = input.size(classDim);
                    var logp = input.log_softmax(classDim);
                    if (input.size().Equals(target.size()))
                        return ProbabilityTargets(logp, target, weight, reduction, label_smoothing, classDim, classes);

                    var nll = nll_loss(logp, target, weight, reduction, ignore_index);
                    if (label_smoothing == 0) return nll;

                    // Label smoothing with class indices: mix in the loss against the uniform distribution.
                    var ignored = target.eq(ignore_index);
                    var smooth = weight is null ? -logp.sum(classDim) : -(logp * ClassView(weight, input.dim(), classDim)).sum(classDim);
                    smooth = smooth.masked_fill(ignored, 0);
                    Tensor ret = reduction switch
                    {
                        Reduction.Mean when weight is not null => smooth.sum() / nll_weights(target, weight, ignore_index).sum(),
                        Reduction.Mean => smooth.sum() / ignored.logical_not().sum().to(smooth.dtype),
                        Reduction.Sum => smooth.sum(),
                        _ => smooth,
                    };
                    return (1 - label_smoothing) * nll + ret * (label_smoothing / classes);
                }

                private static Tensor ProbabilityTargets(Tensor logp, Tensor target, Tensor? weight, Reduction reduction, double smoothing, int classDim, long classes)
                {
                    if (!target.is_floating_point())
                        throw new ArgumentException($"Expected floating point type for target with class probabilities, got {DTypes.ShortName(target.dtype)}");
                    if (weight is not null && (weight.dim() != 1 || weight.numel() != classes))
                        throw new ArgumentException($"cross_entropy: weight tensor should be defined either for all {classes} classes or no classes but got weight tensor of shape: [{string.Join(", ", weight.shape)}]");
                    var t = smoothing > 0 ? target * (1 - smoothing) + smoothing / classes : target;
                    var prod = logp * t;
                    if (weight is not null) prod = prod * ClassView(weight, logp.dim(), classDim);
                    return reduction switch
                    {
                        Reduction.None => -prod.sum(classDim),
                        Reduction.Sum => -prod.sum(),
                        Reduction.Mean => logp.numel() == 0 ? -prod.sum() * double.NaN : -prod.sum() / (logp.numel() / classes),
                        _ => throw new ArgumentException($"{reduction} is not a valid value for reduction"),
                    };
                }

                /// <summary>The per-class weight shaped to broadcast along the class dim.</summary>
                private static Tensor ClassView(Tensor weight, long dims, int classDim)
                {
                    var shape = new long[dims];
                    Array.Fill(shape, 1L);
                    shape[classDim] = weight.size(0);
                    return weight.view(shape);
                }

                /// <summary>weight[target] for the targets that are not ignored (the mean's denominator).</summary>
                private static Tensor nll_weights(Tensor target, Tensor weight, long ignoreIndex)
                {
                    var keep = target.ne(ignoreIndex);
                    var safe = target.masked_fill(keep.logical_not(), 0);
                    return weight.index_select(0, safe.flatten()) * keep.flatten().to(weight.dtype);
                }
            }
        }
    }
}
