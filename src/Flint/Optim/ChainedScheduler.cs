namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Steps all <paramref name="schedulers"/> together at every step, so their effects compose.</summary>
            /// <param name="schedulers">Schedulers of one optimizer, stepped in order.</param>
            public static LRScheduler ChainedScheduler(IEnumerable<LRScheduler> schedulers) => new impl.ChainedScheduler(schedulers.ToArray());

            public static partial class impl
            {
                /// <summary>PyTorch's <c>ChainedScheduler</c>.</summary>
                public class ChainedScheduler : LRScheduler
                {
                    private readonly LRScheduler[] _schedulers;

                    /// <summary>Chains the schedulers (they have taken their initial steps already).</summary>
                    /// <param name="schedulers">Schedulers of one optimizer.</param>
                    public ChainedScheduler(IReadOnlyList<LRScheduler> schedulers)
                        : base(First(schedulers).optimizer)
                    {
                        for (int i = 1; i < schedulers.Count; i++)
                            if (!ReferenceEquals(schedulers[i].optimizer, schedulers[0].optimizer))
                                throw new ArgumentException($"ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and {i} to be different");
                        _schedulers = schedulers.ToArray();
                        SetLastLrs(GroupRates());
                    }

                    private static LRScheduler First(IReadOnlyList<LRScheduler> schedulers)
                    {
                        ArgumentNullException.ThrowIfNull(schedulers);
                        return schedulers.Count > 0 ? schedulers[0] : throw new ArgumentException("ChainedScheduler needs at least one scheduler");
                    }

                    /// <summary>The chained schedulers.</summary>
                    public IReadOnlyList<LRScheduler> schedulers => _schedulers;

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr() => GroupRates();

                    /// <summary>Steps every scheduler in order.</summary>
                    /// <param name="epoch">Must be null: PyTorch's ChainedScheduler takes no epoch.</param>
                    public override void step(int? epoch)
                    {
                        if (epoch is not null) throw new ArgumentException("ChainedScheduler.step() takes no epoch");
                        foreach (var s in _schedulers) s.step();
                        SetLastLrs(GroupRates());
                    }

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict) =>
                        state_dict["_schedulers"] = _schedulers.Select(s => (object?)s.state_dict()).ToList();

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
