using System.Globalization;

namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>The <c>torch.optim.lr_scheduler</c> namespace: learning-rate schedules that drive an optimizer's group rates.</summary>
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Base class of learning-rate schedulers (PyTorch's <c>_LRScheduler</c>): each <see cref="step()"/>
            /// advances the epoch counter and writes a new rate into every parameter group.
            /// </summary>
            public abstract partial class LRScheduler
            {
                private readonly Optimizer _optimizer;
                private readonly bool _verbose;
                private double[] _base_lrs; // not readonly: CyclicLR and load_state_dict replace it
                private double[] _last_lrs = [];

                /// <summary>
                /// Attaches to <paramref name="optimizer"/>. With <paramref name="last_epoch"/> = -1 each group's
                /// <c>initial_lr</c> is set to its current rate (unless already set); when resuming, every group must have one.
                /// Derived constructors finish with <see cref="InitialStep"/>.
                /// </summary>
                protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false)
                {
                    _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
                    var groups = optimizer.ParamGroups;
                    if (last_epoch == -1)
                    {
                        foreach (var g in groups) g.InitialLearningRate ??= g.LearningRate;
                    }
                    else
                    {
                        for (int i = 0; i < groups.Count; i++)
                            if (groups[i].InitialLearningRate is null)
                                throw new ArgumentException($"param 'initial_lr' is not specified in param_groups[{i}] when resuming an optimizer");
                    }
                    _base_lrs = groups.Select(g => g.InitialLearningRate!.Value).ToArray();
                    this.last_epoch = last_epoch;
                    _verbose = verbose;
                }

                /// <summary>The optimizer whose rates this scheduler sets.</summary>
                public Optimizer optimizer => _optimizer;

                /// <summary>The index of the last epoch (step) taken.</summary>
                public int last_epoch { get; private set; }

                /// <summary>How many times <see cref="step()"/> has run, the constructor's initial step included.</summary>
                protected int _step_count { get; private set; }

                /// <summary>The groups' initial rates.</summary>
                public IReadOnlyList<double> base_lrs => _base_lrs;

                /// <summary>The rates set by the last step.</summary>
                public IReadOnlyList<double> get_last_lr() => _last_lrs;

                /// <summary>The first step, taken at construction as PyTorch does (epoch -1 to 0).</summary>
                protected void InitialStep()
                {
                    _step_count = 0;
                    step();
                }

                /// <summary>Advances to the next epoch and sets each group's rate.</summary>
                public void step() => step(null);

                /// <summary>
                /// Advances to the next epoch, or, with <paramref name="epoch"/>, jumps to that epoch using the
                /// closed form where the schedule has one (deprecated in PyTorch, kept for compatibility).
                /// </summary>
                public virtual void step(int? epoch)
                {
                    _step_count++;
                    IReadOnlyList<double> values;
                    if (epoch is null)
                    {
                        last_epoch++;
                        values = get_lr();
                    }
                    else
                    {
                        last_epoch = epoch.Value;
                        values = get_closed_form_lr() ?? get_lr();
                    }
                    var groups = _optimizer.ParamGroups;
                    for (int i = 0; i < groups.Count && i < values.Count; i++)
                    {
                        groups[i].LearningRate = values[i];
                        if (_verbose)
                            Console.WriteLine(epoch is null
                                ? string.Format(CultureInfo.InvariantCulture, "Adjusting learning rate of group {0} to {1:0.0000e+00}.", i, values[i])
                                : string.Format(CultureInfo.InvariantCulture, "Epoch {0:00000}: adjusting learning rate of group {1} to {2:0.0000e+00}.", epoch.Value, i, values[i]));
                    }
                    _last_lrs = groups.Select(g => g.LearningRate).ToArray();
                }

                /// <summary>The rates for the current <see cref="last_epoch"/>, computed from the groups' current rates where the schedule is recursive.</summary>
                protected abstract IReadOnlyList<double> get_lr();

                /// <summary>The rates for <see cref="last_epoch"/> in closed form, or null when the schedule has none.</summary>
                protected virtual IReadOnlyList<double>? get_closed_form_lr() => null;
            }

            public abstract partial class LRScheduler
            {
                // Added for the composite schedulers (SequentialLR, ChainedScheduler), the schedulers that take
                // their own steps (CosineAnnealingWarmRestarts) and state dicts; see LRScheduler.State.cs.
                private protected void SetBaseLrs(IReadOnlyList<double> lrs) => _base_lrs = lrs.ToArray();
                private protected void SetLastLrs(IReadOnlyList<double> lrs) => _last_lrs = lrs.ToArray();
                internal void SetLastEpoch(int epoch) => last_epoch = epoch;
                internal void SetStepCount(int count) => _step_count = count;
                internal void TakeInitialStep() => InitialStep();
                private protected bool Verbose => _verbose;
            }

            /// <summary>The scheduler implementations; create them with the factory methods of <see cref="lr_scheduler"/>.</summary>
            public static partial class impl { }
        }
    }
}
