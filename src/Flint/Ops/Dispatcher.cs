using Flint.Backends;
using Flint.Backends.Cpu;

namespace Flint.Ops;

/// <summary>
/// The op layer's one door to the backends: the only code (besides the backends themselves)
/// that calls a backend or touches a storage's memory. It checks devices, promotes/casts
/// operands, broadcasts, allocates results and runs a primitive, holding its operands alive
/// for the kernel's whole duration (<see cref="KernelLease"/>). No autograd here: the op
/// files under <c>Ops/</c> record nodes.
/// </summary>
internal static partial class Dispatcher
{
    private static Operand Op(Tensor t)
    {
        t.ThrowIfDisposed();
        return new(t.Storage, t.Offset, t.Strides);
    }

    private static Operand Op(Tensor t, long[] strides)
    {
        t.ThrowIfDisposed();
        return new(t.Storage, t.Offset, strides);
    }

    /// <summary>PyTorch's rule: operands share a device, except that a 0-dim CPU tensor (or a C# number) joins any device as a scalar.</summary>
    public static void CheckSameDevice(Tensor a, Tensor b)
    {
        if (a.device != b.device && !IsHostScalar(a) && !IsHostScalar(b))
            throw new ArgumentException(DeviceErrors.Mismatch(a.device, b.device));
    }

    /// <summary>A 0-dim CPU tensor: usable as a scalar operand on any device.</summary>
    public static bool IsHostScalar(Tensor t) => t.device.type == DeviceType.CPU && t.Shape.Length == 0;

    /// <summary>The device a result of these operands lives on: the first one not a host scalar.</summary>
    public static Device ResultDevice(Tensor a, Tensor b) => IsHostScalar(a) && !IsHostScalar(b) ? b.device : a.device;

    public static Device ResultDevice(Tensor a, Tensor b, Tensor c) =>
        !IsHostScalar(a) ? a.device : !IsHostScalar(b) ? b.device : c.device;

    /// <summary>A copy of <paramref name="t"/> converted to <paramref name="dtype"/> (or t itself when it already is).</summary>
    public static Tensor Cast(Tensor t, ScalarType dtype)
    {
        if (t.dtype == dtype) return t;
        var o = EmptyLike(t, dtype);
        using var lease = new KernelLease(t, o);
        Backend.For(t.device).Copy(t.Shape, Op(t), t.dtype, Op(o), dtype);
        return o;
    }

    /// <summary>A contiguous copy with the same dtype.</summary>
    public static Tensor Contiguous(Tensor t)
    {
        var o = EmptyLike(t, t.dtype);
        using var lease = new KernelLease(t, o);
        Backend.For(t.device).Copy(t.Shape, Op(t), t.dtype, Op(o), t.dtype);
        return o;
    }

    /// <summary>Copies src (broadcast to dst's shape, any dtype) into dst's view.</summary>
    public static void CopyInto(Tensor dst, Tensor src)
    {
        if (src.device != dst.device && !IsHostScalar(src))
            throw new ArgumentException(DeviceErrors.MismatchInOrder(dst.device, src.device));
        using var lease = new KernelLease(src, dst);
        Backend.For(dst.device).Copy(dst.Shape, Op(src, BroadcastStrides(src, dst.Shape)), src.dtype, Op(dst), dst.dtype);
    }

    /// <summary>Strides that read <paramref name="t"/> as if expanded to <paramref name="shape"/> (0 on broadcast dims).</summary>
    public static long[] BroadcastStrides(Tensor t, long[] shape)
    {
        if (Shapes.SameShape(t.Shape, shape)) return t.Strides; // nothing to broadcast: share the view's own strides
        var strides = new long[shape.Length];
        int lead = shape.Length - t.Shape.Length;
        for (int i = 0; i < t.Shape.Length; i++)
            strides[i + lead] = t.Shape[i] == 1 && shape[i + lead] != 1 ? 0 : t.Strides[i];
        return strides;
    }

