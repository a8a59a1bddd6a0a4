using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The negative log-likelihood of a Gaussian target with predicted mean (input) and variance:
        /// 0.5·(log var + (input − target)²/var), var clamped to at least <see cref="eps"/>.
        /// </summary>
        public sealed class GaussianNLLLoss : Loss<Tensor, Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public GaussianNLLLoss(bool full = false, double eps = 1e-6, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction)
            {
                this.full = full;
                this.eps = eps;
            }

            /// <summary>Whether the constant 0.5·log(2π) is added.</summary>
            public bool full { get; }

            /// <summary>The smallest variance used (for stability).</summary>
            public double eps { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target, Tensor variance) => torch.nn.functional.gaussian_nll_loss(input, target, variance, full, eps, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The Gaussian negative log-likelihood loss.</summary>
            public static GaussianNLLLoss GaussianNLLLoss(bool full = false, double eps = 1e-6, Reduction reduction = Reduction.Mean) => new(full, eps, reduction);

            public static partial class functional
            {
                /// <summary>
                /// 0.5·(log var + (input − target)²/var) (+ 0.5·log 2π when <paramref name="full"/>), reduced. A variance one
                /// dim short of the input, or with last dim 1, is shared over the input's last dim (homoscedastic). The clamp
                /// to <paramref name="eps"/> happens without autograd, as in PyTorch: the gradient passes through unchanged.
                /// </summary>
                public static Tensor gaussian_nll_loss(Tensor input, Tensor target, Tensor variance, bool full = false, double eps = 1e-6, Reduction reduction = Reduction.Mean)
                {
                    if (!variance.shape.SequenceEqual(input.shape))
                    {
                        var inHead = input.shape.Take(input.shape.Length - 1);
                        if (input.dim() > 0 && inHead.SequenceEqual(variance.shape)) variance = variance.unsqueeze(-1);
                        else if (input.dim() > 0 && variance.dim() > 0 && inHead.SequenceEqual(variance.shape.Take(variance.shape.Length - 1)) && variance.size(-1) == 1) { }
                        else throw new ArgumentException("var is of incorrect size");
                    }
                    if (!Enum.IsDefined(reduction)) throw new ArgumentException($"{reduction} is not valid");
                    using (no_grad())
                        if (variance.lt(0).any().item<bool>()) throw new ArgumentException("var has negative entry/entries");
                    var clamped = variance + (variance.detach().clamp_min(eps) - variance.detach());
                    var d = input - target;
                    var loss = (clamped.log() + d * d / clamped) * 0.5;
                    if (full) loss = loss + 0.5 * Math.Log(2 * Math.PI);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
