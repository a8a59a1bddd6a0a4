using Flint.Backends;
using Flint.Cuda.Kernels;
using ILGPU;

namespace Flint.Cuda;

// Pooling: one thread per output element (PoolKernels).
internal sealed partial class CudaBackend
{
    public void Pool(ScalarType t, PoolGeometry g, Storage x, long xOffset, Storage y, Storage? indices)
    {
        long n = (long)g.Planes * g.OutPlane;
        if (n == 0) return;
        if (n > int.MaxValue) throw new ArgumentException($"Flint.Cuda: a pooling of {n} outputs exceeds one launch's 2^31 elements");
        // Average kinds write no indices: a one-element placeholder view keeps the kernel's signature.
        var idx = indices is null ? default : View<long>(indices);
        if (t == ScalarType.Float32)
            _k.Auto<ArrayView<float>, long, ArrayView<float>, ArrayView<long>, PoolGeometry>(PoolKernels.Forward<float, PoolF32>)((int)n, View<float>(x), xOffset, View<float>(y), idx, g);
        else if (t == ScalarType.Float64)
            _k.Auto<ArrayView<double>, long, ArrayView<double>, ArrayView<long>, PoolGeometry>(PoolKernels.Forward<double, PoolF64>)((int)n, View<double>(x), xOffset, View<double>(y), idx, g);
        else throw Flint.DTypeSwitch.Unsupported(Backends.Cpu.CpuBackend.PoolOpName(g), t);
    }

    public void PoolBackward(ScalarType t, PoolGeometry g, Storage gradOut, long gOffset, Storage? indices, Storage gradIn)
    {
        long n = (long)g.Planes * g.OutPlane;
        if (n == 0) return;
        if (n > int.MaxValue) throw new ArgumentException($"Flint.Cuda: a pooling of {n} outputs exceeds one launch's 2^31 elements");
        var idx = indices is null ? default : View<long>(indices);
        if (t == ScalarType.Float32)
            _k.Auto<ArrayView<float>, long, ArrayView<long>, ArrayView<float>, PoolGeometry>(PoolKernels.Backward<float, PoolF32>)((int)n, View<float>(gradOut), gOffset, idx, View<float>(gradIn), g);
        else if (t == ScalarType.Float64)
            _k.Auto<ArrayView<double>, long, ArrayView<long>, ArrayView<double>, PoolGeometry>(PoolKernels.Backward<double, PoolF64>)((int)n, View<double>(gradOut), gOffset, idx, View<double>(gradIn), g);
        else throw Flint.DTypeSwitch.Unsupported(Backends.Cpu.CpuBackend.PoolOpName(g), t);
    }
}