    /// <summary>
    /// An uninitialised contiguous result with <paramref name="like"/>'s shape on its device. Shape and
    /// strides arrays are shared with <paramref name="like"/> where they fit (they are never mutated), so
    /// an elementwise op allocates only the tensor, its storage and the buffer.
    /// </summary>
    private static Tensor EmptyLike(Tensor like, ScalarType dtype) => EmptyShaped(like.Shape, dtype, like.device, like);

    /// <summary>An uninitialised contiguous result of <paramref name="shape"/>, borrowing the contiguous strides of an operand of that shape.</summary>
    private static Tensor EmptyShaped(long[] shape, ScalarType dtype, Device device, Tensor a, Tensor? b = null)
    {
        long[]? strides = ReferenceEquals(shape, a.Shape) && Shapes.IsRowMajor(shape, a.Strides) ? a.Strides
            : b is not null && ReferenceEquals(shape, b.Shape) && Shapes.IsRowMajor(shape, b.Strides) ? b.Strides
            : null;
        return Tensor.Empty(shape, dtype, device, clear: false, strides);
    }

    /// <summary>The dtype arithmetic runs in: half types compute in float32.</summary>
    public static ScalarType ComputeType(ScalarType t) => DTypes.IsReducedFloat(t) ? ScalarType.Float32 : t;

    /// <summary>
    /// Runs a binary arithmetic kernel producing <paramref name="resultType"/>. With
    /// <paramref name="into"/>, writes there (in-place ops); its shape must be the broadcast shape.
    /// </summary>
    public static Tensor Binary<TOp>(string name, Tensor a, Tensor b, ScalarType resultType, Tensor? into = null) where TOp : IBinaryOp
    {
        CheckSameDevice(a, b);
        var shape = Shapes.BroadcastShared(a.Shape, b.Shape);
        if (into is not null && !Shapes.SameShape(shape, into.Shape))
            throw new ArgumentException($"output with shape {Shapes.Str(into.Shape)} doesn't match the broadcast shape {Shapes.Str(shape)}");
        var compute = ComputeType(resultType);
        var ac = Cast(a, compute);
        var bc = Cast(b, compute);
        var device = ResultDevice(a, b);
        var o = into is not null && into.dtype == compute ? into : EmptyShaped(shape, compute, device, a, b);
        Operand oa = Op(ac, BroadcastStrides(ac, shape)), ob = Op(bc, BroadcastStrides(bc, shape));
        using var lease = new KernelLease(ac, bc, o);
        if (device.type == DeviceType.CPU) Backend.Cpu.Binary<TOp>(name, compute, shape, oa, ob, Op(o));
        else Backend.For(device).Binary<TOp>(name, compute, shape, oa, ob, Op(o));
        return Finish(o, resultType, into);
    }

    public static Tensor Unary<TOp>(string name, Tensor x, ScalarType resultType, Tensor? into = null) where TOp : IUnaryOp
    {
        var compute = ComputeType(resultType);
        var xc = Cast(x, compute);
        var o = into is not null && into.dtype == compute ? into : EmptyLike(x, compute);
        using var lease = new KernelLease(xc, o);
        if (x.device.type == DeviceType.CPU) Backend.Cpu.Unary<TOp>(name, compute, x.Shape, Op(xc), Op(o));
        else Backend.For(x.device).Unary<TOp>(name, compute, x.Shape, Op(xc), Op(o));
        return Finish(o, resultType, into);
    }

    public static Tensor FloatUnary<TOp>(string name, Tensor x, ScalarType resultType, Tensor? into = null) where TOp : IFloatUnaryOp
    {
        var compute = ComputeType(resultType);
        var xc = Cast(x, compute);
        var o = into is not null && into.dtype == compute ? into : EmptyLike(x, compute);
        using var lease = new KernelLease(xc, o);
        if (x.device.type == DeviceType.CPU) Backend.Cpu.FloatUnary<TOp>(name, compute, x.Shape, Op(xc), Op(o));
        else Backend.For(x.device).FloatUnary<TOp>(name, compute, x.Shape, Op(xc), Op(o));
        return Finish(o, resultType, into);
    }

