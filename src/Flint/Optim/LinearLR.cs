namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Scales each group's rate by a factor moving linearly from <paramref name="start_factor"/> to <paramref name="end_factor"/> over <paramref name="total_iters"/> epochs.</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="start_factor">Factor at the first epoch, between 0 and 1 (default 1/3).</param>
            /// <param name="end_factor">Factor at the end, between 0 and 1 (default 1).</param>
            /// <param name="total_iters">Epochs until the end factor is reached (default 5).</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5, int last_epoch = -1, bool verbose = false) =>
                new impl.LinearLR(optimizer, start_factor, end_factor, total_iters, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>LinearLR</c>.</summary>
                public class LinearLR : LRScheduler
                {
                    private readonly double _start_factor, _end_factor;
                    private readonly int _total_iters;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="start_factor">Factor at the first epoch.</param>
                    /// <param name="end_factor">Factor at the end.</param>
                    /// <param name="total_iters">Epochs until the end factor is reached.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        if (start_factor > 1.0 || start_factor < 0) throw new ArgumentException("Starting multiplicative factor expected to be between 0 and 1.");
                        if (end_factor > 1.0 || end_factor < 0) throw new ArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
                        _start_factor = start_factor;
                        _end_factor = end_factor;
                        _total_iters = total_iters;
                        InitialStep();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr()
                    {
                        if (last_epoch == 0) return GroupRates().Select(lr => lr * _start_factor).ToArray();
                        if (last_epoch > _total_iters) return GroupRates();
                        double d = _end_factor - _start_factor;
                        return GroupRates().Select(lr => lr * (1.0 + d / (_total_iters * _start_factor + (last_epoch - 1) * d))).ToArray();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_closed_form_lr() =>
                        base_lrs.Select(lr => lr * (_start_factor + (_end_factor - _start_factor) * Math.Min(_total_iters, last_epoch) / _total_iters)).ToArray();

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict)
                    {
                        state_dict["start_factor"] = _start_factor; state_dict["end_factor"] = _end_factor; state_dict["total_iters"] = _total_iters;
                    }
                }
            }
        }
    }
}
