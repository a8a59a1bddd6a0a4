using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The Kullback–Leibler divergence loss over log-probability inputs: target·(log target − input), or with
        /// <see cref="log_target"/> exp(target)·(target − input). <see cref="batchmean"/> divides the sum by the batch size
        /// (PyTorch's <c>reduction='batchmean'</c>, the true KL divergence).
        /// </summary>
        public sealed class KLDivLoss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public KLDivLoss(bool log_target = false, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, bool batchmean = false)
                : base(batchmean ? torch.nn.Reduction.Sum : reduction)
            {
                this.log_target = log_target;
                this.batchmean = batchmean;
            }

            /// <summary>Whether the target is given as log-probabilities.</summary>
            public bool log_target { get; }

            /// <summary>Whether the summed loss is divided by the batch size (PyTorch's <c>'batchmean'</c>).</summary>
            public bool batchmean { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target)
                => batchmean ? torch.nn.functional.kl_div(input, target, "batchmean", log_target) : torch.nn.functional.kl_div(input, target, reduction, log_target);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The KL-divergence loss with a <see cref="Reduction"/>.</summary>
            public static KLDivLoss KLDivLoss(bool log_target = false, Reduction reduction = Reduction.Mean) => new(log_target, reduction);

            /// <summary>The KL-divergence loss with PyTorch's reduction string: <c>"none"</c>, <c>"mean"</c>, <c>"sum"</c> or <c>"batchmean"</c>.</summary>
            public static KLDivLoss KLDivLoss(string reduction, bool log_target = false)
                => reduction == "batchmean" ? new(log_target, Reduction.Sum, batchmean: true) : new(log_target, ParseReduction(reduction));

            /// <summary>PyTorch's reduction string as a <see cref="Reduction"/> (<c>"none"</c>, <c>"mean"</c>, <c>"sum"</c>).</summary>
            internal static Reduction ParseReduction(string reduction) => reduction switch
            {
                "none" => Reduction.None,
                "mean" => Reduction.Mean,
                "sum" => Reduction.Sum,
                _ => throw new ArgumentException($"{reduction} is not a valid value for reduction"),
            };

            public static partial class functional
            {
                /// <summary>
                /// The pointwise KL divergence target·(log target − input) (0 where target = 0), or exp(target)·(target − input)
                /// when <paramref name="log_target"/>, reduced. Mean divides by the number of elements, as PyTorch's 'mean' does.
                /// </summary>
                public static Tensor kl_div(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, bool log_target = false)
                    => Reduce(KlDivPointwise(input, target, log_target), reduction);

                /// <summary>
                /// <see cref="kl_div(Tensor, Tensor, Reduction, bool)"/> with PyTorch's reduction string; <c>"batchmean"</c> divides
                /// the sum by input.size(0) (the KL divergence of each batch sample, averaged).
                /// </summary>
                public static Tensor kl_div(Tensor input, Tensor target, string reduction, bool log_target = false)
                {
                    if (reduction != "batchmean") return kl_div(input, target, ParseReduction(reduction), log_target);
                    var sum = KlDivPointwise(input, target, log_target).sum();
                    return input.dim() != 0 ? sum / (double)input.size(0) : sum;
                }

                private static Tensor KlDivPointwise(Tensor input, Tensor target, bool logTarget)
                    => logTarget ? target.exp() * (target - input) : target.xlogy(target) - target * input;
            }
        }
    }
}