    public static Tensor Compare<TOp>(string name, Tensor a, Tensor b) where TOp : ICompareOp
    {
        CheckSameDevice(a, b);
        var shape = Shapes.BroadcastShared(a.Shape, b.Shape);
        var compute = TypePromotion.ResultType(a, b);
        if (compute == ScalarType.Bool) compute = ScalarType.Byte;
        compute = ComputeType(compute);
        var ac = Cast(a, compute);
        var bc = Cast(b, compute);
        var device = ResultDevice(a, b);
        var o = Tensor.Empty(shape, ScalarType.Bool, device, clear: false);
        Operand oa = Op(ac, BroadcastStrides(ac, shape)), ob = Op(bc, BroadcastStrides(bc, shape));
        using var lease = new KernelLease(ac, bc, o);
        if (device.type == DeviceType.CPU) Backend.Cpu.Compare<TOp>(name, compute, shape, oa, ob, Op(o));
        else Backend.For(device).Compare<TOp>(name, compute, shape, oa, ob, Op(o));
        return o;
    }

    public static Tensor Clamp(Tensor x, double? lo, double? hi, Tensor? into = null)
    {
        var compute = ComputeType(x.dtype);
        var xc = Cast(x, compute);
        var o = into is not null && into.dtype == compute ? into : EmptyLike(x, compute);
        using var lease = new KernelLease(xc, o);
        Backend.For(x.device).Clamp(compute, x.Shape, Op(xc), Op(o), lo, hi);
        return Finish(o, x.dtype, into);
    }

    /// <summary>clamp's gradient: g where the input was inside the bounds, else 0; null when a fused kernel does not apply.</summary>
    public static Tensor? ClampBackward(Tensor x, Tensor g, double? lo, double? hi)
    {
        if (x.dtype != g.dtype || !Shapes.SameShape(x.Shape, g.Shape)) return null;
        if (x.dtype is not (ScalarType.Float32 or ScalarType.Float64) || x.device != g.device) return null;
        var o = EmptyLike(x, x.dtype);
        using var lease = new KernelLease(x, g, o);
        Backend.For(x.device).ClampBackward(x.dtype, x.Shape, Op(x), Op(g), Op(o), lo, hi);
        return o;
    }

    public static Tensor Where(Tensor cond, Tensor a, Tensor b)
    {
        // uint8 conditions still work in PyTorch 1.13 (deprecated): non-zero is true.
        if (cond.dtype == ScalarType.Byte) cond = cond.ne(0.0);
        if (cond.dtype != ScalarType.Bool)
            throw new ArgumentException($"where expected condition to be a boolean tensor, but got a tensor with dtype {DTypes.ShortName(cond.dtype)}");
        CheckSameDevice(cond, a);
        CheckSameDevice(a, b);
        var shape = Shapes.Broadcast(Shapes.Broadcast(cond.Shape, a.Shape), b.Shape);
        var type = TypePromotion.ResultType(a, b);
        var ac = Cast(a, type);
        var bc = Cast(b, type);
        var device = ResultDevice(cond, a, b);
        var o = Tensor.Empty(shape, type, device, clear: false);
        using var lease = new KernelLease(cond, ac, bc, o);
        Backend.For(device).Where(type, shape, Op(cond, BroadcastStrides(cond, shape)), Op(ac, BroadcastStrides(ac, shape)), Op(bc, BroadcastStrides(bc, shape)), Op(o));
        return o;
    }

    public static void Fill(Tensor t, double value)
    {
        using var lease = new KernelLease(t);
        Backend.For(t.device).Fill(t.dtype, t.Shape, Op(t), value);
    }

    private static Tensor Finish(Tensor computed, ScalarType resultType, Tensor? into)
    {
        if (into is not null)
        {
            if (!ReferenceEquals(computed, into)) CopyInto(into, computed);
            return into;
        }
        return computed.dtype == resultType ? computed : Cast(computed, resultType);
    }
}
