using Flint.Ops;

namespace Flint;

// Thin forwards: Ops/RepeatInterleave.cs, Ops/AddMatMul.cs and Ops/Einsum.cs hold the rules.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Each element repeated <paramref name="repeats"/> times in place, along <paramref name="dim"/> (flattened when null).</summary>
        public Tensor repeat_interleave(long repeats, long? dim = null) => RepeatInterleave.ByCount(this, repeats, dim);

        /// <summary>Element (or slice) i repeated repeats[i] times along <paramref name="dim"/> (flattened when null).</summary>
        public Tensor repeat_interleave(Tensor repeats, long? dim = null) => RepeatInterleave.ByTensor(this, repeats, dim);

        /// <summary>β·this + α·(mat1 @ mat2).</summary>
        public Tensor addmm(Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) => AddMatMul.Addmm(this, mat1, mat2, beta, alpha);

        /// <summary>β·this + α·(batch1 @ batch2), batched.</summary>
        public Tensor baddbmm(Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => AddMatMul.Baddbmm(this, batch1, batch2, beta, alpha);
    }
}

// torch.* forms.
public static partial class torch
{
    /// <summary>Each element of <paramref name="input"/> repeated <paramref name="repeats"/> times in place along <paramref name="dim"/>.</summary>
    public static Tensor repeat_interleave(Tensor input, long repeats, long? dim = null) => input.repeat_interleave(repeats, dim);

    /// <summary>Element (or slice) i of <paramref name="input"/> repeated repeats[i] times along <paramref name="dim"/>.</summary>
    public static Tensor repeat_interleave(Tensor input, Tensor repeats, long? dim = null) => input.repeat_interleave(repeats, dim);

    /// <summary>The index i repeated repeats[i] times: <c>repeat_interleave(tensor([1, 2]))</c> is <c>[0, 1, 1]</c>.</summary>
    public static Tensor repeat_interleave(Tensor repeats) => RepeatInterleave.Indices(repeats);

    /// <summary>β·input + α·(mat1 @ mat2).</summary>
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) => input.addmm(mat1, mat2, beta, alpha);

    /// <summary>β·input + α·(batch1 @ batch2), batched.</summary>
    public static Tensor baddbmm(Tensor input, Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => input.baddbmm(batch1, batch2, beta, alpha);

    /// <summary>
    /// Einstein summation: <c>einsum("bij,bjk->bik", a, b)</c>. Any subscripts in [a-zA-Z], implicit outputs,
    /// ellipsis (<c>"...ij,...jk"</c>) and repeated labels (diagonals) are accepted; pairs of operands contract
    /// as batched matrix products.
    /// </summary>
    public static Tensor einsum(string equation, params Tensor[] operands) => Einsum.Compute(equation, operands);
}
