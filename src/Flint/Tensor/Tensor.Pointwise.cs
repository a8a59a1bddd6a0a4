using Flint.Autograd;
using Flint.Backends;
using Flint.Ops;

namespace Flint;

public partial class Tensor
{
    // ---- binary arithmetic -------------------------------------------------------------

    /// <summary>this + alpha * other, with broadcasting and type promotion (two bool tensors: logical or, as in PyTorch).</summary>
    public Tensor add(Tensor other, double alpha = 1)
    {
        var rt = TypePromotion.ResultType(this, other);
        if (rt == ScalarType.Bool) return logical_or(other);
        // PyTorch fuses the multiply-add when alpha != 1 (one rounding); see Tensor.Fused.cs.
        var r = alpha != 1 && Dispatcher.FusedResult(this, other, null) is { } f && Dispatcher.TryFusedMultiplyAdd(f, this, other, null, alpha)
            ? f : Dispatcher.Binary<AddOp>("add", this, Scaled(other, alpha, rt), rt);
        return Recorder.Record(r, "AddBackward0", [this, other], [], (g, _) => [g, alpha == 1 ? g : g * alpha]);
    }

    /// <summary>this + alpha * other for a floating scalar.</summary>
    public Tensor add(double other, double alpha = 1) => add(torch.WrappedScalar(other), alpha);

    /// <summary>this + alpha * other for an integer scalar (integer tensors stay integral).</summary>
    public Tensor add(long other, double alpha = 1) => add(torch.WrappedScalar(other), alpha);

    /// <summary>alpha * other computed in the result type: an integral result keeps an integral alpha exact.</summary>
    internal static Tensor Scaled(Tensor other, double alpha, ScalarType resultType)
    {
        if (alpha == 1) return other;
        if (DTypes.IsFloatingPoint(resultType)) return other * alpha;
        if (alpha != Math.Floor(alpha))
            throw new ArgumentException("For integral input tensors, argument alpha must not be a floating point number.");
        return other * (long)alpha;
    }

    /// <summary>PyTorch's sub_check: subtraction is not defined on bool tensors.</summary>
    internal static void CheckSub(Tensor a, Tensor b)
    {
        if (a.dtype == ScalarType.Bool && b.dtype == ScalarType.Bool)
            throw new ArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
        if (a.dtype == ScalarType.Bool || b.dtype == ScalarType.Bool)
            throw new ArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    }

    /// <summary>this - alpha * other.</summary>
    public Tensor sub(Tensor other, double alpha = 1)
    {
        CheckSub(this, other);
        var rt = TypePromotion.ResultType(this, other);
        var r = alpha != 1 && Dispatcher.FusedResult(this, other, null) is { } f && Dispatcher.TryFusedMultiplyAdd(f, this, other, null, -alpha)
            ? f : Dispatcher.Binary<SubOp>("sub", this, Scaled(other, alpha, rt), rt);
        return Recorder.Record(r, "SubBackward0", [this, other], [], (g, _) => [g, -(alpha == 1 ? g : g * alpha)]);
    }

    /// <summary>this - alpha * other for a floating scalar.</summary>
    public Tensor sub(double other, double alpha = 1) => sub(torch.WrappedScalar(other), alpha);

    /// <summary>this - alpha * other for an integer scalar (integer tensors stay integral).</summary>
    public Tensor sub(long other, double alpha = 1) => sub(torch.WrappedScalar(other), alpha);

    /// <summary>Elementwise product.</summary>
    public Tensor mul(Tensor other)
    {
        var rt = TypePromotion.ResultType(this, other);
        if (rt == ScalarType.Bool) return logical_and(other);
        var r = Dispatcher.Binary<MulOp>("mul", this, other, rt);
        if (!Recorder.Needed(this, other)) return r;
        bool needA = requires_grad, needB = other.requires_grad;
        return Recorder.Record(r, "MulBackward0", [this, other], [needA ? other : this, needB ? this : other], (g, s) =>
            [needA ? g * s[0] : null, needB ? g * s[1] : null]);
    }

    /// <summary>Elementwise product with a floating scalar.</summary>
    public Tensor mul(double other) => mul(torch.WrappedScalar(other));

    /// <summary>Elementwise product with an integer scalar (integer tensors stay integral).</summary>
    public Tensor mul(long other) => mul(torch.WrappedScalar(other));

    /// <summary>True division: integer inputs give a floating result, as in PyTorch.</summary>
    public Tensor div(Tensor other)
    {
        var rt = TypePromotion.ResultType(this, other);
        if (!DTypes.IsFloatingPoint(rt)) rt = torch.get_default_dtype();
        var r = Dispatcher.Binary<DivOp>("div", this, other, rt);
        if (!Recorder.Needed(this, other)) return r;
        bool needB = other.requires_grad;
        return Recorder.Record(r, "DivBackward0", [this, other], needB ? [this, other] : [other], (g, s) =>
        {
            var b = needB ? s[1] : s[0];
            return [g / b, needB ? -g * s[0] / (b * b) : null];
        });
    }

