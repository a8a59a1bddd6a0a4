using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// addcmul and addcdiv. PyTorch's CPU kernels fuse the final multiply-add: add(other, alpha) is
/// fma(other, alpha, self) and addcmul is fma(value · t1, t2, self), each rounded once; addcdiv is
/// self + (value · t1) / t2 with separate roundings. Optimizer updates are built from these, so matching
/// the fusion keeps Flint's float32 trajectories bit-identical to PyTorch's. The fused kernel
/// (<see cref="Dispatcher.TryFusedMultiplyAdd"/>, CPU only) covers the common case without autograd;
/// anything else is composed from the elementwise ops (whose backward formulas then apply).
/// </summary>
internal static class Fused
{
    /// <summary>self + value · tensor1 · tensor2.</summary>
    public static Tensor AddCMul(Tensor self, Tensor tensor1, Tensor tensor2, double value)
    {
        if (!AnyRequiresGrad(self, tensor1, tensor2))
        {
            var r = Dispatcher.FusedResult(self, tensor1, tensor2);
            if (r is not null && Dispatcher.TryFusedMultiplyAdd(r, self, tensor1, tensor2, value)) return r;
        }
        return self.add(ScaledProduct(tensor1, tensor2, value));
    }

    /// <summary>In place: self += value · tensor1 · tensor2.</summary>
    public static Tensor AddCMulInPlace(Tensor self, Tensor tensor1, Tensor tensor2, double value)
    {
        if (!AnyRequiresGrad(self, tensor1, tensor2) && Dispatcher.TryFusedMultiplyAdd(self, self, tensor1, tensor2, value))
        {
            self.Storage.Version++;
            return self;
        }
        return self.add_(ScaledProduct(tensor1, tensor2, value));
    }

    /// <summary>value · tensor1 / tensor2, refusing the integer division PyTorch removed.</summary>
    public static Tensor ScaledQuotient(Tensor tensor1, Tensor tensor2, double value)
    {
        if (DTypes.IsIntegral(tensor1.dtype, includeBool: true) && DTypes.IsIntegral(tensor2.dtype, includeBool: true))
            throw new ArgumentException("Integer division with addcdiv is no longer supported, and in a future release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.");
        return (value == 1 ? tensor1 : tensor1.mul(value)).div(tensor2);
    }

    private static Tensor ScaledProduct(Tensor tensor1, Tensor tensor2, double value) =>
        (value == 1 ? tensor1 : tensor1.mul(value)).mul(tensor2);

    private static bool AnyRequiresGrad(Tensor a, Tensor b, Tensor c) =>
        GradMode.IsEnabled && (a.requires_grad || b.requires_grad || c.requires_grad);
}
