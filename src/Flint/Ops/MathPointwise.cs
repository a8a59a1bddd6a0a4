using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Elementwise math composed from existing kernels: clamp with tensor bounds, lerp, hypot, xlogy, sinc,
/// deg2rad/rad2deg and isclose/allclose. Each forward runs without recording (its pieces need no graph) and
/// records one node with PyTorch's backward formula, so gradients match PyTorch at the kinks too.
/// </summary>
internal static class MathPointwise
{
    /// <summary>NaN test as a bool tensor (x != x).</summary>
    internal static Tensor IsNan(Tensor x) => x.IsFloating ? x.ne(x) : torch.zeros(x.Shape, ScalarType.Bool, x.device);

    private static Tensor Zero(Tensor like) => torch.zeros([], like.dtype, like.device);

    // ---- clamp with tensor bounds -------------------------------------------------------

    /// <summary>
    /// PyTorch's clamp.Tensor: the result type promotes self with the bounds; min(max(x, lo), hi) with NaN in x or
    /// a bound propagating (as torch.maximum/minimum do); when lo &gt; hi every element is hi.
    /// </summary>
    public static Tensor ClampTensor(Tensor self, Tensor? min, Tensor? max)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        Tensor[] operands = min is not null && max is not null ? [self, min, max] : [self, (min ?? max)!];
        var rt = TypePromotion.ResultType(operands);
        Tensor r;
        using (torch.no_grad())
        {
            var x = self.to(rt);
            r = min is not null ? torch.maximum(x, min.to(rt)) : x;
            if (max is not null) r = torch.minimum(r, max.to(rt));
            if (ReferenceEquals(r, x) || ReferenceEquals(r, self)) r = r.clone();
        }
        if (!DTypes.IsFloatingPoint(rt)) return r;
        var inputs = new List<Tensor> { self };
        if (min is not null) inputs.Add(min);
        if (max is not null) inputs.Add(max);
        Tensor[] saved = [self, min ?? self, max ?? self];
        bool hasMin = min is not null, hasMax = max is not null;
        return Recorder.Record(r, "ClampBackward0", [.. inputs], saved, (g, s) =>
        {
            var (x, lo, hi) = (s[0], s[1], s[2]);
            var zero = Zero(g);
            var grads = new List<Tensor?>();
            if (hasMin && hasMax)
            {
                grads.Add(torch.where((x >= lo) & (x <= hi), g, zero));
                grads.Add(torch.where((x < lo) & (lo < hi), g, zero));
                grads.Add(torch.where((x > hi) | (hi < lo), g, zero));
            }
            else if (hasMin)
            {
                grads.Add(torch.where(x >= lo, g, zero));
                grads.Add(torch.where(x < lo, g, zero));
            }
            else
            {
                grads.Add(torch.where(x <= hi, g, zero));
                grads.Add(torch.where(x > hi, g, zero));
            }
            return [.. grads];
        });
    }

    // ---- lerp ---------------------------------------------------------------------------

    private static void CheckSameDtype(Tensor self, Tensor other, string name)
    {
        if (other.dtype != self.dtype)
            throw new ArgumentException($"expected dtype {DTypes.ShortName(self.dtype).ToLowerInvariant()} for `{name}` but got dtype {DTypes.ShortName(other.dtype).ToLowerInvariant()}");
    }

    /// <summary>
    /// PyTorch's lerp: start + w·(end − start) for |w| &lt; 0.5, else end − (end − start)·(1 − w) (exact at both ends);
    /// start, end (and a tensor weight) share one floating dtype; half types compute in float32.
    /// </summary>
    public static Tensor Lerp(Tensor self, Tensor end, Tensor weight, bool scalarWeight)
    {
        CheckSameDtype(self, end, "end");
        // PyTorch broadcasts self with end (then weight) before anything else: its size error names them in that order.
        var shape = Shapes.Broadcast(self.Shape, end.Shape);
        if (!scalarWeight) Shapes.Broadcast(shape, weight.Shape);
        if (!scalarWeight) CheckSameDtype(self, weight, "weight");
        if (!self.IsFloating)
            throw new ArgumentException($"\"lerp_kernel_{(scalarWeight ? "scalar" : "tensor")}\" not implemented for '{DTypes.ShortName(self.dtype)}'");
        Tensor r;
        using (torch.no_grad())
        {
            var ct = self.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;
            var a = self.to(ct); var b = end.to(ct); var w = weight.to(ct);
            var diff = b - a;
            r = torch.where(w.abs() < 0.5, a + w * diff, b - diff * (1.0 - w)).to(self.dtype);
        }
        Tensor[] inputs = scalarWeight ? [self, end] : [self, end, weight];
        return Recorder.Record(r, scalarWeight ? "LerpBackward0" : "LerpBackward1", inputs, [self, end, weight], (g, s) =>
            scalarWeight ? [g * (1.0 - s[2]), g * s[2]] : [g * (1.0 - s[2]), g * s[2], g * (s[1] - s[0])]);
    }

    // ---- hypot --------------------------------------------------------------------------

    /// <summary>sqrt(a² + b²) without overflow (scaled, in float64), ±inf winning over NaN as C's hypot does.</summary>
    public static Tensor Hypot(Tensor self, Tensor other)
    {
        var rt = TypePromotion.ResultType(self, other);
        if (!DTypes.IsFloatingPoint(rt)) throw new ArgumentException($"\"hypot_cpu\" not implemented for '{DTypes.ShortName(rt)}'");
        Tensor r;
        using (torch.no_grad())
        {
            var a = self.to(ScalarType.Float64).abs(); var b = other.to(ScalarType.Float64).abs();
            var hi = torch.maximum(a, b); var lo = torch.minimum(a, b);
            var ratio = lo / hi;
            var scaled = torch.where(hi.eq(0.0), torch.zeros([], ScalarType.Float64, hi.device), hi * (ratio * ratio + 1.0).sqrt());
            var inf = torch.full([], double.PositiveInfinity, ScalarType.Float64, hi.device);
            r = torch.where(a.eq(double.PositiveInfinity) | b.eq(double.PositiveInfinity), inf, scaled).to(rt);
        }
        return Recorder.Record(r, "HypotBackward0", [self, other], [self, other, r], (g, s) => [g * s[0] / s[2], g * s[1] / s[2]]);
    }

    // ---- xlogy --------------------------------------------------------------------------

    /// <summary>x·log(y), 0 where x == 0 (unless y is NaN); integer operands give the default float dtype.</summary>
    public static Tensor Xlogy(Tensor self, Tensor other)
    {
        var rt = TypePromotion.ResultType(self, other);
        if (!DTypes.IsFloatingPoint(rt)) rt = torch.get_default_dtype();
        Tensor r;
        using (torch.no_grad())
        {
            var x = self.to(rt); var y = other.to(rt);
            var prod = x * y.log();
            r = torch.where(IsNan(y), y, torch.where(x.eq(0.0), torch.zeros([], rt, prod.device), prod));
        }
        return Recorder.Record(r, "XlogyBackward0", [self, other], [self, other], (g, s) =>
            [g * Xlogy(s[0].ne(0.0), s[1]), g * s[0] / s[1]]);
    }

    // ---- sinc, deg2rad, rad2deg ---------------------------------------------------------

    /// <summary>sin(πx)/(πx), 1 at 0, each step rounded in the input's dtype as PyTorch's kernel does.</summary>
    public static Tensor Sinc(Tensor self)
    {
        var rt = Pointwise.FloatResultType(self);
        Tensor r;
        using (torch.no_grad())
        {
            var x = self.to(rt);
            var px = x * Math.PI;
            r = torch.where(x.eq(0.0), torch.ones([], rt, x.device), px.sin() / px);
        }
        return Recorder.Record(r, "SincBackward0", [self], [self], (g, s) =>
        {
            var px = s[0] * Math.PI;
            var d = (px * px.cos() - px.sin()) / (px * s[0]);
            return [g * torch.where(s[0].eq(0.0), Zero(d), d)];
        });
    }

    /// <summary>x · (π/180) (or 180/π): integer and bool inputs give the default float dtype.</summary>
    public static Tensor ScaleAngle(Tensor self, double factor)
    {
        var x = self.IsFloating ? self : self.to(torch.get_default_dtype());
        return x * factor;
    }

    // ---- isclose / allclose -------------------------------------------------------------

    /// <summary>
    /// PyTorch's isclose: self == other, or (finite) |self − other| ≤ atol + rtol·|other|; NaNs equal when
    /// <paramref name="equal_nan"/>. Both tensors must share a dtype.
    /// </summary>
    public static Tensor IsClose(Tensor self, Tensor other, double rtol, double atol, bool equal_nan)
    {
        if (self.dtype != other.dtype)
            throw new ArgumentException($"{DTypes.ShortName(self.dtype)} did not match {DTypes.ShortName(other.dtype)}");
        if (!(rtol >= 0)) throw new ArgumentException($"rtol must be greater than or equal to zero, but got {Fmt(rtol)}");
        if (!(atol >= 0)) throw new ArgumentException($"atol must be greater than or equal to zero, but got {Fmt(atol)}");
        using (torch.no_grad())
        {
            var close = self.eq(other);
            if (equal_nan && self.IsFloating) close = close | (IsNan(self) & IsNan(other));
            if (rtol == 0 && atol == 0) return close;
            var a = self.dtype == ScalarType.Bool ? self.to(torch.get_default_dtype()) : self;
            var b = other.dtype == ScalarType.Bool ? other.to(torch.get_default_dtype()) : other;
            var allowed = (b * rtol).abs() + atol;
            var actual = (a - b).abs();
            var finite = actual.IsFloating ? actual.ne(double.PositiveInfinity) & actual.eq(actual) : torch.ones([], ScalarType.Bool, actual.device);
            return close | (finite & (actual <= allowed));
        }
    }

    /// <summary>isclose(...).all() as a bool.</summary>
    public static bool AllClose(Tensor self, Tensor other, double rtol, double atol, bool equal_nan) =>
        IsClose(self, other, rtol, atol, equal_nan).all().item<bool>();

    /// <summary>A double as PyTorch's C++ messages print it (-1, 0.5, 1e-05).</summary>
    internal static string Fmt(double v) => v == Math.Floor(v) && Math.Abs(v) < 1e15
        ? ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