    /// <summary>Division by a scalar.</summary>
    public Tensor div(double other) => div(torch.WrappedScalar(other));

    /// <summary>Division by an integer scalar.</summary>
    public Tensor div(long other) => div(torch.WrappedScalar(other));

    /// <summary>Elementwise power with a tensor exponent.</summary>
    public Tensor pow(Tensor exponent)
    {
        var rt = TypePromotion.ResultType(this, exponent);
        double scalarExponent = exponent.IsWrappedNumber ? exponent.ToDouble() : double.NaN;
        if (!DTypes.IsFloatingPoint(rt) && scalarExponent < 0)
            throw new ArgumentException("Integers to negative integer powers are not allowed.");
        // PyTorch computes scalar exponents ±0.5 as sqrt / rsqrt (so (-inf) ** 0.5 is nan, not inf).
        var r = !DTypes.IsFloatingPoint(rt) ? Dispatcher.Binary<IntPowOp>("pow", this, exponent, rt)
            : scalarExponent == 0.5 ? Dispatcher.FloatUnary<SqrtOp>("pow", this, rt)
            : scalarExponent == -0.5 ? Dispatcher.FloatUnary<RsqrtOp>("pow", this, rt)
            : Dispatcher.Binary<FloatPowOp>("pow", this, exponent, rt);
        if (!Recorder.Needed(this, exponent)) return r;
        if (exponent.IsWrappedNumber)
        {
            double e = exponent.ToDouble();
            return Recorder.Record(r, "PowBackward0", [this, exponent], [this], (g, s) =>
                [e == 0 ? torch.zeros_like(s[0]) : g * e * (e == 2 ? s[0] : s[0].pow(e - 1)), null]);
        }
        return Recorder.Record(r, "PowBackward1", [this, exponent], [this, exponent, r], (g, s) =>
        [
            g * s[1] * s[0].pow(s[1] - 1),
            // d/db a^b = a^b log a, taken as 0 where a == 0 and b >= 0 (PyTorch's convention).
            g * torch.where(s[0].eq(0.0) & s[1].ge(0.0), torch.zeros_like(s[2]), s[2] * s[0].log()),
        ]);
    }

    /// <summary>Elementwise power with a scalar exponent.</summary>
    public Tensor pow(double exponent) => pow(torch.WrappedScalar(exponent));

    /// <summary>Elementwise power with an integer exponent (stays integral for integer tensors).</summary>
    public Tensor pow(long exponent) => pow(torch.WrappedScalar(exponent));

    /// <summary>Elementwise maximum of two tensors (NaN propagates).</summary>
    public Tensor maximum(Tensor other) => MinMax<MaximumOp>("maximum", "MaximumBackward0", other, max: true);

    /// <summary>Elementwise minimum of two tensors (NaN propagates).</summary>
    public Tensor minimum(Tensor other) => MinMax<MinimumOp>("minimum", "MinimumBackward0", other, max: false);

    private Tensor MinMax<TOp>(string name, string node, Tensor other, bool max) where TOp : IBinaryOp
    {
        var rt = TypePromotion.ResultType(this, other);
        if (rt == ScalarType.Bool) return max ? logical_or(other) : logical_and(other);
        var r = Dispatcher.Binary<TOp>(name, this, other, rt);
        return Recorder.Record(r, node, [this, other], [this, other], (g, s) =>
        {
            // Ties split the gradient in half, as PyTorch does.
            var aWins = (max ? s[0] > s[1] : s[0] < s[1]).to(g.dtype);
            var tie = s[0].eq(s[1]).to(g.dtype) * 0.5;
            return [g * (aWins + tie), g * (1.0 - aWins - tie)];
        });
    }

    // ---- unary -------------------------------------------------------------------------

    private ScalarType FloatResultType => IsFloating ? dtype : torch.get_default_dtype();

    private Tensor FloatUnary<TOp>(string name, string node, Func<Tensor, Tensor, Tensor, Tensor> grad, bool saveInput = true, bool saveResult = false) where TOp : IFloatUnaryOp
    {
        var r = Dispatcher.FloatUnary<TOp>(name, this, FloatResultType);
        if (!Recorder.Needed(this)) return r;
        Tensor[] saved = saveInput && saveResult ? [this, r] : saveInput ? [this] : [r];
        return Recorder.Record(r, node, [this], saved, (g, s) =>
            [grad(g, saveInput ? s[0] : null!, saveResult ? s[saveInput ? 1 : 0] : null!)]);
    }

