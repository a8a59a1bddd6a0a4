namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// TorchSharp's <c>ChainedLR</c>: steps all <paramref name="schedulers"/> in order at every step, so their effects
            /// compose: PyTorch's <c>ChainedScheduler</c> under TorchSharp's older name.
            /// </summary>
            /// <param name="schedulers">Schedulers of one optimizer, stepped in order.</param>
            public static LRScheduler ChainedLR(IEnumerable<LRScheduler> schedulers) => new impl.ChainedLR(schedulers);

            public static partial class impl
            {
                /// <summary>TorchSharp's <c>ChainedLR</c>: a <see cref="ChainedScheduler"/> built from any sequence of schedulers.</summary>
                public class ChainedLR : ChainedScheduler
                {
                    /// <summary>Chains the schedulers (they have taken their initial steps already).</summary>
                    /// <param name="schedulers">Schedulers of one optimizer.</param>
                    public ChainedLR(IEnumerable<LRScheduler> schedulers) : base((schedulers ?? throw new ArgumentNullException(nameof(schedulers))).ToArray()) { }
                }
            }
        }
    }
}
