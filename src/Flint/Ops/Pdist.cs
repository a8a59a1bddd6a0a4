namespace Flint.Ops;

/// <summary>
/// <c>torch.pdist</c> (PyTorch's _pdist_forward): the p-norm distances between the rows of an (N, M) input, pairs (i, j)
/// with i &lt; j in row-major order, composed of index_select, sub and the vector norm, so its backward and every device
/// come from those ops.
/// </summary>
internal static class Pdist
{
    internal static Tensor Forward(Tensor input, double p)
    {
        if (input.dim() != 2) throw new ArgumentException($"pdist only supports 2D tensors, got: {input.dim()}D");
        if (!DTypes.IsFloatingPoint(input.dtype)) throw new ArgumentException("pdist only supports floating-point dtypes");
        if (p < 0) throw new ArgumentException("pdist only supports non-negative p values");
        long n = input.size(0);
        long pairs = n * (n - 1) / 2;
        if (pairs == 0) return torch.zeros([0], input.dtype, input.device);
        var a = new long[pairs];
        var b = new long[pairs];
        long k = 0;
        for (long i = 0; i < n; i++)
            for (long j = i + 1; j < n; j++) { a[k] = i; b[k] = j; k++; }
        var left = input.index_select(0, torch.tensor(a).to(input.device));
        var right = input.index_select(0, torch.tensor(b).to(input.device));
        return (left - right).norm(1L, p);
    }
}
