namespace Flint.Autograd;

/// <summary>The sink for a leaf tensor: adds incoming gradients into its <c>.grad</c>.</summary>
internal sealed class AccumulateGrad : GradNode
{
    public readonly Tensor Variable;

    public AccumulateGrad(Tensor variable) => Variable = variable;

    public override string name() => "AccumulateGrad";

    internal override Tensor?[] Apply(Tensor?[] gradOutputs)
    {
        var g = gradOutputs[0];
        if (g is null) return [];
        if (!Shapes.SameShape(g.Shape, Variable.Shape))
            throw new InvalidOperationException($"Function AccumulateGrad returned an invalid gradient - got {Shapes.Str(g.Shape)} but expected shape compatible with {Shapes.Str(Variable.Shape)}");
        var existing = Variable.grad;
        // A leaf's .grad outlives any dispose scope the backward ran in.
        if (existing is null)
            Variable.grad = (GradMode.IsEnabled ? g : Engine.TryAdopt(g) ? g : g.detach().clone()).DetachFromDisposeScope();
        else if (GradMode.IsEnabled)
            Variable.grad = (existing + g).DetachFromDisposeScope();
        else
            existing.add_(g);
        Variable.RunPostAccumulateGradHooks();
        return [];
    }
}
