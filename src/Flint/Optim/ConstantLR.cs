namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies each group's rate by <paramref name="factor"/> until epoch <paramref name="total_iters"/>, then restores it.</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="factor">The factor, between 0 and 1 (default 1/3).</param>
            /// <param name="total_iters">Number of epochs the factor applies (default 5).</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler ConstantLR(Optimizer optimizer, double factor = 1.0 / 3, int total_iters = 5, int last_epoch = -1, bool verbose = false) =>
                new impl.ConstantLR(optimizer, factor, total_iters, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>ConstantLR</c>.</summary>
                public class ConstantLR : LRScheduler
                {
                    private readonly double _factor;
                    private readonly int _total_iters;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="factor">The factor, between 0 and 1.</param>
                    /// <param name="total_iters">Number of epochs the factor applies.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public ConstantLR(Optimizer optimizer, double factor = 1.0 / 3, int total_iters = 5, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        if (factor > 1.0 || factor < 0) throw new ArgumentException("Constant multiplicative factor expected to be between 0 and 1.");
                        _factor = factor;
                        _total_iters = total_iters;
                        InitialStep();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr()
                    {
                        if (last_epoch == 0) return GroupRates().Select(lr => lr * _factor).ToArray();
                        if (last_epoch != _total_iters) return GroupRates();
                        return GroupRates().Select(lr => lr * (1.0 / _factor)).ToArray();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_closed_form_lr() =>
                        base_lrs.Select(lr => lr * (_factor + (last_epoch >= _total_iters ? 1 : 0) * (1 - _factor))).ToArray();

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict)
                    {
                        state_dict["factor"] = _factor; state_dict["total_iters"] = _total_iters;
                    }
                }
            }
        }
    }
}
