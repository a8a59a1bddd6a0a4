using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The negative log-likelihood of a Poisson target: exp(input) − target·input when <see cref="log_input"/>, else
        /// input − target·log(input + eps); <see cref="full"/> adds Stirling's term for targets above 1.
        /// </summary>
        public sealed class PoissonNLLLoss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public PoissonNLLLoss(bool log_input = true, bool full = false, double eps = 1e-8, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction)
            {
                this.log_input = log_input;
                this.full = full;
                this.eps = eps;
            }

            /// <summary>Whether the input is the log of the rate.</summary>
            public bool log_input { get; }

            /// <summary>Whether Stirling's approximation term is added.</summary>
            public bool full { get; }

            /// <summary>Added to the rate before its log when <see cref="log_input"/> is false.</summary>
            public double eps { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.poisson_nll_loss(input, target, log_input, full, eps, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The Poisson negative log-likelihood loss.</summary>
            public static PoissonNLLLoss PoissonNLLLoss(bool log_input = true, bool full = false, double eps = 1e-8, Reduction reduction = Reduction.Mean) => new(log_input, full, eps, reduction);

            public static partial class functional
            {
                /// <summary>
                /// exp(input) − target·input (<paramref name="log_input"/>) or input − target·log(input + eps); with
                /// <paramref name="full"/>, plus target·log(target) − target + 0.5·log(2π·target) where target &gt; 1; reduced.
                /// </summary>
                public static Tensor poisson_nll_loss(Tensor input, Tensor target, bool log_input = true, bool full = false, double eps = 1e-8, Reduction reduction = Reduction.Mean)
                {
                    var loss = log_input ? input.exp() - target * input : input - target * (input + eps).log();
                    if (full)
                    {
                        var stirling = target * target.log() - target + (target * (2 * Math.PI)).log() * 0.5;
                        loss = loss + stirling.masked_fill(target.le(1), 0);
                    }
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
