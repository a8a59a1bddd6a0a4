using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Negative log-likelihood of class indices given log-probabilities (use after <c>LogSoftmax</c>).</summary>
        public sealed class NLLLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public NLLLoss(Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, long ignore_index = -100) : base(weight, reduction)
                => this.ignore_index = ignore_index;

            /// <summary>A target value that contributes neither loss nor gradient.</summary>
            public long ignore_index { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.nll_loss(input, target, weight, reduction, ignore_index);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The negative log-likelihood loss.</summary>
            public static NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100) => new(weight, reduction, ignore_index);

            public static partial class functional
            {
                /// <summary>
                /// -weight[t] * input[n, t] for each target class t, over input (C), (N, C) or (N, C, d1, ...) with
                /// int64 targets (), (N) or (N, d1, ...). The mean divides by the sum of the weights of the
                /// non-ignored targets, as PyTorch does.
                /// </summary>
                public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100)
                {
                    var (picked, w) = PickClass(input, target, weight, ignore_index);
                    var loss = -(picked * w);
                    return reduction switch
                    {
                        Reduction.None => loss,
                        Reduction.Sum => loss.sum(),
                        Reduction.Mean => loss.sum() / w.sum(),
                        _ => throw new ArgumentException($"{reduction} is not a valid value for reduction"),
                    };
                }

                /// <summary>
                /// input[..., target, ...] along the class dim (0 for 1-D input, else 1) and each target's weight
                /// (0 where ignored), both shaped like the target; validates shapes, dtype and bounds as PyTorch does.
                /// </summary>
                internal static (Tensor picked, Tensor weight) PickClass(Tensor input, Tensor target, Tensor? weight, long ignoreIndex)
                {
                    if (input.dim() < 1) throw new ArgumentException($"Expected 1 or more dimensions (got {input.dim()})");
                    if (target.dtype != ScalarType.Int64)
                        throw new ArgumentException($"expected scalar type Long but found {DTypes.ShortName(target.dtype)}");
                    int classDim = input.dim() == 1 ? 0 : 1;
                    long classes = input.size(classDim);
                    if (input.dim() == 1)
                    {
                        if (target.dim() != 0) throw new ArgumentException("0D or 1D target tensor expected, multi-target not supported");
                    }
                    else
                    {
                        if (input.size(0) != target.size(0) || target.dim() == 0)
                            throw new ArgumentException($"Expected input batch_size ({input.size(0)}) to match target batch_size ({(target.dim() == 0 ? 0 : target.size(0))}).");
                        if (input.dim() == 2 && target.dim() != 1)
                            throw new ArgumentException("0D or 1D target tensor expected, multi-target not supported");
                        if (input.dim() > 2)
                        {
                            var expected = new List<long> { input.size(0) };
                            for (int i = 2; i < input.dim(); i++) expected.Add(input.size(i));
                            if (!expected.SequenceEqual(target.shape))
                                throw new ArgumentException($"Expected target size [{string.Join(", ", expected)}], got [{string.Join(", ", target.shape)}]");
                        }
                    }
                    if (weight is not null && (weight.dim() != 1 || weight.numel() != classes))
                        throw new ArgumentException($"weight tensor should be defined either for all {classes} classes or no classes but got weight tensor of shape: [{string.Join(", ", weight.shape)}]");

                    var keep = target.ne(ignoreIndex);
                    var safe = target.masked_fill(keep.logical_not(), 0);
                    if (safe.numel() > 0)
                    {
                        var bad = safe.lt(0).logical_or(safe.ge(classes));
                        if (bad.any().item<bool>())
                            throw new IndexOutOfRangeException($"Target {safe[bad].flatten()[0].item<long>()} is out of bounds.");
                    }
                    var picked = input.gather(classDim, safe.unsqueeze(classDim)).squeeze(classDim);
                    var keepF = keep.to(input.dtype);
                    var w = weight is null ? keepF : weight.index_select(0, safe.flatten()).reshape(target.shape) * keepF;
                    return (picked, w);
                }
            }
        }
    }
}
