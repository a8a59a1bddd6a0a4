using Flint.Modules;

namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// The 1cycle policy (Smith and Topin, 2017): the rate rises from max_lr / <paramref name="div_factor"/> to
            /// <paramref name="max_lr"/> and anneals to far below the start, while the momentum moves inversely. Step it after every batch.
            /// Give <paramref name="total_steps"/>, or <paramref name="epochs"/> and <paramref name="steps_per_epoch"/>.
            /// </summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="max_lr">Peak learning rate.</param>
            /// <param name="total_steps">Total number of steps in the cycle.</param>
            /// <param name="epochs">Epochs, used with <paramref name="steps_per_epoch"/> when <paramref name="total_steps"/> is null.</param>
            /// <param name="steps_per_epoch">Steps per epoch.</param>
            /// <param name="pct_start">Fraction of the cycle spent increasing the rate (default 0.3).</param>
            /// <param name="anneal_strategy">"cos" or "linear" (default "cos").</param>
            /// <param name="cycle_momentum">Cycle the momentum (or Adam's beta1) inversely (default true).</param>
            /// <param name="base_momentum">Lower momentum (default 0.85).</param>
            /// <param name="max_momentum">Upper momentum (default 0.95).</param>
            /// <param name="div_factor">initial_lr = max_lr / div_factor (default 25).</param>
            /// <param name="final_div_factor">min_lr = initial_lr / final_div_factor (default 1e4).</param>
            /// <param name="three_phase">Use a third phase that anneals to min_lr after returning to initial_lr (default false).</param>
            /// <param name="last_epoch">Index of the last batch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler OneCycleLR(Optimizer optimizer, double max_lr, int? total_steps = null, int? epochs = null, int? steps_per_epoch = null,
                double pct_start = 0.3, string anneal_strategy = "cos", bool cycle_momentum = true, double base_momentum = 0.85, double max_momentum = 0.95,
                double div_factor = 25.0, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1, bool verbose = false) =>
                new impl.OneCycleLR(optimizer, [max_lr], total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum,
                    [base_momentum], [max_momentum], div_factor, final_div_factor, three_phase, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>
                /// PyTorch's <c>OneCycleLR</c>. PyTorch stores <c>max_lr</c>, <c>min_lr</c>, <c>max_momentum</c> and
                /// <c>base_momentum</c> in the optimizer's groups; Flint's groups have typed options, so the scheduler
                /// keeps them (see <see cref="max_lrs"/>, <see cref="min_lrs"/>) and its state dict holds them.
                /// </summary>
                public class OneCycleLR : LRScheduler
                {
                    private readonly int _total_steps;
                    private readonly (double end_step, string start_lr, string end_lr, string start_momentum, string end_momentum)[] _phases;
                    private readonly bool _cos, _cycle_momentum, _use_beta1;
                    private readonly double[] _max_lrs, _min_lrs, _max_momentums = [], _base_momentums = [];

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="max_lr">Peak rate: one for all groups or one per group.</param>
                    /// <param name="total_steps">Total steps in the cycle.</param>
                    /// <param name="epochs">Epochs (with <paramref name="steps_per_epoch"/>).</param>
                    /// <param name="steps_per_epoch">Steps per epoch.</param>
                    /// <param name="pct_start">Fraction of the cycle spent increasing the rate.</param>
                    /// <param name="anneal_strategy">"cos" or "linear".</param>
                    /// <param name="cycle_momentum">Cycle the momentum inversely.</param>
                    /// <param name="base_momentum">Lower momentum: one for all groups or one per group.</param>
                    /// <param name="max_momentum">Upper momentum: one for all groups or one per group.</param>
                    /// <param name="div_factor">initial_lr = max_lr / div_factor.</param>
                    /// <param name="final_div_factor">min_lr = initial_lr / final_div_factor.</param>
                    /// <param name="three_phase">Use the three-phase schedule.</param>
                    /// <param name="last_epoch">Index of the last batch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public OneCycleLR(Optimizer optimizer, IReadOnlyList<double> max_lr, int? total_steps = null, int? epochs = null, int? steps_per_epoch = null,
                        double pct_start = 0.3, string anneal_strategy = "cos", bool cycle_momentum = true, IReadOnlyList<double>? base_momentum = null,
                        IReadOnlyList<double>? max_momentum = null, double div_factor = 25.0, double final_div_factor = 1e4, bool three_phase = false,
                        int last_epoch = -1, bool verbose = false)
                        : base(Prepare(optimizer, max_lr, div_factor, last_epoch), last_epoch, verbose)
                    {
                        if (total_steps is null && epochs is null && steps_per_epoch is null)
                            throw new ArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)");
                        if (total_steps is not null)
                        {
                            if (total_steps <= 0) throw new ArgumentException($"Expected positive integer total_steps, but got {total_steps}");
                            _total_steps = total_steps.Value;
                        }
                        else
                        {
                            if (epochs is null || epochs <= 0) throw new ArgumentException($"Expected positive integer epochs, but got {epochs}");
                            if (steps_per_epoch is null || steps_per_epoch <= 0) throw new ArgumentException($"Expected positive integer steps_per_epoch, but got {steps_per_epoch}");
                            _total_steps = epochs.Value * steps_per_epoch.Value;
                        }
                        _phases = three_phase
                            ? [(pct_start * _total_steps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                               (2 * pct_start * _total_steps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                               (_total_steps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum")]
                            : [(pct_start * _total_steps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                               (_total_steps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum")];
                        if (pct_start < 0 || pct_start > 1) throw new ArgumentException($"Expected float between 0 and 1 pct_start, but got {pct_start}");
                        if (anneal_strategy is not ("cos" or "linear"))
                            throw new ArgumentException($"anneal_strategy must by one of 'cos' or 'linear', instead got {anneal_strategy}");
                        _cos = anneal_strategy == "cos";

                        _max_lrs = PerGroup(optimizer, "max_lr", max_lr);
                        _min_lrs = optimizer.ParamGroups.Select(g => g.InitialLearningRate!.Value / final_div_factor).ToArray();
                        _cycle_momentum = cycle_momentum;
                        if (cycle_momentum)
                        {
                            var d = optimizer.defaults;
                            if (!GroupMomentum.HasMomentum(d) && !GroupMomentum.HasBetas(d))
                                throw new ArgumentException("optimizer must support momentum with `cycle_momentum` option enabled");
                            _use_beta1 = GroupMomentum.HasBetas(d);
                            _max_momentums = PerGroup(optimizer, "max_momentum", max_momentum ?? [0.95]);
                            _base_momentums = PerGroup(optimizer, "base_momentum", base_momentum ?? [0.85]);
                            if (last_epoch == -1)
                                for (int i = 0; i < _max_momentums.Length; i++) GroupMomentum.Set(optimizer.ParamGroups[i].Options!, _max_momentums[i]);
                        }
                        InitialStep();
                    }

                    // PyTorch sets initial_lr = max_lr / div_factor before the base constructor reads it.
                    private static Optimizer Prepare(Optimizer optimizer, IReadOnlyList<double> max_lr, double div_factor, int last_epoch)
                    {
                        ArgumentNullException.ThrowIfNull(optimizer);
                        var max = PerGroup(optimizer, "max_lr", max_lr);
                        if (last_epoch == -1)
                            for (int i = 0; i < max.Length; i++) optimizer.ParamGroups[i].InitialLearningRate = max[i] / div_factor;
                        return optimizer;
                    }

                    /// <summary>The total number of steps in the cycle.</summary>
                    public int total_steps => _total_steps;

                    /// <summary>Each group's peak rate (PyTorch's <c>group['max_lr']</c>).</summary>
                    public IReadOnlyList<double> max_lrs => _max_lrs;

                    /// <summary>Each group's final rate (PyTorch's <c>group['min_lr']</c>).</summary>
                    public IReadOnlyList<double> min_lrs => _min_lrs;

                    private double Anneal(double start, double end, double pct) =>
                        _cos ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1) : (end - start) * pct + start;

                    private double GroupValue(int group, string key) => key switch
                    {
                        "initial_lr" => optimizer.ParamGroups[group].InitialLearningRate!.Value,
                        "max_lr" => _max_lrs[group],
                        "min_lr" => _min_lrs[group],
                        "max_momentum" => _max_momentums[group],
                        _ => _base_momentums[group],
                    };

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr()
                    {
                        int step_num = last_epoch;
                        if (step_num > _total_steps)
                            throw new ArgumentException($"Tried to step {step_num + 1} times. The specified number of total steps is {_total_steps}");
                        var groups = optimizer.ParamGroups;
                        var lrs = new double[groups.Count];
                        for (int g = 0; g < groups.Count; g++)
                        {
                            double start_step = 0, computed_lr = 0, computed_momentum = 0;
                            for (int i = 0; i < _phases.Length; i++)
                            {
                                var phase = _phases[i];
                                if (step_num <= phase.end_step || i == _phases.Length - 1)
                                {
                                    double pct = (step_num - start_step) / (phase.end_step - start_step);
                                    computed_lr = Anneal(GroupValue(g, phase.start_lr), GroupValue(g, phase.end_lr), pct);
                                    if (_cycle_momentum) computed_momentum = Anneal(GroupValue(g, phase.start_momentum), GroupValue(g, phase.end_momentum), pct);
                                    break;
                                }
                                start_step = phase.end_step;
                            }
                            lrs[g] = computed_lr;
                            if (_cycle_momentum) GroupMomentum.Set(groups[g].Options!, computed_momentum);
                        }
                        return lrs;
                    }

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict)
                    {
                        state_dict["total_steps"] = _total_steps; state_dict["cycle_momentum"] = _cycle_momentum;
                        if (_cycle_momentum) state_dict["use_beta1"] = _use_beta1;
                        state_dict["max_lrs"] = _max_lrs.ToList(); state_dict["min_lrs"] = _min_lrs.ToList();
                    }
                }
            }
        }
    }
}
