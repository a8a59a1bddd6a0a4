using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The smooth L1 loss: 0.5·d²/beta where |d| &lt; beta, else |d| − 0.5·beta, with d = input − target.</summary>
        public sealed class SmoothL1Loss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public SmoothL1Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean, double beta = 1.0) : base(reduction) => this.beta = beta;

            /// <summary>Where the loss changes from quadratic to linear (0 gives the L1 loss).</summary>
            public double beta { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.smooth_l1_loss(input, target, reduction, beta);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The smooth L1 loss (PyTorch's <c>nn.SmoothL1Loss(reduction, beta)</c>).</summary>
            public static SmoothL1Loss SmoothL1Loss(Reduction reduction = Reduction.Mean, double beta = 1.0) => new(reduction, beta);

            /// <summary>The smooth L1 loss with PyTorch's deprecated <c>size_average</c>/<c>reduce</c> arguments.</summary>
            public static SmoothL1Loss SmoothL1Loss(bool? size_average, bool? reduce = null, double beta = 1.0) => new(LegacyReduction(size_average, reduce), beta);

            public static partial class functional
            {
                /// <summary>
                /// 0.5·d²/beta where |d| &lt; beta, else |d| − 0.5·beta, d = input − target (broadcast), reduced;
                /// beta = 0 is the L1 loss.
                /// </summary>
                public static Tensor smooth_l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1.0)
                {
                    if (beta < 0) throw new ArgumentException("smooth_l1_loss does not support negative values for beta.");
                    if (beta == 0) return l1_loss(input, target, reduction);
                    var d = input - target;
                    var z = d.abs();
                    var loss = where(z.lt(beta), d * d * (0.5 / beta), z - 0.5 * beta);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
