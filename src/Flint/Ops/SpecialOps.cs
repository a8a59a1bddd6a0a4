using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// The gamma, error-function, Bessel and normal-distribution functions of <c>torch.*</c> and <c>torch.special</c>:
/// floating results (integers and bool promote to the default dtype), kernels from Backends/SpecialOperators.cs through
/// <see cref="Dispatcher.HostFloatUnary{TOp}"/>, backward formulas as PyTorch 1.13's derivatives.yaml.
/// </summary>
internal static class SpecialOps
{
    private const double Ln2 = 0.69314718055994530942;
    private const double Sqrt2Pi = 2.50662827463100050242;

    private static Tensor Unary<TOp>(Tensor self, string name, string node, Func<Tensor, Tensor, Tensor, Tensor>? grad) where TOp : IFloatUnaryOp
    {
        var r = Dispatcher.HostFloatUnary<TOp>(name, self, Pointwise.FloatResultType(self));
        if (grad is null || !Recorder.Needed(self)) return r;
        return Recorder.Record(r, node, [self], [self, r], (g, s) => [grad(g, s[0], s[1])]);
    }

    /// <summary>The promoted floating dtype of a binary special function (integers promote to the default dtype).</summary>
    private static ScalarType FloatResultType(Tensor a, Tensor b)
    {
        var rt = TypePromotion.ResultType(a, b);
        return DTypes.IsFloatingPoint(rt) ? rt : torch.get_default_dtype();
    }

    public static Tensor Erfc(Tensor self) => Unary<ErfcOp>(self, "erfc", "ErfcBackward0", (g, x, _) => g * (x * x).neg().exp() * -SpecialMath.TwoOverSqrtPi);

    public static Tensor Erfcx(Tensor self) => Unary<ErfcxOp>(self, "special_erfcx", "SpecialErfcxBackward0", (g, x, r) => g * (2.0 * x * r - SpecialMath.TwoOverSqrtPi));

    public static Tensor Lgamma(Tensor self) => Unary<LgammaOp>(self, "lgamma", "LgammaBackward0", (g, x, _) => g * Digamma(x));

    public static Tensor Digamma(Tensor self) => Unary<DigammaOp>(self, "digamma", "DigammaBackward0", (g, x, _) => g * Polygamma(1, x));

    /// <summary>ψ⁽ⁿ⁾(x); n must be non-negative.</summary>
    public static Tensor Polygamma(long n, Tensor self)
    {
        if (n < 0) throw new ArgumentException("polygamma(n, x) does not support negative n.");
        if (n == 0) return Digamma(self);
        var rt = Pointwise.FloatResultType(self);
        var r = Dispatcher.HostBinary<PolygammaOp>("polygamma", torch.WrappedScalar(n), self, rt);
        if (!Recorder.Needed(self)) return r;
        return Recorder.Record(r, "PolygammaBackward0", [self], [self], (g, s) => [g * Polygamma(n + 1, s[0])]);
    }

    /// <summary>The multivariate log-gamma function: Σⱼ lgamma(x − j/2) + p(p−1)/4 · log π, composed of lgamma (PyTorch 1.13 does not check x &gt; (p−1)/2: poles give inf).</summary>
    public static Tensor Mvlgamma(Tensor self, long p)
    {
        if (p < 1) throw new ArgumentException("p has to be greater than or equal to 1");
        if (!self.IsFloating) throw new ArgumentException("mvlgamma is not implemented for integral tensors");
        Tensor sum = Lgamma(self);
        for (long j = 1; j < p; j++) sum = sum + Lgamma(self - j / 2.0);
        return sum + p * (p - 1) / 4.0 * Math.Log(Math.PI);
    }

    public static Tensor I0(Tensor self) => Unary<I0Op>(self, "i0", "I0Backward0", (g, x, _) => g * I1(x));

    public static Tensor I0e(Tensor self) => Unary<I0eOp>(self, "special_i0e", "SpecialI0EBackward0", (g, x, r) => g * (I1e(x) - x.sign() * r));

    public static Tensor I1(Tensor self) => Unary<I1Op>(self, "special_i1", "SpecialI1Backward0", (g, x, r) =>
        g * torch.where(x.eq(0.0), torch.tensor(0.5, x.dtype).to(x.device), I0(x) - r / x));

