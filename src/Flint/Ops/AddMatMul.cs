namespace Flint.Ops;

/// <summary>
/// addmm and baddbmm: β·input + α·(mat1 @ mat2), composed of the matrix product and elementwise ops.
/// As in PyTorch, β = 0 ignores input entirely (NaN and inf in it do not propagate; it then gets no gradient).
/// </summary>
internal static class AddMatMul
{
    public static Tensor Addmm(Tensor input, Tensor mat1, Tensor mat2, double beta, double alpha)
    {
        if (mat1.dim() != 2) throw new ArgumentException($"mat1 must be a matrix, got {mat1.dim()}-D tensor");
        if (mat2.dim() != 2) throw new ArgumentException($"mat2 must be a matrix, got {mat2.dim()}-D tensor");
        return Combine(input, mat1.mm(mat2), beta, alpha);
    }

    public static Tensor Baddbmm(Tensor input, Tensor batch1, Tensor batch2, double beta, double alpha)
    {
        if (batch1.dim() != 3) throw new ArgumentException("batch1 must be a 3D tensor");
        if (batch2.dim() != 3) throw new ArgumentException("batch2 must be a 3D tensor");
        return Combine(input, batch1.bmm(batch2), beta, alpha);
    }

    private static Tensor Combine(Tensor input, Tensor product, double beta, double alpha)
    {
        if (!Indexing.BroadcastsTo(input.Shape, product.Shape))
            throw new ArgumentException($"The expanded size of the tensor ({Shapes.Str(product.Shape)}) must match the existing size ({Shapes.Str(input.Shape)}) of input");
        var scaled = alpha == 1 ? product : product * alpha;
        if (beta == 0) return scaled;
        return (beta == 1 ? input : input * beta) + scaled;
    }
}
