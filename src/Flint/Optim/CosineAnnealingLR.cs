namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Anneals each group's rate from its initial value to <paramref name="eta_min"/> along a cosine over
            /// <paramref name="T_max"/> epochs (SGDR without restarts); past <paramref name="T_max"/> it rises again.
            /// </summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="T_max">Half-period of the cosine, in epochs.</param>
            /// <param name="eta_min">Minimum learning rate (default 0).</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false) =>
                new impl.CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>CosineAnnealingLR</c>, with its recursive form in <c>step()</c> and closed form for <c>step(epoch)</c>.</summary>
                public class CosineAnnealingLR : LRScheduler
                {
                    private readonly double _T_max;
                    private readonly double _eta_min;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="T_max">Half-period of the cosine, in epochs.</param>
                    /// <param name="eta_min">Minimum learning rate.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        // PyTorch would divide by zero at the first step.
                        if (!(T_max > 0)) throw new ArgumentException($"T_max must be positive, got {T_max}");
                        _T_max = T_max;
                        _eta_min = eta_min;
                        InitialStep();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr()
                    {
                        // Same expressions, in the same order, as PyTorch 1.13, so the doubles agree bit for bit.
                        var groups = optimizer.ParamGroups;
                        var lrs = new double[groups.Count];
                        double e = last_epoch, T = _T_max, eta = _eta_min;
                        for (int i = 0; i < lrs.Length; i++)
                        {
                            double lr = groups[i].LearningRate, base_lr = base_lrs[i];
                            if (last_epoch == 0) lrs[i] = lr;
                            else if (_step_count == 1 && last_epoch > 0)
                                lrs[i] = eta + (base_lr - eta) * (1 + Math.Cos(e * Math.PI / T)) / 2;
                            else if ((e - 1 - T) % (2 * T) == 0)
                                lrs[i] = lr + (base_lr - eta) * (1 - Math.Cos(Math.PI / T)) / 2;
                            else
                                lrs[i] = (1 + Math.Cos(Math.PI * e / T)) / (1 + Math.Cos(Math.PI * (e - 1) / T)) * (lr - eta) + eta;
                        }
                        return lrs;
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_closed_form_lr() =>
                        base_lrs.Select(base_lr => _eta_min + (base_lr - _eta_min) * (1 + Math.Cos(Math.PI * last_epoch / _T_max)) / 2).ToArray();
                }
            }
        }
    }
}
