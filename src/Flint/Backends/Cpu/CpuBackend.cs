namespace Flint.Backends.Cpu;

/// <summary>The host's primitives: thin forwarding to the CPU kernels, which work on managed arrays.</summary>
internal sealed partial class CpuBackend : IBackend
{
    public Storage Allocate(ScalarType dtype, long numel, Device device, bool clear) => Storage.Allocate(dtype, numel, clear);

    public void Upload(Array src, long srcOffset, long count, Storage dst, long dstOffset) => Array.Copy(src, srcOffset, dst.Buffer, dstOffset, count);

    public void Download(Storage src, long srcOffset, Array dst) => Array.Copy(src.Buffer, srcOffset, dst, 0, dst.LongLength);

    public void Synchronize() { }

    // A zero-size view may carry an offset past its (possibly empty) buffer (zeros(0, 3).narrow(1, 2, 1)): the elementwise
    // primitives return before slicing any buffer, as there is nothing to compute.
    private static bool Empty(long[] shape) => Array.IndexOf(shape, 0L) >= 0;

    public void Binary<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : IBinaryOp
    {
        if (Empty(shape)) return;
        Dispatch.Binary<TOp>(op, t, shape, a, b, o);
    }
    public void Unary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IUnaryOp
    {
        if (Empty(shape)) return;
        Dispatch.Unary<TOp>(op, t, shape, x, o);
    }
    public void FloatUnary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IFloatUnaryOp
    {
        if (Empty(shape)) return;
        Dispatch.FloatUnary<TOp>(op, t, shape, x, o);
    }
    public void Compare<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : ICompareOp
    {
        if (Empty(shape)) return;
        Dispatch.Compare<TOp>(op, t, shape, a, b, o);
    }
    public void Where(ScalarType t, long[] shape, Operand cond, Operand a, Operand b, Operand o)
    {
        if (Empty(shape)) return;
        Dispatch.Where(t, shape, cond, a, b, o);
    }
    public void Copy(long[] shape, Operand src, ScalarType srcType, Operand dst, ScalarType dstType)
    {
        if (Empty(shape)) return;
        CastKernels.Copy(shape, src, srcType, dst, dstType);
    }
    public void Fill(ScalarType t, long[] shape, Operand o, double value)
    {
        if (Empty(shape)) return;
        Dispatch.Fill(t, shape, o, value);
    }
    public void Clamp(ScalarType t, long[] shape, Operand x, Operand o, double? lo, double? hi)
    {
        if (Empty(shape)) return;
        Dispatch.Clamp(t, shape, x, o, lo, hi);
    }

    public void ClampBackward(ScalarType t, long[] shape, Operand x, Operand g, Operand o, double? lo, double? hi)
    {
        if (Empty(shape)) return;
        if (t == ScalarType.Float32) ElementwiseKernels.ClampBackward(shape, x, g, o, (float?)lo, (float?)hi);
        else ElementwiseKernels.ClampBackward(shape, x, g, o, lo, hi);
    }

    /// <summary>The CPU-only fused multiply-add (not an <see cref="IBackend"/> primitive: other devices compose it).</summary>
    public void FusedMultiplyAdd(ScalarType t, int n, Operand dest, Operand addend, Operand x, Operand? y, double scale) =>
        FusedKernels.MultiplyAdd(t, n, dest, addend, x, y, scale);

    public void Reduce(ReduceKind kind, ScalarType t, Storage block, int rows, int n, Storage values, Storage? indices)
    {
        switch (kind, t)
        {
            case (ReduceKind.Sum, ScalarType.Float32): ReductionKernels.Sum(block.As<float>(), rows, n, values.As<float>()); break;
            case (ReduceKind.Sum, ScalarType.Float64): ReductionKernels.Sum(block.As<double>(), rows, n, values.As<double>()); break;
            case (ReduceKind.Sum, _): ReductionKernels.Sum(block.As<long>(), rows, n, values.As<long>()); break;
            case (ReduceKind.Prod, ScalarType.Float32): ReductionKernels.Prod(block.As<float>(), rows, n, values.As<float>()); break;
            case (ReduceKind.Prod, ScalarType.Float64): ReductionKernels.Prod(block.As<double>(), rows, n, values.As<double>()); break;
            case (ReduceKind.Prod, _): ReductionKernels.Prod(block.As<long>(), rows, n, values.As<long>()); break;
            case (ReduceKind.Max or ReduceKind.Min, ScalarType.Float32):
                ReductionKernels.Extreme(block.As<float>(), rows, n, values.As<float>(), indices!.As<long>(), kind == ReduceKind.Max); break;
            case (ReduceKind.Max or ReduceKind.Min, ScalarType.Float64):
                ReductionKernels.Extreme(block.As<double>(), rows, n, values.As<double>(), indices!.As<long>(), kind == ReduceKind.Max); break;
            case (ReduceKind.Max or ReduceKind.Min, _):
                ReductionKernels.Extreme(block.As<long>(), rows, n, values.As<long>(), indices!.As<long>(), kind == ReduceKind.Max); break;
            case (ReduceKind.All or ReduceKind.Any, _):
                ReductionKernels.AllAny(block.As<bool>(), rows, n, values.As<bool>(), kind == ReduceKind.All); break;
        }
    }

    public void SumOuter(ScalarType t, Storage block, long offset, int outer, int inner, Storage values)
    {
        if (t == ScalarType.Float64) ReductionKernels.SumOuter(block.As<double>(), offset, outer, inner, values.As<double>());
        else ReductionKernels.SumOuter(block.As<float>(), offset, outer, inner, values.As<float>());
    }

    public void MatMul(ScalarType t, int batch, int m, int n, int k,
        Storage a, long aOffset, long aBatchStride, long aRs, long aCs,
        Storage b, long bOffset, long bBatchStride, long bRs, long bCs,
        Storage c) =>
        MatMulKernels.Run(t, batch, m, n, k, a.Buffer, aOffset, aBatchStride, aRs, aCs, b.Buffer, bOffset, bBatchStride, bRs, bCs, c.Buffer, 0);

    public void Take(ScalarType t, Storage src, long[] offsets, int block, Storage dst) => GatherKernels.Take(src.Buffer, offsets, block, dst.Buffer);

    public void Put(ScalarType t, Storage dst, long[] offsets, int block, Storage src, bool accumulate) => GatherKernels.Put(dst.Buffer, offsets, block, src.Buffer, accumulate);

    public void Random(RandomKind kind, ScalarType t, Storage dst, long offset, long count, double a, double b)
    {
        var g = Generator.Default;
        if (t == ScalarType.Float64)
        {
            var span = dst.As<double>().AsSpan((int)offset, (int)count);
            if (kind == RandomKind.Uniform) Distributions.Uniform(g, span, a, b);
            else if (kind == RandomKind.Normal) Distributions.Normal(g, span, a, b);
            else Distributions.Bernoulli(g, span, a);
        }
        else
        {
            var span = dst.As<float>().AsSpan((int)offset, (int)count);
            if (kind == RandomKind.Uniform) Distributions.Uniform(g, span, a, b);
            else if (kind == RandomKind.Normal) Distributions.Normal(g, span, a, b);
            else Distributions.Bernoulli(g, span, a);
        }
    }
}
