namespace Flint;

// torch.* forms of the elementary functions (Tensor/Tensor.Elementary.cs forwards to Ops/ElementaryFunctions.cs).
public static partial class torch
{
    /// <summary>The inverse cosine, elementwise (radians; NaN outside [−1, 1]).</summary>
    public static Tensor acos(Tensor input) => input.acos();
    /// <summary>In place: <see cref="acos(Tensor)"/>.</summary>
    public static Tensor acos_(Tensor input) => input.acos_();
    /// <summary>The inverse sine, elementwise (radians; NaN outside [−1, 1]).</summary>
    public static Tensor asin(Tensor input) => input.asin();
    /// <summary>In place: <see cref="asin(Tensor)"/>.</summary>
    public static Tensor asin_(Tensor input) => input.asin_();
    /// <summary>The inverse tangent, elementwise (radians).</summary>
    public static Tensor atan(Tensor input) => input.atan();
    /// <summary>In place: <see cref="atan(Tensor)"/>.</summary>
    public static Tensor atan_(Tensor input) => input.atan_();
    /// <summary>The inverse hyperbolic cosine, elementwise (NaN below 1).</summary>
    public static Tensor acosh(Tensor input) => input.acosh();
    /// <summary>In place: <see cref="acosh(Tensor)"/>.</summary>
    public static Tensor acosh_(Tensor input) => input.acosh_();
    /// <summary>The inverse hyperbolic sine, elementwise.</summary>
    public static Tensor asinh(Tensor input) => input.asinh();
    /// <summary>In place: <see cref="asinh(Tensor)"/>.</summary>
    public static Tensor asinh_(Tensor input) => input.asinh_();
    /// <summary>The inverse hyperbolic tangent, elementwise (±∞ at ±1, NaN outside [−1, 1]).</summary>
    public static Tensor atanh(Tensor input) => input.atanh();
    /// <summary>In place: <see cref="atanh(Tensor)"/>.</summary>
    public static Tensor atanh_(Tensor input) => input.atanh_();
    /// <summary>The hyperbolic cosine, elementwise.</summary>
    public static Tensor cosh(Tensor input) => input.cosh();
    /// <summary>In place: <see cref="cosh(Tensor)"/>.</summary>
    public static Tensor cosh_(Tensor input) => input.cosh_();
    /// <summary>The hyperbolic sine, elementwise.</summary>
    public static Tensor sinh(Tensor input) => input.sinh();
    /// <summary>In place: <see cref="sinh(Tensor)"/>.</summary>
    public static Tensor sinh_(Tensor input) => input.sinh_();
    /// <summary>The tangent, elementwise (radians).</summary>
    public static Tensor tan(Tensor input) => input.tan();
    /// <summary>In place: <see cref="tan(Tensor)"/>.</summary>
    public static Tensor tan_(Tensor input) => input.tan_();
    /// <summary>The base-2 logarithm, elementwise.</summary>
    public static Tensor log2(Tensor input) => input.log2();
    /// <summary>In place: <see cref="log2(Tensor)"/>.</summary>
    public static Tensor log2_(Tensor input) => input.log2_();
    /// <summary>The base-10 logarithm, elementwise.</summary>
    public static Tensor log10(Tensor input) => input.log10();
    /// <summary>In place: <see cref="log10(Tensor)"/>.</summary>
    public static Tensor log10_(Tensor input) => input.log10_();
    /// <summary>exp(x) − 1, elementwise, accurate near 0.</summary>
    public static Tensor expm1(Tensor input) => input.expm1();
    /// <summary>In place: <see cref="expm1(Tensor)"/>.</summary>
    public static Tensor expm1_(Tensor input) => input.expm1_();
    /// <summary>1 / x, elementwise (a floating result: integers are promoted to the default dtype).</summary>
    public static Tensor reciprocal(Tensor input) => input.reciprocal();
    /// <summary>In place: <see cref="reciprocal(Tensor)"/>.</summary>
    public static Tensor reciprocal_(Tensor input) => input.reciprocal_();
    /// <summary>Rounds toward zero, elementwise (integer tensors are returned as copies).</summary>
    public static Tensor trunc(Tensor input) => input.trunc();
    /// <summary>In place: <see cref="trunc(Tensor)"/>.</summary>
    public static Tensor trunc_(Tensor input) => input.trunc_();
}
