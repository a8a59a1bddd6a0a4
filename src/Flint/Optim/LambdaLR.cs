namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Sets each group's rate to its initial rate times <paramref name="lr_lambda"/>(epoch).</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="lr_lambda">The factor as a function of the epoch, for every group.</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) =>
                new impl.LambdaLR(optimizer, [lr_lambda], last_epoch, verbose);

            /// <summary>Sets each group's rate to its initial rate times its own factor function of the epoch.</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="lr_lambdas">One factor function per parameter group.</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler LambdaLR(Optimizer optimizer, IEnumerable<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false) =>
                new impl.LambdaLR(optimizer, lr_lambdas.ToArray(), last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>LambdaLR</c>: lr = initial_lr · λ(epoch).</summary>
                public class LambdaLR : LRScheduler
                {
                    private readonly Func<int, double>[] _lr_lambdas;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="lr_lambdas">One function for all groups, or one per group.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public LambdaLR(Optimizer optimizer, IReadOnlyList<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        _lr_lambdas = Lambdas(optimizer, lr_lambdas);
                        InitialStep();
                    }

                    internal static Func<int, double>[] Lambdas(Optimizer optimizer, IReadOnlyList<Func<int, double>> lr_lambdas)
                    {
                        ArgumentNullException.ThrowIfNull(lr_lambdas);
                        int n = optimizer.ParamGroups.Count;
                        if (lr_lambdas.Count == 1) return Enumerable.Repeat(lr_lambdas[0], n).ToArray();
                        if (lr_lambdas.Count != n) throw new ArgumentException($"Expected {n} lr_lambdas, but got {lr_lambdas.Count}");
                        return lr_lambdas.ToArray();
                    }

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr() =>
                        base_lrs.Select((base_lr, i) => base_lr * _lr_lambdas[i](last_epoch)).ToArray();

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict) =>
                        state_dict["lr_lambdas"] = _lr_lambdas.Select(_ => (object?)null).ToList(); // functions are not state
                }
            }
        }
    }
}
