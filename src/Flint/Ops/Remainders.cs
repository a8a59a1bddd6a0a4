using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// fmod, remainder and division with a rounding mode (PyTorch's <c>rounding_mode="trunc"/"floor"</c>): results in the
/// promoted dtype (integers stay integers), integer division by zero is PyTorch's ZeroDivisionError. Backward formulas
/// as derivatives.yaml: the dividend's gradient passes through fmod/remainder, the divisor's is −g·q with q the
/// truncated (fmod) or floored (remainder) quotient; a rounded division has a zero gradient.
/// </summary>
internal static class Remainders
{
    /// <summary>The kernel in the promoted dtype, after PyTorch's checks (no bool; no integer division by zero).</summary>
    private static Tensor Checked<TOp>(string name, Tensor self, Tensor other) where TOp : IBinaryOp
    {
        var rt = TypePromotion.ResultType(self, other);
        if (rt == ScalarType.Bool) throw new ArgumentException($"\"{name}_cpu\" not implemented for 'Bool'");
        if (!DTypes.IsFloatingPoint(rt) && other.eq(0.0).any().item<bool>()) throw new InvalidOperationException("ZeroDivisionError");
        return Dispatcher.Binary<TOp>(name, self, other, rt);
    }

    public static Tensor Fmod(Tensor self, Tensor other)
    {
        var r = Checked<FmodOp>("fmod", self, other);
        return Recorder.Record(r, "FmodBackward1", [self, other], [self, other], (g, s) => [g, -g * Div(s[0], s[1], torch.RoundingMode.trunc)]);
    }

    public static Tensor Remainder(Tensor self, Tensor other)
    {
        var r = Checked<RemainderOp>("remainder", self, other);
        return Recorder.Record(r, "RemainderBackward1", [self, other], [self, other], (g, s) => [g, -g * Div(s[0], s[1], torch.RoundingMode.floor)]);
    }

    /// <summary>self / other rounded as <paramref name="mode"/> says; <see cref="torch.RoundingMode.None"/> is true division.</summary>
    public static Tensor Div(Tensor self, Tensor other, torch.RoundingMode mode)
    {
        if (mode == torch.RoundingMode.None) return Pointwise.Div(self, other);
        var r = mode == torch.RoundingMode.trunc ? Checked<TruncDivOp>("div_trunc", self, other) : Checked<FloorDivOp>("div_floor", self, other);
        return Recorder.Record(r, "DivBackward2", [self, other], [], (g, _) => [torch.zeros_like(g), torch.zeros_like(g)]);
    }
}
