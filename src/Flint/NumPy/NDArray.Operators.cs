namespace Flint;

public sealed partial class NDArray
{
    /// <summary>NumPy's broadcasting rule with NumPy's message.</summary>
    internal static long[] BroadcastShape(NDArray a, NDArray b)
    {
        var sa = a._t.Shape;
        var sb = b._t.Shape;
        int n = Math.Max(sa.Length, sb.Length);
        var r = new long[n];
        for (int i = 0; i < n; i++)
        {
            long da = i < n - sa.Length ? 1 : sa[i - (n - sa.Length)];
            long db = i < n - sb.Length ? 1 : sb[i - (n - sb.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"operands could not be broadcast together with shapes {NDShape.Compact(sa)} {NDShape.Compact(sb)} ");
            r[i] = da == 1 ? db : da;
        }
        return r;
    }

    /// <summary>A binary ufunc: broadcast check, NumPy's result dtype, then the tensor op on operands cast to it.</summary>
    private static NDArray Ufunc(NDArray a, NDArray b, ScalarType type, Func<Tensor, Tensor, Tensor> op)
    {
        BroadcastShape(a, b);
        return Result(op(a.Cast(type), b.Cast(type)));
    }

    private static NDArray Arith(NDArray a, NDArray b, Func<Tensor, Tensor, Tensor> op) =>
        Ufunc(a, b, NumPyPromotion.ResultType(a, b), op);

    /// <summary>Elementwise sum (logical or for two bool arrays, as in NumPy).</summary>
    public static NDArray operator +(NDArray a, NDArray b) => Arith(a, b, static (x, y) => x.dtype == ScalarType.Bool ? x.logical_or(y) : x.add(y));

    /// <summary>Elementwise difference.</summary>
    public static NDArray operator -(NDArray a, NDArray b) => Arith(a, b, static (x, y) => x.dtype == ScalarType.Bool
        ? throw new ArgumentException("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        : x.sub(y));

    /// <summary>Elementwise product (logical and for two bool arrays).</summary>
    public static NDArray operator *(NDArray a, NDArray b) => Arith(a, b, static (x, y) => x.dtype == ScalarType.Bool ? x.logical_and(y) : x.mul(y));

    /// <summary>True division: integers divide to float64, as in NumPy.</summary>
    public static NDArray operator /(NDArray a, NDArray b) =>
        Ufunc(a, b, NumPyPromotion.TrueDivide(NumPyPromotion.ResultType(a, b)), static (x, y) => x.div(y));

    /// <summary>Elementwise negation.</summary>
    public static NDArray operator -(NDArray a)
    {
        if (a._t.dtype == ScalarType.Bool)
            throw new ArgumentException("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
        return Result(a._t.neg());
    }

    /// <summary>Logical not of a bool array; bitwise not (<c>-x - 1</c>) of an integer array.</summary>
    public static NDArray operator ~(NDArray a)
    {
        if (a._t.dtype == ScalarType.Bool) return Result(a._t.logical_not());
        if (a._t.IsFloating) throw new ArgumentException("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
        return Result(a._t.neg().sub(torch.tensor(1L, a._t.dtype)));
    }

    /// <summary>Elementwise <c>&lt;</c>, a bool array.</summary>
    public static NDArray operator <(NDArray a, NDArray b) => Arith(a, b, static (x, y) => x.lt(y));

    /// <summary>Elementwise <c>&gt;</c>, a bool array.</summary>
    public static NDArray operator >(NDArray a, NDArray b) => Arith(a, b, static (x, y) => x.gt(y));

    /// <summary>Elementwise <c>&lt;=</c>, a bool array.</summary>
    public static NDArray operator <=(NDArray a, NDArray b) => Arith(a, b, static (x, y) => x.le(y));

    /// <summary>Elementwise <c>&gt;=</c>, a bool array.</summary>
    public static NDArray operator >=(NDArray a, NDArray b) => Arith(a, b, static (x, y) => x.ge(y));

    /// <summary>Logical and of bool arrays (masks).</summary>
    public static NDArray operator &(NDArray a, NDArray b) => Logical(a, b, "bitwise_and", static (x, y) => x.logical_and(y));

    /// <summary>Logical or of bool arrays (masks).</summary>
    public static NDArray operator |(NDArray a, NDArray b) => Logical(a, b, "bitwise_or", static (x, y) => x.logical_or(y));

    private static NDArray Logical(NDArray a, NDArray b, string ufunc, Func<Tensor, Tensor, Tensor> op)
    {
        if (a._t.dtype != ScalarType.Bool || b._t.dtype != ScalarType.Bool)
            throw new ArgumentException($"Flint's '{ufunc}' supports bool arrays only; got {a.dtype} and {b.dtype}");
        return Ufunc(a, b, ScalarType.Bool, op);
    }

    /// <summary>In place, like NumPy's <c>a += b</c> (the result must cast to a's dtype under 'same_kind').</summary>
    public void operator +=(NDArray other) => InPlace(other, "add", NumPyPromotion.ResultType(this, other), static (x, y) => x.add_(y));

    /// <summary>In place, like NumPy's <c>w1 -= learning_rate * grad_w1</c>.</summary>
    public void operator -=(NDArray other) => InPlace(other, "subtract", NumPyPromotion.ResultType(this, other), static (x, y) => x.sub_(y));

    /// <summary>In place multiplication.</summary>
    public void operator *=(NDArray other) => InPlace(other, "multiply", NumPyPromotion.ResultType(this, other), static (x, y) => x.mul_(y));

    /// <summary>In place true division (an integer array cannot hold the float64 result).</summary>
    public void operator /=(NDArray other) =>
        InPlace(other, "divide", NumPyPromotion.TrueDivide(NumPyPromotion.ResultType(this, other)), static (x, y) => x.div_(y));

    private void InPlace(NDArray other, string ufunc, ScalarType type, Func<Tensor, Tensor, Tensor> op)
    {
        var shape = BroadcastShape(this, other);
        if (!shape.AsSpan().SequenceEqual(_t.Shape))
            throw new ArgumentException($"non-broadcastable output operand with shape {NDShape.Compact(_t.Shape)} doesn't match the broadcast shape {NDShape.Compact(shape)}");
        if (!NumPyPromotion.CanCastSameKind(type, _t.dtype))
            throw new ArgumentException($"Cannot cast ufunc '{ufunc}' output from dtype('{NDType.Name(type)}') to dtype('{NDType.Name(_t.dtype)}') with casting rule 'same_kind'");
        if (type == _t.dtype)
        {
            op(_t, other.Cast(type));
            return;
        }
        // Compute in the wider type, then cast back into this array's memory.
        var wide = Cast(type).clone();
        op(wide, other.Cast(type));
        _t.copy_(wide);
    }
}
