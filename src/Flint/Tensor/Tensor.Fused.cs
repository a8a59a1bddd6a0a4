using Flint.Ops;

namespace Flint;

// addcmul/addcdiv forwards; the fused multiply-add rule lives in Ops/Fused.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>this + value * tensor1 * tensor2, with broadcasting and type promotion.</summary>
        public Tensor addcmul(Tensor tensor1, Tensor tensor2, double value = 1) => Fused.AddCMul(this, tensor1, tensor2, value);

        /// <summary>In place: this += value * tensor1 * tensor2.</summary>
        public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value = 1) => Fused.AddCMulInPlace(this, tensor1, tensor2, value);

        /// <summary>this + value * tensor1 / tensor2, with broadcasting and type promotion.</summary>
        public Tensor addcdiv(Tensor tensor1, Tensor tensor2, double value = 1) => add(Fused.ScaledQuotient(tensor1, tensor2, value));

        /// <summary>In place: this += value * tensor1 / tensor2.</summary>
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value = 1) => add_(Fused.ScaledQuotient(tensor1, tensor2, value));
    }
}
