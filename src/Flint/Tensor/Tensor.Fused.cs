using Flint.Autograd;
using Flint.Ops;

namespace Flint;

public partial class Tensor
{
    // PyTorch's CPU kernels fuse the final multiply-add: add(other, alpha) is fma(other, alpha, self) and
    // addcmul is fma(value * t1, t2, self), each rounded once; addcdiv is self + (value * t1) / t2 with
    // separate roundings. Optimizer updates are built from these, so matching the fusion keeps Flint's
    // float32 trajectories bit-identical to PyTorch's. The fused kernel (Dispatcher.TryFusedMultiplyAdd, CPU
    // only) covers the common case; anything else is composed from the elementwise ops.

    /// <summary>this + value * tensor1 * tensor2, with broadcasting and type promotion.</summary>
    public Tensor addcmul(Tensor tensor1, Tensor tensor2, double value = 1)
    {
        if (!(GradMode.IsEnabled && (requires_grad || tensor1.requires_grad || tensor2.requires_grad)))
        {
            var r = Dispatcher.FusedResult(this, tensor1, tensor2);
            if (r is not null && Dispatcher.TryFusedMultiplyAdd(r, this, tensor1, tensor2, value)) return r;
        }
        return add(ScaledProduct(tensor1, tensor2, value));
    }

    /// <summary>In place: this += value * tensor1 * tensor2.</summary>
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value = 1)
    {
        if (!(GradMode.IsEnabled && (requires_grad || tensor1.requires_grad || tensor2.requires_grad))
            && Dispatcher.TryFusedMultiplyAdd(this, this, tensor1, tensor2, value))
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
}
