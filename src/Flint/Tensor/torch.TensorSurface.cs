namespace Flint;

// The torch.* spellings TorchSharp has for the Tensor members of Tensor.SurfaceMethods.cs.
public static partial class torch
{
    /// <summary>Whether the single element of <paramref name="input"/> is non-zero (<see cref="Tensor.is_nonzero"/>).</summary>
    public static bool is_nonzero(Tensor input) => input.is_nonzero();

    /// <summary>In place: removes <paramref name="input"/>'s dimensions of size 1 (only <paramref name="dim"/> when given).</summary>
    public static Tensor squeeze_(Tensor input, long? dim = null) => input.squeeze_(dim);

    /// <summary>In place: inserts a dimension of size 1 into <paramref name="input"/> at <paramref name="dim"/>.</summary>
    public static Tensor unsqueeze_(Tensor input, long dim) => input.unsqueeze_(dim);
}
