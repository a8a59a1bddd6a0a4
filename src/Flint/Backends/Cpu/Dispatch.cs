namespace Flint.Backends.Cpu;

/// <summary>
/// The one place that turns a runtime <see cref="ScalarType"/> into a generic instantiation.
/// Half and bfloat16 never reach arithmetic kernels: the op layer computes them in float32.
/// </summary>
internal static class Dispatch
{
    private static ArgumentException Unsupported(string op, ScalarType t) =>
        new($"\"{op}\" not implemented for '{DTypes.ShortName(t)}'");

    public static void Binary<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : IBinaryOp
    {
        switch (t)
        {
            case ScalarType.Float32: ElementwiseKernels.Binary<float, TOp>(shape, a, b, o); break;
            case ScalarType.Float64: ElementwiseKernels.Binary<double, TOp>(shape, a, b, o); break;
            case ScalarType.Int64: ElementwiseKernels.Binary<long, TOp>(shape, a, b, o); break;
            case ScalarType.Int32: ElementwiseKernels.Binary<int, TOp>(shape, a, b, o); break;
            case ScalarType.Int16: ElementwiseKernels.Binary<short, TOp>(shape, a, b, o); break;
            case ScalarType.Int8: ElementwiseKernels.Binary<sbyte, TOp>(shape, a, b, o); break;
            case ScalarType.Byte: ElementwiseKernels.Binary<byte, TOp>(shape, a, b, o); break;
            default: throw Unsupported(op, t);
        }
    }

    public static void Unary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IUnaryOp
    {
        switch (t)
        {
            case ScalarType.Float32: ElementwiseKernels.Unary<float, TOp>(shape, x, o); break;
            case ScalarType.Float64: ElementwiseKernels.Unary<double, TOp>(shape, x, o); break;
            case ScalarType.Int64: ElementwiseKernels.Unary<long, TOp>(shape, x, o); break;
            case ScalarType.Int32: ElementwiseKernels.Unary<int, TOp>(shape, x, o); break;
            case ScalarType.Int16: ElementwiseKernels.Unary<short, TOp>(shape, x, o); break;
            case ScalarType.Int8: ElementwiseKernels.Unary<sbyte, TOp>(shape, x, o); break;
            case ScalarType.Byte: ElementwiseKernels.Unary<byte, TOp>(shape, x, o); break;
            default: throw Unsupported(op, t);
        }
    }

    public static void FloatUnary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IFloatUnaryOp
    {
        switch (t)
        {
            case ScalarType.Float32: ElementwiseKernels.FloatUnary<float, TOp>(shape, x, o); break;
            case ScalarType.Float64: ElementwiseKernels.FloatUnary<double, TOp>(shape, x, o); break;
            default: throw Unsupported(op, t);
        }
    }

    public static void Compare<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : ICompareOp
    {
        switch (t)
        {
            case ScalarType.Float32: ElementwiseKernels.Compare<float, TOp>(shape, a, b, o); break;
            case ScalarType.Float64: ElementwiseKernels.Compare<double, TOp>(shape, a, b, o); break;
            case ScalarType.Int64: ElementwiseKernels.Compare<long, TOp>(shape, a, b, o); break;
            case ScalarType.Int32: ElementwiseKernels.Compare<int, TOp>(shape, a, b, o); break;
            case ScalarType.Int16: ElementwiseKernels.Compare<short, TOp>(shape, a, b, o); break;
            case ScalarType.Int8: ElementwiseKernels.Compare<sbyte, TOp>(shape, a, b, o); break;
            case ScalarType.Byte: ElementwiseKernels.Compare<byte, TOp>(shape, a, b, o); break;
            default: throw Unsupported(op, t);
        }
    }

