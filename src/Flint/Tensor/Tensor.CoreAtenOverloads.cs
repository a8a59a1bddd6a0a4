using Flint.Ops;

namespace Flint;

// Overloads that Core ATen lists separately (any.dims, squeeze.dims, var.correction, atan2.out): Ops/Reductions.cs and
// Ops/CoreAtenOverloads.cs.
public static partial class torch
{
    // (torch.any/all/var/std over these overloads are generated into torch.FreeFunctions.Reductions.cs.)
    public partial class Tensor
    {
        /// <summary>True where any element over the dims <paramref name="dim"/> is non-zero (PyTorch 2.x's any.dims).</summary>
        public Tensor any(long[] dim, bool keepdim = false) => this.AllAny(dim, keepdim, false);

        /// <summary>True where every element over the dims <paramref name="dim"/> is non-zero (PyTorch 2.x's all.dims).</summary>
        public Tensor all(long[] dim, bool keepdim = false) => this.AllAny(dim, keepdim, true);

        /// <summary>Removes each of the dims <paramref name="dim"/> whose size is 1; listed dims of another size stay (PyTorch 2.x's squeeze.dims).</summary>
        public Tensor squeeze(long[] dim) => CoreAtenOverloads.SqueezeDims(this, dim);

        /// <summary>The variance over <paramref name="dim"/> (all dims when null) divided by N − <paramref name="correction"/> (PyTorch's var(correction=)).</summary>
        public Tensor var(long[]? dim, long correction, bool keepdim = false) => this.VarImpl(dim, keepdim, correction);

        /// <summary>The variance along <paramref name="dim"/> divided by N − <paramref name="correction"/>.</summary>
        public Tensor var(long dim, long correction, bool keepdim = false) => this.VarImpl([dim], keepdim, correction);

        /// <summary>The standard deviation over <paramref name="dim"/> (all dims when null) with the divisor N − <paramref name="correction"/>.</summary>
        public Tensor std(long[]? dim, long correction, bool keepdim = false) => this.VarImpl(dim, keepdim, correction, std: true);

        /// <summary>The standard deviation along <paramref name="dim"/> with the divisor N − <paramref name="correction"/>.</summary>
        public Tensor std(long dim, long correction, bool keepdim = false) => this.VarImpl([dim], keepdim, correction, std: true);
    }

    /// <inheritdoc cref="Tensor.squeeze(long)"/>
    public static Tensor squeeze(Tensor input, long dim) => input.squeeze(dim);

    /// <inheritdoc cref="Tensor.squeeze(long[])"/>
    public static Tensor squeeze(Tensor input, long[] dim) => input.squeeze(dim);

    /// <summary>atan2(input, other) written into <paramref name="out"/> (PyTorch's out=: cast to out's dtype, out resized to the result's shape; no autograd).</summary>
    public static Tensor atan2(Tensor input, Tensor other, Tensor @out) =>
        CoreAtenOverloads.WriteOut("atan2", () => input.atan2(other), @out, input, other);
}
