namespace Flint;

/// <summary>
/// The small batched linear algebra <c>MultivariateNormal</c> needs, composed from tensor ops (column by
/// column), so it is differentiable and runs on every device: Cholesky, forward substitution, the diagonal.
/// Meant for event sizes of a few dozen at most (O(n) ops of O(n²) elements each).
/// </summary>
internal static class DistributionLinalg
{
    /// <summary>The diagonal of the last two dims: [..., n, n] → [..., n].</summary>
    public static Tensor Diagonal(Tensor a)
    {
        long n = a.Shape[^1];
        return (a * torch.eye(n, dtype: a.dtype, device: a.device)).sum(-1);
    }

    /// <summary>
    /// The lower Cholesky factor L (A = L·Lᵀ) of a batch of symmetric matrices [..., n, n], reading the lower
    /// triangle (as <c>torch.linalg.cholesky</c>). A matrix that is not positive definite gives NaN entries.
    /// </summary>
    public static Tensor Cholesky(Tensor a)
    {
        long n = a.Shape[^1];
        var columns = new List<Tensor>();   // column j of L, rows j..n-1
        for (long j = 0; j < n; j++)
        {
            var s = a.narrow(-1, j, 1).squeeze(-1).narrow(-1, j, n - j); // A[..., j:, j]
            for (long k = 0; k < j; k++)
            {
                var lk = columns[(int)k].narrow(-1, j - k, n - j);            // L[..., j:, k]
                var ljk = columns[(int)k].narrow(-1, j - k, 1);               // L[..., j, k]
                s = s - lk * ljk;
            }
            var pivot = s.narrow(-1, 0, 1).sqrt();
            columns.Add(j == n - 1 ? pivot : torch.cat([pivot, s.narrow(-1, 1, n - j - 1) / pivot], -1));
        }
        var batch = a.Shape[..^2];
        var full = columns.Select((c, j) => j == 0 ? c : torch.cat([torch.zeros([.. batch, j], a.dtype, a.device), c], -1)).ToList();
        return torch.stack(full, -1);
    }

    /// <summary>X with L·X = B for lower-triangular L [..., n, n] and B [..., n, m] (batch dims broadcast).</summary>
    public static Tensor SolveLower(Tensor l, Tensor b)
    {
        long n = l.Shape[^1];
        var batch = Shapes.Broadcast(l.Shape[..^2], b.Shape[..^2]);
        l = l.expand([.. batch, n, n]);
        b = b.expand([.. batch, n, b.Shape[^1]]);
        var rows = new List<Tensor>();
        for (long i = 0; i < n; i++)
        {
            var row = b.narrow(-2, i, 1);                                  // [..., 1, m]
            if (i > 0)
            {
                var lRow = l.narrow(-2, i, 1).narrow(-1, 0, i);            // [..., 1, i]
                row = row - lRow.matmul(torch.cat(rows, -2));            // [..., 1, m]
            }
            rows.Add(row / l.narrow(-2, i, 1).narrow(-1, i, 1));
        }
        return torch.cat(rows, -2);
    }

    /// <summary>Reverses the last two dims (PyTorch's <c>torch.flip(x, (-2, -1))</c>).</summary>
    public static Tensor FlipLastTwo(Tensor a)
    {
        long n = a.Shape[^1], m = a.Shape[^2];
        var rev = (long k) => torch.tensor(Enumerable.Range(0, (int)k).Reverse().Select(i => (long)i).ToArray()).to(a.device);
        return a.index_select(-1, rev(n)).index_select(-2, rev(m));
    }
}
