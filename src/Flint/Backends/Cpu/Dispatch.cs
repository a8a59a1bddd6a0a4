using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>
/// The CPU primitives' entry points: each picks its element type through <see cref="DTypeSwitch"/>
/// and runs the generic kernel in <see cref="ElementwiseKernels"/>.
/// </summary>
internal static class Dispatch
{
    public static void Binary<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : IBinaryOp
    {
        var k = new BinaryKernel<TOp>(shape, a, b, o);
        DTypeSwitch.Number(op, t, ref k);
    }

    public static void Unary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IUnaryOp
    {
        var k = new UnaryKernel<TOp>(shape, x, o);
        DTypeSwitch.Number(op, t, ref k);
    }

    public static void FloatUnary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IFloatUnaryOp
    {
        var k = new FloatUnaryKernel<TOp>(shape, x, o);
        DTypeSwitch.Float(op, t, ref k);
    }

    public static void Compare<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : ICompareOp
    {
        var k = new CompareKernel<TOp>(shape, a, b, o);
        DTypeSwitch.Number(op, t, ref k);
    }

    public static void Where(ScalarType t, long[] shape, Operand c, Operand a, Operand b, Operand o)
    {
        var k = new WhereKernel(shape, c, a, b, o);
        DTypeSwitch.Element("where", t, ref k);
    }

    public static void Copy(ScalarType t, long[] shape, Operand src, Operand dst)
    {
        var k = new CopyKernel(shape, src, dst);
        DTypeSwitch.Element("copy", t, ref k);
    }

    private readonly struct BinaryKernel<TOp>(long[] shape, Operand a, Operand b, Operand o) : INumberKernel where TOp : IBinaryOp
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => ElementwiseKernels.Binary<T, TOp>(shape, a, b, o);
    }

    private readonly struct UnaryKernel<TOp>(long[] shape, Operand x, Operand o) : INumberKernel where TOp : IUnaryOp
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => ElementwiseKernels.Unary<T, TOp>(shape, x, o);
    }

    private readonly struct FloatUnaryKernel<TOp>(long[] shape, Operand x, Operand o) : IFloatKernel where TOp : IFloatUnaryOp
    {
        public void Invoke<T>() where T : unmanaged, IFloatingPointIeee754<T> => ElementwiseKernels.FloatUnary<T, TOp>(shape, x, o);
    }

    private readonly struct CompareKernel<TOp>(long[] shape, Operand a, Operand b, Operand o) : INumberKernel where TOp : ICompareOp
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => ElementwiseKernels.Compare<T, TOp>(shape, a, b, o);
    }

    private readonly struct WhereKernel(long[] shape, Operand c, Operand a, Operand b, Operand o) : IElementKernel
    {
        public void Invoke<T>() where T : unmanaged => ElementwiseKernels.Where<T>(shape, c, a, b, o);
    }

    private readonly struct CopyKernel(long[] shape, Operand src, Operand dst) : IElementKernel
    {
        public void Invoke<T>() where T : unmanaged => ElementwiseKernels.Copy<T>(shape, src, dst);
    }

    // Fill and Clamp convert a double to each element type with the cast PyTorch's Scalar conversion
    // uses for it (int32 wraps through int64, bool is != 0), so they keep their explicit switches.

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
            default: throw DTypeSwitch.Unsupported("fill_", t);
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
            default: throw DTypeSwitch.Unsupported("clamp", t);
        }
    }
}
