namespace Flint.Backends.Cpu;

// The fused layer-norm and GELU primitives (LayerNormKernels, GeluKernels).
internal sealed partial class CpuBackend
{
    public void LayerNorm(ScalarType t, int rows, int n, Storage x, long xOffset, Storage? w, long wOffset, Storage? b, long bOffset,
        double eps, Storage y, Storage mean, Storage rstd)
    {
        switch (t)
        {
            case ScalarType.Float32:
                LayerNormKernels.Forward(x.As<float>(), xOffset, w?.As<float>(), wOffset, b?.As<float>(), bOffset, rows, n, (float)eps, y.As<float>(), mean.As<float>(), rstd.As<float>());
                break;
            case ScalarType.Float64:
                LayerNormKernels.Forward(x.As<double>(), xOffset, w?.As<double>(), wOffset, b?.As<double>(), bOffset, rows, n, eps, y.As<double>(), mean.As<double>(), rstd.As<double>());
                break;
            default: throw DTypeSwitch.Unsupported("LayerNormKernelImpl", t);
        }
    }

    public void LayerNormBackward(ScalarType t, int rows, int n, Storage g, long gOffset, Storage x, long xOffset, Storage mean, Storage rstd,
        Storage? w, long wOffset, Storage gx, Storage? gw, Storage? gb)
    {
        switch (t)
        {
            case ScalarType.Float32:
                LayerNormKernels.Backward(g.As<float>(), gOffset, x.As<float>(), xOffset, mean.As<float>(), rstd.As<float>(), w?.As<float>(), wOffset, rows, n,
                    gx.As<float>(), gw?.As<float>(), gb?.As<float>());
                break;
            case ScalarType.Float64:
                LayerNormKernels.Backward(g.As<double>(), gOffset, x.As<double>(), xOffset, mean.As<double>(), rstd.As<double>(), w?.As<double>(), wOffset, rows, n,
                    gx.As<double>(), gw?.As<double>(), gb?.As<double>());
                break;
            default: throw DTypeSwitch.Unsupported("LayerNormBackwardKernelImpl", t);
        }
    }

    public void Gelu(ScalarType t, bool tanh, long count, Storage x, long xOffset, Storage y)
    {
        switch (t)
        {
            case ScalarType.Float32:
            {
                float[] X = x.As<float>(), Y = y.As<float>();
                GeluKernels.Chunked(count, (s, n) => GeluKernels.Gelu(X.AsSpan((int)xOffset + s, n), Y.AsSpan(s, n), tanh));
                break;
            }
            case ScalarType.Float64:
            {
                double[] X = x.As<double>(), Y = y.As<double>();
                GeluKernels.Chunked(count, (s, n) => GeluKernels.Gelu(X.AsSpan((int)xOffset + s, n), Y.AsSpan(s, n), tanh));
                break;
            }
            default: throw DTypeSwitch.Unsupported("GeluKernelImpl", t);
        }
    }

    public void GeluBackward(ScalarType t, bool tanh, long count, Storage g, long gOffset, Storage x, long xOffset, Storage gx)
    {
        switch (t)
        {
            case ScalarType.Float32:
            {
                float[] G = g.As<float>(), X = x.As<float>(), O = gx.As<float>();
                GeluKernels.Chunked(count, (s, n) => GeluKernels.GeluBackward(G.AsSpan((int)gOffset + s, n), X.AsSpan((int)xOffset + s, n), O.AsSpan(s, n), tanh));
                break;
            }
            case ScalarType.Float64:
            {
                double[] G = g.As<double>(), X = x.As<double>(), O = gx.As<double>();
                GeluKernels.Chunked(count, (s, n) => GeluKernels.GeluBackward(G.AsSpan((int)gOffset + s, n), X.AsSpan((int)xOffset + s, n), O.AsSpan(s, n), tanh));
                break;
            }
            default: throw DTypeSwitch.Unsupported("GeluBackwardKernelImpl", t);
        }
    }
}
