namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies each group's rate by <paramref name="lr_lambda"/>(epoch) at every step after the first.</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="lr_lambda">The factor as a function of the epoch, for every group.</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler MultiplicativeLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) =>
                new impl.MultiplicativeLR(optimizer, [lr_lambda], last_epoch, verbose);

            /// <summary>Multiplies each group's rate by its own factor function of the epoch at every step after the first.</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="lr_lambdas">One factor function per parameter group.</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler MultiplicativeLR(Optimizer optimizer, IEnumerable<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false) =>
                new impl.MultiplicativeLR(optimizer, lr_lambdas.ToArray(), last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>MultiplicativeLR</c>: lr ← lr · λ(epoch) for epochs after 0.</summary>
                public class MultiplicativeLR : LRScheduler
                {
                    private readonly Func<int, double>[] _lr_lambdas;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="lr_lambdas">One function for all groups, or one per group.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public MultiplicativeLR(Optimizer optimizer, IReadOnlyList<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        _lr_lambdas = LambdaLR.Lambdas(optimizer, lr_lambdas);
                        InitialStep();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr() =>
                        last_epoch > 0 ? GroupRates().Select((lr, i) => lr * _lr_lambdas[i](last_epoch)).ToArray() : GroupRates();

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict) =>
                        state_dict["lr_lambdas"] = _lr_lambdas.Select(_ => (object?)null).ToList();
                }
            }
        }
    }
}
