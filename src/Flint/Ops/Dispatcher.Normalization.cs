using Flint.Backends;

namespace Flint.Ops;

// The fused layer-norm and GELU primitives: operands cast to the compute dtype (half types in float32) and made
// dense here, results allocated dense in the compute dtype.
internal static partial class Dispatcher
{
    private static Tensor Dense(Tensor t, ScalarType dtype)
    {
        t.ThrowIfDisposed();
        var c = Cast(t, dtype);
        return c.is_contiguous() ? c : Contiguous(c);
    }

    private static Tensor? DenseOrNull(Tensor? t, Tensor like, ScalarType dtype)
    {
        if (t is null) return null;
        CheckSameDevice(like, t);
        return Dense(t, dtype);
    }

    /// <summary>
    /// native_layer_norm over the trailing <paramref name="n"/> elements of <paramref name="x"/>: y (x's shape, in the
    /// compute dtype) and the per-row mean and rstd ([rows], compute dtype).
    /// </summary>
    public static (Tensor y, Tensor mean, Tensor rstd) LayerNorm(Tensor x, int rows, int n, Tensor? weight, Tensor? bias, double eps)
    {
        var t = ComputeType(x.dtype);
        var xc = Dense(x, t);
        var wc = DenseOrNull(weight, x, t);
        var bc = DenseOrNull(bias, x, t);
        var y = Tensor.Empty(x.Shape, t, x.device, clear: false);
        var mean = Tensor.Empty([rows], t, x.device, clear: false);
        var rstd = Tensor.Empty([rows], t, x.device, clear: false);
        if (rows > 0 && n > 0)
        {
            using var inputs = new KernelLease(xc, wc, bc);
            using var outputs = new KernelLease(y, mean, rstd);
            Backend.For(x.device).LayerNorm(t, rows, n, xc.Storage, xc.Offset, wc?.Storage, wc?.Offset ?? 0, bc?.Storage, bc?.Offset ?? 0,
                eps, y.Storage, mean.Storage, rstd.Storage);
        }
        return (y, mean, rstd);
    }

    /// <summary>
    /// The layer-norm backward in the compute dtype: the input gradient (x's shape) and, when asked for, the weight and
    /// bias gradients ([n], reshaped by the caller).
    /// </summary>
    public static (Tensor gx, Tensor? gw, Tensor? gb) LayerNormBackward(Tensor g, Tensor x, Tensor mean, Tensor rstd, Tensor? weight,
        int rows, int n, bool needWeight, bool needBias)
    {
        var t = ComputeType(x.dtype);
        CheckSameDevice(x, g);
        var gc = Dense(g, t);
        var xc = Dense(x, t);
        var mc = Dense(mean, t);
        var rc = Dense(rstd, t);
        var wc = DenseOrNull(weight, x, t);
        var gx = Tensor.Empty(x.Shape, t, x.device, clear: false);
        var gw = needWeight ? Tensor.Empty([n], t, x.device, clear: true) : null;
        var gb = needBias ? Tensor.Empty([n], t, x.device, clear: true) : null;
        if (rows > 0 && n > 0)
        {
            using var inputs = new KernelLease(gc, xc, mc, rc);
            using var outputs = new KernelLease(wc, gx, gw, gb);
            Backend.For(x.device).LayerNormBackward(t, rows, n, gc.Storage, gc.Offset, xc.Storage, xc.Offset, mc.Storage, rc.Storage,
                wc?.Storage, wc?.Offset ?? 0, gx.Storage, gw?.Storage, gb?.Storage);
        }
        return (gx, gw, gb);
    }

    /// <summary>GELU of <paramref name="x"/> (exact or tanh), in x's dtype (half types compute in float32 and round once).</summary>
    public static Tensor Gelu(Tensor x, bool tanh)
    {
        var t = ComputeType(x.dtype);
        var xc = Dense(x, t);
        var y = Tensor.Empty(x.Shape, t, x.device, clear: false);
        long count = xc.numel();
        if (count > 0)
            using (new KernelLease(xc, y))
                Backend.For(x.device).Gelu(t, tanh, count, xc.Storage, xc.Offset, y.Storage);
        return Cast(y, x.dtype);
    }

    /// <summary>g·GELU′(x) in x's dtype (g broadcast to x's shape first).</summary>
    public static Tensor GeluBackward(Tensor g, Tensor x, bool tanh)
    {
        var t = ComputeType(x.dtype);
        CheckSameDevice(x, g);
        var xc = Dense(x, t);
        var gc = Dense(Shapes.SameShape(g.Shape, x.Shape) ? g : g.expand(x.Shape), t);
        var gx = Tensor.Empty(x.Shape, t, x.device, clear: false);
        long count = xc.numel();
        if (count > 0)
            using (new KernelLease(gc, xc, gx))
                Backend.For(x.device).GeluBackward(t, tanh, count, gc.Storage, gc.Offset, xc.Storage, xc.Offset, gx.Storage);
        return Cast(gx, x.dtype);
    }
}
