namespace Flint.Ops;

/// <summary>
/// Overloads of existing ops that Core ATen lists separately: squeeze over several dims (squeeze.dims, PyTorch 2.x
/// semantics), and the out= form of a binary op (atan2.out): the result cast into a caller-given tensor, resized when its
/// shape differs, as PyTorch's resize_output does.
/// </summary>
internal static class CoreAtenOverloads
{
    /// <summary>Removes each listed dim whose size is 1; the others stay (PyTorch 2.x's squeeze.dims).</summary>
    public static Tensor SqueezeDims(Tensor self, long[] dims)
    {
        int rank = self.Shape.Length;
        var drop = new bool[Math.Max(rank, 1)];
        var seen = new bool[Math.Max(rank, 1)];
        foreach (var dim in dims)
        {
            int d = Shapes.WrapDim(dim, rank);
            if (seen[d]) throw new ArgumentException($"dim {d} appears multiple times in the list of dims");
            seen[d] = true;
            if (rank > 0 && self.Shape[d] == 1) drop[d] = true;
        }
        var shape = new List<long>();
        var strides = new List<long>();
        for (int i = 0; i < rank; i++)
            if (!drop[i]) { shape.Add(self.Shape[i]); strides.Add(self.Strides[i]); }
        var old = self.Shape;
        return self.MakeView([.. shape], [.. strides], self.Offset, "SqueezeBackward2", g => g.reshape(old));
    }

    /// <summary>
    /// Writes the result of <paramref name="compute"/> into <paramref name="out"/> as PyTorch's out= variants do: the result dtype must be
    /// castable to out's, out is resized when its shape differs, and no input may require grad.
    /// </summary>
    public static Tensor WriteOut(string name, Func<Tensor> compute, Tensor @out, params Tensor[] inputs)
    {
        if (torch.is_grad_enabled() && (@out.requires_grad || inputs.Any(t => t.requires_grad)))
            throw new InvalidOperationException($"{name}(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.");
        Tensor result;
        using (torch.no_grad()) result = compute();
        if (!InPlace.CanCast(result.dtype, @out.dtype))
            throw new ArgumentException($"result type {DTypes.ShortName(result.dtype)} can't be cast to the desired output type {DTypes.ShortName(@out.dtype)}");
        if (@out.device != result.device)
            throw new ArgumentException($"Expected out tensor to have device {result.device}, but got {@out.device} instead");
        using (torch.no_grad())
        {
            if (!@out.Shape.SequenceEqual(result.Shape)) @out.resize_(result.Shape);
            @out.copy_(result);
        }
        return @out;
    }
}
