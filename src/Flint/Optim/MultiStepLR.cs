namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies each group's rate by <paramref name="gamma"/> at each milestone epoch (repeated milestones multiply repeatedly).</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="milestones">Epochs at which to decay.</param>
            /// <param name="gamma">Multiplicative factor of the decay (default 0.1).</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.MultiStepLR(optimizer, milestones, gamma, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>MultiStepLR</c>: recursive in <c>step()</c>, closed form for <c>step(epoch)</c>.</summary>
                public class MultiStepLR : LRScheduler
                {
                    private readonly int[] _milestones;
                    private readonly double _gamma;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="milestones">Epochs at which to decay.</param>
                    /// <param name="gamma">Multiplicative factor of the decay.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        _milestones = milestones.Order().ToArray();
                        _gamma = gamma;
                        InitialStep();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr()
                    {
                        int count = _milestones.Count(m => m == last_epoch);
                        if (count == 0) return GroupRates();
                        return GroupRates().Select(lr => lr * Math.Pow(_gamma, count)).ToArray();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_closed_form_lr()
                    {
                        int passed = _milestones.Count(m => m <= last_epoch); // bisect_right
                        return base_lrs.Select(lr => lr * Math.Pow(_gamma, passed)).ToArray();
                    }

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict)
                    {
                        state_dict["milestones"] = _milestones.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count()); // PyTorch's Counter
                        state_dict["gamma"] = _gamma;
                    }
                }
            }
        }
    }
}
