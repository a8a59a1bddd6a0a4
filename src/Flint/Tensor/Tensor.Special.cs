using Flint.Ops;

namespace Flint;

// Thin forwards to the special functions (Ops/SpecialOps.cs) and the pointwise helpers (Ops/PointwiseExtras.cs), plus
// the in-place forms of existing unary ops that PyTorch and TorchSharp spell with a trailing underscore.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The complementary error function 1 − erf(x), elementwise, accurate in the tail.</summary>
        public Tensor erfc() => SpecialOps.Erfc(this);
        /// <summary>In place: <see cref="erfc()"/>.</summary>
        public Tensor erfc_() => MathInPlace(t => t.erfc());
        /// <summary>log|Γ(x)|, elementwise (+inf at 0 and the negative integers).</summary>
        public Tensor lgamma() => SpecialOps.Lgamma(this);
        /// <summary>In place: <see cref="lgamma()"/>.</summary>
        public Tensor lgamma_() => MathInPlace(t => t.lgamma());
        /// <summary>The digamma function ψ(x) = d/dx lgamma(x), elementwise (∓inf at ±0, NaN at the negative integers).</summary>
        public Tensor digamma() => SpecialOps.Digamma(this);
        /// <summary>In place: <see cref="digamma()"/>.</summary>
        public Tensor digamma_() => MathInPlace(t => t.digamma());
        /// <summary>The modified Bessel function of the first kind of order 0, elementwise.</summary>
        public Tensor i0() => SpecialOps.I0(this);
        /// <summary>In place: <see cref="i0()"/>.</summary>
        public Tensor i0_() => MathInPlace(t => t.i0());
        /// <summary>2^x, elementwise.</summary>
        public Tensor exp2() => SpecialOps.Exp2(this);
        /// <summary>In place: <see cref="exp2()"/>.</summary>
        public Tensor exp2_() => MathInPlace(t => t.exp2());
        /// <summary>The sign of each element (sign() for real tensors).</summary>
        public Tensor sgn() => sign();
        /// <summary>In place: <see cref="sgn()"/>.</summary>
        public Tensor sgn_() => MathInPlace(t => t.sgn());
        /// <summary>Alias of <see cref="trunc()"/>.</summary>
        public Tensor fix() => trunc();
        /// <summary>In place: <see cref="fix()"/>.</summary>
        public Tensor fix_() => MathInPlace(t => t.fix());
        /// <summary>Alias of <see cref="acos()"/>.</summary>
        public Tensor arccos() => acos();
        /// <summary>In place: <see cref="arccos()"/>.</summary>
        public Tensor arccos_() => MathInPlace(t => t.arccos());
        /// <summary>Alias of <see cref="asin()"/>.</summary>
        public Tensor arcsin() => asin();
        /// <summary>In place: <see cref="arcsin()"/>.</summary>
        public Tensor arcsin_() => MathInPlace(t => t.arcsin());
        /// <summary>Alias of <see cref="atan()"/>.</summary>
        public Tensor arctan() => atan();
        /// <summary>In place: <see cref="arctan()"/>.</summary>
        public Tensor arctan_() => MathInPlace(t => t.arctan());
        /// <summary>Alias of <see cref="acosh()"/>.</summary>
        public Tensor arccosh() => acosh();
        /// <summary>In place: <see cref="arccosh()"/>.</summary>
        public Tensor arccosh_() => MathInPlace(t => t.arccosh());
        /// <summary>Alias of <see cref="asinh()"/>.</summary>
        public Tensor arcsinh() => asinh();
        /// <summary>In place: <see cref="arcsinh()"/>.</summary>
        public Tensor arcsinh_() => MathInPlace(t => t.arcsinh());
        /// <summary>Alias of <see cref="atanh()"/>.</summary>
        public Tensor arctanh() => atanh();
        /// <summary>In place: <see cref="arctanh()"/>.</summary>
        public Tensor arctanh_() => MathInPlace(t => t.arctanh());
        /// <summary>The fractional part x − trunc(x), elementwise (floating tensors).</summary>
        public Tensor frac() => PointwiseExtras.Frac(this);
        /// <summary>In place: <see cref="frac()"/>.</summary>
        public Tensor frac_() => MathInPlace(t => t.frac());
        /// <summary>ψ⁽ⁿ⁾(x), the n-th derivative of the digamma function, elementwise.</summary>
        public Tensor polygamma(long n) => SpecialOps.Polygamma(n, this);
        /// <summary>In place: <see cref="polygamma(long)"/>.</summary>
        public Tensor polygamma_(long n) => MathInPlace(t => t.polygamma(n));
        /// <summary>The multivariate log-gamma function of dimension p, elementwise (inf at the poles, x ≤ (p − 1)/2 at a half-integer).</summary>
        public Tensor mvlgamma(long p) => SpecialOps.Mvlgamma(this, p);
        /// <summary>In place: <see cref="mvlgamma(long)"/>.</summary>
        public Tensor mvlgamma_(long p) => MathInPlace(t => t.mvlgamma(p));
        /// <summary>log(p / (1 − p)), elementwise; with <paramref name="eps"/>, p is first clamped to [eps, 1 − eps].</summary>
        public Tensor logit(double? eps = null) => SpecialOps.Logit(this, eps);
        /// <summary>In place: <see cref="logit(double?)"/>.</summary>
        public Tensor logit_(double? eps = null) => MathInPlace(t => t.logit(eps));
        /// <summary>True where the sign bit is set (−0 and negative values; false for bool).</summary>
        public Tensor signbit() => PointwiseExtras.Signbit(this);
        /// <summary>Splits each element into a mantissa in [0.5, 1) and an int32 exponent: this = mantissa · 2^exponent.</summary>
        public (Tensor Mantissa, Tensor Exponent) frexp() => PointwiseExtras.Frexp(this);
        /// <summary>|this| with the sign of <paramref name="other"/>, elementwise (a floating result).</summary>
        public Tensor copysign(Tensor other) => PointwiseExtras.Copysign(this, other);
        /// <summary>In place: <see cref="copysign(Tensor)"/>.</summary>
        public Tensor copysign_(Tensor other) => MathInPlace(t => t.copysign(other), other);
        /// <summary>The next floating-point value after each element toward <paramref name="other"/>.</summary>
        public Tensor nextafter(Tensor other) => PointwiseExtras.Nextafter(this, other);
        /// <summary>In place: <see cref="nextafter(Tensor)"/>.</summary>
        public Tensor nextafter_(Tensor other) => MathInPlace(t => t.nextafter(other), other);
        /// <summary>this · 2^other, elementwise.</summary>
        public Tensor ldexp(Tensor other) => PointwiseExtras.Ldexp(this, other);
        /// <summary>In place: <see cref="ldexp(Tensor)"/>.</summary>
        public Tensor ldexp_(Tensor other) => MathInPlace(t => t.ldexp(other), other);
        /// <summary>The Heaviside step: 0 below zero, 1 above, <paramref name="other"/> at zero.</summary>
        public Tensor heaviside(Tensor other) => PointwiseExtras.Heaviside(this, other);
        /// <summary>In place: <see cref="heaviside(Tensor)"/>.</summary>
        public Tensor heaviside_(Tensor other) => MathInPlace(t => t.heaviside(other), other);
        /// <summary>The elementwise maximum, ignoring NaN (NaN only where both are NaN).</summary>
        public Tensor fmax(Tensor other) => PointwiseExtras.FMinMax(this, other, max: true);
        /// <summary>The elementwise minimum, ignoring NaN (NaN only where both are NaN).</summary>
        public Tensor fmin(Tensor other) => PointwiseExtras.FMinMax(this, other, max: false);
        /// <summary>log(exp(this) + exp(other)), elementwise, without overflow.</summary>
        public Tensor logaddexp(Tensor other) => PointwiseExtras.LogAddExp(this, other, base2: false);
        /// <summary>log2(2^this + 2^other), elementwise, without overflow.</summary>
        public Tensor logaddexp2(Tensor other) => PointwiseExtras.LogAddExp(this, other, base2: true);
        /// <summary>this^other computed in float64 (both operands cast to double).</summary>
        public Tensor float_power(Tensor other) => PointwiseExtras.FloatPower(this, other);
        /// <summary>In place: <see cref="float_power(Tensor)"/>.</summary>
        public Tensor float_power_(Tensor other) => FloatPowerInPlace(other);
        /// <summary>this / other rounded down (integers stay integers), as div with rounding_mode floor.</summary>
        public Tensor floor_divide(Tensor other) => div(other, torch.RoundingMode.floor);
        /// <summary>In place: <see cref="floor_divide(Tensor)"/>.</summary>
        public Tensor floor_divide_(Tensor other) => MathInPlace(t => t.floor_divide(other), other);
        /// <summary>Alias of <see cref="atan2(Tensor)"/>.</summary>
        public Tensor arctan2(Tensor other) => atan2(other);
        /// <summary>In place: <see cref="arctan2(Tensor)"/>.</summary>
        public Tensor arctan2_(Tensor other) => MathInPlace(t => t.arctan2(other), other);
        /// <summary><see cref="copysign(Tensor)"/> with a scalar sign source.</summary>
        public Tensor copysign(double other) => copysign(torch.WrappedScalar(other));
        /// <summary>In place: <see cref="copysign(double)"/>.</summary>
        public Tensor copysign_(double other) => MathInPlace(t => t.copysign(other));
        /// <summary><see cref="float_power(Tensor)"/> with a scalar exponent.</summary>
        public Tensor float_power(double exponent) => PointwiseExtras.FloatPower(this, torch.WrappedScalar(exponent));
        /// <summary>In place: <see cref="float_power(double)"/> (this tensor must be float64).</summary>
        public Tensor float_power_(double exponent) => FloatPowerInPlace(torch.WrappedScalar(exponent));
        /// <summary><see cref="floor_divide(Tensor)"/> by a scalar.</summary>
        public Tensor floor_divide(double other) => div(other, torch.RoundingMode.floor);
        /// <summary><see cref="floor_divide(Tensor)"/> by an integer scalar.</summary>
        public Tensor floor_divide(long other) => div(other, torch.RoundingMode.floor);
        /// <summary>In place: <see cref="floor_divide(double)"/>.</summary>
        public Tensor floor_divide_(double other) => MathInPlace(t => t.floor_divide(other));
        /// <summary>In place: <see cref="floor_divide(long)"/>.</summary>
        public Tensor floor_divide_(long other) => MathInPlace(t => t.floor_divide(other));
        /// <summary><see cref="heaviside(Tensor)"/> with a scalar value at zero.</summary>
        public Tensor heaviside(double values) => heaviside(torch.tensor(values, dtype));

        private Tensor FloatPowerInPlace(Tensor exponent)
        {
            if (dtype != ScalarType.Float64)
                throw new ArgumentException($"the base given to float_power_ has dtype {DTypes.ShortName(dtype)} but the operation's result requires dtype Double");
            return MathInPlace(t => t.float_power(exponent), exponent.IsWrappedNumber ? null : exponent);
        }

        /// <summary>True where the element is finite (not ±inf or NaN); integer tensors: all true.</summary>
        public Tensor isfinite() => PointwiseExtras.IsFinite(this);
        /// <summary>True where the element is +inf.</summary>
        public Tensor isposinf() => PointwiseExtras.IsPosInf(this);
        /// <summary>True where the element is −inf.</summary>
        public Tensor isneginf() => PointwiseExtras.IsNegInf(this);
        /// <summary>True where the element is real: every element of a real tensor.</summary>
        public Tensor isreal() => PointwiseExtras.IsReal(this);
        /// <summary>Replaces NaN with <paramref name="nan"/>, +inf with <paramref name="posinf"/> and −inf with <paramref name="neginf"/> (defaults: 0 and the dtype's largest and lowest finite values).</summary>
        public Tensor nan_to_num(double nan = 0.0, double? posinf = null, double? neginf = null) => PointwiseExtras.NanToNum(this, nan, posinf, neginf);
        /// <summary>In place: <see cref="nan_to_num(double, double?, double?)"/>.</summary>
        public Tensor nan_to_num_(double nan = 0.0, double? posinf = null, double? neginf = null) => MathInPlace(t => t.nan_to_num(nan, posinf, neginf));
        /// <summary>The square of each element (pow(2); bool promotes to int64).</summary>
        public Tensor square() => PointwiseExtras.Square(this);
        /// <summary>In place: <see cref="square()"/>.</summary>
        public Tensor square_() => MathInPlace(t => t.square());
        /// <summary>In place: <see cref="abs()"/>.</summary>
        public Tensor abs_() => MathInPlace(t => t.abs());
        /// <summary>In place: <see cref="absolute()"/>.</summary>
        public Tensor absolute_() => MathInPlace(t => t.absolute());
        /// <summary>In place: <see cref="ceil()"/>.</summary>
        public Tensor ceil_() => MathInPlace(t => t.ceil());
        /// <summary>In place: <see cref="floor()"/>.</summary>
        public Tensor floor_() => MathInPlace(t => t.floor());
        /// <summary>In place: <see cref="round()"/>.</summary>
        public Tensor round_() => MathInPlace(t => t.round());
        /// <summary>In place: <see cref="cos()"/>.</summary>
        public Tensor cos_() => MathInPlace(t => t.cos());
        /// <summary>In place: <see cref="sin()"/>.</summary>
        public Tensor sin_() => MathInPlace(t => t.sin());
        /// <summary>In place: <see cref="tanh()"/>.</summary>
        public Tensor tanh_() => MathInPlace(t => t.tanh());
        /// <summary>In place: <see cref="sigmoid()"/>.</summary>
        public Tensor sigmoid_() => MathInPlace(t => t.sigmoid());
        /// <summary>In place: <see cref="sign()"/>.</summary>
        public Tensor sign_() => MathInPlace(t => t.sign());
        /// <summary>In place: <see cref="log()"/>.</summary>
        public Tensor log_() => MathInPlace(t => t.log());
        /// <summary>In place: <see cref="log1p()"/>.</summary>
        public Tensor log1p_() => MathInPlace(t => t.log1p());
        /// <summary>In place: <see cref="rsqrt()"/>.</summary>
        public Tensor rsqrt_() => MathInPlace(t => t.rsqrt());
        /// <summary>In place: <see cref="erfinv()"/>.</summary>
        public Tensor erfinv_() => MathInPlace(t => t.erfinv());
        /// <summary>In place: <see cref="logical_not()"/>.</summary>
        public Tensor logical_not_() => MathInPlace(t => t.logical_not());
        /// <summary>In place: <see cref="logical_and(Tensor)"/> (this tensor keeps its dtype).</summary>
        public Tensor logical_and_(Tensor other) => MathInPlace(t => t.logical_and(other), other);
        /// <summary>In place: <see cref="logical_or(Tensor)"/> (this tensor keeps its dtype).</summary>
        public Tensor logical_or_(Tensor other) => MathInPlace(t => t.logical_or(other), other);
        /// <summary>In place: <see cref="logical_xor(Tensor)"/> (this tensor keeps its dtype).</summary>
        public Tensor logical_xor_(Tensor other) => MathInPlace(t => t.logical_xor(other), other);
        /// <summary>The regularized lower incomplete gamma function P(this, other).</summary>
        public Tensor igamma(Tensor other) => SpecialOps.Gammainc(this, other, upper: false);
        /// <summary>In place: <see cref="igamma(Tensor)"/>.</summary>
        public Tensor igamma_(Tensor other) => MathInPlace(t => t.igamma(other), other);
        /// <summary>The regularized upper incomplete gamma function Q(this, other) = 1 − P(this, other).</summary>
        public Tensor igammac(Tensor other) => SpecialOps.Gammainc(this, other, upper: true);
        /// <summary>In place: <see cref="igammac(Tensor)"/>.</summary>
        public Tensor igammac_(Tensor other) => MathInPlace(t => t.igammac(other), other);
    }
}
