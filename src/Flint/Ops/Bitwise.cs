using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// bitwise_and/or/xor/not, the shifts, gcd and lcm: integer kernels (Backends/BitwiseOperators.cs) after PyTorch's
/// type promotion; bool tensors use the logical forms (and, or, xor as !=, not); floating tensors are rejected with
/// PyTorch's "not implemented" wording. None is differentiable.
/// </summary>
internal static class Bitwise
{
    private static Tensor Integer<TOp>(Tensor a, Tensor b, string name, string kernel, Func<Tensor, Tensor, Tensor>? onBool) where TOp : IBinaryOp
    {
        var rt = TypePromotion.ResultType(a, b);
        if (rt == ScalarType.Bool && onBool is not null) return onBool(a.to(ScalarType.Bool), b.to(ScalarType.Bool));
        if (rt == ScalarType.Bool || DTypes.IsFloatingPoint(rt))
            throw new ArgumentException($"\"{kernel}\" not implemented for '{DTypes.ShortName(rt)}'");
        return Dispatcher.Binary<TOp>(name, a, b, rt);
    }

    public static Tensor And(Tensor a, Tensor b) => Integer<BitwiseAndOp>(a, b, "bitwise_and", "bitwise_and_cpu", (x, y) => x.logical_and(y));
    public static Tensor Or(Tensor a, Tensor b) => Integer<BitwiseOrOp>(a, b, "bitwise_or", "bitwise_or_cpu", (x, y) => x.logical_or(y));
    public static Tensor Xor(Tensor a, Tensor b) => Integer<BitwiseXorOp>(a, b, "bitwise_xor", "bitwise_xor_cpu", (x, y) => x.ne(y));
    public static Tensor LeftShift(Tensor a, Tensor b) => Integer<LeftShiftOp>(a, b, "bitwise_left_shift", "lshift_cpu", null);
    public static Tensor RightShift(Tensor a, Tensor b) => Integer<RightShiftOp>(a, b, "bitwise_right_shift", "rshift_cpu", null);
    public static Tensor Gcd(Tensor a, Tensor b) => Integer<GcdOp>(a, b, "gcd", "gcd_cpu", null);
    public static Tensor Lcm(Tensor a, Tensor b) => Integer<LcmOp>(a, b, "lcm", "lcm_cpu", null);

    /// <summary>~x: logical not for bool, −x − 1 (two's complement) for integers.</summary>
    public static Tensor Not(Tensor x)
    {
        if (x.dtype == ScalarType.Bool) return x.logical_not();
        if (x.IsFloating) throw new ArgumentException($"\"bitwise_not_cpu\" not implemented for '{DTypes.ShortName(x.dtype)}'");
        return x.neg() - 1L;
    }
}
