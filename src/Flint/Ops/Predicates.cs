namespace Flint.Ops;

/// <summary>
/// isnan, isinf and the logical ops: bool results composed of comparisons (so every device runs them), no gradient.
/// A value is true when nonzero (NaN included), as PyTorch's logical ops read it.
/// </summary>
internal static class Predicates
{
    public static Tensor IsNan(Tensor self) => self.IsFloating ? self.ne(self) : torch.zeros_like(self, ScalarType.Bool);

    public static Tensor IsInf(Tensor self) => self.IsFloating ? self.abs().eq(double.PositiveInfinity) : torch.zeros_like(self, ScalarType.Bool);

    private static Tensor Truth(Tensor t) => t.dtype == ScalarType.Bool ? t : t.ne(0.0);

    public static Tensor And(Tensor self, Tensor other) => Truth(self).to(ScalarType.Byte).mul(Truth(other).to(ScalarType.Byte)).ne(0.0);

    public static Tensor Or(Tensor self, Tensor other) => Truth(self).to(ScalarType.Byte).add(Truth(other).to(ScalarType.Byte)).ne(0.0);

    public static Tensor Xor(Tensor self, Tensor other) => Truth(self).ne(Truth(other));

    public static Tensor Not(Tensor self) => self.eq(0.0);
}
