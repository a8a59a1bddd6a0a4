using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

// Gradchecks (float64, finite differences) of the sequence-model ops of issue 16.
public static partial class GradCheckCases
{
    static void AddSequenceCases(Adder add)
    {
        add("tril", () => [Rand(1, [4, 5])], x => x[0].tril());
        add("triu_diag", () => [Rand(1, [2, 3, 4])], x => x[0].triu(1));
        add("tril_neg_diag", () => [Rand(1, [4, 3])], x => torch.tril(x[0], -1));
        add("masked_fill_broadcast", () => [Rand(1, [3, 4])], x => x[0].masked_fill(torch.tensor(new[] { true, false, false, true }).to(x[0].device), -2.0));
        add("masked_fill_tensor_value", () => [Rand(1, [3, 4]), Rand(2, [])], x => x[0].masked_fill(torch.tensor(new[] { true, false, true, false }).reshape(1, 4).to(x[0].device), x[1]));
        add("masked_fill_self_broadcast", () => [Rand(1, [4]), Rand(2, [])], x => x[0].masked_fill(torch.tensor(new[] { true, false, true, false, false, true }).reshape(3, 2).repeat(1, 2).to(x[0].device), x[1]));
        add("sort_values", () => [Rand(3, [3, 5])], x => x[0].sort().values);
        add("sort_descending_dim0", () => [Rand(4, [4, 3])], x => x[0].sort(0, descending: true).values);
        add("topk", () => [Rand(5, [3, 6])], x => x[0].topk(3).values);
        add("topk_smallest_dim0", () => [Rand(6, [5, 2, 3])], x => x[0].topk(2, dim: 0, largest: false).values);
        add("cumsum", () => [Rand(1, [3, 5])], x => x[0].cumsum(1));
        add("cumsum_dim0", () => [Rand(1, [4, 2, 3])], x => x[0].cumsum(0));
        add("cumprod", () => [Rand(2, [3, 5], 0.5, 1.5)], x => x[0].cumprod(1));
        add("cumprod_with_zeros", () => [WithZeros(Rand(2, [2, 5], 0.5, 1.5, requires_grad: false), [(0, 1), (1, 3), (1, 4)])], x => x[0].cumprod(-1));
        add("cumprod_neg", () => [Rand(7, [6], -1.5, 1.5)], x => torch.cumprod(x[0], 0));
        add("erf", () => [Rand(1, [3, 4], -2.5, 2.5)], x => x[0].erf());
        add("erfinv", () => [Rand(1, [3, 4], -0.95, 0.95)], x => x[0].erfinv());
        add("gelu", () => [Rand(1, [3, 4], -3, 3)], x => torch.nn.functional.gelu(x[0]));
        add("gelu_tanh", () => [Rand(2, [3, 4], -3, 3)], x => torch.nn.functional.gelu(x[0], approximate: "tanh"));
        add("silu", () => [Rand(3, [3, 4], -3, 3)], x => torch.nn.functional.silu(x[0]));
        add("layer_norm", () => [Rand(1, [2, 3, 4]), Rand(2, [4]), Rand(3, [4])], x => torch.nn.functional.layer_norm(x[0], [4], x[1], x[2]));
        add("layer_norm_2d_no_affine", () => [Rand(4, [2, 3, 4])], x => torch.nn.functional.layer_norm(x[0], [3, 4], eps: 1e-3));
        add("embedding", () => [Rand(1, [5, 3])], x => torch.nn.functional.embedding(torch.tensor(new long[] { 0, 2, 2, 4, 1, 0 }).reshape(2, 3).to(x[0].device), x[0]));
        // padding_idx's row gets no gradient and scale_grad_by_freq divides by counts, both deliberately not the true
        // derivative: this case keeps the padding row out of the indices (the golden tests check both against PyTorch).
        add("embedding_unused_padding", () => [Rand(1, [5, 3])], x => torch.nn.functional.embedding(torch.tensor(new long[] { 0, 2, 2, 4, 1, 0 }).to(x[0].device), x[0], padding_idx: 3));
        add("cross_entropy_bct", () => [Rand(1, [2, 4, 3])], x => torch.nn.functional.cross_entropy(x[0], torch.tensor(new long[] { 0, 3, 1, 2, 2, 0 }).reshape(2, 3).to(x[0].device)));
    }

    /// <summary>Zeroes the given (row, col) entries (for a cumprod input with zeros).</summary>
    private static Tensor WithZeros(Tensor t, (int r, int c)[] at)
    {
        foreach (var (r, c) in at) t[r, c] = 0.0;
        return t.requires_grad_();
    }
}
