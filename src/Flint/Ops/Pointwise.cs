using Flint.Autograd;
using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// Elementwise arithmetic and math: each op's argument checks (PyTorch's wording), its result
/// dtype, the kernel it runs through <see cref="Dispatcher"/> (an operator struct from
/// Backends/Operators.cs) and its backward formula, side by side (exp: grad · result). Broadcast
/// gradients are summed back to the input shapes by the engine, not here.
/// </summary>
internal static class Pointwise
{
    // ---- binary arithmetic -------------------------------------------------------------

    /// <summary>self + alpha · other (two bool tensors: logical or, as in PyTorch).</summary>
    public static Tensor Add(Tensor self, Tensor other, double alpha)
    {
        var rt = TypePromotion.ResultType(self, other);
        if (rt == ScalarType.Bool) return self.logical_or(other);
        // PyTorch fuses the multiply-add when alpha != 1 (one rounding); see Tensor.Fused.cs.
        var r = alpha != 1 && Dispatcher.FusedResult(self, other, null) is { } f && Dispatcher.TryFusedMultiplyAdd(f, self, other, null, alpha)
            ? f : Dispatcher.Binary<AddOp>("add", self, Scaled(other, alpha, rt), rt);
        return Recorder.Record(r, "AddBackward0", [self, other], [], (g, _) => [g, alpha == 1 ? g : g * alpha]);
    }

    /// <summary>alpha * other computed in the result type: an integral result keeps an integral alpha exact.</summary>
    public static Tensor Scaled(Tensor other, double alpha, ScalarType resultType)
    {
        if (alpha == 1) return other;
        if (DTypes.IsFloatingPoint(resultType)) return other * alpha;
        if (alpha != Math.Floor(alpha))
            throw new ArgumentException("For integral input tensors, argument alpha must not be a floating point number.");
        return other * (long)alpha;
    }

    /// <summary>PyTorch's sub_check: subtraction is not defined on bool tensors.</summary>
    public static void CheckSub(Tensor a, Tensor b)
    {
        if (a.dtype == ScalarType.Bool && b.dtype == ScalarType.Bool)
            throw new ArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
        if (a.dtype == ScalarType.Bool || b.dtype == ScalarType.Bool)
            throw new ArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    }

    /// <summary>self - alpha · other.</summary>
    public static Tensor Sub(Tensor self, Tensor other, double alpha)
    {
        CheckSub(self, other);
        var rt = TypePromotion.ResultType(self, other);
        var r = alpha != 1 && Dispatcher.FusedResult(self, other, null) is { } f && Dispatcher.TryFusedMultiplyAdd(f, self, other, null, -alpha)
            ? f : Dispatcher.Binary<SubOp>("sub", self, Scaled(other, alpha, rt), rt);
        return Recorder.Record(r, "SubBackward0", [self, other], [], (g, _) => [g, -(alpha == 1 ? g : g * alpha)]);
    }

    /// <summary>Elementwise product (two bool tensors: logical and).</summary>
    public static Tensor Mul(Tensor self, Tensor other)
    {
        var rt = TypePromotion.ResultType(self, other);
        if (rt == ScalarType.Bool) return self.logical_and(other);
        var r = Dispatcher.Binary<MulOp>("mul", self, other, rt);
        if (!Recorder.Needed(self, other)) return r;
        bool needA = self.requires_grad, needB = other.requires_grad;
        return Recorder.Record(r, "MulBackward0", [self, other], [needA ? other : self, needB ? self : other], (g, s) =>
            [needA ? g * s[0] : null, needB ? g * s[1] : null]);
    }

    /// <summary>True division: integer inputs give a floating result, as in PyTorch.</summary>
    public static Tensor Div(Tensor self, Tensor other)
    {
        var rt = TypePromotion.ResultType(self, other);
        if (!DTypes.IsFloatingPoint(rt)) rt = torch.get_default_dtype();
        var r = Dispatcher.Binary<DivOp>("div", self, other, rt);
        if (!Recorder.Needed(self, other)) return r;
        bool needB = other.requires_grad;
        return Recorder.Record(r, "DivBackward0", [self, other], needB ? [self, other] : [other], (g, s) =>
        {
            var b = needB ? s[1] : s[0];
            return [g / b, needB ? -g * s[0] / (b * b) : null];
        });
    }

