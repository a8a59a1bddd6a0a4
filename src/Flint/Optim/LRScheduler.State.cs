using Flint.Modules;

namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            public abstract partial class LRScheduler
            {
                /// <summary>
                /// The scheduler's state under PyTorch's keys (<c>base_lrs</c>, <c>last_epoch</c>, <c>verbose</c>,
                /// <c>_step_count</c>, <c>_get_lr_called_within_step</c>, <c>_last_lr</c>, then the schedule's own
                /// fields); numbers are double or int, lists are <c>List&lt;double&gt;</c>. Functions (a lambda's
                /// <c>lr_lambda</c>) are not state, as in PyTorch, where only callable objects' fields are saved.
                /// </summary>
                public virtual Dictionary<string, object?> state_dict()
                {
                    var sd = new Dictionary<string, object?>
                    {
                        ["base_lrs"] = base_lrs.ToList(),
                        ["last_epoch"] = last_epoch,
                        ["verbose"] = _verbose,
                        ["_step_count"] = _step_count,
                        ["_get_lr_called_within_step"] = false,
                        ["_last_lr"] = get_last_lr().ToList(),
                    };
                    SaveState(sd);
                    return sd;
                }

                /// <summary>Restores state written by <see cref="state_dict"/> (keys that are absent keep their value).</summary>
                /// <param name="state_dict">The saved state.</param>
                public virtual void load_state_dict(IReadOnlyDictionary<string, object?> state_dict)
                {
                    ArgumentNullException.ThrowIfNull(state_dict);
                    if (state_dict.TryGetValue("base_lrs", out var b) && b is not null) SetBaseLrs(ReadList(b, "base_lrs"));
                    if (state_dict.TryGetValue("last_epoch", out var e) && e is not null) last_epoch = ReadInt(e, "last_epoch");
                    if (state_dict.TryGetValue("_step_count", out var c) && c is not null) _step_count = ReadInt(c, "_step_count");
                    if (state_dict.TryGetValue("_last_lr", out var l) && l is not null) SetLastLrs(ReadList(l, "_last_lr"));
                    LoadState(state_dict);
                }

                /// <summary>Writes the schedule's own fields under PyTorch's names.</summary>
                /// <param name="state_dict">The dictionary being built.</param>
                protected virtual void SaveState(IDictionary<string, object?> state_dict) { }

                /// <summary>Reads the schedule's own fields written by <see cref="SaveState"/>.</summary>
                /// <param name="state_dict">The saved state.</param>
                protected virtual void LoadState(IReadOnlyDictionary<string, object?> state_dict) { }

                /// <summary>A saved number as a double.</summary>
                private protected static double ReadNumber(object? v, string key) => OptimizerOptions.ToNumber(v, key);

                /// <summary>A saved integer.</summary>
                private protected static int ReadInt(object? v, string key)
                {
                    double d = OptimizerOptions.ToNumber(v, key);
                    if (d != Math.Floor(d)) throw new ArgumentException($"scheduler state dict: '{key}' must be an integer, got {d}");
                    return checked((int)d);
                }

                /// <summary>A saved list of numbers.</summary>
                private protected static List<double> ReadList(object? v, string key) => v switch
                {
                    IEnumerable<double> ds => ds.ToList(),
                    System.Collections.IEnumerable e when v is not string => e.Cast<object?>().Select(x => OptimizerOptions.ToNumber(x, key)).ToList(),
                    _ => throw new ArgumentException($"scheduler state dict: '{key}' must be a list of numbers"),
                };

                /// <summary>Reads an optional number.</summary>
                private protected static double? TryNumber(IReadOnlyDictionary<string, object?> sd, string key) =>
                    sd.TryGetValue(key, out var v) && v is not null ? ReadNumber(v, key) : null;

                /// <summary>The groups' current rates.</summary>
                private protected double[] GroupRates() => optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

                /// <summary>One value per group: a single value repeated, or a list that must have one per group.</summary>
                private protected static double[] PerGroup(Optimizer optimizer, string name, IReadOnlyList<double> values)
                {
                    int n = optimizer.ParamGroups.Count;
                    if (values.Count == 1) return Enumerable.Repeat(values[0], n).ToArray();
                    if (values.Count != n) throw new ArgumentException($"expected {n} values for {name}, got {values.Count}");
                    return values.ToArray();
                }
            }
        }
    }
}
