namespace Flint;

public static partial class torch
{
    /// <summary>
    /// <c>torch.special</c>: PyTorch 1.13's special functions (gamma, error-function, Bessel and normal-distribution
    /// families, entr, logit, sinc, xlogy/xlog1py, zeta, incomplete gamma) plus aliases of the everyday ops. The
    /// functions without a device kernel (Ops/SpecialOps.cs) run on the host for a <c>cuda:0</c> tensor and copy back.
    /// </summary>
    public static partial class special
    {
        /// <summary>Elementwise entropy −x·log x (0 at 0, −inf below 0).</summary>
        public static Tensor entr(Tensor input) => Ops.SpecialOps.Entr(input);
        /// <summary>The error function.</summary>
        public static Tensor erf(Tensor input) => input.erf();
        /// <summary>The complementary error function 1 − erf(x).</summary>
        public static Tensor erfc(Tensor input) => input.erfc();
        /// <summary>The scaled complementary error function exp(x²)·erfc(x).</summary>
        public static Tensor erfcx(Tensor input) => Ops.SpecialOps.Erfcx(input);
        /// <summary>The inverse error function.</summary>
        public static Tensor erfinv(Tensor input) => input.erfinv();
        /// <summary>The logistic sigmoid 1 / (1 + e^−x).</summary>
        public static Tensor expit(Tensor input) => input.sigmoid();
        /// <summary>Alias of <see cref="expit"/>.</summary>
        public static Tensor sigmoid(Tensor input) => input.sigmoid();
        /// <summary>In place: <see cref="sigmoid"/>.</summary>
        public static Tensor sigmoid_(Tensor input) => input.sigmoid_();
        /// <summary>exp(x) − 1.</summary>
        public static Tensor expm1(Tensor input) => input.expm1();
        /// <summary>2^x.</summary>
        public static Tensor exp2(Tensor input) => input.exp2();
        /// <summary>log|Γ(x)|.</summary>
        public static Tensor gammaln(Tensor input) => input.lgamma();
        /// <summary>The digamma function ψ(x).</summary>
        public static Tensor digamma(Tensor input) => input.digamma();
        /// <summary>Alias of <see cref="digamma"/>.</summary>
        public static Tensor psi(Tensor input) => input.digamma();
        /// <summary>ψ⁽ⁿ⁾(x).</summary>
        public static Tensor polygamma(long n, Tensor input) => input.polygamma(n);
        /// <summary>The multivariate log-gamma function of dimension p.</summary>
        public static Tensor multigammaln(Tensor input, long p) => input.mvlgamma(p);
        /// <summary>The modified Bessel function of the first kind of order 0.</summary>
        public static Tensor i0(Tensor input) => input.i0();
        /// <summary>e^−|x|·I0(x).</summary>
        public static Tensor i0e(Tensor input) => Ops.SpecialOps.I0e(input);
        /// <summary>The modified Bessel function of the first kind of order 1.</summary>
        public static Tensor i1(Tensor input) => Ops.SpecialOps.I1(input);
        /// <summary>e^−|x|·I1(x).</summary>
        public static Tensor i1e(Tensor input) => Ops.SpecialOps.I1e(input);
        /// <summary>Alias of <see cref="i0"/> (PyTorch 2's name).</summary>
        public static Tensor modified_bessel_i0(Tensor input) => input.i0();
        /// <summary>Alias of <see cref="i1"/> (PyTorch 2's name).</summary>
        public static Tensor modified_bessel_i1(Tensor input) => Ops.SpecialOps.I1(input);
        /// <summary>log(p / (1 − p)), p clamped to [eps, 1 − eps] when eps is given.</summary>
        public static Tensor logit(Tensor input, double? eps = null) => input.logit(eps);
        /// <summary>log(1 + x).</summary>
        public static Tensor log1p(Tensor input) => input.log1p();
        /// <summary>log_softmax along <paramref name="dim"/>.</summary>
        public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
        /// <summary>softmax along <paramref name="dim"/>.</summary>
        public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
        /// <summary>log Σ exp over <paramref name="dim"/>.</summary>
        public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
        /// <summary>log Σ exp over <paramref name="dim"/>.</summary>
        public static Tensor logsumexp(Tensor input, long[] dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
        /// <summary>The standard normal CDF Φ(x).</summary>
        public static Tensor ndtr(Tensor input) => Ops.SpecialOps.Ndtr(input);
        /// <summary>The inverse of the standard normal CDF.</summary>
        public static Tensor ndtri(Tensor input) => Ops.SpecialOps.Ndtri(input);
        /// <summary>log Φ(x), accurate in the lower tail.</summary>
        public static Tensor log_ndtr(Tensor input) => Ops.SpecialOps.LogNdtr(input);
        /// <summary>Rounds half to even.</summary>
        public static Tensor round(Tensor input) => input.round();
        /// <summary>sin(πx)/(πx), 1 at 0.</summary>
        public static Tensor sinc(Tensor input) => input.sinc();
        /// <summary>x·log(y), 0 where x is 0.</summary>
        public static Tensor xlogy(Tensor input, Tensor other) => input.xlogy(other);
        /// <summary>x·log(y) with a scalar y.</summary>
        public static Tensor xlogy(Tensor input, double other) => input.xlogy(other);
        /// <summary>x·log(y) with a scalar x.</summary>
        public static Tensor xlogy(double input, Tensor other) => torch.xlogy(input, other);
        /// <summary>x·log1p(y), 0 where x is 0.</summary>
        public static Tensor xlog1py(Tensor input, Tensor other) => Ops.SpecialOps.Xlog1py(input, other);
        /// <summary>x·log1p(y) with a scalar y.</summary>
        public static Tensor xlog1py(Tensor input, double other) => Ops.SpecialOps.Xlog1py(input, WrappedScalar(other));
        /// <summary>x·log1p(y) with a scalar x.</summary>
        public static Tensor xlog1py(double input, Tensor other) => Ops.SpecialOps.Xlog1py(WrappedScalar(input), other);
        /// <summary>The Hurwitz zeta function ζ(x, q).</summary>
        public static Tensor zeta(Tensor input, Tensor other) => Ops.SpecialOps.Zeta(input, other);
        /// <summary>ζ(x, q) with a scalar q.</summary>
        public static Tensor zeta(Tensor input, double other) => Ops.SpecialOps.Zeta(input, WrappedScalar(other));
        /// <summary>ζ(x, q) with a scalar x.</summary>
        public static Tensor zeta(double input, Tensor other) => Ops.SpecialOps.Zeta(WrappedScalar(input), other);
        /// <summary>The regularized lower incomplete gamma function P(a, x).</summary>
        public static Tensor gammainc(Tensor input, Tensor other) => input.igamma(other);
        /// <summary>The regularized upper incomplete gamma function Q(a, x).</summary>
        public static Tensor gammaincc(Tensor input, Tensor other) => input.igammac(other);
        /// <summary>The spherical Bessel function of the first kind of order 0: sin(x)/x, 1 at 0.</summary>
        public static Tensor spherical_bessel_j0(Tensor input)
        {
            var x = input.IsFloating ? input : input.to(get_default_dtype());
            return where(x.eq(0.0), ones_like(x), x.sin() / x);
        }
    }
}
