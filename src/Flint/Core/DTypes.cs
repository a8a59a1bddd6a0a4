namespace Flint;

/// <summary>Facts about each <see cref="ScalarType"/>: size, kind, CLR type, name.</summary>
internal static class DTypes
{
    public static int ElementSize(ScalarType t) => t switch
    {
        ScalarType.Bool or ScalarType.Byte or ScalarType.Int8 => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentException($"Unsupported dtype {t}"),
    };

    public static bool IsFloatingPoint(ScalarType t) =>
        t is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    public static bool IsIntegral(ScalarType t, bool includeBool) =>
        t is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64
        || (includeBool && t == ScalarType.Bool);

    /// <summary>Half-precision types compute in float32 and round back, as PyTorch does on the CPU.</summary>
    public static bool IsReducedFloat(ScalarType t) => t is ScalarType.Float16 or ScalarType.BFloat16;

    public static Type ClrType(ScalarType t) => t switch
    {
        ScalarType.Bool => typeof(bool),
        ScalarType.Byte => typeof(byte),
        ScalarType.Int8 => typeof(sbyte),
        ScalarType.Int16 => typeof(short),
        ScalarType.Int32 => typeof(int),
        ScalarType.Int64 => typeof(long),
        ScalarType.Float16 => typeof(Half),
        ScalarType.BFloat16 => typeof(BFloat16),
        ScalarType.Float32 => typeof(float),
        ScalarType.Float64 => typeof(double),
        _ => throw new ArgumentException($"Unsupported dtype {t}"),
    };

    public static ScalarType FromClrType(Type t)
    {
        if (t == typeof(float)) return ScalarType.Float32;
        if (t == typeof(double)) return ScalarType.Float64;
        if (t == typeof(long)) return ScalarType.Int64;
        if (t == typeof(int)) return ScalarType.Int32;
        if (t == typeof(short)) return ScalarType.Int16;
        if (t == typeof(sbyte)) return ScalarType.Int8;
        if (t == typeof(byte)) return ScalarType.Byte;
        if (t == typeof(bool)) return ScalarType.Bool;
        if (t == typeof(Half)) return ScalarType.Float16;
        if (t == typeof(BFloat16)) return ScalarType.BFloat16;
        throw new ArgumentException($"No Flint dtype for element type {t.Name}");
    }

    /// <summary>PyTorch's spelling: <c>torch.float32</c>.</summary>
    public static string Name(ScalarType t) => "torch." + t switch
    {
        ScalarType.Bool => "bool",
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        _ => t.ToString(),
    };

    /// <summary>PyTorch's short names used in messages: "Float", "Long", "Bool".</summary>
    public static string ShortName(ScalarType t) => t switch
    {
        ScalarType.Bool => "Bool",
        ScalarType.Byte => "Byte",
        ScalarType.Int8 => "Char",
        ScalarType.Int16 => "Short",
        ScalarType.Int32 => "Int",
        ScalarType.Int64 => "Long",
        ScalarType.Float16 => "Half",
        ScalarType.BFloat16 => "BFloat16",
        ScalarType.Float32 => "Float",
        ScalarType.Float64 => "Double",
        _ => t.ToString(),
    };
}