    /// <summary>Elementwise power with a tensor exponent (a wrapped number is a scalar exponent).</summary>
    public static Tensor Pow(Tensor self, Tensor exponent)
    {
        var rt = TypePromotion.ResultType(self, exponent);
        double scalarExponent = exponent.IsWrappedNumber ? exponent.ToDouble() : double.NaN;
        if (!DTypes.IsFloatingPoint(rt) && scalarExponent < 0)
            throw new ArgumentException("Integers to negative integer powers are not allowed.");
        // PyTorch computes scalar exponents ±0.5 as sqrt / rsqrt (so (-inf) ** 0.5 is nan, not inf).
        var r = !DTypes.IsFloatingPoint(rt) ? Dispatcher.Binary<IntPowOp>("pow", self, exponent, rt)
            : scalarExponent == 0.5 ? Dispatcher.FloatUnary<SqrtOp>("pow", self, rt)
            : scalarExponent == -0.5 ? Dispatcher.FloatUnary<RsqrtOp>("pow", self, rt)
            : Dispatcher.Binary<FloatPowOp>("pow", self, exponent, rt);
        if (!Recorder.Needed(self, exponent)) return r;
        if (exponent.IsWrappedNumber)
        {
            double e = exponent.ToDouble();
            return Recorder.Record(r, "PowBackward0", [self, exponent], [self], (g, s) =>
                [e == 0 ? torch.zeros_like(s[0]) : g * e * (e == 2 ? s[0] : s[0].pow(e - 1)), null]);
        }
        return Recorder.Record(r, "PowBackward1", [self, exponent], [self, exponent, r], (g, s) =>
        [
            g * s[1] * s[0].pow(s[1] - 1),
            // d/db a^b = a^b log a, taken as 0 where a == 0 and b >= 0 (PyTorch's convention).
            g * torch.where(s[0].eq(0.0) & s[1].ge(0.0), torch.zeros_like(s[2]), s[2] * s[0].log()),
        ]);
    }

    /// <summary>Elementwise maximum or minimum (NaN propagates; ties split the gradient in half, as PyTorch does).</summary>
    public static Tensor MinMax<TOp>(Tensor self, Tensor other, string name, string node, bool max) where TOp : IBinaryOp
    {
        var rt = TypePromotion.ResultType(self, other);
        if (rt == ScalarType.Bool) return max ? self.logical_or(other) : self.logical_and(other);
        var r = Dispatcher.Binary<TOp>(name, self, other, rt);
        return Recorder.Record(r, node, [self, other], [self, other], (g, s) =>
        {
            var aWins = (max ? s[0] > s[1] : s[0] < s[1]).to(g.dtype);
            var tie = s[0].eq(s[1]).to(g.dtype) * 0.5;
            return [g * (aWins + tie), g * (1.0 - aWins - tie)];
        });
    }

    // ---- ternary -----------------------------------------------------------------------

    /// <summary>Elementwise choice: x where condition is true, else y.</summary>
    public static Tensor Where(Tensor condition, Tensor x, Tensor y)
    {
        var r = Dispatcher.Where(condition, x, y);
        return Recorder.Record(r, "WhereBackward0", [x, y], [condition], (g, s) =>
        {
            var zero = torch.zeros([], g.dtype);
            return [torch.where(s[0], g, zero), torch.where(s[0], zero, g)];
        });
    }

    // ---- unary -------------------------------------------------------------------------

    /// <summary>The dtype of a floating unary op: the input's when floating, else the default dtype.</summary>
    public static ScalarType FloatResultType(Tensor self) => self.IsFloating ? self.dtype : torch.get_default_dtype();

    /// <summary>A floating unary op; <paramref name="grad"/> gets (grad, input, result), the ones asked to be saved.</summary>
    public static Tensor FloatUnary<TOp>(Tensor self, string name, string node, Func<Tensor, Tensor, Tensor, Tensor> grad, bool saveInput = true, bool saveResult = false) where TOp : IFloatUnaryOp
    {
        var r = Dispatcher.FloatUnary<TOp>(name, self, FloatResultType(self));
        if (!Recorder.Needed(self)) return r;
        Tensor[] saved = saveInput && saveResult ? [self, r] : saveInput ? [self] : [r];
        return Recorder.Record(r, node, [self], saved, (g, s) =>
            [grad(g, saveInput ? s[0] : null!, saveResult ? s[saveInput ? 1 : 0] : null!)]);
    }

