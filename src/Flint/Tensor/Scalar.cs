namespace Flint;

/// <summary>
/// TorchSharp's <c>Scalar</c>: one number with its dtype (PyTorch's <c>c10::Scalar</c>), what
/// <c>Tensor.ToScalar()</c> returns and <c>3.0.ToScalar()</c> makes. Integers are held exactly as <c>long</c>,
/// floating values as <c>double</c>. It converts implicitly to <c>double</c>, so TorchSharp code that passes a
/// Scalar where Flint takes a number (<c>x.clamp(0.0.ToScalar(), 1.0.ToScalar())</c>) compiles unchanged.
/// </summary>
public sealed class Scalar : IDisposable
{
    private readonly double _floating;
    private readonly long _integral;

    private Scalar(torch.ScalarType type, double floating, long integral)
    {
        Type = type; _floating = floating; _integral = integral;
    }

    internal static Scalar Floating(double value, torch.ScalarType type) => new(type, value, 0);
    internal static Scalar Integral(long value, torch.ScalarType type) => new(type, 0, value);

    /// <summary>The dtype this number carries (int64 for C# integers, float64 for <c>double</c>, ...).</summary>
    public torch.ScalarType Type { get; }

    internal bool IsFloating => DTypes.IsFloatingPoint(Type);

    /// <summary>The value as a double (integers above 2^53 round, as in PyTorch's <c>Scalar.to&lt;double&gt;()</c>).</summary>
    public double ToDouble() => IsFloating ? _floating : _integral;

    /// <summary>The value as a long (floating values truncate toward zero).</summary>
    public long ToInt64() => IsFloating ? (long)_floating : _integral;

    /// <summary>The number, for Flint methods that take a <c>double</c>.</summary>
    public static implicit operator double(Scalar value) => value.ToDouble();

    /// <summary>A uint8 scalar.</summary>
    public static implicit operator Scalar(byte value) => Integral(value, torch.ScalarType.Byte);
    /// <summary>An int8 scalar.</summary>
    public static implicit operator Scalar(sbyte value) => Integral(value, torch.ScalarType.Int8);
    /// <summary>An int16 scalar.</summary>
    public static implicit operator Scalar(short value) => Integral(value, torch.ScalarType.Int16);
    /// <summary>An int32 scalar.</summary>
    public static implicit operator Scalar(int value) => Integral(value, torch.ScalarType.Int32);
    /// <summary>An int64 scalar.</summary>
    public static implicit operator Scalar(long value) => Integral(value, torch.ScalarType.Int64);
    /// <summary>A float16 scalar.</summary>
    public static implicit operator Scalar(Half value) => Floating((double)value, torch.ScalarType.Float16);
    /// <summary>A bfloat16 scalar.</summary>
    public static implicit operator Scalar(BFloat16 value) => Floating((float)value, torch.ScalarType.BFloat16);
    /// <summary>A float32 scalar.</summary>
    public static implicit operator Scalar(float value) => Floating(value, torch.ScalarType.Float32);
    /// <summary>A float64 scalar.</summary>
    public static implicit operator Scalar(double value) => Floating(value, torch.ScalarType.Float64);
    /// <summary>A bool scalar.</summary>
    public static implicit operator Scalar(bool value) => Integral(value ? 1 : 0, torch.ScalarType.Bool);

    /// <summary>The number as PyTorch prints a Python number of its kind (<c>2</c>, <c>2.5</c>, <c>True</c>).</summary>
    public override string ToString() =>
        Type == torch.ScalarType.Bool ? (_integral != 0 ? "True" : "False")
        : IsFloating ? _floating.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : _integral.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Nothing to release (a Flint Scalar is a managed value); kept so TorchSharp's <c>using</c> blocks compile.</summary>
    public void Dispose() { }
}

/// <summary>TorchSharp's conversions between C# numbers and <see cref="Scalar"/>.</summary>
public static class ScalarExtensionMethods
{
    /// <summary>A uint8 scalar.</summary>
    public static Scalar ToScalar(this byte value) => value;
    /// <summary>An int8 scalar.</summary>
    public static Scalar ToScalar(this sbyte value) => value;
    /// <summary>An int16 scalar.</summary>
    public static Scalar ToScalar(this short value) => value;
    /// <summary>An int32 scalar.</summary>
    public static Scalar ToScalar(this int value) => value;
    /// <summary>An int64 scalar.</summary>
    public static Scalar ToScalar(this long value) => value;
    /// <summary>A float32 scalar.</summary>
    public static Scalar ToScalar(this float value) => value;
    /// <summary>A float64 scalar.</summary>
    public static Scalar ToScalar(this double value) => value;
    /// <summary>A bool scalar.</summary>
    public static Scalar ToScalar(this bool value) => value;
    /// <summary>A float16 scalar.</summary>
    public static Scalar ToScalar(this Half value) => value;
    /// <summary>A bfloat16 scalar.</summary>
    public static Scalar ToScalar(this BFloat16 value) => value;
    /// <summary>A bfloat16 scalar from a float (rounded to nearest even).</summary>
    public static Scalar ToBFloat16Scalar(this float value) => (BFloat16)value;

    /// <summary>The value as a float16.</summary>
    public static Half ToHalf(this Scalar value) => (Half)value.ToDouble();
    /// <summary>The value as a bfloat16.</summary>
    public static BFloat16 ToBFloat16(this Scalar value) => (BFloat16)value.ToDouble();
    /// <summary>The value as a float.</summary>
    public static float ToSingle(this Scalar value) => (float)value.ToDouble();
    /// <summary>The value as a double.</summary>
    public static double ToDouble(this Scalar value) => value.ToDouble();
    /// <summary>The value as an sbyte (wrapping as a C cast does).</summary>
    public static sbyte ToSByte(this Scalar value) => unchecked((sbyte)value.ToInt64());
    /// <summary>The value as a byte (wrapping as a C cast does).</summary>
    public static byte ToByte(this Scalar value) => unchecked((byte)value.ToInt64());
    /// <summary>The value as a short (wrapping as a C cast does).</summary>
    public static short ToInt16(this Scalar value) => unchecked((short)value.ToInt64());
    /// <summary>The value as an int (wrapping as a C cast does).</summary>
    public static int ToInt32(this Scalar value) => unchecked((int)value.ToInt64());
    /// <summary>The value as a long.</summary>
    public static long ToInt64(this Scalar value) => value.ToInt64();
    /// <summary>The value as a bool (non-zero is true).</summary>
    public static bool ToBoolean(this Scalar value) => value.IsFloating ? value.ToDouble() != 0 : value.ToInt64() != 0;
}
