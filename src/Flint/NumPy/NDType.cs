namespace Flint;

/// <summary>
/// A NumPy dtype (<c>np.float64</c>, <c>np.int32</c>, ...): Flint's <see cref="ScalarType"/> under
/// NumPy's name, so <c>a.dtype</c> prints <c>float64</c>. Converts implicitly to and from
/// <see cref="ScalarType"/>, so <c>torch.float32</c> works where a NumPy dtype is expected.
/// </summary>
public readonly struct NDType : IEquatable<NDType>
{
    internal readonly ScalarType Type;

    internal NDType(ScalarType type)
    {
        if (type == ScalarType.BFloat16)
            throw new ArgumentException("Got unsupported ScalarType BFloat16");
        Type = type;
    }

    /// <summary>NumPy's name for the dtype (<c>float64</c>).</summary>
    public string name => Name(Type);

    /// <summary>The size of one element in bytes.</summary>
    public long itemsize => DTypes.ElementSize(Type);

    /// <summary>The NumPy name, as <c>str(dtype)</c> gives it.</summary>
    public override string ToString() => name;

    /// <inheritdoc/>
    public bool Equals(NDType other) => Type == other.Type;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NDType t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Type;

    /// <summary>Same dtype.</summary>
    public static bool operator ==(NDType a, NDType b) => a.Type == b.Type;

    /// <summary>Different dtypes.</summary>
    public static bool operator !=(NDType a, NDType b) => a.Type != b.Type;

    /// <summary>The matching Flint scalar type.</summary>
    public static implicit operator ScalarType(NDType t) => t.Type;

    /// <summary>The NumPy dtype of a Flint scalar type (bfloat16 has none).</summary>
    public static implicit operator NDType(ScalarType t) => new(t);

    internal static string Name(ScalarType t) => t switch
    {
        ScalarType.Bool => "bool",
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        _ => throw new ArgumentException($"Got unsupported ScalarType {t}"),
    };

    /// <summary>Dtypes NumPy's repr leaves out (<c>float64</c>, <c>int64</c>, <c>bool</c>).</summary>
    internal static bool IsImplied(ScalarType t) => t is ScalarType.Float64 or ScalarType.Int64 or ScalarType.Bool;
}