    public static void Where(ScalarType t, long[] shape, Operand c, Operand a, Operand b, Operand o)
    {
        switch (t)
        {
            case ScalarType.Float32: ElementwiseKernels.Where<float>(shape, c, a, b, o); break;
            case ScalarType.Float64: ElementwiseKernels.Where<double>(shape, c, a, b, o); break;
            case ScalarType.Int64: ElementwiseKernels.Where<long>(shape, c, a, b, o); break;
            case ScalarType.Int32: ElementwiseKernels.Where<int>(shape, c, a, b, o); break;
            case ScalarType.Int16: ElementwiseKernels.Where<short>(shape, c, a, b, o); break;
            case ScalarType.Int8: ElementwiseKernels.Where<sbyte>(shape, c, a, b, o); break;
            case ScalarType.Byte: ElementwiseKernels.Where<byte>(shape, c, a, b, o); break;
            case ScalarType.Bool: ElementwiseKernels.Where<bool>(shape, c, a, b, o); break;
            case ScalarType.Float16: ElementwiseKernels.Where<Half>(shape, c, a, b, o); break;
            case ScalarType.BFloat16: ElementwiseKernels.Where<BFloat16>(shape, c, a, b, o); break;
            default: throw Unsupported("where", t);
        }
    }

    public static void Copy(ScalarType t, long[] shape, Operand src, Operand dst)
    {
        switch (t)
        {
            case ScalarType.Float32: ElementwiseKernels.Copy<float>(shape, src, dst); break;
            case ScalarType.Float64: ElementwiseKernels.Copy<double>(shape, src, dst); break;
            case ScalarType.Int64: ElementwiseKernels.Copy<long>(shape, src, dst); break;
            case ScalarType.Int32: ElementwiseKernels.Copy<int>(shape, src, dst); break;
            case ScalarType.Int16: ElementwiseKernels.Copy<short>(shape, src, dst); break;
            case ScalarType.Int8: ElementwiseKernels.Copy<sbyte>(shape, src, dst); break;
            case ScalarType.Byte: ElementwiseKernels.Copy<byte>(shape, src, dst); break;
            case ScalarType.Bool: ElementwiseKernels.Copy<bool>(shape, src, dst); break;
            case ScalarType.Float16: ElementwiseKernels.Copy<Half>(shape, src, dst); break;
            case ScalarType.BFloat16: ElementwiseKernels.Copy<BFloat16>(shape, src, dst); break;
            default: throw Unsupported("copy", t);
        }
    }

    /// <summary>Fills a view with a value given as double (converted as a cast would).</summary>
    public static void Fill(ScalarType t, long[] shape, Operand o, double value)
    {
        switch (t)
        {
            case ScalarType.Float32: ElementwiseKernels.Fill(shape, o, (float)value); break;
            case ScalarType.Float64: ElementwiseKernels.Fill(shape, o, value); break;
            case ScalarType.Int64: ElementwiseKernels.Fill(shape, o, (long)value); break;
            case ScalarType.Int32: ElementwiseKernels.Fill(shape, o, unchecked((int)(long)value)); break;
            case ScalarType.Int16: ElementwiseKernels.Fill(shape, o, unchecked((short)(long)value)); break;
            case ScalarType.Int8: ElementwiseKernels.Fill(shape, o, unchecked((sbyte)(long)value)); break;
            case ScalarType.Byte: ElementwiseKernels.Fill(shape, o, unchecked((byte)(long)value)); break;
            case ScalarType.Bool: ElementwiseKernels.Fill(shape, o, value != 0); break;
            case ScalarType.Float16: ElementwiseKernels.Fill(shape, o, (Half)(float)value); break;
            case ScalarType.BFloat16: ElementwiseKernels.Fill(shape, o, (BFloat16)(float)value); break;
            default: throw Unsupported("fill_", t);
        }
    }

    public static void Clamp(ScalarType t, long[] shape, Operand x, Operand o, double? lo, double? hi)
    {
        switch (t)
        {
            case ScalarType.Float32: ElementwiseKernels.Clamp(shape, x, o, (float?)lo, (float?)hi); break;
            case ScalarType.Float64: ElementwiseKernels.Clamp(shape, x, o, lo, hi); break;
            case ScalarType.Int64: ElementwiseKernels.Clamp(shape, x, o, (long?)lo, (long?)hi); break;
            case ScalarType.Int32: ElementwiseKernels.Clamp(shape, x, o, (int?)lo, (int?)hi); break;
            case ScalarType.Int16: ElementwiseKernels.Clamp(shape, x, o, (short?)lo, (short?)hi); break;
            case ScalarType.Int8: ElementwiseKernels.Clamp(shape, x, o, (sbyte?)lo, (sbyte?)hi); break;
            case ScalarType.Byte: ElementwiseKernels.Clamp(shape, x, o, (byte?)lo, (byte?)hi); break;
            default: throw Unsupported("clamp", t);
        }
    }
}
