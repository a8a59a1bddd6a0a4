using Flint.Ops;

namespace Flint;

// Thin forwards to Ops/ScatterViews.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>A copy of this tensor with the slice [start:end:step] along <paramref name="dim"/> replaced by <paramref name="src"/>.</summary>
        public Tensor slice_scatter(Tensor src, long dim = 0, long? start = null, long? end = null, long step = 1) => ScatterViews.SliceScatter(this, src, dim, start, end, step);

        /// <summary>A copy of this tensor with the entries at <paramref name="index"/> along <paramref name="dim"/> replaced by <paramref name="src"/>.</summary>
        public Tensor select_scatter(Tensor src, long dim, long index) => ScatterViews.SelectScatter(this, src, dim, index);
    }
}