    public static Tensor Exp(Tensor self) => FloatUnary<ExpOp>(self, "exp", "ExpBackward0", (g, _, r) => g * r, saveInput: false, saveResult: true);
    public static Tensor Log(Tensor self) => FloatUnary<LogOp>(self, "log", "LogBackward0", (g, x, _) => g / x);
    public static Tensor Log1p(Tensor self) => FloatUnary<Log1pOp>(self, "log1p", "Log1PBackward0", (g, x, _) => g / (x + 1.0));
    public static Tensor Sqrt(Tensor self) => FloatUnary<SqrtOp>(self, "sqrt", "SqrtBackward0", (g, _, r) => g / (r * 2.0), saveInput: false, saveResult: true);
    public static Tensor Rsqrt(Tensor self) => FloatUnary<RsqrtOp>(self, "rsqrt", "RsqrtBackward0", (g, _, r) => g * r.pow(3) * -0.5, saveInput: false, saveResult: true);
    public static Tensor Sin(Tensor self) => FloatUnary<SinOp>(self, "sin", "SinBackward0", (g, x, _) => g * x.cos());
    public static Tensor Cos(Tensor self) => FloatUnary<CosOp>(self, "cos", "CosBackward0", (g, x, _) => -g * x.sin());
    public static Tensor Tanh(Tensor self) => FloatUnary<TanhOp>(self, "tanh", "TanhBackward0", (g, _, r) => g * (1.0 - r * r), saveInput: false, saveResult: true);
    public static Tensor Sigmoid(Tensor self) => FloatUnary<SigmoidOp>(self, "sigmoid", "SigmoidBackward0", (g, _, r) => g * r * (1.0 - r), saveInput: false, saveResult: true);

    /// <summary>floor/ceil/round: integer tensors are returned as copies; the gradient is zero.</summary>
    public static Tensor Rounding<TOp>(Tensor self, string name, string node) where TOp : IFloatUnaryOp
    {
        if (!self.IsFloating) return self.clone();
        var r = Dispatcher.FloatUnary<TOp>(name, self, self.dtype);
        return Recorder.Record(r, node, [self], [], (g, _) => [torch.zeros_like(g)]);
    }

    public static Tensor Neg(Tensor self)
    {
        if (self.dtype == ScalarType.Bool)
            throw new ArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        var r = Dispatcher.Unary<NegOp>("neg", self, self.dtype);
        return Recorder.Record(r, "NegBackward0", [self], [], (g, _) => [-g]);
    }

    public static Tensor Abs(Tensor self)
    {
        if (self.dtype == ScalarType.Bool) return self.clone();
        var r = Dispatcher.Unary<AbsOp>("abs", self, self.dtype);
        return Recorder.Record(r, "AbsBackward0", [self], [self], (g, s) => [g * s[0].sign()]);
    }

    public static Tensor Sign(Tensor self)
    {
        if (self.dtype == ScalarType.Bool) return self.clone();
        var r = Dispatcher.Unary<SignOp>("sign", self, self.dtype);
        return Recorder.Record(r, "SignBackward0", [self], [], (g, _) => [torch.zeros_like(g)]);
    }

    public static Tensor Relu(Tensor self)
    {
        if (self.dtype == ScalarType.Bool) throw new ArgumentException("Boolean inputs not supported for relu");
        var r = Dispatcher.Unary<ReluOp>("relu", self, self.dtype);
        return Recorder.Record(r, "ReluBackward0", [self], [r], (g, s) =>
        {
            // r > 0 equals r >= the smallest positive subnormal, so clamp's fused backward serves relu too.
            double smallest = s[0].dtype == ScalarType.Float64 ? double.Epsilon : float.Epsilon;
            if (!GradMode.IsEnabled && Dispatcher.ClampBackward(s[0], g, smallest, null) is { } fused) return [fused];
            return [g * (s[0] > 0.0).to(g.dtype)];
        });
    }

    /// <summary>clamp; PyTorch names the node by the function called: clamp(min=0) is ClampBackward1, clamp_min(0) is ClampMinBackward0.</summary>
    public static Tensor Clamp(Tensor self, double? min, double? max, string node)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        var rt = ClampResultType(self, min, max);
        var r = Dispatcher.Clamp(rt == self.dtype ? self : Dispatcher.Cast(self, rt), min, max);
        return Recorder.Record(r, node, [self], [self], (g, s) =>
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
    public static ScalarType ClampResultType(Tensor self, double? min, double? max)
    {
        static Tensor Wrap(double v) => v == Math.Floor(v) && Math.Abs(v) < 9.2e18 ? torch.WrappedScalar((long)v) : torch.WrappedScalar(v);
        Tensor[] operands = min is { } lo && max is { } hi ? [self, Wrap(lo), Wrap(hi)] : [self, Wrap((min ?? max)!.Value)];
        return TypePromotion.ResultType(operands);
    }
}
