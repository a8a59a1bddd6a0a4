using Flint.Ops;

namespace Flint;

// Thin forwards: the rules, kernels and backward formulas live in Ops/MatMul.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Matrix product of two 2-D tensors.</summary>
        public Tensor mm(Tensor mat2) => MatMul.Mm(this, mat2);

        /// <summary>Batched matrix product of two 3-D tensors.</summary>
        public Tensor bmm(Tensor mat2) => MatMul.Bmm(this, mat2);

        /// <summary>Inner product of two 1-D tensors.</summary>
        public Tensor dot(Tensor other) => MatMul.Dot(this, other);

        /// <summary>Matrix-vector product.</summary>
        public Tensor mv(Tensor vec) => MatMul.Mv(this, vec);

        /// <summary>Outer product of two 1-D tensors.</summary>
        public Tensor outer(Tensor vec2) => MatMul.Outer(this, vec2);

        /// <summary>
        /// PyTorch's matmul: dot for 1-D·1-D, mm for matrices, mv, and batched products with
        /// broadcast batch dims for higher ranks (1-D operands get a dim added and removed).
        /// </summary>
        public Tensor matmul(Tensor other) => MatMul.Matmul(this, other);
    }
}
