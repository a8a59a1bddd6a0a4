namespace Flint;

/// <summary>Base class of two-input losses: holds the <see cref="reduction"/>.</summary>
public abstract class Loss<T1, T2, TResult> : torch.nn.Module<T1, T2, TResult>
{
    /// <summary>Creates a loss with the given reduction.</summary>
    protected Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean)
    {
        if (!Enum.IsDefined(reduction)) throw new ArgumentException($"{reduction} is not a valid value for reduction");
        this.reduction = reduction;
    }

    /// <summary>How per-element losses are reduced.</summary>
    public torch.nn.Reduction reduction { get; }
}

/// <summary>
/// Base class of losses with an optional per-class <see cref="weight"/>, registered as a buffer (so it is in
/// <c>state_dict()</c> and follows <c>to()</c>, as in PyTorch).
/// </summary>
public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
{
    /// <summary>Creates a loss with an optional class weight.</summary>
    protected WeightedLoss(Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction)
    {
        if (weight is not null) register_buffer(nameof(weight), weight);
        this.weight = weight;
    }

    /// <summary>The manual rescaling weight per class, or null.</summary>
    public Tensor? weight { get; }
}
