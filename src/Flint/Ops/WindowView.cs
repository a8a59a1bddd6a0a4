namespace Flint.Ops;

/// <summary>
/// <c>Tensor.unfold(dimension, size, step)</c>: the view whose dimension <c>dimension</c> indexes the windows of length
/// <c>size</c> taken every <c>step</c> elements, with the window itself as a new last dimension (PyTorch's
/// <c>aten::unfold</c>). The backward (<c>UnfoldBackward0</c>) index-adds each window's gradient back into its
/// positions, so overlapping windows (step &lt; size) accumulate; it is composed of differentiable ops.
/// </summary>
internal static class WindowView
{
    public static Tensor Unfold(Tensor self, long dimension, long size, long step)
    {
        self.ThrowIfDisposed();
        int rank = self.Shape.Length;
        int d = Shapes.WrapDim(dimension, Math.Max(rank, 1));
        long maxSize = rank == 0 ? 1 : self.Shape[d];
        if (size > maxSize) throw new ArgumentException($"maximum size for tensor at dimension {d} is {maxSize} but size is {size}");
        if (size < 0) throw new ArgumentException($"size is {size} but must be >= 0");
        if (step <= 0) throw new ArgumentException($"step is {step} but must be > 0");
        if (rank == 0)
            return self.MakeView([size], [1], self.Offset, "UnfoldBackward0", g => g.sum());
        var shape = new long[rank + 1];
        var strides = new long[rank + 1];
        for (int i = 0; i < rank; i++) { shape[i] = self.Shape[i]; strides[i] = self.Strides[i]; }
        shape[d] = (self.Shape[d] - size) / step + 1;
        strides[d] = step * self.Strides[d];
        shape[rank] = size;
        strides[rank] = self.Strides[d];
        long[] inShape = (long[])self.Shape.Clone();
        return self.MakeView(shape, strides, self.Offset, "UnfoldBackward0", g => Backward(g, inShape, d, size, step));
    }

    // grad_in[..., w·step + j, ...] += g[..., w, ..., j]: the window dim moved beside the one it came from, the two merged,
    // then one index_add along dimension d.
    private static Tensor Backward(Tensor g, long[] inShape, int d, long size, long step)
    {
        long windows = g.Shape[d];
        var index = new long[windows * size];
        for (long w = 0; w < windows; w++)
            for (long j = 0; j < size; j++) index[w * size + j] = w * step + j;
        var merged = g.movedim(-1, d + 1);
        var mergedShape = (long[])inShape.Clone();
        mergedShape[d] = windows * size;
        var source = merged.reshape(mergedShape);
        var idx = torch.tensor(index).to(g.device);
        return torch.zeros(inShape, g.dtype, g.device).index_add(d, idx, source);
    }
}
