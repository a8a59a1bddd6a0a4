namespace Flint;

public static partial class torch
{
    /// <summary>TorchSharp's spelling of <c>torch.cuda.is_available()</c>.</summary>
    public static bool cuda_is_available() => cuda.is_available();

    /// <summary>
    /// Whether Apple's Metal (MPS) backend can run tensors: always false, Flint has no MPS device
    /// (TorchSharp's <c>torch.mps_is_available()</c>; PyTorch's <c>torch.backends.mps.is_available()</c>).
    /// </summary>
    public static bool mps_is_available() => false;
}
