namespace Flint;

/// <summary>
/// NumPy 1.24's type promotion, which differs from PyTorch's: <c>promote_types</c> (int32 with
/// float32 gives float64), and value-based casting where a 0-d operand (a scalar or a C# number)
/// of the same or a lower kind than a dimensioned array only widens it when its value needs it.
/// </summary>
internal static class NumPyPromotion
{
    private static int Kind(ScalarType t) => t == ScalarType.Bool ? 0 : DTypes.IsFloatingPoint(t) ? 2 : 1;

    private static bool Unsigned(ScalarType t) => t == ScalarType.Byte;

    /// <summary><c>np.promote_types</c>.</summary>
    public static ScalarType Promote(ScalarType a, ScalarType b)
    {
        if (a == b) return a;
        if (a == ScalarType.Bool) return b;
        if (b == ScalarType.Bool) return a;
        int ka = Kind(a), kb = Kind(b);
        if (ka == 2 && kb == 2) return DTypes.ElementSize(a) >= DTypes.ElementSize(b) ? a : b;
        if (ka == 2 || kb == 2)
        {
            var (f, i) = ka == 2 ? (a, b) : (b, a);
            // The float must hold every value of the integer type exactly enough: int8/uint8 fit float16,
            // int16 needs float32, int32/int64 need float64.
            long isz = DTypes.ElementSize(i);
            var need = isz == 1 ? ScalarType.Float16 : isz == 2 ? ScalarType.Float32 : ScalarType.Float64;
            return DTypes.ElementSize(need) >= DTypes.ElementSize(f) ? need : f;
        }
        if (Unsigned(a) == Unsigned(b)) return DTypes.ElementSize(a) >= DTypes.ElementSize(b) ? a : b;
        var (u, s) = Unsigned(a) ? (a, b) : (b, a);
        return DTypes.ElementSize(s) > DTypes.ElementSize(u) ? s : ScalarType.Int16;
    }

    /// <summary>
    /// <c>np.result_type</c> of two operands. Value-based casting applies when exactly one is 0-d
    /// and its kind does not exceed the array's.
    /// </summary>
    public static ScalarType ResultType(NDArray a, NDArray b)
    {
        bool a0 = a.ndim == 0, b0 = b.ndim == 0;
        if (a0 == b0) return Promote(a.dtype, b.dtype);
        var (arr, sc) = a0 ? (b, a) : (a, b);
        if (Kind(sc.dtype) > Kind(arr.dtype)) return Promote(arr.dtype, sc.dtype);
        return Promote(arr.dtype, MinScalarType(sc, arr.dtype));
    }

    /// <summary>The smallest dtype of the scalar's kind that holds its value (signed when the array is signed).</summary>
    private static ScalarType MinScalarType(NDArray scalar, ScalarType arrayType)
    {
        var t = scalar.dtype;
        int k = Kind(t);
        if (k == 0) return ScalarType.Bool;
        if (k == 2)
        {
            double v = Math.Abs(scalar.AsTensor.to(ScalarType.Float64).item<double>());
            if (!double.IsFinite(v) || v <= 65504.0) return ScalarType.Float16;
            return v <= float.MaxValue ? ScalarType.Float32 : ScalarType.Float64;
        }
        long x = scalar.AsTensor.to(ScalarType.Int64).item<long>();
        if (x >= 0 && (Unsigned(arrayType) || Kind(arrayType) != 1))
        {
            // NumPy picks uint8/uint16/uint32 here; Flint has no uint16/uint32, so use the signed type
            // that promotes the same way with floats.
            if (x <= byte.MaxValue) return ScalarType.Byte;
            if (x <= ushort.MaxValue && Kind(arrayType) == 2) return ScalarType.Int16;
        }
        if (x >= sbyte.MinValue && x <= sbyte.MaxValue) return ScalarType.Int8;
        if (x >= short.MinValue && x <= short.MaxValue) return ScalarType.Int16;
        if (x >= int.MinValue && x <= int.MaxValue) return ScalarType.Int32;
        return ScalarType.Int64;
    }

    /// <summary>NumPy's 'same_kind' casting: within a kind, or up to a higher kind.</summary>
    public static bool CanCastSameKind(ScalarType from, ScalarType to) => Kind(from) <= Kind(to);

    /// <summary>The dtype true division gives: floats keep theirs, integers and bools give float64.</summary>
    public static ScalarType TrueDivide(ScalarType t) => Kind(t) == 2 ? t : ScalarType.Float64;

    /// <summary>The float dtype a float ufunc (exp, log, sqrt) computes an input in.</summary>
    public static ScalarType FloatFor(ScalarType t) => Kind(t) == 2 ? t : DTypes.ElementSize(t) switch
    {
        1 => ScalarType.Float16,
        2 => ScalarType.Float32,
        _ => ScalarType.Float64,
    };
}
