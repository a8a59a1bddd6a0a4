using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Flint.Backends;
using Flint.Backends.Cpu;
using Flint.Cuda.Kernels;
using Flint.Cuda.Memory;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using DevKernels = Flint.Cuda.Kernels.ElementwiseKernels;

namespace Flint.Cuda;

/// <summary>
/// <see cref="IBackend"/> on an ILGPU accelerator (a CUDA GPU, or ILGPU's CPU accelerator
/// playing one). Every launch is queued on the accelerator's default stream; only
/// <see cref="Download"/>, <see cref="Synchronize"/> and uploads wait for it.
/// </summary>
internal sealed partial class CudaBackend : IBackend
{
    private readonly Accelerator _acc;
    private readonly KernelLoader _k;
    private readonly int _group;
    /// <summary>GEMM tile edge: 16, or less where groups are smaller (the emulator).</summary>
    private readonly int _tile;
    public readonly CachingAllocator Allocator;
    private ulong _seed, _call;
    private readonly Lock _rngGate = new();
    private bool _warnedNoBlas;

    public CudaBackend(Accelerator accelerator, ulong seed)
    {
        _acc = accelerator;
        _k = new KernelLoader(accelerator);
        Allocator = new CachingAllocator(accelerator);
        int g = 1;
        while (g * 2 <= Math.Min(ReduceKernels.MaxGroup, accelerator.MaxNumThreadsPerGroup)) g *= 2;
        _group = g;
        int tile = MatMulKernel.Tile;
        while (tile * tile > accelerator.MaxNumThreadsPerGroup) tile /= 2;
        _tile = tile;
        _seed = seed;
    }

    public Accelerator Accelerator => _acc;

    private AcceleratorStream Stream => _acc.DefaultStream;

    // ---- memory ----

