using Flint.Backends;
using Flint.Cuda.Kernels;
using ILGPU;

namespace Flint.Cuda;

// Fused layer norm (rows, then columns for the parameter gradients) and GELU (per element): NormalizationKernels.
internal sealed partial class CudaBackend
{
    public void LayerNorm(ScalarType t, int rows, int n, Storage x, long xOffset, Storage? w, long wOffset, Storage? b, long bOffset,
        double eps, Storage y, Storage mean, Storage rstd)
    {
        if (rows == 0 || n == 0) return;
        var a = new LayerNormArgs { Rows = rows, N = n, HasW = w is null ? 0 : 1, HasB = b is null ? 0 : 1, XOffset = xOffset, WOffset = wOffset, BOffset = bOffset, Eps = eps };
        if (t == ScalarType.Float32) LayerNormT<float, WideF32>(a, x, w, b, y, mean, rstd);
        else if (t == ScalarType.Float64) LayerNormT<double, WideF64>(a, x, w, b, y, mean, rstd);
        else throw Unsupported("LayerNormKernelImpl", t);
    }

    private void LayerNormT<T, TW>(LayerNormArgs a, Storage x, Storage? w, Storage? b, Storage y, Storage mean, Storage rstd)
        where T : unmanaged where TW : struct, IWideFloat<T> =>
        _k.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, LayerNormArgs>(NormalizationKernels.LayerNormRows<T, TW>)(
            a.Rows, View<T>(x), w is null ? default : View<T>(w), b is null ? default : View<T>(b), View<T>(y), View<T>(mean), View<T>(rstd), a);

    public void LayerNormBackward(ScalarType t, int rows, int n, Storage g, long gOffset, Storage x, long xOffset, Storage mean, Storage rstd,
        Storage? w, long wOffset, Storage gx, Storage? gw, Storage? gb)
    {
        if (rows == 0 || n == 0) return;
        var a = new LayerNormArgs { Rows = rows, N = n, HasW = w is null ? 0 : 1, HasB = 0, XOffset = xOffset, WOffset = wOffset, GOffset = gOffset };
        if (t == ScalarType.Float32) LayerNormBackwardT<float, WideF32>(a, g, x, mean, rstd, w, gx, gw, gb);
        else if (t == ScalarType.Float64) LayerNormBackwardT<double, WideF64>(a, g, x, mean, rstd, w, gx, gw, gb);
        else throw Unsupported("LayerNormBackwardKernelImpl", t);
    }

    private void LayerNormBackwardT<T, TW>(LayerNormArgs a, Storage g, Storage x, Storage mean, Storage rstd, Storage? w, Storage gx, Storage? gw, Storage? gb)
        where T : unmanaged where TW : struct, IWideFloat<T>
    {
        _k.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, LayerNormArgs>(NormalizationKernels.LayerNormInputGrad<T, TW>)(
            a.Rows, View<T>(g), View<T>(x), w is null ? default : View<T>(w), View<T>(mean), View<T>(rstd), View<T>(gx), a);
        if (gw is null && gb is null) return;
        // The column pass reads HasW/HasB as "write gw"/"write gb".
        var c = a;
        c.HasW = gw is null ? 0 : 1;
        c.HasB = gb is null ? 0 : 1;
        _k.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, LayerNormArgs>(NormalizationKernels.LayerNormParamGrads<T, TW>)(
            a.N, View<T>(g), View<T>(x), View<T>(mean), View<T>(rstd), gw is null ? default : View<T>(gw), gb is null ? default : View<T>(gb), c);
    }

    public void Gelu(ScalarType t, bool tanh, long count, Storage x, long xOffset, Storage y)
    {
        if (count == 0) return;
        if (count > int.MaxValue) throw new ArgumentException($"Flint.Cuda: a gelu of {count} elements exceeds one launch's 2^31 elements");
        if (t == ScalarType.Float32)
            _k.Auto<ArrayView<float>, long, ArrayView<float>, int>(NormalizationKernels.Gelu<float, WideF32>)((int)count, View<float>(x), xOffset, View<float>(y), tanh ? 1 : 0);
        else if (t == ScalarType.Float64)
            _k.Auto<ArrayView<double>, long, ArrayView<double>, int>(NormalizationKernels.Gelu<double, WideF64>)((int)count, View<double>(x), xOffset, View<double>(y), tanh ? 1 : 0);
        else throw Unsupported("GeluKernelImpl", t);
    }

    public void GeluBackward(ScalarType t, bool tanh, long count, Storage g, long gOffset, Storage x, long xOffset, Storage gx)
    {
        if (count == 0) return;
        if (count > int.MaxValue) throw new ArgumentException($"Flint.Cuda: a gelu backward of {count} elements exceeds one launch's 2^31 elements");
        if (t == ScalarType.Float32)
            _k.Auto<ArrayView<float>, long, ArrayView<float>, long, ArrayView<float>, int>(NormalizationKernels.GeluBackward<float, WideF32>)(
                (int)count, View<float>(g), gOffset, View<float>(x), xOffset, View<float>(gx), tanh ? 1 : 0);
        else if (t == ScalarType.Float64)
            _k.Auto<ArrayView<double>, long, ArrayView<double>, long, ArrayView<double>, int>(NormalizationKernels.GeluBackward<double, WideF64>)(
                (int)count, View<double>(g), gOffset, View<double>(x), xOffset, View<double>(gx), tanh ? 1 : 0);
        else throw Unsupported("GeluBackwardKernelImpl", t);
    }
}
