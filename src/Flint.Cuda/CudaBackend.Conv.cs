using System.Numerics;
using Flint.Backends;
using Flint.Cuda.Kernels;
using ILGPU;

namespace Flint.Cuda;

// Convolution's data movement on the device (Kernels/ConvKernels.cs); the products go through MatMul (cuBLAS).
internal sealed partial class CudaBackend
{
    /// <summary>The most threads one im2col/col2im launch takes; larger buffers go in slices.</summary>
    private const long ConvLaunchSlice = 1L << 30;

    public void Im2Col(ScalarType t, ConvGeometry g, Storage x, long xOffset, Storage col)
    {
        if (t == ScalarType.Float32) Im2ColT<float>(g, x, xOffset, col);
        else if (t == ScalarType.Float64) Im2ColT<double>(g, x, xOffset, col);
        else throw Unsupported("im2col", t);
    }

    public void Col2Im(ScalarType t, ConvGeometry g, Storage col, long colOffset, Storage x)
    {
        if (t == ScalarType.Float32) Col2ImT<float>(g, col, colOffset, x);
        else if (t == ScalarType.Float64) Col2ImT<double>(g, col, colOffset, x);
        else throw Unsupported("col2im", t);
    }

    private void Im2ColT<T>(ConvGeometry g, Storage x, long xOffset, Storage col) where T : unmanaged, INumber<T>
    {
        var kernel = _k.Auto<ArrayView<T>, ArrayView<T>, ConvArgs, long, long>(ConvKernels.Im2Col<T>);
        long total = g.ColNumel;
        for (long start = 0; start < total; start += ConvLaunchSlice)
            kernel((int)Math.Min(ConvLaunchSlice, total - start), View<T>(x), View<T>(col), ConvArgs.From(g), xOffset, start);
    }

    private void Col2ImT<T>(ConvGeometry g, Storage col, long colOffset, Storage x) where T : unmanaged, INumber<T>
    {
        var kernel = _k.Auto<ArrayView<T>, ArrayView<T>, ConvArgs, long, long>(ConvKernels.Col2Im<T>);
        long total = g.ImageNumel;
        for (long start = 0; start < total; start += ConvLaunchSlice)
            kernel((int)Math.Min(ConvLaunchSlice, total - start), View<T>(col), View<T>(x), ConvArgs.From(g), colOffset, start);
    }
}
