using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// PyTorch's everyday pointwise helpers beside the core arithmetic: copysign, nextafter, signbit and frexp (operator
/// structs in Backends/SpecialOperators.cs through the host door), and compositions of existing ops (so every device
/// runs them and their gradients follow): heaviside, ldexp, fmax/fmin, logaddexp/logaddexp2, frac, float_power,
/// square, the float predicates, isin and nan_to_num. Backward formulas as PyTorch 1.13's derivatives.yaml.
/// </summary>
internal static class PointwiseExtras
{
    private const double Ln2 = 0.69314718055994530942;

    private static ScalarType FloatResultType(Tensor a, Tensor b)
    {
        var rt = TypePromotion.ResultType(a, b);
        return DTypes.IsFloatingPoint(rt) ? rt : torch.get_default_dtype();
    }

    private static Tensor Scalar(double v, ScalarType dtype, Device device) => torch.full([], v, dtype, device);

    /// <summary>|self| with the sign of other (floating result); gradient g·result/self in self (0 where self is 0).</summary>
    public static Tensor Copysign(Tensor self, Tensor other)
    {
        var r = Dispatcher.HostBinary<CopysignOp>("copysign", self, other, FloatResultType(self, other));
        if (!Recorder.Needed(self, other)) return r;
        return Recorder.Record(r, "CopysignBackward0", [self, other], [self, r], (g, s) =>
        {
            var ratio = torch.where(s[0].eq(0.0), torch.zeros_like(s[1]), s[1] / s[0]);
            return [g * ratio, torch.zeros_like(g)];
        });
    }

    /// <summary>The next float after self toward other (both floating, the same dtype as PyTorch requires); no gradient.</summary>
    public static Tensor Nextafter(Tensor self, Tensor other)
    {
        var rt = TypePromotion.ResultType(self, other);
        if (!DTypes.IsFloatingPoint(rt) || DTypes.IsReducedFloat(rt)) throw new ArgumentException($"\"nextafter_cpu\" not implemented for '{DTypes.ShortName(rt)}'");
        return Dispatcher.HostBinary<NextafterOp>("nextafter", self, other, rt);
    }

    /// <summary>True where the sign bit is set (−0 included); integers: x &lt; 0; bool: false.</summary>
    public static Tensor Signbit(Tensor self)
    {
        if (self.dtype == ScalarType.Bool) return torch.zeros_like(self, ScalarType.Bool);
        if (!self.IsFloating) return self.lt(0.0);
        using var bits = Dispatcher.HostFloatUnary<SignbitOp>("signbit", self, self.dtype);
        return bits.ne(0.0);
    }

    /// <summary>(mantissa, exponent): self = mantissa · 2^exponent, |mantissa| in [0.5, 1), exponent int32.</summary>
    public static (Tensor Mantissa, Tensor Exponent) Frexp(Tensor self)
    {
        if (!self.IsFloating) throw new ArgumentException("torch.frexp() only supports floating-point dtypes");
        var m = Dispatcher.HostFloatUnary<FrexpMantissaOp>("frexp", self, self.dtype);
        Tensor e;
        using (var ef = Dispatcher.HostFloatUnary<FrexpExponentOp>("frexp", self, self.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32))
            e = ef.to(ScalarType.Int32);
        if (!Recorder.Needed(self)) return (m, e);
        m = Recorder.Record(m, "FrexpBackward0", [self], [e], (g, s) => [g / torch.pow(2.0, s[0].to(g.dtype))]);
        return (m, e);
    }

    /// <summary>self · 2^other (PyTorch's composition; integers promote to the default dtype).</summary>
    public static Tensor Ldexp(Tensor self, Tensor other)
    {
        var rt = FloatResultType(self, other);
        return self * torch.pow(2.0, other.to(rt));
    }

    /// <summary>values where self == 0, else (self &gt; 0) as 1 or 0 (NaN gives 0, as PyTorch's kernel); the dtypes must agree.</summary>
    public static Tensor Heaviside(Tensor self, Tensor values)
    {
        if (self.dtype != values.dtype && !values.IsWrappedNumber)
            throw new ArgumentException("heaviside is not yet implemented for tensors with different dtypes.");
        var rt = self.dtype;
        using (torch.no_grad())
        {
            var pos = self.gt(0.0).to(rt);
            return torch.where(self.eq(0.0), values.to(rt), pos);
        }
    }

    /// <summary>The larger of two values, ignoring NaN (NaN only where both are NaN); ties send the gradient to self.</summary>
    public static Tensor FMinMax(Tensor self, Tensor other, bool max)
    {
        var rt = TypePromotion.ResultType(self, other);
        Tensor r;
        using (torch.no_grad())
        {
            var a = self.to(rt); var b = other.to(rt);
            var m = max ? torch.maximum(a, b) : torch.minimum(a, b);
            r = DTypes.IsFloatingPoint(rt) ? torch.where(a.ne(a), b, torch.where(b.ne(b), a, m)) : m;
        }
        return Recorder.Record(r, max ? "FmaxBackward0" : "FminBackward0", [self, other], [self, other], (g, s) =>
        {
            var selfWins = (max ? s[0].ge(s[1]) : s[0].le(s[1])).logical_or(s[1].ne(s[1]));
            var zero = torch.zeros([], g.dtype, g.device);
            return [torch.where(selfWins, g, zero), torch.where(selfWins, zero, g)];
        });
    }

