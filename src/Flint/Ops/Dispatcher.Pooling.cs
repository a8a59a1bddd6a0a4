using Flint.Backends;

namespace Flint.Ops;

// Pooling: dense planes in, dense planes (and int64 indices for max kinds) out.
internal static partial class Dispatcher
{
    /// <summary>
    /// Pools <paramref name="x"/> (read as <see cref="PoolGeometry.Planes"/> dense planes; made contiguous
    /// here) into a new tensor of <paramref name="outShape"/> in x's dtype (half types compute in float32),
    /// with the int64 indices of max kinds.
    /// </summary>
    public static (Tensor values, Tensor? indices) Pool(Tensor x, PoolGeometry g, long[] outShape)
    {
        x.ThrowIfDisposed();
        var t = ComputeType(x.dtype);
        var xc = Cast(x, t);
        if (!xc.is_contiguous()) xc = Contiguous(xc);
        var y = Tensor.Empty(outShape, t, x.device, clear: false);
        var indices = g.IsMax ? Tensor.Empty(outShape, ScalarType.Int64, x.device, clear: false) : null;
        using (new KernelLease(xc, y, indices))
            Backend.For(x.device).Pool(t, g, xc.Storage, xc.Offset, y.Storage, indices?.Storage);
        return (Cast(y, x.dtype), indices);
    }

    /// <summary>The gradient of a pooling with respect to its input (shape <paramref name="inShape"/>, dtype <paramref name="dtype"/>).</summary>
    public static Tensor PoolBackward(Tensor gradOut, Tensor? indices, PoolGeometry g, long[] inShape, ScalarType dtype)
    {
        gradOut.ThrowIfDisposed();
        var t = ComputeType(dtype);
        var gc = Cast(gradOut, t);
        if (!gc.is_contiguous()) gc = Contiguous(gc);
        var gi = Tensor.Empty(inShape, t, gradOut.device, clear: true);
        using (new KernelLease(gc, indices, gi))
            Backend.For(gradOut.device).PoolBackward(t, g, gc.Storage, gc.Offset, indices?.Storage, gi.Storage);
        return Cast(gi, dtype);
    }
}
