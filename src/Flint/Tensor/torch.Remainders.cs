namespace Flint;

// torch.* forms of Tensor/Tensor.Remainders.cs.
public static partial class torch
{
    /// <summary>How <c>div</c> rounds its quotient: None (true division), trunc (toward zero) or floor (down).</summary>
    public enum RoundingMode
    {
        /// <summary>True division, no rounding.</summary>
        None,
        /// <summary>Rounds toward zero (C's integer division).</summary>
        trunc,
        /// <summary>Rounds down (Python's //).</summary>
        floor,
    }

    /// <summary>atan2(input, other), elementwise, in radians.</summary>
    public static Tensor atan2(Tensor input, Tensor other) => input.atan2(other);
    /// <summary>The remainder of truncated division (the dividend's sign).</summary>
    public static Tensor fmod(Tensor input, Tensor other) => input.fmod(other);
    /// <summary>The remainder of truncated division by a float scalar.</summary>
    public static Tensor fmod(Tensor input, double other) => input.fmod(other);
    /// <summary>The remainder of truncated division by an integer scalar.</summary>
    public static Tensor fmod(Tensor input, long other) => input.fmod(other);
    /// <summary>The remainder of floored division (the divisor's sign).</summary>
    public static Tensor remainder(Tensor input, Tensor other) => input.remainder(other);
    /// <summary>The remainder of floored division by a float scalar.</summary>
    public static Tensor remainder(Tensor input, double other) => input.remainder(other);
    /// <summary>The remainder of floored division by an integer scalar.</summary>
    public static Tensor remainder(Tensor input, long other) => input.remainder(other);
    /// <summary>Division rounded as <paramref name="rounding_mode"/> says.</summary>
    public static Tensor div(Tensor input, Tensor other, RoundingMode rounding_mode) => input.div(other, rounding_mode);
    /// <summary>Division by a float scalar, rounded as <paramref name="rounding_mode"/> says.</summary>
    public static Tensor div(Tensor input, double other, RoundingMode rounding_mode) => input.div(other, rounding_mode);
    /// <summary>True where the element is NaN.</summary>
    public static Tensor isnan(Tensor input) => input.isnan();
    /// <summary>True where the element is infinite.</summary>
    public static Tensor isinf(Tensor input) => input.isinf();
    /// <summary>Elementwise logical and.</summary>
    public static Tensor logical_and(Tensor input, Tensor other) => input.logical_and(other);
    /// <summary>Elementwise logical or.</summary>
    public static Tensor logical_or(Tensor input, Tensor other) => input.logical_or(other);
    /// <summary>Elementwise logical exclusive or.</summary>
    public static Tensor logical_xor(Tensor input, Tensor other) => input.logical_xor(other);
    /// <summary>Elementwise logical not.</summary>
    public static Tensor logical_not(Tensor input) => input.logical_not();
}
