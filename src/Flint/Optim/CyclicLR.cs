using Flint.Modules;

namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Cyclical learning rates (Smith, 2015): each group's rate cycles between <paramref name="base_lr"/> and
            /// <paramref name="max_lr"/>, and with <paramref name="cycle_momentum"/> its momentum cycles inversely.
            /// Step it after every batch.
            /// </summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="base_lr">Lower rate of the cycle.</param>
            /// <param name="max_lr">Upper rate of the cycle.</param>
            /// <param name="step_size_up">Iterations in the increasing half (default 2000).</param>
            /// <param name="step_size_down">Iterations in the decreasing half (default: <paramref name="step_size_up"/>).</param>
            /// <param name="mode">"triangular", "triangular2" (amplitude halves each cycle) or "exp_range" (scaled by gamma^iterations).</param>
            /// <param name="gamma">Base of the exp_range scaling (default 1).</param>
            /// <param name="scale_fn">A custom amplitude scaling; overrides <paramref name="mode"/>.</param>
            /// <param name="scale_mode">"cycle" or "iterations": what <paramref name="scale_fn"/> receives (default "cycle").</param>
            /// <param name="cycle_momentum">Cycle the momentum between <paramref name="base_momentum"/> and <paramref name="max_momentum"/> (default true; needs an optimizer with momentum).</param>
            /// <param name="base_momentum">Lower momentum (default 0.8).</param>
            /// <param name="max_momentum">Upper momentum (default 0.9).</param>
            /// <param name="last_epoch">Index of the last batch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler CyclicLR(Optimizer optimizer, double base_lr, double max_lr, int step_size_up = 2000, int? step_size_down = null,
                string mode = "triangular", double gamma = 1.0, Func<double, double>? scale_fn = null, string scale_mode = "cycle",
                bool cycle_momentum = true, double base_momentum = 0.8, double max_momentum = 0.9, int last_epoch = -1, bool verbose = false) =>
                new impl.CyclicLR(optimizer, [base_lr], [max_lr], step_size_up, step_size_down, mode, gamma, scale_fn, scale_mode,
                    cycle_momentum, [base_momentum], [max_momentum], last_epoch, verbose);

            /// <summary>Cyclical learning rates with per-group bounds (see the overload with single values).</summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="base_lr">Lower rate per group.</param>
            /// <param name="max_lr">Upper rate per group.</param>
            /// <param name="step_size_up">Iterations in the increasing half.</param>
            /// <param name="step_size_down">Iterations in the decreasing half (default: <paramref name="step_size_up"/>).</param>
            /// <param name="mode">"triangular", "triangular2" or "exp_range".</param>
            /// <param name="gamma">Base of the exp_range scaling.</param>
            /// <param name="scale_fn">A custom amplitude scaling; overrides <paramref name="mode"/>.</param>
            /// <param name="scale_mode">"cycle" or "iterations".</param>
            /// <param name="cycle_momentum">Cycle the momentum.</param>
            /// <param name="base_momentum">Lower momentum per group.</param>
            /// <param name="max_momentum">Upper momentum per group.</param>
            /// <param name="last_epoch">Index of the last batch when resuming.</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler CyclicLR(Optimizer optimizer, IList<double> base_lr, IList<double> max_lr, int step_size_up = 2000, int? step_size_down = null,
                string mode = "triangular", double gamma = 1.0, Func<double, double>? scale_fn = null, string scale_mode = "cycle",
                bool cycle_momentum = true, IList<double>? base_momentum = null, IList<double>? max_momentum = null, int last_epoch = -1, bool verbose = false) =>
                new impl.CyclicLR(optimizer, base_lr.ToArray(), max_lr.ToArray(), step_size_up, step_size_down, mode, gamma, scale_fn, scale_mode,
                    cycle_momentum, base_momentum?.ToArray() ?? [0.8], max_momentum?.ToArray() ?? [0.9], last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>CyclicLR</c>.</summary>
                public class CyclicLR : LRScheduler
                {
                    private readonly double[] _max_lrs;
                    private readonly double _total_size, _step_ratio, _gamma;
                    private readonly string _mode, _scale_mode;
                    private readonly Func<double, double>? _scale_fn_custom;
                    private readonly bool _cycle_momentum;
                    private readonly double[] _base_momentums = [], _max_momentums = [];

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="base_lr">Lower rate: one for all groups or one per group.</param>
                    /// <param name="max_lr">Upper rate: one for all groups or one per group.</param>
                    /// <param name="step_size_up">Iterations in the increasing half.</param>
                    /// <param name="step_size_down">Iterations in the decreasing half (null: as up).</param>
                    /// <param name="mode">"triangular", "triangular2" or "exp_range".</param>
                    /// <param name="gamma">Base of the exp_range scaling.</param>
                    /// <param name="scale_fn">A custom amplitude scaling; overrides <paramref name="mode"/>.</param>
                    /// <param name="scale_mode">"cycle" or "iterations" (used with <paramref name="scale_fn"/>).</param>
                    /// <param name="cycle_momentum">Cycle the momentum.</param>
                    /// <param name="base_momentum">Lower momentum: one for all groups or one per group.</param>
                    /// <param name="max_momentum">Upper momentum: one for all groups or one per group.</param>
                    /// <param name="last_epoch">Index of the last batch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public CyclicLR(Optimizer optimizer, IReadOnlyList<double> base_lr, IReadOnlyList<double> max_lr, int step_size_up = 2000, int? step_size_down = null,
                        string mode = "triangular", double gamma = 1.0, Func<double, double>? scale_fn = null, string scale_mode = "cycle",
                        bool cycle_momentum = true, IReadOnlyList<double>? base_momentum = null, IReadOnlyList<double>? max_momentum = null, int last_epoch = -1, bool verbose = false)
                        : base(SetBaseRates(optimizer, base_lr, last_epoch), last_epoch, verbose)
                    {
                        var base_lrs = PerGroup(optimizer, "base_lr", base_lr);
                        _max_lrs = PerGroup(optimizer, "max_lr", max_lr);
                        double up = step_size_up, down = step_size_down ?? up;
                        _total_size = up + down;
                        _step_ratio = up / _total_size;
                        if (mode is not ("triangular" or "triangular2" or "exp_range") && scale_fn is null)
                            throw new ArgumentException("mode is invalid and scale_fn is None");
                        _mode = mode;
                        _gamma = gamma;
                        _scale_fn_custom = scale_fn;
                        _scale_mode = scale_fn is not null ? scale_mode : mode == "exp_range" ? "iterations" : "cycle";
                        _cycle_momentum = cycle_momentum;
                        if (cycle_momentum)
                        {
                            if (!GroupMomentum.HasMomentum(optimizer.defaults))
                                throw new ArgumentException("optimizer must support momentum with `cycle_momentum` option enabled");
                            var bm = PerGroup(optimizer, "base_momentum", base_momentum ?? [0.8]);
                            if (last_epoch == -1)
                                for (int i = 0; i < bm.Length; i++) GroupMomentum.Set(optimizer.ParamGroups[i].Options!, bm[i]);
                            _base_momentums = optimizer.ParamGroups.Select(g => GroupMomentum.Get(g.Options!)).ToArray();
                            _max_momentums = PerGroup(optimizer, "max_momentum", max_momentum ?? [0.9]);
                        }
                        InitialStep();
                        SetBaseLrs(base_lrs); // as PyTorch, after the initial step
                    }

                    // PyTorch writes the base rates into the groups before the base constructor records initial_lr.
                    private static Optimizer SetBaseRates(Optimizer optimizer, IReadOnlyList<double> base_lr, int last_epoch)
                    {
                        ArgumentNullException.ThrowIfNull(optimizer);
                        var lrs = PerGroup(optimizer, "base_lr", base_lr);
                        if (last_epoch == -1)
                            for (int i = 0; i < lrs.Length; i++) optimizer.ParamGroups[i].LearningRate = lrs[i];
                        return optimizer;
                    }

                    private double ScaleFn(double x) => _scale_fn_custom is not null ? _scale_fn_custom(x) : _mode switch
                    {
                        "triangular" => 1.0,
                        "triangular2" => 1 / Math.Pow(2.0, x - 1),
                        _ => Math.Pow(_gamma, x),
                    };

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr()
                    {
                        double cycle = Math.Floor(1 + last_epoch / _total_size);
                        double x = 1.0 + last_epoch / _total_size - cycle;
                        double scale_factor = x <= _step_ratio ? x / _step_ratio : (x - 1) / (_step_ratio - 1);
                        double scale = _scale_mode == "cycle" ? ScaleFn(cycle) : ScaleFn(last_epoch);
                        var lrs = new double[_max_lrs.Length];
                        for (int i = 0; i < lrs.Length; i++)
                        {
                            double base_height = (_max_lrs[i] - base_lrs[i]) * scale_factor;
                            lrs[i] = base_lrs[i] + base_height * scale;
                        }
                        if (_cycle_momentum)
                            for (int i = 0; i < _max_momentums.Length; i++)
                            {
                                double base_height = (_max_momentums[i] - _base_momentums[i]) * scale_factor;
                                GroupMomentum.Set(optimizer.ParamGroups[i].Options!, _max_momentums[i] - base_height * scale);
                            }
                        return lrs;
                    }

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict)
                    {
                        state_dict["max_lrs"] = _max_lrs.ToList(); state_dict["total_size"] = _total_size; state_dict["step_ratio"] = _step_ratio;
                        state_dict["mode"] = _mode; state_dict["gamma"] = _gamma; state_dict["scale_mode"] = _scale_mode;
                        state_dict["cycle_momentum"] = _cycle_momentum;
                        if (_cycle_momentum) { state_dict["base_momentums"] = _base_momentums.ToList(); state_dict["max_momentums"] = _max_momentums.ToList(); }
                    }
                }
            }
        }
    }
}
