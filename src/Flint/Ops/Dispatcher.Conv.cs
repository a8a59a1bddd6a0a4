using Flint.Backends;

namespace Flint.Ops;

// Convolution's data movement: im2col and its adjoint col2im (the products go through MatMul).
internal static partial class Dispatcher
{
    /// <summary>col [N, C·taps, out positions] of the image batch <paramref name="x"/> ([N, C, *spatial], float32/float64) under <paramref name="g"/>.</summary>
    public static Tensor Im2Col(Tensor x, ConvGeometry g)
    {
        x.ThrowIfDisposed();
        var xc = x.is_contiguous() ? x : Contiguous(x);
        var col = Tensor.Empty([g.N, (long)g.C * g.Taps, g.OutPlane], x.dtype, x.device, clear: false);
        using (new KernelLease(xc, col))
            Backend.For(x.device).Im2Col(x.dtype, g, xc.Storage, xc.Offset, col.Storage);
        return col;
    }

    /// <summary>The image batch of <paramref name="imageShape"/> ([N, C, *spatial]) that sums the col entries of <paramref name="col"/> onto their taps' elements.</summary>
    public static Tensor Col2Im(Tensor col, ConvGeometry g, long[] imageShape)
    {
        col.ThrowIfDisposed();
        var cc = col.is_contiguous() ? col : Contiguous(col);
        var x = Tensor.Empty(imageShape, col.dtype, col.device, clear: false);
        using (new KernelLease(cc, x))
            Backend.For(col.device).Col2Im(col.dtype, g, cc.Storage, cc.Offset, x.Storage);
        return x;
    }
}
