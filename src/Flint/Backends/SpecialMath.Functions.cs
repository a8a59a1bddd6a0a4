namespace Flint.Backends;

/// <summary>
/// The special functions behind <c>torch.special</c> in float64: erfc/erfcx (fdlibm's rational approximations, shared
/// with <see cref="Erf"/>), the normal distribution (ndtr, log_ndtr, ndtri), lgamma, digamma, trigamma, polygamma,
/// the Hurwitz zeta function, the modified Bessel functions I0/I1 (and their exponentially scaled forms) and the
/// regularized incomplete gamma functions. Each follows the algorithm PyTorch 1.13 documents for it (reduction by
/// recurrence to an asymptotic expansion for digamma, trigamma and zeta, the same edge cases: poles, negative
/// integers, ±0, ±inf, NaN); series coefficients are computed from Bernoulli numbers and zeta values at start-up.
/// </summary>
internal static partial class SpecialMath
{
    private const double EulerGamma = 0.57721566490153286061;
    private const double LogSqrt2Pi = 0.91893853320467274178;
    private const double Sqrt1_2 = 0.70710678118654752440;
    private const double InvSqrtPi = 0.56418958354775628695;
    private const double Psi10 = 2.25175258906672110764;
    private const double MachEp = 1.11022302462515654042e-16;

    /// <summary>B2k for k = 1..12 (Bernoulli numbers).</summary>
    private static readonly double[] Bernoulli =
    [
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6, -3617.0 / 510,
        43867.0 / 798, -174611.0 / 330, 854513.0 / 138, -236364091.0 / 2730,
    ];

    /// <summary>(2k)! / B2k for k = 1..12: the Euler–Maclaurin weights of the zeta sum.</summary>
    private static readonly double[] ZetaWeights = BuildZetaWeights();

    /// <summary>(−1)^k (ζ(k) − 1) / k for k = 0..63 (0 and 1 unused): the Taylor series of lgamma(2 + e) − (1 − γ)e.</summary>
    private static readonly double[] Lgamma2Series = BuildLgammaSeries();

    private static double[] BuildZetaWeights()
    {
        var w = new double[Bernoulli.Length];
        double fact = 1;
        for (int k = 1; k <= w.Length; k++)
        {
            fact *= (2 * k - 1) * (2 * k);
            w[k - 1] = fact / Bernoulli[k - 1];
        }
        return w;
    }

    private static double[] BuildLgammaSeries()
    {
        var c = new double[64];
        for (int k = 2; k < c.Length; k++) c[k] = ((k & 1) == 0 ? 1 : -1) * Zeta(k, 2.0) / k;
        return c;
    }

    // ---- the error function family --------------------------------------------------------

