using Flint.Ops;

namespace Flint;

// Thin forwards to Ops/ElementaryFunctions.cs (the rules and backward formulas live there).
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The inverse cosine, elementwise (radians; NaN outside [−1, 1]).</summary>
        public Tensor acos() => ElementaryFunctions.Acos(this);
        /// <summary>In place: <see cref="acos()"/>.</summary>
        public Tensor acos_() => MathInPlace(t => t.acos());
        /// <summary>The inverse sine, elementwise (radians; NaN outside [−1, 1]).</summary>
        public Tensor asin() => ElementaryFunctions.Asin(this);
        /// <summary>In place: <see cref="asin()"/>.</summary>
        public Tensor asin_() => MathInPlace(t => t.asin());
        /// <summary>The inverse tangent, elementwise (radians).</summary>
        public Tensor atan() => ElementaryFunctions.Atan(this);
        /// <summary>In place: <see cref="atan()"/>.</summary>
        public Tensor atan_() => MathInPlace(t => t.atan());
        /// <summary>The inverse hyperbolic cosine, elementwise (NaN below 1).</summary>
        public Tensor acosh() => ElementaryFunctions.Acosh(this);
        /// <summary>In place: <see cref="acosh()"/>.</summary>
        public Tensor acosh_() => MathInPlace(t => t.acosh());
        /// <summary>The inverse hyperbolic sine, elementwise.</summary>
        public Tensor asinh() => ElementaryFunctions.Asinh(this);
        /// <summary>In place: <see cref="asinh()"/>.</summary>
        public Tensor asinh_() => MathInPlace(t => t.asinh());
        /// <summary>The inverse hyperbolic tangent, elementwise (±∞ at ±1, NaN outside [−1, 1]).</summary>
        public Tensor atanh() => ElementaryFunctions.Atanh(this);
        /// <summary>In place: <see cref="atanh()"/>.</summary>
        public Tensor atanh_() => MathInPlace(t => t.atanh());
        /// <summary>The hyperbolic cosine, elementwise.</summary>
        public Tensor cosh() => ElementaryFunctions.Cosh(this);
        /// <summary>In place: <see cref="cosh()"/>.</summary>
        public Tensor cosh_() => MathInPlace(t => t.cosh());
        /// <summary>The hyperbolic sine, elementwise.</summary>
        public Tensor sinh() => ElementaryFunctions.Sinh(this);
        /// <summary>In place: <see cref="sinh()"/>.</summary>
        public Tensor sinh_() => MathInPlace(t => t.sinh());
        /// <summary>The tangent, elementwise (radians).</summary>
        public Tensor tan() => ElementaryFunctions.Tan(this);
        /// <summary>In place: <see cref="tan()"/>.</summary>
        public Tensor tan_() => MathInPlace(t => t.tan());
        /// <summary>The base-2 logarithm, elementwise.</summary>
        public Tensor log2() => ElementaryFunctions.Log2(this);
        /// <summary>In place: <see cref="log2()"/>.</summary>
        public Tensor log2_() => MathInPlace(t => t.log2());
        /// <summary>The base-10 logarithm, elementwise.</summary>
        public Tensor log10() => ElementaryFunctions.Log10(this);
        /// <summary>In place: <see cref="log10()"/>.</summary>
        public Tensor log10_() => MathInPlace(t => t.log10());
        /// <summary>exp(x) − 1, elementwise, accurate near 0.</summary>
        public Tensor expm1() => ElementaryFunctions.Expm1(this);
        /// <summary>In place: <see cref="expm1()"/>.</summary>
        public Tensor expm1_() => MathInPlace(t => t.expm1());
        /// <summary>1 / x, elementwise (a floating result: integers are promoted to the default dtype).</summary>
        public Tensor reciprocal() => ElementaryFunctions.Reciprocal(this);
        /// <summary>In place: <see cref="reciprocal()"/>.</summary>
        public Tensor reciprocal_() => MathInPlace(t => t.reciprocal());
        /// <summary>Rounds toward zero, elementwise (integer tensors are returned as copies).</summary>
        public Tensor trunc() => ElementaryFunctions.Trunc(this);
        /// <summary>In place: <see cref="trunc()"/>.</summary>
        public Tensor trunc_() => MathInPlace(t => t.trunc());
    }
}
