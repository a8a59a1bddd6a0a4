namespace Flint.Backends.Cpu;

// Pooling: forwarding to PoolingKernels by element type.
internal sealed partial class CpuBackend
{
    public void Pool(ScalarType t, PoolGeometry g, Storage x, long xOffset, Storage y, Storage? indices)
    {
        long[]? idx = indices?.As<long>();
        if (t == ScalarType.Float64) PoolingKernels.Forward(g, x.As<double>(), xOffset, y.As<double>(), idx);
        else if (t == ScalarType.Float32) PoolingKernels.Forward(g, x.As<float>(), xOffset, y.As<float>(), idx);
        else throw DTypeSwitch.Unsupported(PoolOpName(g), t);
    }

    public void PoolBackward(ScalarType t, PoolGeometry g, Storage gradOut, long gOffset, Storage? indices, Storage gradIn)
    {
        long[]? idx = indices?.As<long>();
        if (t == ScalarType.Float64) PoolingKernels.Backward(g, gradOut.As<double>(), gOffset, idx, gradIn.As<double>());
        else if (t == ScalarType.Float32) PoolingKernels.Backward(g, gradOut.As<float>(), gOffset, idx, gradIn.As<float>());
        else throw DTypeSwitch.Unsupported(PoolOpName(g), t);
    }

    /// <summary>PyTorch's kernel name for a pooling kind, as its dtype errors say it.</summary>
    internal static string PoolOpName(PoolGeometry g) => ((PoolKind)g.Kind, g.Rank == 3) switch
    {
        (PoolKind.Max, false) => "max_pool2d",
        (PoolKind.Avg, false) => "avg_pool2d",
        (PoolKind.AdaptiveMax, false) => "adaptive_max_pool2d",
        (_, false) => "adaptive_avg_pool2d",
        (PoolKind.Max, true) => "max_pool3d_with_indices_cpu",
        (PoolKind.Avg, true) => "avg_pool3d_out_frame",
        (PoolKind.AdaptiveMax, true) => "adaptive_max_pool3d_cpu",
        _ => "adaptive_avg_pool3d_cpu",
    };
}
