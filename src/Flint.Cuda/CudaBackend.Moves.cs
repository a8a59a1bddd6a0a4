using Flint.Backends;
using Flint.Backends.Cpu;
using Flint.Cuda.Kernels;
using ILGPU;

namespace Flint.Cuda;

// Element moves: fill, copy/cast, where, take, put. Same-size dtypes share one bit-pattern kernel.
internal sealed partial class CudaBackend
{
    public void Fill(ScalarType t, long[] shape, Operand o, double value)
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        // Convert on the host exactly as the CPU's fill does, then write the bits.
        var one = Storage.Allocate(t, 1);
        Dispatch.Fill(t, [], new Operand(one, 0, []), value);
        FillBits(shape, o, t, one.Buffer, n);
    }

    private void FillBits(long[] shape, Operand o, ScalarType t, Array oneElement, int n)
    {
        switch (DTypes.ElementSize(t))
        {
            case 1: FillT(shape, o, Bits<byte>(oneElement), n); break;
            case 2: FillT(shape, o, Bits<ushort>(oneElement), n); break;
            case 4: FillT(shape, o, Bits<uint>(oneElement), n); break;
            default: FillT(shape, o, Bits<ulong>(oneElement), n); break;
        }
    }

    private void FillT<TB>(long[] shape, Operand o, TB value, int n) where TB : unmanaged
    {
        var st = new Strided[1];
        var d = LayoutBuilder.Build(shape, [o], st);
        if (Unit(d, st[0]))
        {
            var g = DenseArgs.For(n, 0, 0, st[0].Offset);
            _k.Auto<ArrayView<TB>, DenseArgs, TB>(DenseKernels.Fill<TB>)(g.Threads, View<TB>(o), g, value);
            return;
        }
        _k.Auto<Dims, ArrayView<TB>, Strided, TB>(MoveKernels.Fill<TB>)(n, d, View<TB>(o), st[0], value);
    }

    public void Copy(long[] shape, Operand src, ScalarType srcType, Operand dst, ScalarType dstType)
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        if (src.IsHost)
        {
            // A host scalar broadcast into a device view: convert on the host, then fill.
            var one = Storage.Allocate(dstType, 1);
            CastKernels.Copy([], src, srcType, new Operand(one, 0, []), dstType);
            FillBits(shape, dst, dstType, one.Buffer, n);
            return;
        }
        var st = new Strided[2];
        var d = LayoutBuilder.Build(shape, [src, dst], st);
        if (srcType == dstType)
        {
            switch (DTypes.ElementSize(srcType))
            {
                case 1: CopyT<byte>(n, d, st, src, dst); break;
                case 2: CopyT<ushort>(n, d, st, src, dst); break;
                case 4: CopyT<uint>(n, d, st, src, dst); break;
                default: CopyT<ulong>(n, d, st, src, dst); break;
            }
            return;
        }
        _k.Auto<Dims, ArrayView<byte>, Strided, ArrayView<byte>, Strided, int, int>(CastKernel.Cast)(
            n, d, View<byte>(src), st[0], View<byte>(dst), st[1], (int)srcType, (int)dstType);
    }

    private void CopyT<TB>(int n, Dims d, Strided[] st, Operand src, Operand dst) where TB : unmanaged
    {
        if (Unit(d, st[0]) && Unit(d, st[1]))
        {
            var g = DenseArgs.For(n, st[0].Offset, 0, st[1].Offset);
            _k.Auto<ArrayView<TB>, ArrayView<TB>, DenseArgs>(DenseKernels.Copy<TB>)(g.Threads, View<TB>(src), View<TB>(dst), g);
            return;
        }
        _k.Auto<Dims, ArrayView<TB>, Strided, ArrayView<TB>, Strided>(MoveKernels.Copy<TB>)(n, d, View<TB>(src), st[0], View<TB>(dst), st[1]);
    }

    public void Where(ScalarType t, long[] shape, Operand cond, Operand a, Operand b, Operand o)
    {
        int n = LayoutBuilder.Count(shape);
        if (n == 0) return;
        switch (DTypes.ElementSize(t))
        {
            case 1: WhereT<byte>(n, t, shape, cond, a, b, o); break;
            case 2: WhereT<ushort>(n, t, shape, cond, a, b, o); break;
            case 4: WhereT<uint>(n, t, shape, cond, a, b, o); break;
            default: WhereT<ulong>(n, t, shape, cond, a, b, o); break;
        }
    }

    private void WhereT<TB>(int n, ScalarType t, long[] shape, Operand cond, Operand a, Operand b, Operand o) where TB : unmanaged
    {
        var st = new Strided[4];
        var d = LayoutBuilder.Build(shape, [cond, a, b, o], st);
        var s = new WhereScalars<TB>();
        var vo = View<TB>(o);
        ArrayView<TB> va = vo, vb = vo;
        ArrayView<byte> vc = View<byte>(o);
        if (a.IsHost) { s.Mode |= 1; s.A = HostBits<TB>(a, t); } else va = View<TB>(a);
        if (b.IsHost) { s.Mode |= 2; s.B = HostBits<TB>(b, t); } else vb = View<TB>(b);
        if (cond.IsHost) { s.Mode |= 4; s.Cond = HostBits<byte>(cond, ScalarType.Bool); } else vc = View<byte>(cond);
        _k.Auto<Dims, ArrayView<byte>, Strided, ArrayView<TB>, Strided, ArrayView<TB>, Strided, ArrayView<TB>, Strided, WhereScalars<TB>>(MoveKernels.Where<TB>)(
            n, d, vc, st[0], va, st[1], vb, st[2], vo, st[3], s);
    }

    /// <summary>Offsets go to the device in a block borrowed from the cache (returned once queued: the stream keeps order).</summary>
    private Memory.CudaMemory UploadOffsets(long[] offsets)
    {
        var mem = Allocator.Allocate((long)offsets.Length * sizeof(long), clear: false);
        var tmp = new Storage(mem, offsets.Length, ScalarType.Int64, new Device(DeviceType.CUDA, 0));
        Upload(offsets, 0, offsets.Length, tmp, 0);
        return mem;
    }

    /// <summary>
    /// Runs of <paramref name="block"/> elements as one offset per element: the device kernels move elements, one
    /// thread each, so a row-wise gather costs the same as a scattered one there.
    /// </summary>
    private static long[] ElementOffsets(long[] offsets, int block)
    {
        if (block == 1) return offsets;
        var all = new long[checked(offsets.Length * block)];
        for (int i = 0; i < offsets.Length; i++)
            for (int j = 0; j < block; j++) all[i * block + j] = offsets[i] + j;
        return all;
    }

    public void Take(ScalarType t, Storage src, long[] offsets, int block, Storage dst)
    {
        offsets = ElementOffsets(offsets, block);
        if (offsets.Length == 0) return;
        var offs = UploadOffsets(offsets);
        var vo = offs.Block.View<long>();
        switch (DTypes.ElementSize(t))
        {
            case 1: _k.Auto<ArrayView<byte>, ArrayView<long>, ArrayView<byte>>(MoveKernels.Take<byte>)(offsets.Length, View<byte>(src), vo, View<byte>(dst)); break;
            case 2: _k.Auto<ArrayView<ushort>, ArrayView<long>, ArrayView<ushort>>(MoveKernels.Take<ushort>)(offsets.Length, View<ushort>(src), vo, View<ushort>(dst)); break;
            case 4: _k.Auto<ArrayView<uint>, ArrayView<long>, ArrayView<uint>>(MoveKernels.Take<uint>)(offsets.Length, View<uint>(src), vo, View<uint>(dst)); break;
            default: _k.Auto<ArrayView<ulong>, ArrayView<long>, ArrayView<ulong>>(MoveKernels.Take<ulong>)(offsets.Length, View<ulong>(src), vo, View<ulong>(dst)); break;
        }
        offs.Release();
    }

    public void Put(ScalarType t, Storage dst, long[] offsets, int block, Storage src, bool accumulate)
    {
        offsets = ElementOffsets(offsets, block);
        if (offsets.Length == 0) return;
        var offs = UploadOffsets(offsets);
        var vo = offs.Block.View<long>();
        int n = offsets.Length;
        if (accumulate && t is ScalarType.Float16 or ScalarType.BFloat16)
        {
            _k.Auto<ArrayView<uint>, ArrayView<long>, ArrayView<ushort>, int>(MoveKernels.PutAddHalf)(
                n, View<uint>(dst), vo, View<ushort>(src), t == ScalarType.BFloat16 ? 1 : 0);
        }
        else if (accumulate && t != ScalarType.Bool)
        {
            switch (t)
            {
                case ScalarType.Float32: _k.Auto<ArrayView<float>, ArrayView<long>, ArrayView<float>>(MoveKernels.PutAddF32)(n, View<float>(dst), vo, View<float>(src)); break;
                case ScalarType.Float64: _k.Auto<ArrayView<double>, ArrayView<long>, ArrayView<double>>(MoveKernels.PutAddF64)(n, View<double>(dst), vo, View<double>(src)); break;
                case ScalarType.Int32: _k.Auto<ArrayView<int>, ArrayView<long>, ArrayView<int>>(MoveKernels.PutAddI32)(n, View<int>(dst), vo, View<int>(src)); break;
                case ScalarType.Int64: _k.Auto<ArrayView<long>, ArrayView<long>, ArrayView<long>>(MoveKernels.PutAddI64)(n, View<long>(dst), vo, View<long>(src)); break;
                case ScalarType.Int16: _k.Auto<ArrayView<short>, ArrayView<long>, ArrayView<short>, int>(MoveKernels.PutAddSerial<short>)(1, View<short>(dst), vo, View<short>(src), n); break;
                case ScalarType.Int8: _k.Auto<ArrayView<sbyte>, ArrayView<long>, ArrayView<sbyte>, int>(MoveKernels.PutAddSerial<sbyte>)(1, View<sbyte>(dst), vo, View<sbyte>(src), n); break;
                default: _k.Auto<ArrayView<byte>, ArrayView<long>, ArrayView<byte>, int>(MoveKernels.PutAddSerial<byte>)(1, View<byte>(dst), vo, View<byte>(src), n); break;
            }
        }
        else
        {
            // Bool puts without adding, as the CPU does.
            switch (DTypes.ElementSize(t))
            {
                case 1: _k.Auto<ArrayView<byte>, ArrayView<long>, ArrayView<byte>>(MoveKernels.Put<byte>)(n, View<byte>(dst), vo, View<byte>(src)); break;
                case 2: _k.Auto<ArrayView<ushort>, ArrayView<long>, ArrayView<ushort>>(MoveKernels.Put<ushort>)(n, View<ushort>(dst), vo, View<ushort>(src)); break;
                case 4: _k.Auto<ArrayView<uint>, ArrayView<long>, ArrayView<uint>>(MoveKernels.Put<uint>)(n, View<uint>(dst), vo, View<uint>(src)); break;
                default: _k.Auto<ArrayView<ulong>, ArrayView<long>, ArrayView<ulong>>(MoveKernels.Put<ulong>)(n, View<ulong>(dst), vo, View<ulong>(src)); break;
            }
        }
        offs.Release();
    }
}
