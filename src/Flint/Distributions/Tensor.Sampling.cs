namespace Flint;

// TorchSharp's Tensor.poisson and Tensor.binomial: PyTorch 1.13's native samplers in NativeSamplers.cs (this partial lives
// beside them because they sit in the distributions layer).
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>One Poisson(λ) count per element, λ being this tensor's elements, in this dtype (<c>torch.poisson</c>).</summary>
        public Tensor poisson(Generator? generator = null)
        {
            if (!is_floating_point()) throw new ArgumentException($"\"poisson_cpu\" not implemented for '{DTypes.ShortName(dtype)}'");
            using (torch.no_grad()) return NativeSamplers.Poisson(this, generator);
        }

        /// <summary>One Binomial(n, p) count per element, n being this tensor's elements and p <paramref name="prob"/>'s (<c>torch.binomial</c>).</summary>
        public Tensor binomial(Tensor prob, Generator? generator = null)
        {
            if (!is_floating_point()) throw new ArgumentException($"\"binomial_cpu\" not implemented for '{DTypes.ShortName(dtype)}'");
            if (prob.dtype != dtype) throw new ArgumentException($"Found dtype {DTypes.ShortName(prob.dtype)} but expected {DTypes.ShortName(dtype)}");
            var shape = Shapes.Broadcast(Shape, prob.Shape);
            using (torch.no_grad()) return NativeSamplers.Binomial(expand(shape), prob.expand(shape), generator);
        }
    }
}
