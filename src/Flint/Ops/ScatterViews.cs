namespace Flint.Ops;

/// <summary>
/// slice_scatter and select_scatter: a copy of the input with one slice (or one index along a dim) replaced by
/// <c>src</c>, composed of clone and an indexed assignment into the clone, so autograd splits the gradient
/// (the slice's part to src, the rest to the input) through index_put's backward.
/// </summary>
internal static class ScatterViews
{
    private static void CheckSize(Tensor src, Tensor slice)
    {
        if (!Shapes.SameShape(src.Shape, slice.Shape))
            throw new ArgumentException($"expected src to have a size equal to the slice of self. src size = {Shapes.Str(src.Shape)}, slice size = {Shapes.Str(slice.Shape)}");
    }

    public static Tensor SliceScatter(Tensor self, Tensor src, long dim, long? start, long? end, long step)
    {
        int d = Shapes.WrapDim(dim, (int)self.dim());
        var r = self.clone();
        TensorIndex[] at = [.. Enumerable.Repeat(TensorIndex.Colon, d), TensorIndex.Slice(start, end, step)];
        CheckSize(src, r[at]);
        r[at] = src;
        return r;
    }

    public static Tensor SelectScatter(Tensor self, Tensor src, long dim, long index)
    {
        int d = Shapes.WrapDim(dim, (int)self.dim());
        var r = self.clone();
        TensorIndex[] at = [.. Enumerable.Repeat(TensorIndex.Colon, d), TensorIndex.Single(index)];
        CheckSize(src, r[at]);
        r[at] = src;
        return r;
    }
}
