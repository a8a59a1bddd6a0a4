namespace Flint.Backends.Cpu;

// Convolution's data movement (ConvKernels); the products themselves go through MatMul.
internal sealed partial class CpuBackend
{
    public void Im2Col(ScalarType t, ConvGeometry g, Storage x, long xOffset, Storage col)
    {
        if (t == ScalarType.Float32) ConvKernels.Im2Col(g, x.As<float>(), xOffset, col.As<float>());
        else if (t == ScalarType.Float64) ConvKernels.Im2Col(g, x.As<double>(), xOffset, col.As<double>());
        else throw DTypeSwitch.Unsupported("im2col", t);
    }

    public void Col2Im(ScalarType t, ConvGeometry g, Storage col, long colOffset, Storage x)
    {
        if (t == ScalarType.Float32) ConvKernels.Col2Im(g, col.As<float>(), colOffset, x.As<float>());
        else if (t == ScalarType.Float64) ConvKernels.Col2Im(g, col.As<double>(), colOffset, x.As<double>());
        else throw DTypeSwitch.Unsupported("col2im", t);
    }
}
