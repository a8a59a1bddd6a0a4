using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The Huber loss: 0.5·d² where |d| &lt; delta, else delta·(|d| − 0.5·delta), with d = input − target.</summary>
        public sealed class HuberLoss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public HuberLoss(double delta = 1.0, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) => this.delta = delta;

            /// <summary>Where the loss changes from quadratic to linear.</summary>
            public double delta { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.huber_loss(input, target, delta, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The Huber loss (PyTorch's <c>nn.HuberLoss(reduction, delta)</c>).</summary>
            public static HuberLoss HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean) => new(delta, reduction);

            public static partial class functional
            {
                /// <summary>
                /// 0.5·d² where |d| &lt; delta, else delta·(|d| − 0.5·delta), d = input − target (broadcast), reduced.
                /// </summary>
                public static Tensor huber_loss(Tensor input, Tensor target, double delta = 1.0, Reduction reduction = Reduction.Mean)
                {
                    if (!(delta > 0)) throw new ArgumentException("huber_loss does not support non-positive values for delta.");
                    var d = input - target;
                    var z = d.abs();
                    var loss = where(z.lt(delta), d * d * 0.5, (z - 0.5 * delta) * delta);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
