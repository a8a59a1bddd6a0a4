namespace Flint;

/// <summary>
/// PyTorch's type promotion, in one place: <c>promote_types</c> for two dtypes and
/// <c>result_type</c> for an op's operands, where dimensioned tensors outrank 0-dim tensors,
/// which outrank wrapped C# numbers, unless a lower group holds a higher category
/// (bool &lt; integer &lt; floating).
/// </summary>
internal static partial class TypePromotion
{
    public static ScalarType Promote(ScalarType a, ScalarType b)
    {
        if (a == b) return a;
        if (a == ScalarType.Bool) return b;
        if (b == ScalarType.Bool) return a;
        bool af = DTypes.IsFloatingPoint(a), bf = DTypes.IsFloatingPoint(b);
        if (af && !bf) return a;
        if (bf && !af) return b;
        if (af && bf)
        {
            if (DTypes.IsReducedFloat(a) && DTypes.IsReducedFloat(b)) return ScalarType.Float32;
            return DTypes.ElementSize(a) >= DTypes.ElementSize(b) ? a : b;
        }
        // Both integral. uint8 with int8 needs int16 to hold both ranges.
        if ((a == ScalarType.Byte && b == ScalarType.Int8) || (a == ScalarType.Int8 && b == ScalarType.Byte)) return ScalarType.Int16;
        if (a == ScalarType.Byte) return b;
        if (b == ScalarType.Byte) return a;
        return DTypes.ElementSize(a) >= DTypes.ElementSize(b) ? a : b;
    }

    private struct State
    {
        public ScalarType? Dim, Zero, Wrapped;
    }

    private static ScalarType? PromoteOpt(ScalarType? a, ScalarType b) => a is null ? b : Promote(a.Value, b);

    private static ScalarType? Combine(ScalarType? higher, ScalarType? lower)
    {
        if (higher is { } h && DTypes.IsFloatingPoint(h)) return h;
        if (higher == ScalarType.Bool || (lower is { } l && DTypes.IsFloatingPoint(l)))
            return higher is null ? lower : lower is null ? higher : Promote(higher.Value, lower.Value);
        return higher ?? lower;
    }
}