    public Storage Allocate(ScalarType dtype, long numel, Device device, bool clear)
    {
        if (numel < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {numel}");
        var mem = Allocator.Allocate(numel * DTypes.ElementSize(dtype), clear);
        return new Storage(mem, numel, dtype, new Device(DeviceType.CUDA, Math.Max(device.index, 0)));
    }

    private static CudaBlock BlockOf(Storage s) => ((CudaMemory)(s.Memory ?? throw new ArgumentException(
        $"Expected all tensors to be on the same device, but found at least two devices, cuda:0 and {s.Device}!"))).Block;

    private static ArrayView<T> View<T>(Storage s) where T : unmanaged => BlockOf(s).View<T>();

    private static ArrayView<T> View<T>(Operand op) where T : unmanaged => View<T>(op.Storage);

    public unsafe void Upload(Array src, long srcOffset, long count, Storage dst, long dstOffset)
    {
        TransferBounds.Check("Upload", src, srcOffset, count, dst, dstOffset);
        long es = DTypes.ElementSize(dst.DType), bytes = count * es;
        if (bytes == 0) return;
        ref byte first = ref MemoryMarshal.GetArrayDataReference(src);
        fixed (byte* p = &first)
        {
            View<byte>(dst).SubView(dstOffset * es, bytes).CopyFromCPU(Stream, ref Unsafe.AsRef<byte>(p + srcOffset * es), bytes);
            // The source array is only pinned inside this block: wait for the copy.
            Stream.Synchronize();
        }
    }

    public unsafe void Download(Storage src, long srcOffset, Array dst)
    {
        TransferBounds.Check("Download", dst, 0, dst.LongLength, src, srcOffset);
        long es = DTypes.ElementSize(src.DType), bytes = dst.LongLength * es;
        if (bytes == 0) return;
        Stream.Synchronize();
        ref byte first = ref MemoryMarshal.GetArrayDataReference(dst);
        fixed (byte* p = &first)
        {
            View<byte>(src).SubView(srcOffset * es, bytes).CopyToCPU(Stream, ref Unsafe.AsRef<byte>(p), bytes);
            Stream.Synchronize();
        }
    }

    public void Synchronize() => Stream.Synchronize();

    // ---- host scalars ----

    /// <summary>The value of a 0-dim host operand as <paramref name="t"/> (cast as the CPU casts when its dtype differs).</summary>
    private static T HostValue<T>(Operand op, ScalarType t) where T : unmanaged
    {
        if (op.Storage.DType == t) return ((T[])op.Storage.Buffer)[op.Offset];
        var one = Storage.Allocate(t, 1);
        CastKernels.Copy([], op, op.Storage.DType, new Operand(one, 0, []), t);
        return ((T[])one.Buffer)[0];
    }

    /// <summary>The bit pattern of a host array's first element.</summary>
    private static TB Bits<TB>(Array a) where TB : unmanaged => Unsafe.ReadUnaligned<TB>(ref MemoryMarshal.GetArrayDataReference(a));

    /// <summary>A host operand converted to dtype <paramref name="t"/>, as the raw bits of one element.</summary>
    private static TB HostBits<TB>(Operand op, ScalarType t) where TB : unmanaged
    {
        var one = Storage.Allocate(t, 1);
        CastKernels.Copy([], op, op.Storage.DType, new Operand(one, 0, []), t);
        return Bits<TB>(one.Buffer);
    }

    /// <summary>True when an operand walks memory densely in the launch's order (dims merged to at most one, unit stride).</summary>
    private static bool Unit(Dims d, Strided s) => d.Rank == 0 || (d.Rank == 1 && s.S0 == 1);

    private static Exception Unsupported(string op, ScalarType t) => new ArgumentException($"\"{op}\" not implemented for '{DTypes.ShortName(t)}'");

    // ---- elementwise arithmetic ----

    // Each primitive picks its element type through the core's one switch (DTypeSwitch) with a small launch struct.

    public void Binary<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : IBinaryOp
    {
        var launch = new BinaryLaunch<TOp>(this, shape, a, b, o, t);
        DTypeSwitch.Number(op, t, ref launch);
    }

    private readonly struct BinaryLaunch<TOp>(CudaBackend be, long[] shape, Operand a, Operand b, Operand o, ScalarType t) : INumberKernel where TOp : IBinaryOp
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => be.BinaryT<T, TOp>(shape, a, b, o, t);
    }

    /// <summary>Packs the three operands; a host operand becomes a by-value scalar and borrows the other operand's view.</summary>
    private static (Dims, Strided[], ArrayView<T>, ArrayView<T>, ScalarArg<T>) Pack2<T>(long[] shape, Operand a, Operand b, Operand o, ScalarType t)
        where T : unmanaged
    {
        var st = new Strided[3];
        var d = LayoutBuilder.Build(shape, [a, b, o], st);
        var s = new ScalarArg<T>();
        ArrayView<T> va, vb;
        if (a.IsHost) { s.Mode = 1; s.Value = HostValue<T>(a, t); vb = View<T>(b); va = vb; }
        else if (b.IsHost) { s.Mode = 2; s.Value = HostValue<T>(b, t); va = View<T>(a); vb = va; }
        else { va = View<T>(a); vb = View<T>(b); }
        return (d, st, va, vb, s);
    }