    /// <summary>The complementary error function 1 − erf(x), accurate in its tail (fdlibm's algorithm).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsPositiveInfinity(x)) return 0;
        if (double.IsNegativeInfinity(x)) return 2;
        double ax = Math.Abs(x);
        if (ax < 0.84375)
        {
            if (ax < 1.3877787807814457e-17) return 1.0 - x;
            double z = x * x;
            double r = Pp0 + z * (Pp1 + z * (Pp2 + z * (Pp3 + z * Pp4)));
            double s = 1.0 + z * (Qq1 + z * (Qq2 + z * (Qq3 + z * (Qq4 + z * Qq5))));
            double y = r / s;
            if (x < 0.25) return 1.0 - (x + x * y);
            return 0.5 - (x * y + (x - 0.5));
        }
        if (ax < 1.25)
        {
            double s = ax - 1.0;
            double p = Pa0 + s * (Pa1 + s * (Pa2 + s * (Pa3 + s * (Pa4 + s * (Pa5 + s * Pa6)))));
            double q = 1.0 + s * (Qa1 + s * (Qa2 + s * (Qa3 + s * (Qa4 + s * (Qa5 + s * Qa6)))));
            return x >= 0 ? 1.0 - Erx - p / q : 1.0 + (Erx + p / q);
        }
        if (ax < 28)
        {
            if (x < -6) return 2.0;
            double rs = TailRatio(ax);
            double z = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(ax) & unchecked((long)0xFFFFFFFF00000000UL));
            double r = Math.Exp(-z * z - 0.5625) * Math.Exp((z - ax) * (z + ax) + rs);
            return x > 0 ? r / ax : 2.0 - r / ax;
        }
        return x > 0 ? 0.0 : 2.0;
    }

    /// <summary>R/S of fdlibm's erfc tail: erfc(x) = exp(−x² − 0.5625 + R/S) / x for x ≥ 1.25.</summary>
    private static double TailRatio(double ax)
    {
        double s = 1.0 / (ax * ax), r, q;
        if (ax < 1 / 0.35)
        {
            r = Ra0 + s * (Ra1 + s * (Ra2 + s * (Ra3 + s * (Ra4 + s * (Ra5 + s * (Ra6 + s * Ra7))))));
            q = 1.0 + s * (Sa1 + s * (Sa2 + s * (Sa3 + s * (Sa4 + s * (Sa5 + s * (Sa6 + s * (Sa7 + s * Sa8)))))));
        }
        else
        {
            r = Rb0 + s * (Rb1 + s * (Rb2 + s * (Rb3 + s * (Rb4 + s * (Rb5 + s * Rb6)))));
            q = 1.0 + s * (Sb1 + s * (Sb2 + s * (Sb3 + s * (Sb4 + s * (Sb5 + s * (Sb6 + s * Sb7))))));
        }
        return r / q;
    }

    /// <summary>The scaled complementary error function exp(x²)·erfc(x), without overflow for large x.</summary>
    public static double Erfcx(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x < 0)
        {
            if (x < -26.7) return double.PositiveInfinity;
            return 2 * Math.Exp(x * x) - Erfcx(-x);
        }
        if (x < 1.25) return Math.Exp(x * x) * Erfc(x);
        // exp(x²)·exp(−x² − 0.5625 + R/S)/x: the x² terms cancel exactly.
        if (x < 28) return Math.Exp(-0.5625 + TailRatio(x)) / x;
        if (double.IsPositiveInfinity(x)) return 0;
        // The asymptotic series 1/(x√π) Σ (−1)^k (2k−1)!! / (2x²)^k.
        double inv2x2 = 0.5 / (x * x), term = 1, sum = 1;
        for (int k = 1; k < 30; k++)
        {
            term *= -(2 * k - 1) * inv2x2;
            sum += term;
            if (Math.Abs(term) < 1e-17 * sum) break;
        }
        return InvSqrtPi / x * sum;
    }

    /// <summary>The standard normal CDF Φ(x), accurate in both tails.</summary>
    public static double Ndtr(double x)
    {
        if (double.IsNaN(x)) return x;
        double t = x * Sqrt1_2, z = Math.Abs(t);
        if (z < Sqrt1_2) return 0.5 + 0.5 * Erf(t);
        double y = 0.5 * Erfc(z);
        return t > 0 ? 1 - y : y;
    }

    /// <summary>log Φ(x), accurate far into the lower tail (through erfcx).</summary>
    public static double LogNdtr(double x)
    {
        double t = x * Sqrt1_2;
        if (x < -1.0) return Math.Log(Erfcx(-t) / 2) - t * t;
        return Log1pAccurate(-Erfc(t) / 2);
    }

    /// <summary>log(1 + v) without .NET's log(1 + v) rounding of 1 + v (Kahan's trick).</summary>
    public static double Log1pAccurate(double v)
    {
        double u = 1 + v;
        if (u == 1) return v;
        if (double.IsInfinity(u)) return Math.Log(u);
        return Math.Log(u) * v / (u - 1);
    }

    /// <summary>The inverse of Φ on (0, 1): −inf at 0, +inf at 1, NaN outside.</summary>
    public static double Ndtri(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1) return double.NaN;
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        if (p > 0.75) return -Ndtri(1 - p);
        const double Sqrt2 = 1.41421356237309504880;
        if (p >= 0.25) return Sqrt2 * Erfinv(2 * p - 1);
        // Lower tail: Abramowitz–Stegun 26.2.23 as a first guess, then Newton steps on log Φ(x) = log p.
        double t = Math.Sqrt(-2 * Math.Log(p));
        double x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
        double logp = Math.Log(p);
        for (int i = 0; i < 8; i++)
        {
            double lt = LogNdtr(x);
            // d/dx log Φ(x) = φ(x)/Φ(x) = exp(log φ(x) − log Φ(x)).
            double dlog = Math.Exp(-0.5 * x * x - LogSqrt2Pi - lt);
            double step = (lt - logp) / dlog;
            x -= step;
            if (Math.Abs(step) <= 1e-16 * Math.Abs(x)) break;
        }
        return x;
    }

    // ---- gamma-function family ---------------------------------------------------------------

    /// <summary>lgamma(2 + e) for |e| ≤ 1, from its Taylor series (relative accuracy near the root at 2).</summary>
    private static double Lgamma2(double e)
    {
        var c = Lgamma2Series;
        int n = Math.Abs(e) <= 0.5 ? 32 : c.Length - 1;
        double s = 0;
        for (int k = n; k >= 2; k--) s = (s + c[k]) * e;
        return e * (1 - EulerGamma) + s * e;
    }

    /// <summary>sin(πx), exact argument reduction (period 2).</summary>
    public static double SinPi(double x)
    {
        double r = Math.IEEERemainder(x, 2.0); // in [−1, 1]
        double sign = r < 0 ? -1 : 1;
        double s = Math.Abs(r);
        if (s > 0.5) s = 1 - s;
        return sign * Math.Sin(Math.PI * s);
    }

    /// <summary>log|Γ(x)|: +inf at the poles (0 and the negative integers) and at ±inf.</summary>
    public static double Lgamma(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return double.PositiveInfinity;
        if (x <= 0)
        {
            if (x == Math.Floor(x)) return double.PositiveInfinity;
            // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Abs(SinPi(x))) - Lgamma(1 - x);
        }
        if (x < 0.5) return Lgamma2(x) - Math.Log(x) - Log1pAccurate(x);
        if (x < 1.5) return Lgamma2(x - 1) - Math.Log(x);
        if (x < 2.5) return Lgamma2(x - 2);
        if (x < 10)
        {
            double y = x, prod = 1;
            while (y >= 2.5) { y -= 1; prod *= y; }
            return Lgamma2(y - 2) + Math.Log(prod);
        }
        double lx = Math.Log(x);
        if (x > 1e17) return x * (lx - 1);
        double z = 1 / (x * x), series = 0;
        for (int k = 8; k >= 1; k--) series = series * z + Bernoulli[k - 1] / (2 * k * (2 * k - 1));
        return (x - 0.5) * lx - x + LogSqrt2Pi + series / x;
    }

    /// <summary>The digamma function ψ(x) = Γ′(x)/Γ(x): ∓inf at ±0, NaN at the negative integers.</summary>
    public static double Digamma(double x)
    {
        if (x == 0) return double.CopySign(double.PositiveInfinity, -x);
        if (double.IsNaN(x)) return x;
        if (x < 0)
        {
            if (x == Math.Truncate(x)) return double.NaN;
            if (double.IsNegativeInfinity(x)) return double.NaN;
            double r = x - Math.Truncate(x);
            return Digamma(1 - x) - Math.PI / Math.Tan(Math.PI * r);
        }
        double result = 0;
        while (x < 10) { result -= 1 / x; x += 1; }
        if (x == 10) return result + Psi10;
        double y = 0;
        if (x < 1e17)
        {
            double z = 1 / (x * x), p = 0;
            for (int k = 7; k >= 1; k--) p = p * z + Bernoulli[k - 1] / (2 * k);
            y = z * p;
        }
        return result + Math.Log(x) - 0.5 / x - y;
    }

    /// <summary>The trigamma function ψ′(x), by recurrence to x ≥ 6 and the asymptotic expansion (PyTorch's steps).</summary>
    public static double Trigamma(double x)
    {
        double sign = 1, result = 0;
        if (x < 0.5)
        {
            sign = -1;
            double s = Math.Sin(Math.PI * x);
            result -= Math.PI * Math.PI / (s * s);
            x = 1 - x;
        }
        for (int i = 0; i < 6; i++) { result += 1 / (x * x); x += 1; }
        double ixx = 1 / (x * x);
        result += (1 + 1 / (2 * x) + ixx * (1.0 / 6 - ixx * (1.0 / 30 - ixx * (1.0 / 42)))) / x;
        return sign * result;
    }

    /// <summary>ψ⁽ⁿ⁾(x), the n-th derivative of digamma (n ≥ 0).</summary>
    public static double Polygamma(long n, double x)
    {
        if (n == 0) return Digamma(x);
        if (n == 1) return Trigamma(x);
        return ((n & 1) == 1 ? 1.0 : -1.0) * Math.Exp(Lgamma(n + 1.0)) * Zeta(n + 1.0, x);
    }

    /// <summary>
    /// The Hurwitz zeta function ζ(x, q) = Σₖ (k + q)^−x: inf at x = 1, NaN for x &lt; 1; for q ≤ 0, inf at the
    /// integers and NaN unless x is an integer. Direct sum to k ≥ 9 and a + k ≥ 9, then Euler–Maclaurin.
    /// </summary>
    public static double Zeta(double x, double q)
    {
        if (x == 1) return double.PositiveInfinity;
        if (x < 1) return double.NaN;
        if (q <= 0)
        {
            if (q == Math.Floor(q)) return double.PositiveInfinity;
            if (x != Math.Floor(x)) return double.NaN;
        }
        double s = Math.Pow(q, -x), a = q, b = 0;
        int i = 0;
        while (i < 9 || a <= 9)
        {
            i++;
            a += 1;
            b = Math.Pow(a, -x);
            s += b;
            if (Math.Abs(b / s) < MachEp) return s;
        }
        double w = a;
        s += b * w / (x - 1);
        s -= 0.5 * b;
        double fac = 1, k = 0;
        for (i = 0; i < ZetaWeights.Length; i++)
        {
            fac *= x + k;
            b /= w;
            double t = fac * b / ZetaWeights[i];
            s += t;
            if (Math.Abs(t / s) < MachEp) return s;
            k += 1;
            fac *= x + k;
            b /= w;
            k += 1;
        }
        return s;
    }

    // ---- modified Bessel functions of the first kind ------------------------------------------

    /// <summary>Σ over the power series of I_ν(x)·(2/x)^ν·ν! ... returned as I_ν(|x|) for ν = 0 or 1 (|x| ≤ 30).</summary>
    private static double BesselISeries(int nu, double ax)
    {
        double q = ax * ax / 4, term = nu == 0 ? 1 : ax / 2, sum = term;
        for (int k = 1; k < 500; k++)
        {
            term *= q / (k * (double)(k + nu));
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }

    /// <summary>Σ (−1)^k a_k(ν)/x^k, the asymptotic series of I_ν(x)·√(2πx)·e^−x (x &gt; 30).</summary>
    private static double BesselIAsymptotic(int nu, double ax)
    {
        double mu = 4.0 * nu * nu, term = 1, sum = 1;
        for (int k = 1; k < 60; k++)
        {
            double odd = 2 * k - 1;
            term *= -(mu - odd * odd) / (8 * k * ax);
            sum += term;
            if (Math.Abs(term) < 1e-17 * Math.Abs(sum)) break;
        }
        return sum;
    }

    private static double BesselI(int nu, double x, bool scaled)
    {
        if (double.IsNaN(x)) return x;
        double ax = Math.Abs(x), r;
        if (double.IsInfinity(ax)) r = scaled ? 0 : double.NaN; // PyTorch's Chebyshev kernels give NaN at ±inf
        else if (ax <= 30)
        {
            r = BesselISeries(nu, ax);
            if (scaled) r *= Math.Exp(-ax);
        }
        else
        {
            double s = BesselIAsymptotic(nu, ax) / Math.Sqrt(2 * Math.PI * ax);
            if (scaled) r = s;
            else r = Math.Exp(ax) * s; // inf beyond exp's range, as PyTorch's kernel
        }
        return nu == 1 && x < 0 ? -r : r;
    }

    /// <summary>I0(x), the modified Bessel function of the first kind of order 0.</summary>
    public static double I0(double x) => BesselI(0, x, scaled: false);
    /// <summary>e^−|x| I0(x).</summary>
    public static double I0e(double x) => BesselI(0, x, scaled: true);
    /// <summary>I1(x), order 1 (odd).</summary>
    public static double I1(double x) => BesselI(1, x, scaled: false);
    /// <summary>e^−|x| I1(x).</summary>
    public static double I1e(double x) => BesselI(1, x, scaled: true);

    // ---- regularized incomplete gamma functions ------------------------------------------------

    /// <summary>x^a e^−x / Γ(a), the common factor of the series and the continued fraction.</summary>
    private static double IgammaFactor(double a, double x) => Math.Exp(a * Math.Log(x) - x - Lgamma(a));

    private static double IgammaSeries(double a, double x)
    {
        double term = 1 / a, sum = term;
        for (int n = 1; n < 10000; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum * IgammaFactor(a, x);
    }

    private static double IgammacFraction(double a, double x)
    {
        const double Tiny = 1e-300;
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (int i = 1; i < 10000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + an / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-16) break;
        }
        return h * IgammaFactor(a, x);
    }

    /// <summary>The regularized lower incomplete gamma function P(a, x) (torch.special.gammainc).</summary>
    public static double Gammainc(double a, double x)
    {
        if (double.IsNaN(a) || double.IsNaN(x) || a < 0 || x < 0) return double.NaN;
        if (a == 0) return x > 0 ? 1 : double.NaN;
        if (x == 0) return 0;
        if (double.IsInfinity(a)) return double.IsInfinity(x) ? double.NaN : 0;
        if (double.IsInfinity(x)) return 1;
        return x < a + 1 ? IgammaSeries(a, x) : 1 - IgammacFraction(a, x);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x) (torch.special.gammaincc).</summary>
    public static double Gammaincc(double a, double x)
    {
        if (double.IsNaN(a) || double.IsNaN(x) || a < 0 || x < 0) return double.NaN;
        if (a == 0) return x > 0 ? 0 : double.NaN;
        if (x == 0) return 1;
        if (double.IsInfinity(a)) return double.IsInfinity(x) ? double.NaN : 1;
        if (double.IsInfinity(x)) return 0;
        return x < a + 1 ? 1 - IgammaSeries(a, x) : IgammacFraction(a, x);
    }
}