    /// <summary>log(e^a + e^b) (base 2 when <paramref name="base2"/>), stable: max + log1p(exp(−|a − b|)).</summary>
    public static Tensor LogAddExp(Tensor self, Tensor other, bool base2)
    {
        var promoted = TypePromotion.ResultType(self, other);
        if (!DTypes.IsFloatingPoint(promoted))
            throw new ArgumentException($"\"{(base2 ? "logaddexp2" : "logaddexp")}_cpu\" not implemented for '{DTypes.ShortName(promoted)}'");
        var rt = promoted;
        Tensor r;
        using (torch.no_grad())
        {
            var a = self.to(rt); var b = other.to(rt);
            var m = torch.maximum(a, b);
            var d = (a - b).abs().neg();
            var tail = base2 ? torch.pow(2.0, d).log1p() / Ln2 : d.exp().log1p();
            // Equal infinities: the sum is that infinity (inf − inf would make NaN).
            r = torch.where(a.eq(b) & a.abs().eq(double.PositiveInfinity), a, m + tail);
        }
        return Recorder.Record(r, base2 ? "Logaddexp2Backward0" : "LogaddexpBackward0", [self, other], [self, other], (g, s) =>
        {
            Tensor W(Tensor e) => base2 ? torch.pow(2.0, e) : e.exp();
            return [g / (W(s[1] - s[0]) + 1.0), g / (W(s[0] - s[1]) + 1.0)];
        });
    }

    /// <summary>self − trunc(self) (floating only, as PyTorch).</summary>
    public static Tensor Frac(Tensor self)
    {
        if (!self.IsFloating) throw new ArgumentException($"\"frac_cpu\" not implemented for '{DTypes.ShortName(self.dtype)}'");
        return self - self.trunc();
    }

    /// <summary>pow computed in float64 (both operands cast to double, as torch.float_power).</summary>
    public static Tensor FloatPower(Tensor self, Tensor exponent) => self.to(ScalarType.Float64).pow(exponent.IsWrappedNumber ? exponent : exponent.to(ScalarType.Float64));

    /// <summary>self²: pow(self, 2), bool promoted to int64.</summary>
    public static Tensor Square(Tensor self) => (self.dtype == ScalarType.Bool ? self.to(ScalarType.Int64) : self).pow(2L);

    public static Tensor IsFinite(Tensor self) => self.IsFloating ? self.abs().lt(double.PositiveInfinity) : torch.ones_like(self, ScalarType.Bool);

    public static Tensor IsPosInf(Tensor self) => self.IsFloating ? self.eq(double.PositiveInfinity) : torch.zeros_like(self, ScalarType.Bool);

    public static Tensor IsNegInf(Tensor self) => self.IsFloating ? self.eq(double.NegativeInfinity) : torch.zeros_like(self, ScalarType.Bool);

    public static Tensor IsReal(Tensor self) => torch.ones_like(self, ScalarType.Bool);

    /// <summary>True where an element of <paramref name="elements"/> occurs in <paramref name="test"/> (false with <paramref name="invert"/>).</summary>
    public static Tensor IsIn(Tensor elements, Tensor test, bool invert)
    {
        using (torch.no_grad())
        {
            var flat = elements.reshape(-1).unsqueeze(1);
            var hits = test.numel() == 0 ? torch.zeros([elements.numel()], ScalarType.Bool, elements.device) : flat.eq(test.reshape(-1)).any(1);
            var r = hits.reshape(elements.Shape);
            return invert ? r.logical_not() : r;
        }
    }

    /// <summary>NaN → nan, +inf → posinf (default: the dtype's largest finite value), −inf → neginf (default: its lowest).</summary>
    public static Tensor NanToNum(Tensor self, double nan, double? posinf, double? neginf)
    {
        if (!self.IsFloating) return self.clone();
        double max = self.dtype switch
        {
            ScalarType.Float16 => 65504,
            ScalarType.BFloat16 => 3.3895313892515355e38,
            ScalarType.Float32 => float.MaxValue,
            _ => double.MaxValue,
        };
        var dev = self.device;
        var r = torch.where(self.ne(self), Scalar(nan, self.dtype, dev), self);
        r = torch.where(self.eq(double.PositiveInfinity), Scalar(posinf ?? max, self.dtype, dev), r);
        return torch.where(self.eq(double.NegativeInfinity), Scalar(neginf ?? -max, self.dtype, dev), r);
    }
}
