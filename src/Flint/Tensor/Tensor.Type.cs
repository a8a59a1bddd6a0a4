namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>PyTorch's <c>x.type(dtype)</c>: this tensor converted to <paramref name="dtype"/> (itself when it already has it).</summary>
        public Tensor type(ScalarType dtype) => to(dtype);
    }
}
