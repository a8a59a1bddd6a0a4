using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// sort, argsort and topk: the sorted dim is moved last and laid out as a dense [rows, n] block, one
/// <see cref="Dispatcher.Sort"/> primitive sorts every row (stably, NaN above every number, as PyTorch),
/// and the backward scatters the gradient back to the positions the indices name.
/// </summary>
internal static class Sorting
{
    /// <summary>
    /// The elements with dim <paramref name="d"/> moved last, as a dense [rows, n] block in
    /// <paramref name="compute"/>; <c>moved</c> is that block's shape before flattening and
    /// <c>back</c> the permutation that returns a result of that shape to the input's order.
    /// </summary>
    internal static (Tensor block, int rows, int n, long[] moved, long[] back) RowsAlong(this Tensor self, int d, ScalarType compute)
    {
        int rank = self.Shape.Length;
        var perm = new long[rank];
        var back = new long[rank];
        int k = 0;
        for (int i = 0; i < rank; i++) if (i != d) perm[k++] = i;
        perm[rank - 1] = d;
        for (int i = 0; i < rank; i++) back[perm[i]] = i;
        var moved = perm.Select(p => self.Shape[p]).ToArray();
        long n = moved[rank - 1], rows = n == 0 ? 0 : self.numel() / n;
        Tensor block;
        using (torch.no_grad())
        {
            var p = self.detach().permute(perm);
            block = Dispatcher.Cast(p, compute);
            if (ReferenceEquals(block, p) || !block.is_contiguous() || block.Offset != 0) block = Dispatcher.Contiguous(block);
        }
        return (block, checked((int)rows), checked((int)n), moved, back);
    }

    /// <summary>A dense result laid out along the moved dims, back in the input's dim order (contiguous).</summary>
    internal static Tensor MoveBack(Tensor moved, long[] back)
    {
        using (torch.no_grad()) return moved.permute(back).contiguous();
    }

    /// <summary>The dtype a sort runs in: float32/float64 as they are, half types in float32, integers and bool in int64 (all exact).</summary>
    private static ScalarType SortType(ScalarType t) =>
        t == ScalarType.Float64 ? ScalarType.Float64 : DTypes.IsFloatingPoint(t) ? ScalarType.Float32 : ScalarType.Int64;

    /// <summary>Sorted values and their source positions along <paramref name="dim"/>, without autograd.</summary>
    private static (Tensor values, Tensor indices) SortRaw(Tensor self, long dim, bool descending)
    {
        if (self.Shape.Length == 0)
        {
            Shapes.WrapDim(dim, 0);
            return (self.detach().clone(), torch.zeros([], ScalarType.Int64, self.device));
        }
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        var compute = SortType(self.dtype);
        var (block, rows, n, moved, back) = self.RowsAlong(d, compute);
        var values = Tensor.Empty(moved, compute, self.device, clear: false);
        var indices = Tensor.Empty((long[])moved.Clone(), ScalarType.Int64, self.device, clear: false);
        if (rows > 0 && n > 0) Dispatcher.Sort(compute, block, rows, n, values, indices, descending);
        return (Dispatcher.Cast(MoveBack(values, back), self.dtype), MoveBack(indices, back));
    }

    /// <summary>The gradient of a selection by <paramref name="indices"/> along <paramref name="d"/>: g scattered back into zeros of the input's shape.</summary>
    private static Tensor ScatterBack(Tensor g, long[] inShape, int d, Tensor indices)
    {
        if (inShape.Length == 0) return g.clone();
        return torch.zeros(inShape, g.dtype, g.device).scatter(d, indices, g);
    }

    /// <summary>PyTorch's <c>sort</c>: values and int64 indices along <paramref name="dim"/> (always stable).</summary>
    public static (Tensor values, Tensor indices) Sort(this Tensor self, long dim, bool descending)
    {
        var (values, indices) = SortRaw(self, dim, descending);
        if (!Recorder.Needed(self) || !self.IsFloating) return (values, indices);
        int d = self.Shape.Length == 0 ? 0 : Shapes.WrapDim(dim, self.Shape.Length);
        var inShape = self.Shape;
        Recorder.Record(values, "SortBackward0", [self], [indices], (g, s) => [ScatterBack(g, inShape, d, s[0])]);
        return (values, indices);
    }

    /// <summary>PyTorch's <c>argsort</c>: the indices that sort <paramref name="dim"/>.</summary>
    public static Tensor Argsort(this Tensor self, long dim, bool descending) => SortRaw(self, dim, descending).indices;

    /// <summary>PyTorch's <c>topk</c>: the <paramref name="k"/> largest (or smallest) entries along <paramref name="dim"/>, in order.</summary>
    public static (Tensor values, Tensor indices) Topk(this Tensor self, long k, long dim, bool largest, bool sorted)
    {
        int rank = self.Shape.Length;
        int d = rank == 0 ? 0 : Shapes.WrapDim(dim, rank);
        long size = rank == 0 ? 1 : self.Shape[d];
        if (k < 0 || k > size) throw new ArgumentException("selected index k out of range");
        var (allValues, allIndices) = SortRaw(self, dim, descending: largest);
        Tensor values, indices;
        using (torch.no_grad())
        {
            values = rank == 0 ? allValues : allValues.narrow(d, 0, k).contiguous();
            indices = rank == 0 ? allIndices : allIndices.narrow(d, 0, k).contiguous();
        }
        if (!Recorder.Needed(self) || !self.IsFloating) return (values, indices);
        var inShape = self.Shape;
        Recorder.Record(values, "TopkBackward0", [self], [indices], (g, s) => [ScatterBack(g, inShape, d, s[0])]);
        return (values, indices);
    }
}
