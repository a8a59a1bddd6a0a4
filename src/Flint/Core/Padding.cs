namespace Flint;

/// <summary>How a convolution pads its input (TorchSharp's <c>Padding</c>): PyTorch's <c>padding='valid'</c> or <c>'same'</c>.</summary>
public enum Padding
{
    /// <summary>No padding.</summary>
    Valid = 0,
    /// <summary>Pads so the output has the input's size (stride 1 only); an odd total puts the extra element on the right.</summary>
    Same = 1,
}
