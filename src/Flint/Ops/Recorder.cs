using Flint.Autograd;

namespace Flint.Ops;

/// <summary>Attaches backward nodes to op results when grad mode is on and an input requires grad.</summary>
internal static class Recorder
{
    public static bool Needed(Tensor a) => GradMode.IsEnabled && a.requires_grad;
    public static bool Needed(Tensor a, Tensor b) => GradMode.IsEnabled && (a.requires_grad || b.requires_grad);
    public static bool Needed(ReadOnlySpan<Tensor> inputs)
    {
        if (!GradMode.IsEnabled) return false;
        foreach (var t in inputs) if (t.requires_grad) return true;
        return false;
    }

    /// <summary>Single-output op: <paramref name="backward"/> gets the output gradient and the saved tensors.</summary>
    public static Tensor Record(Tensor result, string name, Tensor[] inputs, Tensor[] saved, Func<Tensor, Tensor[], Tensor?[]> backward)
    {
        if (!Needed(inputs)) return result;
        var node = FunctionNode.SingleOutput(name, backward, saved);
        Attach(node, inputs);
        result.SetHistory(node);
        return result;
    }

    /// <summary>Multi-output op: missing output gradients arrive as null.</summary>
    public static Tensor[] RecordMulti(Tensor[] results, string name, Tensor[] inputs, Tensor[] saved, FunctionNode.Backward backward)
    {
        if (!Needed(inputs)) return results;
        var node = new FunctionNode(name, backward, saved, results.Length);
        Attach(node, inputs);
        for (int i = 0; i < results.Length; i++)
            if (results[i].IsFloating) results[i].SetHistory(node, i);
        return results;
    }

    public static void Attach(GradNode node, Tensor[] inputs)
    {
        var edges = new Edge[inputs.Length];
        var meta = new (ScalarType, long[])[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            edges[i] = inputs[i].GradientEdge();
            meta[i] = (inputs[i].dtype, inputs[i].Shape);
        }
        node.NextEdges = edges;
        node.InputMeta = meta;
    }

    /// <summary>Sums a broadcast gradient back to an input's shape (the one place broadcasting is undone).</summary>
    public static Tensor SumToShape(Tensor grad, long[] shape)
    {
        if (Shapes.SameShape(grad.Shape, shape)) return grad;
        int lead = grad.Shape.Length - shape.Length;
        var dims = new List<long>();
        for (int i = 0; i < grad.Shape.Length; i++)
            if (i < lead || (shape[i - lead] == 1 && grad.Shape[i] != 1)) dims.Add(i);
        var summed = dims.Count > 0 ? grad.sum(dims.ToArray(), keepdim: true) : grad;
        return lead > 0 || !Shapes.SameShape(summed.Shape, shape) ? summed.reshape(shape) : summed;
    }
}
