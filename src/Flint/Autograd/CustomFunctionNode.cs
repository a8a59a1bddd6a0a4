namespace Flint.Autograd;

/// <summary>
/// The backward node of a user-defined <c>torch.autograd.Function</c>: named after the
/// Function (<c>MyReLUBackward</c>), it calls the user's <c>backward</c> and checks what comes
/// back against the <c>apply</c> arguments before the engine uses it.
/// </summary>
internal sealed class CustomFunctionNode : GradNode
{
    public delegate List<Tensor?> UserBackward(torch.autograd.AutogradContext ctx, List<Tensor?> gradOutputs);

    private readonly string _name;
    private readonly torch.autograd.AutogradContext _ctx;
    private readonly UserBackward _backward;
    /// <summary>For each <c>apply</c> argument, its input index when it is a tensor, else -1.</summary>
    private readonly int[] _argToInput;
    /// <summary>Dtype and shape of each output, to materialize missing output gradients as zeros.</summary>
    internal (ScalarType DType, long[] Shape, Device Device)[] OutputMeta = [];

    public CustomFunctionNode(string name, torch.autograd.AutogradContext ctx, UserBackward backward, int[] argToInput)
    {
        _name = name;
        _ctx = ctx;
        _backward = backward;
        _argToInput = argToInput;
    }

    public override string name() => _name;

    internal override Tensor?[] Apply(Tensor?[] gradOutputs)
    {
        var grads = new List<Tensor?>(gradOutputs.Length);
        for (int i = 0; i < gradOutputs.Length; i++)
        {
            var g = gradOutputs[i];
            if (g is null && _ctx.MaterializeGrads && i < OutputMeta.Length)
                g = torch.zeros(OutputMeta[i].Shape, OutputMeta[i].DType, OutputMeta[i].Device);
            grads.Add(g);
        }

        var returned = _backward(_ctx, grads) ?? throw new InvalidOperationException($"function {_name} returned null instead of a list of gradients");
        // Extra trailing entries are allowed only when they are all null (as in PyTorch).
        int count = returned.Count;
        while (count > _argToInput.Length && returned[count - 1] is null) count--;
        if (count != _argToInput.Length)
            throw new InvalidOperationException($"function {_name} returned an incorrect number of gradients (expected {_argToInput.Length}, got {returned.Count})");

        var inputGrads = new Tensor?[NextEdges.Length];
        for (int a = 0; a < _argToInput.Length; a++)
        {
            int input = _argToInput[a];
            if (input < 0)
            {
                if (returned[a] is not null)
                    throw new InvalidOperationException($"function {_name} returned a gradient different than None at position {a + 1}, but the corresponding forward input was not a Variable");
                continue;
            }
            // A gradient for an input that needs none is dropped unchecked, as PyTorch's engine does.
            if (NextEdges[input].Node is not null) inputGrads[input] = returned[a];
        }
        return ValidateGradients(inputGrads);
    }

    internal override void Release() => _ctx.Release();
}
