using Flint.Modules;
using static Flint.torch.nn;

namespace Flint.Modules;

/// <summary>
/// A parameter group: some parameters and the hyperparameters used to update them
/// (PyTorch's dict in <c>optimizer.param_groups</c>). Options left unset take the optimizer's defaults.
/// </summary>
public partial class ParamGroup
{
    /// <summary>An empty group; set <see cref="Parameters"/> (and optionally <see cref="Options"/>) before adding it.</summary>
    public ParamGroup() { }

    /// <summary>A group of <paramref name="parameters"/> with the given options (null: all defaults).</summary>
    public ParamGroup(IEnumerable<Parameter> parameters, OptimizerOptions? options = null)
    {
        Parameters = parameters;
        Options = options;
    }

    /// <summary>The parameters this group updates.</summary>
    public IEnumerable<Parameter> Parameters { get; set; } = [];

    /// <summary>The group's hyperparameters; completed from the optimizer's defaults when the group is added.</summary>
    public OptimizerOptions? Options { get; set; }

    /// <summary>The group's learning rate (PyTorch's <c>group['lr']</c>); schedulers set it.</summary>
    public double LearningRate
    {
        get => Options?.LearningRate ?? throw new InvalidOperationException("this parameter group has no learning rate yet: add it to an optimizer first");
        set => RequireOptions().LearningRate = value;
    }

    private OptimizerOptions RequireOptions() =>
        Options ?? throw new InvalidOperationException("this parameter group has no options yet: add it to an optimizer first");

    /// <summary>Alias of <see cref="LearningRate"/> with PyTorch's key name.</summary>
    public double lr
    {
        get => LearningRate;
        set => LearningRate = value;
    }

    /// <summary>PyTorch's <c>group['initial_lr']</c>: the base rate recorded by the first scheduler, or null.</summary>
    public double? InitialLearningRate
    {
        get => Options?.InitialLearningRate;
        set => RequireOptions().InitialLearningRate = value;
    }
}

/// <summary>A parameter group whose options have the optimizer-specific type <typeparamref name="TOptions"/>.</summary>
public class ParamGroup<TOptions> : ParamGroup where TOptions : OptimizerOptions
{
    /// <summary>An empty group.</summary>
    public ParamGroup() { }

    /// <summary>A group of <paramref name="parameters"/> with the given options (null: all defaults).</summary>
    public ParamGroup(IEnumerable<Parameter> parameters, TOptions? options = null) : base(parameters, options) { }

    /// <summary>The group's hyperparameters.</summary>
    public new TOptions? Options
    {
        get => (TOptions?)base.Options;
        set => base.Options = value;
    }
}
