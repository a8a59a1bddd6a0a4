namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies each group's rate by <paramref name="gamma"/> every epoch.</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="gamma">Multiplicative factor of the decay (TorchSharp's default 0.1; PyTorch requires it).</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.ExponentialLR(optimizer, gamma, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>ExponentialLR</c>.</summary>
                public class ExponentialLR : LRScheduler
                {
                    private readonly double _gamma;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="gamma">Multiplicative factor of the decay.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        _gamma = gamma;
                        InitialStep();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr() =>
                        last_epoch == 0 ? GroupRates() : GroupRates().Select(lr => lr * _gamma).ToArray();

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_closed_form_lr() =>
                        base_lrs.Select(lr => lr * Math.Pow(_gamma, last_epoch)).ToArray();

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict) => state_dict["gamma"] = _gamma;
                }
            }
        }
    }
}