    private void BinaryT<T, TOp>(long[] shape, Operand a, Operand b, Operand o, ScalarType t) where T : unmanaged, INumber<T> where TOp : IBinaryOp
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        var (d, st, va, vb, s) = Pack2<T>(shape, a, b, o, t);
        var vo = View<T>(o);
        bool isFloat = typeof(T) == typeof(float) || typeof(T) == typeof(double);
        if (typeof(TOp) == typeof(FloatPowOp))
        {
            // FloatPowOp branches on typeof(T), which device code cannot compile: the FloatPow kernel computes the same.
            if (typeof(T) == typeof(float)) { FloatPowT<T, float>(n, d, st, va, vb, vo, s); return; }
            if (typeof(T) == typeof(double)) { FloatPowT<T, double>(n, d, st, va, vb, vo, s); return; }
            throw Unsupported("pow", t);
        }
        if (typeof(TOp) == typeof(Atan2Op))
        {
            // Atan2Op.Invoke branches on typeof(T) as FloatPowOp does: the Atan2 kernel runs Atan2Op.Float.
            if (typeof(T) == typeof(float)) { Atan2T<T, float>(n, d, st, va, vb, vo, s); return; }
            if (typeof(T) == typeof(double)) { Atan2T<T, double>(n, d, st, va, vb, vo, s); return; }
            throw Unsupported("atan2", t);
        }
        // IntPowOp's integer tests bit-cast floats, which the PTX backend rejects; the op layer never sends floats there.
        if (typeof(TOp) == typeof(IntPowOp) && isFloat) throw Unsupported("pow", t);
        if (Unit(d, st[2]) && (s.Mode == 1 || Unit(d, st[0])) && (s.Mode == 2 || Unit(d, st[1])))
        {
            var g = DenseArgs.For(n, st[0].Offset, st[1].Offset, st[2].Offset);
            _k.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, DenseArgs, ScalarArg<T>>(DenseKernels.Binary<T, TOp>)(g.Threads, va, vb, vo, g, s);
            return;
        }
        _k.Auto<Dims, ArrayView<T>, Strided, ArrayView<T>, Strided, ArrayView<T>, Strided, ScalarArg<T>>(DevKernels.Binary<T, TOp>)(
            n, d, va, st[0], vb, st[1], vo, st[2], s);
    }

    // T is TF here (checked by the caller); Unsafe.As re-types the views without boxing.
    private void FloatPowT<T, TF>(int n, Dims d, Strided[] st, ArrayView<T> va, ArrayView<T> vb, ArrayView<T> vo, ScalarArg<T> s)
        where T : unmanaged where TF : unmanaged, IFloatingPointIeee754<TF> =>
        _k.Auto<Dims, ArrayView<TF>, Strided, ArrayView<TF>, Strided, ArrayView<TF>, Strided, ScalarArg<TF>>(DevKernels.FloatPow<TF>)(
            n, d, Unsafe.As<ArrayView<T>, ArrayView<TF>>(ref va), st[0], Unsafe.As<ArrayView<T>, ArrayView<TF>>(ref vb), st[1],
            Unsafe.As<ArrayView<T>, ArrayView<TF>>(ref vo), st[2], Unsafe.As<ScalarArg<T>, ScalarArg<TF>>(ref s));

    private void Atan2T<T, TF>(int n, Dims d, Strided[] st, ArrayView<T> va, ArrayView<T> vb, ArrayView<T> vo, ScalarArg<T> s)
        where T : unmanaged where TF : unmanaged, IFloatingPointIeee754<TF> =>
        _k.Auto<Dims, ArrayView<TF>, Strided, ArrayView<TF>, Strided, ArrayView<TF>, Strided, ScalarArg<TF>>(DevKernels.Atan2<TF>)(
            n, d, Unsafe.As<ArrayView<T>, ArrayView<TF>>(ref va), st[0], Unsafe.As<ArrayView<T>, ArrayView<TF>>(ref vb), st[1],
            Unsafe.As<ArrayView<T>, ArrayView<TF>>(ref vo), st[2], Unsafe.As<ScalarArg<T>, ScalarArg<TF>>(ref s));

    public void Compare<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : ICompareOp
    {
        var launch = new CompareLaunch<TOp>(this, shape, a, b, o, t);
        DTypeSwitch.Number(op, t, ref launch);
    }

    private readonly struct CompareLaunch<TOp>(CudaBackend be, long[] shape, Operand a, Operand b, Operand o, ScalarType t) : INumberKernel where TOp : ICompareOp
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => be.CompareT<T, TOp>(shape, a, b, o, t);
    }

    private void CompareT<T, TOp>(long[] shape, Operand a, Operand b, Operand o, ScalarType t) where T : unmanaged, INumber<T> where TOp : ICompareOp
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        var (d, st, va, vb, s) = Pack2<T>(shape, a, b, o, t);
        _k.Auto<Dims, ArrayView<T>, Strided, ArrayView<T>, Strided, ArrayView<byte>, Strided, ScalarArg<T>>(DevKernels.Compare<T, TOp>)(
            n, d, va, st[0], vb, st[1], View<byte>(o), st[2], s);
    }

    public void Unary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IUnaryOp
    {
        var launch = new UnaryLaunch<TOp>(this, shape, x, o);
        DTypeSwitch.Number(op, t, ref launch);
    }

    private readonly struct UnaryLaunch<TOp>(CudaBackend be, long[] shape, Operand x, Operand o) : INumberKernel where TOp : IUnaryOp
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => be.UnaryT<T, TOp>(shape, x, o);
    }

    private void UnaryT<T, TOp>(long[] shape, Operand x, Operand o) where T : unmanaged, INumber<T> where TOp : IUnaryOp
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        var st = new Strided[2];
        var d = LayoutBuilder.Build(shape, [x, o], st);
        if (Unit(d, st[0]) && Unit(d, st[1]))
        {
            var g = DenseArgs.For(n, st[0].Offset, 0, st[1].Offset);
            _k.Auto<ArrayView<T>, ArrayView<T>, DenseArgs>(DenseKernels.Unary<T, TOp>)(g.Threads, View<T>(x), View<T>(o), g);
            return;
        }
        _k.Auto<Dims, ArrayView<T>, Strided, ArrayView<T>, Strided>(DevKernels.Unary<T, TOp>)(n, d, View<T>(x), st[0], View<T>(o), st[1]);
    }

    public void FloatUnary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IFloatUnaryOp
    {
        var launch = new FloatUnaryLaunch<TOp>(this, shape, x, o);
        DTypeSwitch.Float(op, t, ref launch);
    }

    private readonly struct FloatUnaryLaunch<TOp>(CudaBackend be, long[] shape, Operand x, Operand o) : IFloatKernel where TOp : IFloatUnaryOp
    {
        public void Invoke<T>() where T : unmanaged, IFloatingPointIeee754<T> => be.FloatUnaryT<T, TOp>(shape, x, o);
    }

    private void FloatUnaryT<T, TOp>(long[] shape, Operand x, Operand o) where T : unmanaged, IFloatingPointIeee754<T> where TOp : IFloatUnaryOp
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        var st = new Strided[2];
        var d = LayoutBuilder.Build(shape, [x, o], st);
        // PTX's approximate sin/cos/exp/tanh and ILGPU's round are not PyTorch's: these ops take the accurate device twins.
        if (typeof(TOp) == typeof(SinOp)) { DeviceMathT<T, DeviceSin>(n, d, st, x, o); return; }
        if (typeof(TOp) == typeof(CosOp)) { DeviceMathT<T, DeviceCos>(n, d, st, x, o); return; }
        if (typeof(TOp) == typeof(RoundOp)) { DeviceMathT<T, DeviceRound>(n, d, st, x, o); return; }
        if (typeof(TOp) == typeof(ExpOp) && typeof(T) == typeof(float)) { DeviceMathT<T, DeviceExp>(n, d, st, x, o); return; }
        if (typeof(TOp) == typeof(TanhOp)) { DeviceMathT<T, DeviceTanh>(n, d, st, x, o); return; }
        // erf/erfinv convert to float64 through generic math, which device code cannot: the float64 twins compute the same.
        if (typeof(TOp) == typeof(ErfOp)) { DeviceMathT<T, DeviceErf>(n, d, st, x, o); return; }
        if (typeof(TOp) == typeof(ErfinvOp)) { DeviceMathT<T, DeviceErfinv>(n, d, st, x, o); return; }
        if (Unit(d, st[0]) && Unit(d, st[1]))
        {
            var g = DenseArgs.For(n, st[0].Offset, 0, st[1].Offset);
            _k.Auto<ArrayView<T>, ArrayView<T>, DenseArgs>(DenseKernels.FloatUnary<T, TOp>)(g.Threads, View<T>(x), View<T>(o), g);
            return;
        }
        _k.Auto<Dims, ArrayView<T>, Strided, ArrayView<T>, Strided>(DevKernels.FloatUnary<T, TOp>)(n, d, View<T>(x), st[0], View<T>(o), st[1]);
    }

    private void DeviceMathT<T, TOp>(int n, Dims d, Strided[] st, Operand x, Operand o) where T : unmanaged where TOp : IDeviceMathOp
    {
        if (typeof(T) == typeof(float))
            _k.Auto<Dims, ArrayView<float>, Strided, ArrayView<float>, Strided>(DeviceMathKernels.Float32<TOp>)(n, d, View<float>(x), st[0], View<float>(o), st[1]);
        else
            _k.Auto<Dims, ArrayView<double>, Strided, ArrayView<double>, Strided>(DeviceMathKernels.Float64<TOp>)(n, d, View<double>(x), st[0], View<double>(o), st[1]);
    }

    public void Clamp(ScalarType t, long[] shape, Operand x, Operand o, double? lo, double? hi)
    {
        var launch = new ClampLaunch(this, shape, x, o, lo, hi);
        DTypeSwitch.Number("clamp", t, ref launch);
    }

    // The bounds convert as PyTorch converts a Scalar (uint8 clamp with min=-1 bounds at 255), like the CPU's clamp.
    private static Bounds<T> BoundsFrom<T>(double? lo, double? hi) where T : unmanaged, INumber<T> => new()
    {
        Lo = lo is { } l ? ScalarCast.FromDouble<T>(l) : T.Zero,
        Hi = hi is { } h ? ScalarCast.FromDouble<T>(h) : T.Zero,
        HasLo = lo.HasValue ? 1 : 0,
        HasHi = hi.HasValue ? 1 : 0,
    };

    private readonly struct ClampLaunch(CudaBackend be, long[] shape, Operand x, Operand o, double? lo, double? hi) : INumberKernel
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => be.ClampT(shape, x, o, BoundsFrom<T>(lo, hi));
    }

    private void ClampT<T>(long[] shape, Operand x, Operand o, Bounds<T> bounds) where T : unmanaged, INumber<T>
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        var st = new Strided[2];
        var d = LayoutBuilder.Build(shape, [x, o], st);
        _k.Auto<Dims, ArrayView<T>, Strided, ArrayView<T>, Strided, Bounds<T>>(DevKernels.Clamp<T>)(n, d, View<T>(x), st[0], View<T>(o), st[1], bounds);
    }

    public void ClampBackward(ScalarType t, long[] shape, Operand x, Operand g, Operand o, double? lo, double? hi)
    {
        var launch = new ClampBackwardLaunch(this, shape, x, g, o, lo, hi);
        DTypeSwitch.Float("clamp_backward", t, ref launch);
    }

    private readonly struct ClampBackwardLaunch(CudaBackend be, long[] shape, Operand x, Operand g, Operand o, double? lo, double? hi) : IFloatKernel
    {
        public void Invoke<T>() where T : unmanaged, IFloatingPointIeee754<T> => be.ClampBackwardT(shape, x, g, o, BoundsFrom<T>(lo, hi));
    }

    private void ClampBackwardT<T>(long[] shape, Operand x, Operand g, Operand o, Bounds<T> bounds) where T : unmanaged, INumber<T>
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        var st = new Strided[3];
        var d = LayoutBuilder.Build(shape, [x, g, o], st);
        _k.Auto<Dims, ArrayView<T>, Strided, ArrayView<T>, Strided, ArrayView<T>, Strided, Bounds<T>>(DevKernels.ClampBackward<T>)(
            n, d, View<T>(x), st[0], View<T>(g), st[1], View<T>(o), st[2], bounds);
    }
}
