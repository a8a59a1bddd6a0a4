namespace Flint;

/// <summary>
/// PyTorch 1.13's native CPU samplers, draw for draw (<c>aten/src/ATen/native/Distributions.h/.cpp</c>):
/// <c>_standard_gamma</c> (Marsaglia–Tsang with PyTorch's float constants and boost for α &lt; 1),
/// <c>_sample_dirichlet</c> (double gammas normalised), <c>poisson</c> (Hörmann's transformed rejection for
/// λ ≥ 10, products of uniforms below) and <c>binomial</c> (BTRS / inversion), plus the implicit
/// reparameterisation gradient <c>_standard_gamma_grad</c>. They run on the host from the CPU generator
/// (explicit or default) on every device, and the results move to the parameters' device.
/// </summary>
internal static class NativeSamplers
{
    private static double[] HostDoubles(Tensor t) => t.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();

    private static Tensor Result(double[] values, long[] shape, Tensor like)
    {
        var t = torch.tensor(values, shape, ScalarType.Float64);
        if (like.dtype != ScalarType.Float64) t = t.to(like.dtype);
        return like.device.type == DeviceType.CPU ? t : t.to(like.device);
    }

    private static double Uniform(global::Flint.Generator g) => Distributions.SampleUniformDouble(g, 0, 1);

    private static double Normal(global::Flint.Generator g) => Distributions.SampleNormal(g, 0, 1);

    /// <summary><c>torch._standard_gamma(alpha)</c>: one Gamma(α, 1) sample per element of <paramref name="alpha"/>.</summary>
    public static Tensor StandardGamma(Tensor alpha, torch.Generator? generator)
    {
        var g = torch.Generator.Resolve(generator);
        var a = HostDoubles(alpha);
        var r = new double[a.Length];
        bool f32 = alpha.dtype != ScalarType.Float64;
        lock (g.Mutex)
            for (int i = 0; i < a.Length; i++)
                r[i] = f32 ? Math.Max(1.1754943508222875e-38 /* FLT_MIN */, (float)SampleGammaFloat((float)a[i], g))
                           : Math.Max(2.2250738585072014e-308 /* DBL_MIN */, SampleGammaDouble(a[i], g));
        return Result(r, alpha.shape, alpha);
    }

    // sample_gamma<float, double>: alpha and its boost in float, the rest in double.
    private static double SampleGammaFloat(float alpha, global::Flint.Generator g)
    {
        double scale = 1.0;
        if (alpha < 1.0f)
        {
            if (alpha == 0f) return 0;
            scale *= Math.Pow(1 - Uniform(g), (double)(1.0f / alpha));
            alpha += 1.0f;
        }
        double d = (float)(alpha - 1.0f / 3.0f);
        return MarsagliaTsang(d, scale, g);
    }

    // sample_gamma<double, double>.
    private static double SampleGammaDouble(double alpha, global::Flint.Generator g)
    {
        double scale = 1.0;
        if (alpha < 1.0)
        {
            if (alpha == 0) return 0;
            scale *= Math.Pow(1 - Uniform(g), 1.0 / alpha);
            alpha += 1.0;
        }
        double d = alpha - (double)(1.0f / 3.0f);
        return MarsagliaTsang(d, scale, g);
    }

