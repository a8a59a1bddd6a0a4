namespace Flint.Ops;

/// <summary>
/// tril and triu: the last two dims' lower or upper triangle (from a diagonal offset), the rest zero.
/// Composed of arange, a comparison and where, so they run on every device.
/// </summary>
internal static class Triangular
{
    /// <summary>
    /// A bool [rows, cols] mask of the entries with col - row ≤ <paramref name="diagonal"/> (lower) or
    /// ≥ <paramref name="diagonal"/> (<paramref name="upper"/>).
    /// </summary>
    internal static Tensor Mask(long rows, long cols, long diagonal, bool upper, Device device)
    {
        using (torch.no_grad())
        {
            var offset = torch.arange(cols, ScalarType.Int64, device) - torch.arange(rows, ScalarType.Int64, device).unsqueeze(1);
            return upper ? offset >= diagonal : offset <= diagonal;
        }
    }

    private static Tensor Triangle(Tensor self, long diagonal, bool upper)
    {
        int rank = self.Shape.Length;
        // PyTorch 1.13 reads the last two sizes through dim -2, so a 1-D input fails as that dim being out of range.
        Shapes.WrapDim(-2, rank);
        if (rank < 2) throw new IndexOutOfRangeException($"Dimension out of range (expected to be in range of [-1, 0], but got -2)");
        var mask = Mask(self.Shape[rank - 2], self.Shape[rank - 1], diagonal, upper, self.device);
        var zero = Dispatcher.Cast(torch.WrappedScalar(0L), self.dtype);
        var r = Dispatcher.Cast(Dispatcher.Where(mask, self.detach(), zero), self.dtype);
        return Recorder.Record(r, upper ? "TriuBackward0" : "TrilBackward0", [self], [], (g, _) => [Triangle(g, diagonal, upper)]);
    }

    /// <summary>The lower triangle: entries with col - row ≤ <paramref name="diagonal"/>.</summary>
    public static Tensor Tril(this Tensor self, long diagonal) => Triangle(self, diagonal, upper: false);

    /// <summary>The upper triangle: entries with col - row ≥ <paramref name="diagonal"/>.</summary>
    public static Tensor Triu(this Tensor self, long diagonal) => Triangle(self, diagonal, upper: true);
}
