namespace Flint.Modules;

/// <summary>
/// An optimizer's state as PyTorch's <c>optimizer.state_dict()</c> lays it out:
/// <c>State</c> maps a parameter's index (its position across all groups) to its state entries
/// (<c>momentum_buffer</c>, <c>exp_avg</c>, <c>step</c>, ...), and <c>ParamGroups</c> holds one
/// dictionary of hyperparameters per group, with <c>params</c> listing the group's parameter indices.
/// Values are plain: <see cref="Tensor"/>, double, long, bool, null, <c>double[]</c> (PyTorch's
/// <c>betas</c> tuple) and <c>List&lt;int&gt;</c> (<c>params</c>).
/// </summary>
public sealed class StateDictionary
{
    /// <summary>Per-parameter state, keyed by parameter index.</summary>
    public Dictionary<int, Dictionary<string, object?>> State { get; } = new();

    /// <summary>Per-group hyperparameters, in group order.</summary>
    public List<Dictionary<string, object?>> ParamGroups { get; } = new();
}
