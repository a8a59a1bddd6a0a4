namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Runs <paramref name="schedulers"/> one after another, switching at each of the <paramref name="milestones"/>
            /// (one fewer than the schedulers); each starts from its own epoch 0.
            /// </summary>
            /// <param name="optimizer">The optimizer all the schedulers drive.</param>
            /// <param name="schedulers">The schedulers, in order.</param>
            /// <param name="milestones">Epochs at which the next scheduler takes over, increasing.</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Unused, as in PyTorch.</param>
            public static LRScheduler SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones, int last_epoch = -1, bool verbose = false) =>
                new impl.SequentialLR(optimizer, schedulers.ToArray(), milestones.ToArray(), last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>PyTorch's <c>SequentialLR</c>.</summary>
                public class SequentialLR : LRScheduler
                {
                    private readonly LRScheduler[] _schedulers;
                    private readonly int[] _milestones;

                    /// <summary>Creates the sequence and takes the first scheduler's initial step.</summary>
                    /// <param name="optimizer">The optimizer all the schedulers drive.</param>
                    /// <param name="schedulers">The schedulers, in order.</param>
                    /// <param name="milestones">Epochs at which the next scheduler takes over.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Unused.</param>
                    public SequentialLR(Optimizer optimizer, IReadOnlyList<LRScheduler> schedulers, IReadOnlyList<int> milestones, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        for (int i = 0; i < schedulers.Count; i++)
                        {
                            if (!ReferenceEquals(schedulers[i].optimizer, optimizer))
                                throw new ArgumentException($"Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index {i} to be different than the optimizer passed in.");
                        }
                        if (milestones.Count != schedulers.Count - 1)
                            throw new ArgumentException($"Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers {schedulers.Count} and the number of milestones to be equal to {milestones.Count}");
                        _schedulers = schedulers.ToArray();
                        _milestones = milestones.ToArray();
                        SetLastEpoch(last_epoch + 1);
                        // Undo the schedulers' own initial steps and restart the first from the initial rates.
                        foreach (var g in optimizer.ParamGroups) g.LearningRate = g.InitialLearningRate!.Value;
                        foreach (var s in _schedulers) s.SetLastEpoch(s.last_epoch - 1);
                        _schedulers[0].TakeInitialStep();
                        SetLastLrs(_schedulers[0].get_last_lr());
                    }

                    /// <summary>The schedulers, in order.</summary>
                    public IReadOnlyList<LRScheduler> schedulers => _schedulers;

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr() => GroupRates();

                    /// <summary>Steps the scheduler whose phase this is; a scheduler starting at a milestone takes <c>step(0)</c>.</summary>
                    /// <param name="epoch">Must be null: PyTorch's SequentialLR takes no epoch.</param>
                    public override void step(int? epoch)
                    {
                        if (epoch is not null) throw new ArgumentException("SequentialLR.step() takes no epoch");
                        SetLastEpoch(last_epoch + 1);
                        int idx = _milestones.Count(m => m <= last_epoch); // bisect_right
                        var scheduler = _schedulers[idx];
                        if (idx > 0 && _milestones[idx - 1] == last_epoch) scheduler.step(0);
                        else scheduler.step();
                        SetLastLrs(scheduler.get_last_lr());
                    }

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict)
                    {
                        state_dict["_milestones"] = _milestones.ToList();
                        state_dict["_schedulers"] = _schedulers.Select(s => (object?)s.state_dict()).ToList();
                    }

                    /// <inheritdoc/>
                    protected override void LoadState(IReadOnlyDictionary<string, object?> state_dict)
                    {
                        if (state_dict.TryGetValue("_schedulers", out var v) && v is System.Collections.IEnumerable list)
                        {
                            int i = 0;
                            foreach (var s in list)
                                if (i < _schedulers.Length && s is IReadOnlyDictionary<string, object?> d) _schedulers[i++].load_state_dict(d);
                        }
                    }
                }
            }
        }
    }
}
