using Flint.Autograd;

namespace Flint;

public partial class Tensor
{
    // PyTorch's CPU kernels fuse the final multiply-add: add(other, alpha) is fma(other, alpha, self) and
    // addcmul is fma(value * t1, t2, self), each rounded once; addcdiv is self + (value * t1) / t2 with
    // separate roundings. Optimizer updates are built from these, so matching the fusion keeps Flint's
    // float32 trajectories bit-identical to PyTorch's. The fused kernel covers the common case (same-shape,
    // contiguous, same float dtype, CPU); anything else is composed from the elementwise ops.

    /// <summary>this + value * tensor1 * tensor2, with broadcasting and type promotion.</summary>
    public Tensor addcmul(Tensor tensor1, Tensor tensor2, double value = 1)
    {
        if (!(GradMode.IsEnabled && (requires_grad || tensor1.requires_grad || tensor2.requires_grad)))
        {
            var r = FusedResult(this, tensor1, tensor2);
            if (r is not null && TryFusedMultiplyAdd(r, this, tensor1, tensor2, value)) return r;
        }
        return add(ScaledProduct(tensor1, tensor2, value));
    }

    /// <summary>In place: this += value * tensor1 * tensor2.</summary>
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value = 1)
    {
        if (!(GradMode.IsEnabled && (requires_grad || tensor1.requires_grad || tensor2.requires_grad))
            && TryFusedMultiplyAdd(this, this, tensor1, tensor2, value))
        {
            Storage.Version++;
            return this;
        }
        return add_(ScaledProduct(tensor1, tensor2, value));
    }

    /// <summary>this + value * tensor1 / tensor2, with broadcasting and type promotion.</summary>
    public Tensor addcdiv(Tensor tensor1, Tensor tensor2, double value = 1) => add(ScaledQuotient(tensor1, tensor2, value));

    /// <summary>In place: this += value * tensor1 / tensor2.</summary>
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value = 1) => add_(ScaledQuotient(tensor1, tensor2, value));

    private static Tensor ScaledProduct(Tensor tensor1, Tensor tensor2, double value) =>
        (value == 1 ? tensor1 : tensor1.mul(value)).mul(tensor2);

    private static Tensor ScaledQuotient(Tensor tensor1, Tensor tensor2, double value)
    {
        if (DTypes.IsIntegral(tensor1.dtype, includeBool: true) && DTypes.IsIntegral(tensor2.dtype, includeBool: true))
            throw new ArgumentException("Integer division with addcdiv is no longer supported, and in a future release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.");
        return (value == 1 ? tensor1 : tensor1.mul(value)).div(tensor2);
    }

    /// <summary>A fresh output for a fused op over <paramref name="a"/>, or null when the fused kernel can't take these inputs.</summary>
    internal static Tensor? FusedResult(Tensor a, Tensor x, Tensor? y)
    {
        if (!FusableWith(a, a) || !FusableWith(a, x) || (y is not null && !FusableWith(a, y))) return null;
        return Empty((long[])a.Shape.Clone(), a.dtype, a.device);
    }

    /// <summary>
    /// dest = addend + (scale * x) * y, or addend + scale * x without <paramref name="y"/>, with one rounding
    /// for the final multiply-add (scale is first rounded to the element type, as PyTorch's Scalar is).
    /// Returns false, writing nothing, unless all tensors are same-shape contiguous float32/float64 CPU tensors
    /// of one dtype that alias dest only element for element.
    /// </summary>
    internal static bool TryFusedMultiplyAdd(Tensor dest, Tensor addend, Tensor x, Tensor? y, double scale)
    {
        if (!FusableWith(dest, dest) || !FusableWith(dest, addend) || !FusableWith(dest, x) || (y is not null && !FusableWith(dest, y)))
            return false;
        int n = checked((int)dest.numel());
        if (dest.dtype == ScalarType.Float32)
        {
            var d = new Span<float>(dest.Storage.As<float>(), (int)dest.Offset, n);
            var a = new ReadOnlySpan<float>(addend.Storage.As<float>(), (int)addend.Offset, n);
            var xs = new ReadOnlySpan<float>(x.Storage.As<float>(), (int)x.Offset, n);
            float s = (float)scale;
            if (y is null)
                System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(xs, s, a, d);
            else
            {
                var ys = new ReadOnlySpan<float>(y.Storage.As<float>(), (int)y.Offset, n);
                for (int i = 0; i < n; i++) d[i] = MathF.FusedMultiplyAdd(s * xs[i], ys[i], a[i]);
            }
        }
        else
        {
            var d = new Span<double>(dest.Storage.As<double>(), (int)dest.Offset, n);
            var a = new ReadOnlySpan<double>(addend.Storage.As<double>(), (int)addend.Offset, n);
            var xs = new ReadOnlySpan<double>(x.Storage.As<double>(), (int)x.Offset, n);
            if (y is null)
                System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(xs, scale, a, d);
            else
            {
                var ys = new ReadOnlySpan<double>(y.Storage.As<double>(), (int)y.Offset, n);
                for (int i = 0; i < n; i++) d[i] = Math.FusedMultiplyAdd(scale * xs[i], ys[i], a[i]);
            }
        }
        return true;
    }

    private static bool FusableWith(Tensor dest, Tensor t) =>
        (t.dtype == ScalarType.Float32 || t.dtype == ScalarType.Float64)
        && t.dtype == dest.dtype
        && t.device.type == DeviceType.CPU && dest.device.type == DeviceType.CPU
        && Shapes.SameShape(t.Shape, dest.Shape)
        && t.is_contiguous()
        && (!ReferenceEquals(t.Storage, dest.Storage) || t.Offset == dest.Offset);
}
