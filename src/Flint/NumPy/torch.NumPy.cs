namespace Flint;

public static partial class torch
{
    /// <summary>A tensor sharing <paramref name="a"/>'s memory (and dtype), as PyTorch's <c>torch.from_numpy</c>.</summary>
    public static Tensor from_numpy(NDArray a) => a.AsTensor.detach();
}
