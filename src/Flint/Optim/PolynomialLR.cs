namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Decays each group's rate polynomially to zero over <paramref name="total_iters"/> epochs: lr = initial_lr · (1 − t/T)^power.</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="total_iters">Epochs of the decay (default 5).</param>
            /// <param name="power">Power of the polynomial (default 1).</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler PolynomialLR(Optimizer optimizer, int total_iters = 5, double power = 1.0, int last_epoch = -1, bool verbose = false) =>
                new impl.PolynomialLR(optimizer, total_iters, power, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>PolynomialLR</c>.</summary>
                public class PolynomialLR : LRScheduler
                {
                    private readonly int _total_iters;
                    private readonly double _power;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="total_iters">Epochs of the decay.</param>
                    /// <param name="power">Power of the polynomial.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public PolynomialLR(Optimizer optimizer, int total_iters = 5, double power = 1.0, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        _total_iters = total_iters;
                        _power = power;
                        InitialStep();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr()
                    {
                        if (last_epoch == 0 || last_epoch > _total_iters) return GroupRates();
                        double decay_factor = Math.Pow((1.0 - (double)last_epoch / _total_iters) / (1.0 - (double)(last_epoch - 1) / _total_iters), _power);
                        return GroupRates().Select(lr => lr * decay_factor).ToArray();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_closed_form_lr() =>
                        base_lrs.Select(lr => lr * Math.Pow(1.0 - (double)Math.Min(_total_iters, last_epoch) / _total_iters, _power)).ToArray();

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict)
                    {
                        state_dict["total_iters"] = _total_iters; state_dict["power"] = _power;
                    }
                }
            }
        }
    }
}
