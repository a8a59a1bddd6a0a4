namespace Flint;

// torch.* forms of Tensor/Tensor.ScatterViews.cs.
public static partial class torch
{
    /// <summary>A copy of <paramref name="input"/> with the slice [start:end:step] along <paramref name="dim"/> replaced by <paramref name="src"/>.</summary>
    public static Tensor slice_scatter(Tensor input, Tensor src, long dim = 0, long? start = null, long? end = null, long step = 1) => input.slice_scatter(src, dim, start, end, step);

    /// <summary>A copy of <paramref name="input"/> with the entries at <paramref name="index"/> along <paramref name="dim"/> replaced by <paramref name="src"/>.</summary>
    public static Tensor select_scatter(Tensor input, Tensor src, long dim, long index) => input.select_scatter(src, dim, index);
}
