namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies each group's rate by <paramref name="gamma"/> every <paramref name="step_size"/> epochs.</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="step_size">Period of the decay, in epochs.</param>
            /// <param name="gamma">Multiplicative factor of the decay (default 0.1).</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.StepLR(optimizer, step_size, gamma, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>StepLR</c>: recursive in <c>step()</c>, closed form for <c>step(epoch)</c>.</summary>
                public class StepLR : LRScheduler
                {
                    private readonly int _step_size;
                    private readonly double _gamma;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="step_size">Period of the decay, in epochs.</param>
                    /// <param name="gamma">Multiplicative factor of the decay.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        // PyTorch would fail with a modulo by zero at the first step.
                        if (step_size <= 0) throw new ArgumentException($"step_size must be positive, got {step_size}");
                        _step_size = step_size;
                        _gamma = gamma;
                        InitialStep();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr()
                    {
                        var groups = optimizer.ParamGroups;
                        var lrs = new double[groups.Count];
                        bool decay = last_epoch != 0 && last_epoch % _step_size == 0;
                        for (int i = 0; i < lrs.Length; i++) lrs[i] = decay ? groups[i].LearningRate * _gamma : groups[i].LearningRate;
                        return lrs;
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_closed_form_lr()
                    {
                        // Python's // floors; so does Math.Floor on the exact quotient of two ints.
                        double k = Math.Floor((double)last_epoch / _step_size);
                        return base_lrs.Select(lr => lr * Math.Pow(_gamma, k)).ToArray();
                    }
                }
            }
        }
    }
}
