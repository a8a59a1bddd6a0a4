namespace Flint.Ops;

/// <summary>cat and stack: checks with PyTorch's wording, copies through the dispatcher, and the backward (narrow/select of the gradient) beside each.</summary>
internal static class Joining
{
    /// <summary>Joins tensors along an existing dim (dtypes promote, as in PyTorch).</summary>
    public static Tensor Cat(IList<Tensor> tensors, long dim)
    {
        if (tensors.Count == 0) throw new ArgumentException("torch.cat(): expected a non-empty list of Tensors");
        var first = tensors[0];
        int rank = first.Shape.Length;
        if (rank == 0) throw new ArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
        int d = Shapes.WrapDim(dim, rank);
        var type = tensors[0].dtype;
        long total = 0;
        for (int i = 0; i < tensors.Count; i++)
        {
            var t = tensors[i];
            Dispatcher.CheckSameDevice(first, t);
            if (t.Shape.Length != rank)
                throw new ArgumentException($"Tensors must have same number of dimensions: got {rank} and {t.Shape.Length}");
            for (int k = 0; k < rank; k++)
                if (k != d && t.Shape[k] != first.Shape[k])
                    throw new ArgumentException($"Sizes of tensors must match except in dimension {d}. Expected size {first.Shape[k]} but got size {t.Shape[k]} for tensor number {i} in the list.");
            type = TypePromotion.Promote(type, t.dtype);
            total += t.Shape[d];
        }
        var shape = (long[])first.Shape.Clone();
        shape[d] = total;
        var r = Tensor.Empty(shape, type, first.device);
        long at = 0;
        var sizes = new long[tensors.Count];
        using (torch.no_grad())
            for (int i = 0; i < tensors.Count; i++)
            {
                sizes[i] = tensors[i].Shape[d];
                Dispatcher.CopyInto(r.narrow(d, at, sizes[i]), tensors[i]);
                at += sizes[i];
            }
        return Recorder.Record(r, "CatBackward0", tensors.ToArray(), [], (g, _) =>
        {
            var grads = new Tensor?[sizes.Length];
            long s = 0;
            for (int i = 0; i < sizes.Length; i++) { grads[i] = g.narrow(d, s, sizes[i]); s += sizes[i]; }
            return grads;
        });
    }

    /// <summary>Joins tensors along a new dim.</summary>
    public static Tensor Stack(IList<Tensor> tensors, long dim)
    {
        if (tensors.Count == 0) throw new ArgumentException("stack expects a non-empty TensorList");
        for (int i = 1; i < tensors.Count; i++)
            if (!Shapes.SameShape(tensors[i].Shape, tensors[0].Shape))
                throw new ArgumentException($"stack expects each tensor to be equal size, but got {Shapes.Str(tensors[0].Shape)} at entry 0 and {Shapes.Str(tensors[i].Shape)} at entry {i}");
        int d = Shapes.WrapDim(dim, tensors[0].Shape.Length + 1);
        Tensor r;
        using (torch.no_grad()) r = Cat(tensors.Select(t => t.unsqueeze(d)).ToList(), d);
        int n = tensors.Count;
        return Recorder.Record(r, "StackBackward0", tensors.ToArray(), [], (g, _) =>
        {
            var grads = new Tensor?[n];
            for (int i = 0; i < n; i++) grads[i] = g.select(d, i);
            return grads;
        });
    }
}
