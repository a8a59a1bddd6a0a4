using Flint.Backends;

namespace Flint.Ops;

// The non-elementwise primitives: reductions, matrix products, gather/scatter by offsets,
// random fills and the CPU's fused multiply-add.
internal static partial class Dispatcher
{
    /// <summary>Reduces each row of a dense [rows, n] <paramref name="block"/> into <paramref name="values"/> (and the extreme's index for Max/Min).</summary>
    public static void Reduce(ReduceKind kind, ScalarType t, Tensor block, int rows, int n, Tensor values, Tensor? indices = null)
    {
        block.ThrowIfDisposed(); // the block may be the caller's own tensor (reduced dims already last)
        using var lease = new KernelLease(block, values, indices);
        Backend.For(block.device).Reduce(kind, t, block.Storage, rows, n, values.Storage, indices?.Storage);
    }

    /// <summary>Column sums of the dense [outer, inner] float <paramref name="block"/> (from its offset) into <paramref name="values"/>.</summary>
    public static void SumOuter(Tensor block, int outer, int inner, Tensor values)
    {
        block.ThrowIfDisposed();
        using var lease = new KernelLease(block, values);
        Backend.For(block.device).SumOuter(block.dtype, block.Storage, block.Offset, outer, inner, values.Storage);
    }

    /// <summary>
    /// [batch, m, k] @ [batch, k, n] views of <paramref name="a"/> and <paramref name="b"/> (any
    /// strides; batch strides given) into a new dense tensor of <paramref name="outShape"/>, in a's dtype.
    /// Half types compute in float32.
    /// </summary>
    public static Tensor MatMul(Tensor a, Tensor b, long batch, long m, long k, long n, long aBatchStride, long bBatchStride, long[] outShape)
    {
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
        var t = ComputeType(a.dtype);
        var ac = Cast(a, t);
        var bc = Cast(b, t);
        var o = Tensor.Empty(outShape, t, a.device, clear: false);
        int ra = a.Shape.Length, rb = b.Shape.Length;
        using (new KernelLease(ac, bc, o))
        {
            Backend.For(a.device).MatMul(t, (int)batch, (int)m, (int)n, (int)k,
                ac.Storage, ac.Offset, aBatchStride, ac.Strides[ra - 2], ac.Strides[ra - 1],
                bc.Storage, bc.Offset, bBatchStride, bc.Strides[rb - 2], bc.Strides[rb - 1],
                o.Storage);
        }
        return Cast(o, a.dtype);
    }

    /// <summary>dst[i·block + j] = src.storage[offsets[i] + j] for j &lt; <paramref name="block"/> (dst dense, same dtype).</summary>
    public static void Take(Tensor src, long[] offsets, Tensor dst, int block = 1)
    {
        using var lease = new KernelLease(src, dst);
        Backend.For(src.device).Take(src.dtype, src.Storage, offsets, block, dst.Storage);
    }

    /// <summary>
    /// dst.storage[offsets[i] + j] = src[i·block + j] for j &lt; <paramref name="block"/> (or += with
    /// <paramref name="accumulate"/>; src dense, same dtype).
    /// </summary>
    public static void Put(Tensor dst, long[] offsets, Tensor src, bool accumulate, int block = 1)
    {
        using var lease = new KernelLease(dst, src);
        Backend.For(dst.device).Put(dst.dtype, dst.Storage, offsets, block, src.Storage, accumulate);
    }

    /// <summary>Fills a contiguous float32/float64 tensor from the device's generator (see <see cref="IBackend.Random"/>).</summary>
    public static void FillRandom(RandomKind kind, Tensor t, double a, double b)
    {
        using var lease = new KernelLease(t);
        Backend.For(t.device).Random(kind, t.dtype, t.Storage, t.Offset, t.numel(), a, b);
    }

    /// <summary>
    /// dest = addend + (scale * x) * y, or addend + scale * x without <paramref name="y"/>, with one
    /// rounding for the final multiply-add, as PyTorch's CPU kernels do. A CPU-only fused path: returns
    /// false, writing nothing, unless all tensors are same-shape contiguous float32/float64 CPU tensors of
    /// one dtype that alias dest only element for element; callers then compose the op from elementwise ops.
    /// </summary>
    public static bool TryFusedMultiplyAdd(Tensor dest, Tensor addend, Tensor x, Tensor? y, double scale)
    {
        if (!Fusable(dest, dest) || !Fusable(dest, addend) || !Fusable(dest, x) || (y is not null && !Fusable(dest, y)))
            return false;
        using var lease = new KernelLease(dest, addend, x, y);
        Backend.Cpu.FusedMultiplyAdd(dest.dtype, checked((int)dest.numel()), Op(dest), Op(addend), Op(x), y is null ? null : Op(y), scale);
        return true;
    }

    /// <summary>A fresh output for a fused op over <paramref name="a"/>, or null when the fused kernel can't take these inputs.</summary>
    public static Tensor? FusedResult(Tensor a, Tensor x, Tensor? y)
    {
        if (!Fusable(a, a) || !Fusable(a, x) || (y is not null && !Fusable(a, y))) return null;
        return Tensor.Empty((long[])a.Shape.Clone(), a.dtype, a.device);
    }

    private static bool Fusable(Tensor dest, Tensor t) =>
        (t.dtype == ScalarType.Float32 || t.dtype == ScalarType.Float64)
        && t.dtype == dest.dtype
        && t.device.type == DeviceType.CPU && dest.device.type == DeviceType.CPU
        && Shapes.SameShape(t.Shape, dest.Shape)
        && t.is_contiguous()
        && (!ReferenceEquals(t.Storage, dest.Storage) || t.Offset == dest.Offset);
}