    /// <summary>e^x.</summary>
    public Tensor exp() => FloatUnary<ExpOp>("exp", "ExpBackward0", (g, _, r) => g * r, saveInput: false, saveResult: true);
    /// <summary>Natural logarithm.</summary>
    public Tensor log() => FloatUnary<LogOp>("log", "LogBackward0", (g, x, _) => g / x);
    /// <summary>log(1 + x), accurate near 0.</summary>
    public Tensor log1p() => FloatUnary<Log1pOp>("log1p", "Log1PBackward0", (g, x, _) => g / (x + 1.0));
    /// <summary>Square root.</summary>
    public Tensor sqrt() => FloatUnary<SqrtOp>("sqrt", "SqrtBackward0", (g, _, r) => g / (r * 2.0), saveInput: false, saveResult: true);
    /// <summary>1 / sqrt(x).</summary>
    public Tensor rsqrt() => FloatUnary<RsqrtOp>("rsqrt", "RsqrtBackward0", (g, _, r) => g * r.pow(3) * -0.5, saveInput: false, saveResult: true);
    /// <summary>Sine.</summary>
    public Tensor sin() => FloatUnary<SinOp>("sin", "SinBackward0", (g, x, _) => g * x.cos());
    /// <summary>Cosine.</summary>
    public Tensor cos() => FloatUnary<CosOp>("cos", "CosBackward0", (g, x, _) => -g * x.sin());
    /// <summary>Hyperbolic tangent.</summary>
    public Tensor tanh() => FloatUnary<TanhOp>("tanh", "TanhBackward0", (g, _, r) => g * (1.0 - r * r), saveInput: false, saveResult: true);
    /// <summary>Logistic sigmoid 1 / (1 + e^-x).</summary>
    public Tensor sigmoid() => FloatUnary<SigmoidOp>("sigmoid", "SigmoidBackward0", (g, _, r) => g * r * (1.0 - r), saveInput: false, saveResult: true);

    private Tensor RoundingOp<TOp>(string name, string node) where TOp : IFloatUnaryOp
    {
        if (!IsFloating) return clone();
        var r = Dispatcher.FloatUnary<TOp>(name, this, dtype);
        return Recorder.Record(r, node, [this], [], (g, _) => [torch.zeros_like(g)]);
    }

    /// <summary>Rounds down.</summary>
    public Tensor floor() => RoundingOp<FloorOp>("floor", "FloorBackward0");
    /// <summary>Rounds up.</summary>
    public Tensor ceil() => RoundingOp<CeilOp>("ceil", "CeilBackward0");
    /// <summary>Rounds half to even.</summary>
    public Tensor round() => RoundingOp<RoundOp>("round", "RoundBackward0");

    /// <summary>-x.</summary>
    public Tensor neg()
    {
        if (dtype == ScalarType.Bool)
            throw new ArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        var r = Dispatcher.Unary<NegOp>("neg", this, dtype);
        return Recorder.Record(r, "NegBackward0", [this], [], (g, _) => [-g]);
    }

    /// <summary>|x|.</summary>
    public Tensor abs()
    {
        if (dtype == ScalarType.Bool) return clone();
        var r = Dispatcher.Unary<AbsOp>("abs", this, dtype);
        return Recorder.Record(r, "AbsBackward0", [this], [this], (g, s) => [g * s[0].sign()]);
    }

    /// <summary>-1, 0 or 1 by sign.</summary>
    public Tensor sign()
    {
        if (dtype == ScalarType.Bool) return clone();
        var r = Dispatcher.Unary<SignOp>("sign", this, dtype);
        return Recorder.Record(r, "SignBackward0", [this], [], (g, _) => [torch.zeros_like(g)]);
    }

    /// <summary>max(x, 0).</summary>
    public Tensor relu()
    {
        if (dtype == ScalarType.Bool) throw new ArgumentException("Boolean inputs not supported for relu");
        var r = Dispatcher.Unary<ReluOp>("relu", this, dtype);
        return Recorder.Record(r, "ReluBackward0", [this], [r], (g, s) =>
        {
            // r > 0 equals r >= the smallest positive subnormal, so clamp's fused backward serves relu too.
            double smallest = s[0].dtype == ScalarType.Float64 ? double.Epsilon : float.Epsilon;
            if (!GradMode.IsEnabled && Dispatcher.ClampBackward(s[0], g, smallest, null) is { } fused) return [fused];
            return [g * (s[0] > 0.0).to(g.dtype)];
        });
    }

    /// <summary>Clamps into [min, max]; either bound may be omitted.</summary>
    public Tensor clamp(double? min = null, double? max = null) => ClampImpl(min, max, "ClampBackward1");

