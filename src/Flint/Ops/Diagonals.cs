namespace Flint.Ops;

/// <summary>
/// Diagonal ops: diagonal (a view with the two dims' strides summed), diag (1-D ↔ 2-D), diag_embed and
/// trace, written over that view. Checks use PyTorch 1.13's wording.
/// </summary>
internal static class Diagonals
{
    /// <summary>The diagonal's length for a (rows, cols) plane at <paramref name="offset"/>.</summary>
    private static long Length(long rows, long cols, long offset) =>
        Math.Max(offset >= 0 ? Math.Min(rows, cols - offset) : Math.Min(rows + offset, cols), 0);

    /// <summary>The diagonal at <paramref name="offset"/> of the (dim1, dim2) planes, as the last dim of a view.</summary>
    public static Tensor Diagonal(this Tensor self, long offset, long dim1, long dim2)
    {
        int rank = self.Shape.Length;
        int a = Shapes.WrapDim(dim1, rank), b = Shapes.WrapDim(dim2, rank);
        if (a == b) throw new ArgumentException($"diagonal dimensions cannot be identical {dim1}, {dim2}");
        long len = Length(self.Shape[a], self.Shape[b], offset);
        long start = self.Offset;
        if (len > 0) start += offset >= 0 ? offset * self.Strides[b] : -offset * self.Strides[a];
        var shape = new List<long>();
        var strides = new List<long>();
        for (int d = 0; d < rank; d++)
            if (d != a && d != b) { shape.Add(self.Shape[d]); strides.Add(self.Strides[d]); }
        shape.Add(len);
        strides.Add(self.Strides[a] + self.Strides[b]);
        var inShape = self.Shape;
        return self.MakeView([.. shape], [.. strides], start, "DiagonalBackward0", g =>
        {
            var z = torch.zeros(inShape, g.dtype, g.device);
            using (torch.no_grad()) z.diagonal(offset, a, b).copy_(g);
            return z;
        });
    }

    /// <summary>
    /// A 1-D tensor placed on the <paramref name="diagonal"/> of a square matrix, or a 2-D tensor's
    /// <paramref name="diagonal"/> as a 1-D copy.
    /// </summary>
    public static Tensor Diag(this Tensor self, long diagonal)
    {
        int rank = self.Shape.Length;
        if (rank != 1 && rank != 2) throw new ArgumentException("matrix or a vector expected");
        Tensor r;
        if (rank == 1)
        {
            long n = self.Shape[0] + Math.Abs(diagonal);
            r = torch.zeros([n, n], self.dtype, self.device);
            using (torch.no_grad()) r.diagonal(diagonal).copy_(self);
        }
        else
        {
            using (torch.no_grad()) r = Dispatcher.Contiguous(self.diagonal(diagonal));
        }
        var inShape = self.Shape;
        return Recorder.Record(r, "DiagBackward0", [self], [], (g, _) =>
        {
            if (rank == 1) return [g.diagonal(diagonal)];
            var z = torch.zeros(inShape, g.dtype, g.device);
            using (torch.no_grad()) z.diagonal(diagonal).copy_(g);
            return [z];
        });
    }

    /// <summary>The last dim of the input placed on the diagonals of the (dim1, dim2) planes of a new, one-dim-larger tensor.</summary>
    public static Tensor DiagEmbed(this Tensor self, long offset, long dim1, long dim2)
    {
        int rank = self.Shape.Length + 1;
        int a = Shapes.WrapDim(dim1, rank), b = Shapes.WrapDim(dim2, rank);
        if (a == b) throw new ArgumentException($"diagonal dimensions cannot be identical {dim1}, {dim2}");
        long n = (self.Shape.Length == 0 ? 1 : self.Shape[^1]) + Math.Abs(offset);
        var shape = new long[rank];
        var rest = self.Shape.Length == 0 ? [] : self.Shape[..^1];
        for (int d = 0, k = 0; d < rank; d++) shape[d] = d == a || d == b ? n : rest[k++];
        var r = torch.zeros(shape, self.dtype, self.device);
        using (torch.no_grad()) r.diagonal(offset, a, b).copy_(self);
        return Recorder.Record(r, "DiagEmbedBackward0", [self], [], (g, _) => [g.diagonal(offset, a, b)]);
    }

    /// <summary>The sum of a matrix's main diagonal (integers sum to int64, as sum does).</summary>
    public static Tensor Trace(this Tensor self)
    {
        if (self.Shape.Length != 2) throw new ArgumentException($"trace: expected a matrix, but got tensor with dim {self.Shape.Length}");
        Tensor r;
        using (torch.no_grad()) r = self.diagonal().sum();
        var inShape = self.Shape;
        return Recorder.Record(r, "TraceBackward0", [self], [], (g, _) =>
        {
            var z = torch.zeros(inShape, g.dtype, g.device);
            using (torch.no_grad()) z.diagonal().copy_(g);
            return [z];
        });
    }
}
