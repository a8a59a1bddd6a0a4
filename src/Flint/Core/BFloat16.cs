using System.Runtime.CompilerServices;

namespace Flint;

/// <summary>
/// A bfloat16 value: the upper 16 bits of an IEEE float32. Conversions round to nearest even,
/// as PyTorch does; arithmetic happens in float32.
/// </summary>
public readonly struct BFloat16 : IEquatable<BFloat16>, IComparable<BFloat16>
{
    /// <summary>The raw bit pattern.</summary>
    public readonly ushort Bits;

    private BFloat16(ushort bits) => Bits = bits;

    /// <summary>Creates a value from its raw bit pattern.</summary>
    public static BFloat16 FromBits(ushort bits) => new(bits);

    /// <summary>Rounds a float to the nearest bfloat16 (ties to even); NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static explicit operator BFloat16(float value)
    {
        if (float.IsNaN(value)) return new BFloat16(0x7FC0);
        uint bits = BitConverter.SingleToUInt32Bits(value);
        uint roundingBias = 0x7FFF + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + roundingBias) >> 16));
    }

    /// <summary>Widens to float exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator float(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value.Bits << 16);

    /// <summary>Rounds a double to bfloat16 (through float, as PyTorch does).</summary>
    public static explicit operator BFloat16(double value) => (BFloat16)(float)value;

    /// <inheritdoc/>
    public bool Equals(BFloat16 other) => (float)this == (float)other;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is BFloat16 other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => ((float)this).GetHashCode();
    /// <inheritdoc/>
    public int CompareTo(BFloat16 other) => ((float)this).CompareTo((float)other);
    /// <inheritdoc/>
    public override string ToString() => ((float)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
