namespace Flint;

public static partial class np
{
    /// <summary>Elementwise sine (<c>y = np.sin(x)</c>); integers compute in a float type, as in NumPy.</summary>
    public static NDArray sin(NDArray x) => FloatUnary(x, static t => t.sin());

    /// <summary>Elementwise cosine.</summary>
    public static NDArray cos(NDArray x) => FloatUnary(x, static t => t.cos());

    /// <summary>
    /// <paramref name="x1"/> raised to <paramref name="x2"/> elementwise (Python's <c>x ** 3</c>), in NumPy's result
    /// dtype: integers stay integers (and refuse negative exponents), floats use the C library's <c>pow</c>.
    /// </summary>
    public static NDArray power(NDArray x1, NDArray x2)
    {
        NDArray.BroadcastShape(x1, x2);
        var type = NumPyPromotion.ResultType(x1, x2);
        var b = x2.Cast(type);
        if (!DTypes.IsFloatingPoint(type) && type != ScalarType.Bool && b.numel() > 0 && b.min().to(ScalarType.Int64).item<long>() < 0)
            throw new ArgumentException("Integers to negative integer powers are not allowed.");
        if (type == ScalarType.Bool)
        {
            // NumPy's power on bools computes in int8 and keeps int8.
            type = ScalarType.Int8;
            b = x2.Cast(type);
        }
        return NDArray.Result(x1.Cast(type).pow(b));
    }
}
