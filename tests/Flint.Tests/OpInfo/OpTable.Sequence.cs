namespace Flint.Tests.OpInfo;

// The sequence-model ops of issue 16 (tools/golden/gen_sequence.py → tests/golden/ops-sequence.json).
public static partial class OpTable
{
    private static long KwL(OpArgs a, string name, long fallback) => a.Has(name) ? a.KwS(name).I : fallback;
    private static bool KwB(OpArgs a, string name, bool fallback = false) => a.Has(name) ? a.KwS(name).B : fallback;

    private static object Pair((Tensor values, Tensor indices) t) => new[] { t.values, t.indices };

    private static readonly Dictionary<string, Entry> SequenceOps = new()
    {
        ["tril"] = new(a => a.Count == 1 ? a.T(0).tril() : a.T(0).tril(a.L(1))),
        ["triu"] = new(a => a.Count == 1 ? torch.triu(a.T(0)) : torch.triu(a.T(0), a.L(1))),
        ["masked_fill_value"] = new(a => a.IsTensor(2) ? a.T(0).masked_fill(a.T(1), a.T(2))
            : a.IsInt(2) ? a.T(0).masked_fill(a.T(1), a.L(2)) : a.T(0).masked_fill(a.T(1), a.D(2))),
        ["sort"] = new(a => Pair(a.T(0).sort(KwL(a, "dim", -1), KwB(a, "descending"), KwB(a, "stable")))),
        ["argsort"] = new(a => a.T(0).argsort(KwL(a, "dim", -1), KwB(a, "descending"), KwB(a, "stable"))),
        ["topk"] = new(a => Pair(a.T(0).topk(a.L(1), KwL(a, "dim", -1), KwB(a, "largest", true), KwB(a, "sorted", true)))),
        ["cumsum"] = new(a => a.T(0).cumsum(a.L(1), a.DType), Tolerance.Reduction),
        ["cumprod"] = new(a => torch.cumprod(a.T(0), a.L(1), a.DType), Tolerance.Reduction),
        ["one_hot"] = new(a => a.Count == 1 ? torch.nn.functional.one_hot(a.T(0)) : torch.nn.functional.one_hot(a.T(0), a.L(1))),
        ["erf"] = new(a => a.T(0).erf(), Tolerance.Ulp, Elementwise: true),
        ["gelu"] = new(a => torch.nn.functional.gelu(a.T(0), a.Kw("approximate") as string ?? "none"), Tolerance.Ulp, Elementwise: true),
        ["silu"] = new(a => torch.nn.functional.silu(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["layer_norm"] = new(a => torch.nn.functional.layer_norm(a.T(0), a.Ints(1), a.Count > 2 ? a.T(2) : null, a.Count > 3 ? a.T(3) : null, a.Count > 4 ? a.D(4) : 1e-5), Tolerance.Reduction),
        ["embedding"] = new(a => torch.nn.functional.embedding(a.T(0), a.T(1), padding_idx: a.Has("padding_idx") ? a.KwS("padding_idx").I : null)),
        ["cross_entropy"] = new(a => torch.nn.functional.cross_entropy(a.T(0), a.T(1),
            reduction: (a.Kw("reduction") as string) switch { "sum" => torch.nn.Reduction.Sum, "none" => torch.nn.Reduction.None, _ => torch.nn.Reduction.Mean },
            label_smoothing: a.KwD("label_smoothing") ?? 0.0), Tolerance.Reduction),
    };
}
