namespace Flint.Autograd;

/// <summary>
/// A node of the backward graph: PyTorch's <c>grad_fn</c>. It knows how to turn the gradients
/// of its outputs into gradients of its inputs, and where those go (<see cref="NextEdges"/>).
/// </summary>
public abstract partial class GradNode
{
    /// <summary>Where each input's gradient flows: the producing node and which of its outputs.</summary>
    internal Edge[] NextEdges = [];

    /// <summary>How many outputs the forward op produced.</summary>
    internal int NumOutputs = 1;

    /// <summary>Non-leaf outputs whose gradient the user asked to keep (<c>retain_grad()</c>).</summary>
    internal Dictionary<int, WeakReference<Tensor>>? RetainedOutputs;

    /// <summary>PyTorch's node name, e.g. <c>MmBackward0</c>.</summary>
    public abstract string name();

    /// <summary>The nodes the gradient flows to next, with the input index of each (null where an input needs no gradient).</summary>
    public IReadOnlyList<(GradNode? node, int index)> next_functions
    {
        get
        {
            var list = new List<(GradNode?, int)>(NextEdges.Length);
            foreach (var e in NextEdges) list.Add((e.Node, e.InputNr));
            return list;
        }
    }

    /// <summary>Computes input gradients from output gradients (null entries mean "no gradient").</summary>
    internal abstract Tensor?[] Apply(Tensor?[] gradOutputs);

    /// <summary>Dtype and shape of each input, recorded at forward time.</summary>
    internal (ScalarType DType, long[] Shape)[] InputMeta = [];

    /// <summary>
    /// Checks each returned gradient against its input's shape, sums a broadcast gradient back to
    /// the input's shape (the one place broadcasting is undone: rules return the gradient of the
    /// broadcast operand), and casts it to the input's dtype (a float32 input of a float64 op gets
    /// a float32 gradient), as PyTorch's engine (validate_outputs) does.
    /// </summary>
    internal Tensor?[] ValidateGradients(Tensor?[] grads)
    {
        if (grads.Length != NextEdges.Length)
            throw new InvalidOperationException($"function {name()} returned an incorrect number of gradients (expected {NextEdges.Length}, got {grads.Length})");
        for (int i = 0; i < grads.Length; i++)
        {
            if (grads[i] is not { } g || i >= InputMeta.Length) continue;
            var (dtype, shape) = InputMeta[i];
            if (!Shapes.SameShape(g.Shape, shape))
            {
                if (!Shapes.IsExpandableTo(shape, g.Shape))
                    throw new InvalidOperationException($"Function {name()} returned an invalid gradient at index {i} - got {Shapes.Str(g.Shape)} but expected shape compatible with {Shapes.Str(shape)}");
                grads[i] = g = Ops.Recorder.SumToShape(g, shape);
            }
            if (g.dtype != dtype) grads[i] = g.to(dtype);
        }
        return grads;
    }

    /// <summary>Frees what forward saved; called after a backward that does not retain the graph.</summary>
    internal virtual void Release() { }

    /// <summary>&lt;MmBackward0&gt;</summary>
    public override string ToString() => $"<{name()}>";
}

/// <summary>An edge of the backward graph.</summary>
internal readonly record struct Edge(GradNode? Node, int InputNr);
