namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>A tensor with <paramref name="other"/>'s dtype and device (this one when they already match), as PyTorch's <c>x.to(other)</c>.</summary>
        /// <param name="other">The tensor whose dtype and device to take.</param>
        public Tensor to(Tensor other)
        {
            ArgumentNullException.ThrowIfNull(other);
            return to(other.device, other.dtype);
        }
    }
}
