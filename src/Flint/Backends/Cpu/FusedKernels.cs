using System.Numerics.Tensors;

namespace Flint.Backends.Cpu;

/// <summary>
/// PyTorch's CPU kernels fuse the final multiply-add: add(other, alpha) is fma(other, alpha, self) and
/// addcmul is fma(value * t1, t2, self), each rounded once. Optimizer updates are built from these, so
/// matching the fusion keeps float32 trajectories bit-identical to PyTorch's.
/// </summary>
internal static class FusedKernels
{
    /// <summary>d = a + (scale * x) * y, or a + scale * x without y, over n contiguous elements from each operand's offset.</summary>
    public static void MultiplyAdd(ScalarType t, int n, Operand dest, Operand addend, Operand x, Operand? y, double scale)
    {
        if (t == ScalarType.Float32)
        {
            var d = new Span<float>((float[])dest.Data, (int)dest.Offset, n);
            var a = new ReadOnlySpan<float>((float[])addend.Data, (int)addend.Offset, n);
            var xs = new ReadOnlySpan<float>((float[])x.Data, (int)x.Offset, n);
            float s = (float)scale;
            if (y is not { } yo)
                TensorPrimitives.FusedMultiplyAdd(xs, s, a, d);
            else
            {
                var ys = new ReadOnlySpan<float>((float[])yo.Data, (int)yo.Offset, n);
                for (int i = 0; i < n; i++) d[i] = MathF.FusedMultiplyAdd(s * xs[i], ys[i], a[i]);
            }
        }
        else
        {
            var d = new Span<double>((double[])dest.Data, (int)dest.Offset, n);
            var a = new ReadOnlySpan<double>((double[])addend.Data, (int)addend.Offset, n);
            var xs = new ReadOnlySpan<double>((double[])x.Data, (int)x.Offset, n);
            if (y is not { } yo)
                TensorPrimitives.FusedMultiplyAdd(xs, scale, a, d);
            else
            {
                var ys = new ReadOnlySpan<double>((double[])yo.Data, (int)yo.Offset, n);
                for (int i = 0; i < n; i++) d[i] = Math.FusedMultiplyAdd(scale * xs[i], ys[i], a[i]);
            }
        }
    }
}