    public static Tensor I1e(Tensor self) => Unary<I1eOp>(self, "special_i1e", "SpecialI1EBackward0", (g, x, r) =>
        g * torch.where(x.eq(0.0), torch.tensor(0.5, x.dtype).to(x.device), I0e(x) - r * (x.sign() + x.reciprocal())));

    public static Tensor Ndtr(Tensor self) => Unary<NdtrOp>(self, "special_ndtr", "SpecialNdtrBackward0", (g, x, _) => g * (x * x * -0.5).exp() * (1 / Sqrt2Pi));

    public static Tensor Ndtri(Tensor self) => Unary<NdtriOp>(self, "special_ndtri", "SpecialNdtriBackward0", (g, _, r) => g * (r * r * 0.5).exp() * Sqrt2Pi);

    public static Tensor LogNdtr(Tensor self) => Unary<LogNdtrOp>(self, "special_log_ndtr", "SpecialLogNdtrBackward0", (g, x, r) => g * (r + x * x * 0.5).neg().exp() * (1 / Sqrt2Pi));

    public static Tensor Exp2(Tensor self) => Unary<Exp2Op>(self, "exp2", "Exp2Backward0", (g, _, r) => g * r * Ln2);

    /// <summary>The Hurwitz zeta function ζ(x, q) (no gradient, as in PyTorch).</summary>
    public static Tensor Zeta(Tensor x, Tensor q) => Dispatcher.HostBinary<ZetaOp>("special_zeta", x, q, FloatResultType(x, q));

    /// <summary>P(a, x); differentiable in x only (PyTorch does not implement the gradient in a).</summary>
    public static Tensor Gammainc(Tensor a, Tensor x, bool upper)
    {
        var rt = TypePromotion.ResultType(a, x);
        if (!DTypes.IsFloatingPoint(rt)) throw new ArgumentException($"\"{(upper ? "igammac" : "igamma")}_cpu\" not implemented for '{DTypes.ShortName(rt)}'");
        var r = upper ? Dispatcher.HostBinary<GammainccOp>("igammac", a, x, rt) : Dispatcher.HostBinary<GammaincOp>("igamma", a, x, rt);
        if (!Recorder.Needed(a, x)) return r;
        return Recorder.Record(r, upper ? "IgammacBackward0" : "IgammaBackward0", [a, x], [a, x], (g, s) =>
        {
            if (s[0].requires_grad) throw new NotSupportedException($"the derivative for '{(upper ? "igammac" : "igamma")}: input' is not implemented.");
            var d = ((s[0] - 1.0) * s[1].log() - s[1] - Lgamma(s[0])).exp();
            return [null, upper ? -g * d : g * d];
        });
    }

    /// <summary>−x log x for x &gt; 0, 0 at 0, −inf below (NaN stays NaN).</summary>
    public static Tensor Entr(Tensor self)
    {
        var rt = Pointwise.FloatResultType(self);
        Tensor r;
        using (torch.no_grad())
        {
            var x = self.to(rt);
            var v = torch.where(x.gt(0.0), -x * x.log(), torch.where(x.eq(0.0), torch.zeros([], rt, x.device), torch.full([], double.NegativeInfinity, rt, x.device)));
            r = torch.where(x.ne(x), x, v);
        }
        return Recorder.Record(r, "SpecialEntrBackward0", [self], [self], (g, s) => [g * -(s[0].log() + 1.0)]);
    }

    /// <summary>x · log1p(y), 0 where x is 0 (NaN where y is NaN).</summary>
    public static Tensor Xlog1py(Tensor self, Tensor other)
    {
        var rt = FloatResultType(self, other);
        Tensor r;
        using (torch.no_grad())
        {
            var x = self.to(rt); var y = other.to(rt);
            var prod = x * y.log1p();
            r = torch.where(y.ne(y), y, torch.where(x.eq(0.0), torch.zeros([], rt, prod.device), prod));
        }
        return Recorder.Record(r, "SpecialXlog1PyBackward0", [self, other], [self, other], (g, s) =>
            [g * Xlog1py(s[0].ne(0.0), s[1]), g * s[0] / (s[1] + 1.0)]);
    }

    /// <summary>log(p / (1 − p)), with p clamped to [eps, 1 − eps] when eps is given.</summary>
    public static Tensor Logit(Tensor self, double? eps)
    {
        var x = self.IsFloating ? self : self.to(torch.get_default_dtype());
        if (eps is { } e) x = x.clamp(e, 1 - e);
        return (x / (1.0 - x)).log();
    }
}
