using System.Globalization;

namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Reduces each group's rate by <paramref name="factor"/> when a metric has stopped improving for
            /// <paramref name="patience"/> epochs. Call <c>step(metric)</c> after each validation.
            /// </summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="mode">"min" (the metric should fall) or "max" (it should rise).</param>
            /// <param name="factor">Factor by which the rate is reduced, below 1 (default 0.1).</param>
            /// <param name="patience">Epochs without improvement before reducing (default 10).</param>
            /// <param name="threshold">How much better counts as an improvement (default 1e-4).</param>
            /// <param name="threshold_mode">"rel" (relative to the best) or "abs" (default "rel").</param>
            /// <param name="cooldown">Epochs to wait after a reduction before counting again (default 0).</param>
            /// <param name="min_lr">Lower bound per group: one value for all, or one per group (default 0).</param>
            /// <param name="eps">Reductions smaller than this are skipped (default 1e-8).</param>
            /// <param name="verbose">Print each reduction.</param>
            public static impl.ReduceLROnPlateau ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10,
                double threshold = 1e-4, string threshold_mode = "rel", int cooldown = 0, IList<double>? min_lr = null, double eps = 1e-8, bool verbose = false) =>
                new(optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr?.ToArray() ?? [0.0], eps, verbose);

            public static partial class impl
            {
                /// <summary>
                /// PyTorch's <c>ReduceLROnPlateau</c>. As in PyTorch 1.13 it is not an <see cref="LRScheduler"/>:
                /// its <see cref="step(double, int?)"/> takes the metric.
                /// </summary>
                public class ReduceLROnPlateau
                {
                    private readonly Optimizer _optimizer;
                    private readonly double _factor, _threshold, _eps;
                    private readonly int _patience, _cooldown;
                    private readonly string _mode, _threshold_mode;
                    private readonly double[] _min_lrs;
                    private readonly bool _verbose;
                    private double[] _last_lr = [];

                    /// <summary>Creates the scheduler.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="mode">"min" or "max".</param>
                    /// <param name="factor">Factor by which the rate is reduced.</param>
                    /// <param name="patience">Epochs without improvement before reducing.</param>
                    /// <param name="threshold">How much better counts as an improvement.</param>
                    /// <param name="threshold_mode">"rel" or "abs".</param>
                    /// <param name="cooldown">Epochs to wait after a reduction.</param>
                    /// <param name="min_lr">Lower bound: one for all groups or one per group.</param>
                    /// <param name="eps">Smallest reduction applied.</param>
                    /// <param name="verbose">Print each reduction.</param>
                    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
                        string threshold_mode = "rel", int cooldown = 0, IReadOnlyList<double>? min_lr = null, double eps = 1e-8, bool verbose = false)
                    {
                        if (factor >= 1.0) throw new ArgumentException("Factor should be < 1.0.");
                        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
                        _factor = factor;
                        int n = optimizer.ParamGroups.Count;
                        min_lr ??= [0.0];
                        if (min_lr.Count == 1) _min_lrs = Enumerable.Repeat(min_lr[0], n).ToArray();
                        else if (min_lr.Count != n) throw new ArgumentException($"expected {n} min_lrs, got {min_lr.Count}");
                        else _min_lrs = min_lr.ToArray();
                        if (mode is not ("min" or "max")) throw new ArgumentException("mode " + mode + " is unknown!");
                        if (threshold_mode is not ("rel" or "abs")) throw new ArgumentException("threshold mode " + threshold_mode + " is unknown!");
                        _patience = patience; _verbose = verbose; _cooldown = cooldown; _mode = mode; _threshold = threshold;
                        _threshold_mode = threshold_mode; _eps = eps;
                        last_epoch = 0;
                        Reset();
                    }

                    /// <summary>The optimizer whose rates this scheduler sets.</summary>
                    public Optimizer optimizer => _optimizer;

                    /// <summary>The best metric so far.</summary>
                    public double best { get; private set; }

                    /// <summary>Epochs since the last improvement (reset by a reduction or cooldown).</summary>
                    public int num_bad_epochs { get; private set; }

                    /// <summary>Epochs of cooldown left.</summary>
                    public int cooldown_counter { get; private set; }

                    /// <summary>The last epoch passed to or counted by <see cref="step(double, int?)"/>.</summary>
                    public int last_epoch { get; private set; }

                    /// <summary>True while in cooldown after a reduction.</summary>
                    public bool in_cooldown => cooldown_counter > 0;

                    /// <summary>The rates after the last step.</summary>
                    public IReadOnlyList<double> get_last_lr() => _last_lr;

                    private double ModeWorse => _mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;

                    private void Reset()
                    {
                        best = ModeWorse;
                        cooldown_counter = 0;
                        num_bad_epochs = 0;
                    }

                    /// <summary>Whether <paramref name="a"/> improves on <paramref name="best"/> under the mode and threshold.</summary>
                    /// <param name="a">The new metric.</param>
                    /// <param name="best">The best so far.</param>
                    public bool is_better(double a, double best) => (_mode, _threshold_mode) switch
                    {
                        ("min", "rel") => a < best * (1.0 - _threshold),
                        ("min", _) => a < best - _threshold,
                        (_, "rel") => a > best * (_threshold + 1.0),
                        _ => a > best + _threshold,
                    };

                    /// <summary>Records <paramref name="metrics"/> for the next epoch (or <paramref name="epoch"/>) and reduces the rates when it has plateaued.</summary>
                    /// <param name="metrics">The monitored value (a validation loss, an accuracy).</param>
                    /// <param name="epoch">The epoch (deprecated in PyTorch; default: last epoch + 1).</param>
                    public void step(double metrics, int? epoch = null)
                    {
                        double current = metrics;
                        last_epoch = epoch ?? last_epoch + 1;
                        if (is_better(current, best))
                        {
                            best = current;
                            num_bad_epochs = 0;
                        }
                        else num_bad_epochs++;

                        if (in_cooldown)
                        {
                            cooldown_counter--;
                            num_bad_epochs = 0; // bad epochs in cooldown do not count
                        }
                        if (num_bad_epochs > _patience)
                        {
                            ReduceLr(last_epoch);
                            cooldown_counter = _cooldown;
                            num_bad_epochs = 0;
                        }
                        _last_lr = _optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();
                    }

                    /// <summary>Records a scalar tensor metric (a loss); see <see cref="step(double, int?)"/>.</summary>
                    /// <param name="metrics">A one-element tensor.</param>
                    /// <param name="epoch">The epoch (default: last epoch + 1).</param>
                    public void step(Tensor metrics, int? epoch = null) => step(metrics.to(ScalarType.Float64).item<double>(), epoch);

                    private void ReduceLr(int epoch)
                    {
                        var groups = _optimizer.ParamGroups;
                        for (int i = 0; i < groups.Count; i++)
                        {
                            double old_lr = groups[i].LearningRate;
                            double new_lr = Math.Max(old_lr * _factor, _min_lrs[i]);
                            if (old_lr - new_lr > _eps)
                            {
                                groups[i].LearningRate = new_lr;
                                if (_verbose)
                                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Epoch {0:00000}: reducing learning rate of group {1} to {2:0.0000e+00}.", epoch, i, new_lr));
                            }
                        }
                    }

                    /// <summary>The scheduler's state under PyTorch's keys.</summary>
                    public Dictionary<string, object?> state_dict() => new()
                    {
                        ["factor"] = _factor, ["min_lrs"] = _min_lrs.ToList(), ["patience"] = _patience, ["verbose"] = _verbose,
                        ["cooldown"] = _cooldown, ["cooldown_counter"] = cooldown_counter, ["mode"] = _mode, ["threshold"] = _threshold,
                        ["threshold_mode"] = _threshold_mode, ["best"] = best, ["num_bad_epochs"] = num_bad_epochs, ["mode_worse"] = ModeWorse,
                        ["eps"] = _eps, ["last_epoch"] = last_epoch, ["_last_lr"] = _last_lr.ToList(),
                    };

                    /// <summary>Restores the counters written by <see cref="state_dict"/> (the hyperparameters are the constructor's).</summary>
                    /// <param name="state_dict">The saved state.</param>
                    public void load_state_dict(IReadOnlyDictionary<string, object?> state_dict)
                    {
                        ArgumentNullException.ThrowIfNull(state_dict);
                        double Num(string k, double cur) => state_dict.TryGetValue(k, out var v) && v is not null ? Modules.OptimizerOptions.ToNumber(v, k) : cur;
                        best = Num("best", best);
                        num_bad_epochs = (int)Num("num_bad_epochs", num_bad_epochs);
                        cooldown_counter = (int)Num("cooldown_counter", cooldown_counter);
                        last_epoch = (int)Num("last_epoch", last_epoch);
                        if (state_dict.TryGetValue("_last_lr", out var l) && l is System.Collections.IEnumerable e)
                            _last_lr = e.Cast<object?>().Select(x => Modules.OptimizerOptions.ToNumber(x, "_last_lr")).ToArray();
                    }
                }
            }
        }
    }
}
