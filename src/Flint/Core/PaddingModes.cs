namespace Flint;

/// <summary>How padding fills the new elements (TorchSharp's <c>PaddingModes</c>).</summary>
public enum PaddingModes
{
    /// <summary>Zeros (a convolution's default).</summary>
    Zeros = 0,
    /// <summary>The reflection of the input about its edge, the edge itself not repeated.</summary>
    Reflect = 1,
    /// <summary>Repeats the edge element.</summary>
    Replicate = 2,
    /// <summary>Wraps around: the other end of the input.</summary>
    Circular = 3,
    /// <summary>A constant value (F.pad's default).</summary>
    Constant = 4,
}
