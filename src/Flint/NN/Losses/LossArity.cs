namespace Flint;

/// <summary>Base class of three-input losses (ranking, embedding and triplet losses): holds the <see cref="reduction"/>.</summary>
public abstract class Loss<T1, T2, T3, TResult> : torch.nn.Module<T1, T2, T3, TResult>
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

/// <summary>Base class of four-input losses (<c>CTCLoss</c>): holds the <see cref="reduction"/>.</summary>
public abstract class Loss<T1, T2, T3, T4, TResult> : torch.nn.Module<T1, T2, T3, T4, TResult>
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