    // PyTorch names the node by the function called: clamp(min=0) is ClampBackward1, clamp_min(0) is ClampMinBackward0.
    private Tensor ClampImpl(double? min, double? max, string node)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        var rt = ClampResultType(min, max);
        var r = Dispatcher.Clamp(rt == dtype ? this : Dispatcher.Cast(this, rt), min, max);
        return Recorder.Record(r, node, [this], [this], (g, s) =>
        {
            var x = s[0];
            if (!GradMode.IsEnabled && Dispatcher.ClampBackward(x, g, min, max) is { } fused) return [fused];
            Tensor pass = min is not null && max is not null ? (x >= min.Value) & (x <= max.Value) : min is not null ? x >= min.Value : x <= max!.Value;
            return [g * pass.to(g.dtype)];
        });
    }

    /// <summary>
    /// PyTorch promotes clamp's bounds like scalar operands: a fractional bound makes an integer tensor
    /// floating, an integral one makes a bool tensor int64. (C# passes both as double; integral values count as ints.)
    /// </summary>
    internal ScalarType ClampResultType(double? min, double? max)
    {
        static Tensor Wrap(double v) => v == Math.Floor(v) && Math.Abs(v) < 9.2e18 ? torch.WrappedScalar((long)v) : torch.WrappedScalar(v);
        Tensor[] operands = min is { } lo && max is { } hi ? [this, Wrap(lo), Wrap(hi)] : [this, Wrap((min ?? max)!.Value)];
        return TypePromotion.ResultType(operands);
    }

    /// <summary>Clamps from below.</summary>
    public Tensor clamp_min(double min) => ClampImpl(min, null, "ClampMinBackward0");
    /// <summary>Clamps from above.</summary>
    public Tensor clamp_max(double max) => ClampImpl(null, max, "ClampMaxBackward0");

    // ---- comparisons -------------------------------------------------------------------

    /// <summary>Elementwise ==, a bool tensor.</summary>
    public Tensor eq(Tensor other) => Dispatcher.Compare<EqOp>("eq", this, other);
    /// <summary>Elementwise !=, a bool tensor.</summary>
    public Tensor ne(Tensor other) => Dispatcher.Compare<NeOp>("ne", this, other);
    /// <summary>Elementwise &lt;, a bool tensor.</summary>
    public Tensor lt(Tensor other) => Dispatcher.Compare<LtOp>("lt", this, other);
    /// <summary>Elementwise &lt;=, a bool tensor.</summary>
    public Tensor le(Tensor other) => Dispatcher.Compare<LeOp>("le", this, other);
    /// <summary>Elementwise &gt;, a bool tensor.</summary>
    public Tensor gt(Tensor other) => Dispatcher.Compare<GtOp>("gt", this, other);
    /// <summary>Elementwise &gt;=, a bool tensor.</summary>
    public Tensor ge(Tensor other) => Dispatcher.Compare<GeOp>("ge", this, other);
    /// <summary>Elementwise == with a scalar.</summary>
    public Tensor eq(double other) => eq(torch.WrappedScalar(other));
    /// <summary>Elementwise != with a scalar.</summary>
    public Tensor ne(double other) => ne(torch.WrappedScalar(other));
    /// <summary>Elementwise &lt; with a scalar.</summary>
    public Tensor lt(double other) => lt(torch.WrappedScalar(other));
    /// <summary>Elementwise &lt;= with a scalar.</summary>
    public Tensor le(double other) => le(torch.WrappedScalar(other));
    /// <summary>Elementwise &gt; with a scalar.</summary>
    public Tensor gt(double other) => gt(torch.WrappedScalar(other));
    /// <summary>Elementwise &gt;= with a scalar.</summary>
    public Tensor ge(double other) => ge(torch.WrappedScalar(other));

    /// <summary>True when both tensors have the same shape and elements.</summary>
    public bool equal(Tensor other) => Shapes.SameShape(Shape, other.Shape) && eq(other).all().item<bool>();

    /// <summary>True when all elements are close: |a - b| &lt;= atol + rtol * |b|.</summary>
    public bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false)
    {
        var a = to(ScalarType.Float64); var b = other.to(ScalarType.Float64);
        var close = (a - b).abs() <= (b.abs() * rtol + atol);
        if (equal_nan) close = close | (a.ne(a) & b.ne(b));
        return close.all().item<bool>();
    }

    // ---- logical (bool tensors) --------------------------------------------------------

    /// <summary>Elementwise logical and.</summary>
    public Tensor logical_and(Tensor other) => (to(ScalarType.Byte).mul(other.to(ScalarType.Byte))).ne(0.0);
    /// <summary>Elementwise logical or.</summary>
    public Tensor logical_or(Tensor other) => (to(ScalarType.Byte).add(other.to(ScalarType.Byte))).ne(0.0);
    /// <summary>Elementwise logical not.</summary>
    public Tensor logical_not() => eq(0.0);
}
