namespace Flint.Autograd;

/// <summary>
/// Tensor hooks (<c>Tensor.register_hook</c>): a hook on a non-leaf tensor is a pre-hook of its grad_fn for that
/// output; a hook on a leaf is a pre-hook of the leaf's <c>AccumulateGrad</c>. The engine runs them on the
/// gradient before the node uses it (before <c>retain_grad</c> keeps it and before <c>autograd.grad</c> captures
/// it, as PyTorch 2.x does), in registration order; a hook returning a tensor replaces the gradient.
/// </summary>
public abstract partial class GradNode
{
    /// <summary>The tensor hooks on this node's outputs, in registration order (null until one is registered).</summary>
    internal List<TensorHook>? TensorPreHooks;

    /// <summary>Registers <paramref name="hook"/> on output <paramref name="outputNr"/>.</summary>
    internal TensorHook AddTensorPreHook(int outputNr, Func<Tensor, Tensor?> hook)
    {
        var h = new TensorHook(this, outputNr, hook);
        (TensorPreHooks ??= new()).Add(h);
        return h;
    }

    /// <summary>Runs the tensor hooks on <paramref name="gradOutputs"/> in place; returns every tensor user code saw or made.</summary>
    internal List<Tensor> RunTensorPreHooks(Tensor?[] gradOutputs)
    {
        var touched = new List<Tensor>();
        foreach (var h in TensorPreHooks!.ToArray()) // a hook may remove itself
        {
            if (h.OutputNr >= gradOutputs.Length || gradOutputs[h.OutputNr] is not { } g) continue;
            touched.Add(g);
            var replaced = h.Hook(g);
            if (replaced is null) continue;
            if (!Shapes.SameShape(replaced.Shape, g.Shape))
                throw new InvalidOperationException($"hook 'hook' has changed the size of value");
            gradOutputs[h.OutputNr] = replaced;
            touched.Add(replaced);
        }
        return touched;
    }
}

/// <summary>A registered tensor hook.</summary>
internal sealed class TensorHook(GradNode node, int outputNr, Func<Tensor, Tensor?> hook)
{
    public readonly int OutputNr = outputNr;
    public readonly Func<Tensor, Tensor?> Hook = hook;

    public void Remove() => node.TensorPreHooks?.Remove(this);
}
