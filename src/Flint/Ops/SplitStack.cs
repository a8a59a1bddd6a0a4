namespace Flint.Ops;

/// <summary>
/// NumPy-style splitting and stacking: tensor_split (sections or indices; views, each with its own
/// SliceBackward0 as in PyTorch), hsplit/vsplit/dsplit, hstack/vstack/dstack/column_stack (cat of
/// reshaped views). Checks use PyTorch 1.13's wording.
/// </summary>
internal static class SplitStack
{
    private static int SplitDim(Tensor self, long dim)
    {
        if (self.Shape.Length == 0)
            throw new ArgumentException($"tensor_split expected at least a 1-dimensional tensor, but got a tensor with {self.Shape.Length} dims");
        return Shapes.WrapDim(dim, self.Shape.Length);
    }

    /// <summary><paramref name="sections"/> nearly equal pieces along a dim (the first size % sections one longer).</summary>
    public static Tensor[] TensorSplit(this Tensor self, long sections, long dim)
    {
        int d = SplitDim(self, dim);
        if (sections <= 0) throw new ArgumentException($"number of sections must be larger than 0, got {sections}");
        long size = self.Shape[d], min = size / sections, extra = size % sections;
        var parts = new Tensor[sections];
        long start = 0;
        for (long i = 0; i < sections; i++)
        {
            long len = min + (i < extra ? 1 : 0);
            parts[i] = self.Slice(d, start, start + len, 1);
            start += len;
        }
        return parts;
    }

    /// <summary>Pieces between the given indices along a dim (indices clamp to the size, as Python slicing).</summary>
    public static Tensor[] TensorSplit(this Tensor self, long[] indices, long dim)
    {
        int d = SplitDim(self, dim);
        var parts = new Tensor[indices.Length + 1];
        long start = 0;
        for (int i = 0; i <= indices.Length; i++)
        {
            long end = i < indices.Length ? indices[i] : self.Shape[d];
            parts[i] = self.Slice(d, start, end, 1);
            start = end;
        }
        return parts;
    }

    /// <summary>tensor_split by a CPU int64 tensor: a 0-D one gives the number of sections, a 1-D one the indices.</summary>
    public static Tensor[] TensorSplit(this Tensor self, Tensor indicesOrSections, long dim)
    {
        if (indicesOrSections.device.type != DeviceType.CPU)
            throw new ArgumentException($"tensor_split expected tensor_indices_or_sections to be on cpu, but it's on {indicesOrSections.device}");
        if (indicesOrSections.dtype != ScalarType.Int64)
            throw new ArgumentException($"tensor_split expected tensor_indices_or_sections to have dtype of long, but got {DTypes.ShortName(indicesOrSections.dtype)}");
        int rank = indicesOrSections.Shape.Length;
        if (rank > 1)
            throw new ArgumentException($"tensor_split expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional tensor, but got a tensor with {rank} dims");
        var values = Dispatcher.ReadIndices(indicesOrSections);
        return rank == 0 ? self.TensorSplit(values[0], dim) : self.TensorSplit(values, dim);
    }

    private static void CheckSplitRank(Tensor self, string op, int minRank)
    {
        if (self.Shape.Length < minRank)
            throw new ArgumentException($"torch.{op} requires a tensor with at least {minRank} dimension{(minRank == 1 ? "" : "")}, but got a tensor with {self.Shape.Length} dimensions!");
    }

    /// <summary>The split dim of hsplit/vsplit/dsplit, checked for rank and (for a section count) divisibility.</summary>
    private static int NumpySplitDim(Tensor self, string op, long? sections)
    {
        int minRank = op == "hsplit" ? 1 : op == "vsplit" ? 2 : 3;
        CheckSplitRank(self, op, minRank);
        int d = op switch { "hsplit" => self.Shape.Length == 1 ? 0 : 1, "vsplit" => 0, _ => 2 };
        if (sections is { } s && (s == 0 || self.Shape[d] % s != 0))
            throw new ArgumentException($"torch.{op} attempted to split along dimension {d}, but the size of the dimension {self.Shape[d]} is not divisible by the split_size {s}!");
        return d;
    }

    /// <summary>hsplit/vsplit/dsplit into equal sections.</summary>
    public static Tensor[] NumpySplit(this Tensor self, string op, long sections) => self.TensorSplit(sections, NumpySplitDim(self, op, sections));

    /// <summary>hsplit/vsplit/dsplit at indices.</summary>
    public static Tensor[] NumpySplit(this Tensor self, string op, long[] indices) => self.TensorSplit(indices, NumpySplitDim(self, op, null));

    private static void CheckNonEmpty(IList<Tensor> tensors, string op)
    {
        if (tensors.Count == 0) throw new ArgumentException($"{op} expects a non-empty TensorList");
    }

    /// <summary>0-D → [1]; others as they are.</summary>
    internal static Tensor AtLeast1d(Tensor t) => t.Shape.Length == 0 ? t.reshape(1) : t;

    /// <summary>0-D → [1, 1], [n] → [1, n]; others as they are.</summary>
    internal static Tensor AtLeast2d(Tensor t) => t.Shape.Length switch { 0 => t.reshape(1, 1), 1 => t.unsqueeze(0), _ => t };

    /// <summary>0-D → [1, 1, 1], [n] → [1, n, 1], [m, n] → [m, n, 1]; others as they are.</summary>
    internal static Tensor AtLeast3d(Tensor t) => t.Shape.Length switch
    {
        0 => t.reshape(1, 1, 1),
        1 => t.unsqueeze(0).unsqueeze(-1),
        2 => t.unsqueeze(-1),
        _ => t,
    };

    /// <summary>Column-wise: 1-D tensors join along dim 0, others along dim 1.</summary>
    public static Tensor HStack(IList<Tensor> tensors)
    {
        CheckNonEmpty(tensors, "hstack");
        var ts = tensors.Select(AtLeast1d).ToList();
        return Joining.Cat(ts, ts[0].Shape.Length == 1 ? 0 : 1);
    }

    /// <summary>Row-wise: tensors made at least 2-D join along dim 0.</summary>
    public static Tensor VStack(IList<Tensor> tensors)
    {
        CheckNonEmpty(tensors, "vstack");
        return Joining.Cat([.. tensors.Select(AtLeast2d)], 0);
    }

    /// <summary>Depth-wise: tensors made at least 3-D join along dim 2.</summary>
    public static Tensor DStack(IList<Tensor> tensors)
    {
        CheckNonEmpty(tensors, "dstack");
        return Joining.Cat([.. tensors.Select(AtLeast3d)], 2);
    }

    /// <summary>0-D and 1-D tensors become columns ([n, 1]); then all join along dim 1.</summary>
    public static Tensor ColumnStack(IList<Tensor> tensors)
    {
        CheckNonEmpty(tensors, "column_stack");
        return Joining.Cat([.. tensors.Select(t => t.Shape.Length <= 1 ? t.reshape(t.numel(), 1) : t)], 1);
    }
}