    private static double MarsagliaTsang(double d, double scale, global::Flint.Generator g)
    {
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, y;
            do
            {
                x = Normal(g);
                y = 1.0 + c * x;
            } while (y <= 0);
            double v = y * y * y;
            double u = 1 - Uniform(g);
            double xx = x * x;
            if (u < 1.0 - (double)0.0331f * xx * xx) return scale * d * v;
            if (Math.Log(u) < 0.5 * xx + d * (1.0 - v + Math.Log(v))) return scale * d * v;
        }
    }

    /// <summary>
    /// <c>torch._sample_dirichlet(alpha)</c>: double Gamma(α) samples along the last dim divided by their sum,
    /// clamped to [tiny, 1) of the result dtype; also returns the double gammas (for the gradient).
    /// </summary>
    public static (Tensor sample, Tensor gammas) SampleDirichletWithGammas(Tensor alpha, torch.Generator? generator)
    {
        var g = torch.Generator.Resolve(generator);
        var a = HostDoubles(alpha);
        var gam = new double[a.Length];
        lock (g.Mutex)
            for (int i = 0; i < a.Length; i++) gam[i] = Math.Max(2.2250738585072014e-308, SampleGammaDouble(a[i], g));
        int k = (int)alpha.Shape[^1];
        bool f32 = alpha.dtype != ScalarType.Float64;
        var r = new double[a.Length];
        for (int row = 0; row < a.Length / Math.Max(k, 1); row++)
        {
            double sum = 0;
            for (int j = 0; j < k; j++) sum += gam[row * k + j];
            for (int j = 0; j < k; j++)
            {
                double v = gam[row * k + j] / sum;
                r[row * k + j] = f32
                    ? Math.Min(MathF.BitDecrement(1.0f), Math.Max(1.1754943508222875e-38, (float)v))
                    : Math.Min(Math.BitDecrement(1.0), Math.Max(2.2250738585072014e-308, v));
            }
        }
        var gammas = torch.tensor(gam, alpha.shape, ScalarType.Float64);
        return (Result(r, alpha.shape, alpha), alpha.device.type == DeviceType.CPU ? gammas : gammas.to(alpha.device));
    }

    /// <summary><c>torch.poisson(rate)</c>: one Poisson(λ) count per element, in the rate's dtype.</summary>
    public static Tensor Poisson(Tensor rate, torch.Generator? generator)
    {
        var g = torch.Generator.Resolve(generator);
        var lam = HostDoubles(rate);
        var r = new double[lam.Length];
        lock (g.Mutex)
            for (int i = 0; i < lam.Length; i++) r[i] = SamplePoisson(lam[i], g);
        return Result(r, rate.shape, rate);
    }

    private static long SamplePoisson(double lambda, global::Flint.Generator g)
    {
        if (!(lambda >= 0)) throw new ArgumentException("invalid Poisson rate, expected rate to be non-negative");
        if (lambda >= 10)
        {
            // Transformed rejection (Hörmann, 1993).
            double slam = Math.Sqrt(lambda);
            double loglam = Math.Log(lambda);
            double b = 0.931 + 2.53 * slam;
            double a = -0.059 + 0.02483 * b;
            double invalpha = 1.1239 + 1.1328 / (b - 3.4);
            double vr = 0.9277 - 3.6224 / (b - 2);
            while (true)
            {
                double u = Uniform(g) - 0.5;
                double v = Uniform(g);
                double us = 0.5 - Math.Abs(u);
                long k = (long)Math.Floor((2 * a / us + b) * u + lambda + 0.43);
                if (us >= 0.07 && v <= vr) return k;
                if (k < 0 || (us < 0.013 && v > us)) continue;
                if (Math.Log(v) + Math.Log(invalpha) - Math.Log(a / (us * us) + b) <= -lambda + k * loglam - LogGamma(k + 1.0))
                    return k;
            }
        }
        if (lambda == 0) return 0;
        double enlam = Math.Exp(-lambda);
        long x = 0;
        double prod = 1.0;
        while (true)
        {
            prod *= Uniform(g);
            if (prod > enlam) x += 1;
            else return x;
        }
    }

    /// <summary><c>torch.binomial(count, prob)</c>: one Binomial(n, p) count per element (BTRS for n·p ≥ 10, else inversion).</summary>
    public static Tensor Binomial(Tensor count, Tensor prob, torch.Generator? generator)
    {
        var g = torch.Generator.Resolve(generator);
        var n = HostDoubles(count);
        var p = HostDoubles(prob);
        var r = new double[n.Length];
        lock (g.Mutex)
            for (int i = 0; i < n.Length; i++) r[i] = SampleBinomial(n[i], p[i], g);
        return Result(r, count.shape, count);
    }

    private static double SampleBinomial(double count, double prob, global::Flint.Generator g)
    {
        if (count <= 0.0 || prob <= 0.0) return 0;
        if (prob >= 1.0) return count;
        if (prob <= 0.5) return count * prob >= 10.0 ? Btrs(count, prob, g) : BinomialInversion(count, prob, g);
        if (prob > 0.5)
        {
            double q = 1.0 - prob;
            return count * q >= 10.0 ? count - Btrs(count, q, g) : count - BinomialInversion(count, q, g);
        }
        return double.NaN;
    }

    private static double BinomialInversion(double count, double prob, global::Flint.Generator g)
    {
        double geomSum = 0, numGeom = 0;
        double logprob = Log1p(-prob);
        while (true)
        {
            double u = Uniform(g);
            double geom = Math.Ceiling(Math.Log(u) / logprob);
            geomSum += geom;
            if (geomSum > count) break;
            numGeom += 1;
        }
        return numGeom;
    }

    // log(1 + x) without cancellation (Goldberg's trick), as std::log1p.
    private static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    private static double Btrs(double count, double prob, global::Flint.Generator g)
    {
        double stddev = Math.Sqrt(count * prob * (1 - prob));
        double b = 1.15 + 2.53 * stddev;
        double a = -0.0873 + 0.0248 * b + 0.01 * prob;
        double c = count * prob + 0.5;
        double vR = 0.92 - 4.2 / b;
        double r = prob / (1 - prob);
        double alpha = (2.83 + 5.1 / b) * stddev;
        double m = Math.Floor((count + 1) * prob);
        while (true)
        {
            double u = Uniform(g) - 0.5;
            double v = Uniform(g);
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + c);
            if (k < 0 || k > count) continue;
            if (us >= 0.07 && v <= vR) return k;
            v = Math.Log(v * alpha / (a / (us * us) + b));
            double upperbound =
                (m + 0.5) * Math.Log((m + 1) / (r * (count - m + 1))) +
                (count + 1) * Math.Log((count - m + 1) / (count - k + 1)) +
                (k + 0.5) * Math.Log(r * (count - k + 1) / (k + 1)) +
                StirlingTail(m) + StirlingTail(count - m) - StirlingTail(k) - StirlingTail(count - k);
            if (v <= upperbound) return k;
        }
    }

    private static readonly double[] TailValues =
    [
        0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
        0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287,
    ];

    private static double StirlingTail(double k)
    {
        if (k <= 9) return TailValues[(int)k];
        double kp1sq = (k + 1) * (k + 1);
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
    }

    /// <summary>log Γ(x) for x &gt; 0 in double (recurrence to 10, then Stirling's series).</summary>
    public static double LogGamma(double x)
    {
        double shift = 0;
        while (x < 10) { shift += Math.Log(x); x += 1; }
        double r = 1 / x, r2 = r * r;
        double series = r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 + r2 * (1.0 / 1188)))));
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + series - shift;
    }

    // digamma_one<double, double> (Cephes), for x > 0.
    private static double Digamma(double x)
    {
        const double Psi10 = 2.25175258906672110764;
        if (x == 0) return double.PositiveInfinity;
        double result = 0;
        while (x < 10) { result -= 1 / x; x += 1; }
        if (x == 10) return result + Psi10;
        double[] a = [8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3, -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3, 8.33333333333333333333E-2];
        double y = 0;
        if (x < 1.0e17)
        {
            double z = 1.0 / (x * x);
            double p = a[0];
            for (int i = 1; i < a.Length; i++) p = p * z + a[i];
            y = z * p;
        }
        return result + Math.Log(x) - 0.5 / x - y;
    }

    /// <summary>
    /// <c>_standard_gamma_grad(alpha, x)</c>: −(∂/∂α cdf(x; α)) / pdf(x; α), the implicit reparameterisation
    /// gradient of a Gamma(α, 1) sample x with respect to α (Taylor series for x &lt; 0.8, Rice saddle point for
    /// α &gt; 8, PyTorch's bivariate rational approximation otherwise).
    /// </summary>
    public static Tensor StandardGammaGrad(Tensor alpha, Tensor x)
    {
        var a = HostDoubles(alpha);
        var xs = HostDoubles(x);
        var r = new double[a.Length];
        for (int i = 0; i < r.Length; i++) r[i] = StandardGammaGradOne(a[i], xs[i]);
        return Result(r, alpha.shape, alpha);
    }

    private static readonly double[,] CoefUv =
    {
        { 0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084 },
        { 0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915, -0.00058392623 },
        { 0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367, -1.5247877e-07 },
    };

    private static double StandardGammaGradOne(double alpha, double x)
    {
        if (x < 0.8f)
        {
            double numer = 1, denom = alpha;
            double series1 = numer / denom, series2 = numer / (denom * denom);
            for (int i = 1; i <= 5; ++i)
            {
                numer *= -x / i;
                denom += 1;
                series1 += numer / denom;
                series2 += numer / (denom * denom);
            }
            double powXAlpha = Math.Pow(x, alpha);
            double gammaPdf = Math.Pow(x, alpha - 1) * Math.Exp(-x);
            double gammaCdf = powXAlpha * series1;
            double gammaCdfAlpha = (Math.Log(x) - Digamma(alpha)) * gammaCdf - powXAlpha * series2;
            double result = -gammaCdfAlpha / gammaPdf;
            return double.IsNaN(result) ? 0 : result;
        }
        if (alpha > 8.0f)
        {
            if (0.9f * alpha <= x && x <= 1.1f * alpha)
            {
                double numer1 = 1 + 24 * alpha * (1 + 12 * alpha);
                double numer2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - 65 * x * x / alpha + alpha * (107 + 3600 * x);
                double denom1 = 1244160 * (alpha * alpha) * (alpha * alpha);
                return numer1 * numer2 / denom1;
            }
            double denom = Math.Sqrt(8 * alpha);
            double term2 = denom / (alpha - x);
            double term3 = Math.Pow(x - alpha - alpha * Math.Log(x / alpha), -1.5);
            double term23 = x < alpha ? term2 - term3 : term2 + term3;
            double term1 = Math.Log(x / alpha) * term23 - Math.Sqrt(2 / alpha) * (alpha + x) / ((alpha - x) * (alpha - x));
            double stirling = 1 + 1 / (12 * alpha) * (1 + 1 / (24 * alpha));
            double numer = x * term1;
            return -stirling * numer / denom;
        }
        double u = Math.Log(x / alpha);
        double v = Math.Log(alpha);
        var coefV = new double[8];
        for (int i = 0; i < 8; i++) coefV[i] = CoefUv[0, i] + u * (CoefUv[1, i] + u * CoefUv[2, i]);
        double p = coefV[0] + v * (coefV[1] + v * (coefV[2] + v * coefV[3]));
        double q = coefV[4] + v * (coefV[5] + v * (coefV[6] + v * coefV[7]));
        return Math.Exp(p / q);
    }
}
