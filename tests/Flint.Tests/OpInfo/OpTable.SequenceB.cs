using F = Flint.torch.nn.functional;

namespace Flint.Tests.OpInfo;

// Issue 16, second group: more activations, erfinv, repeat_interleave, addmm/baddbmm, einsum, group/rms norm, embedding_bag.
public static partial class OpTable
{
    private static Tensor? OptT(OpArgs a, int i) => a.Count > i && a.IsTensor(i) ? a.T(i) : null;

    private static readonly Dictionary<string, Entry> SequenceOpsB = new()
    {
        ["leaky_relu"] = new(a => F.leaky_relu(a.T(0), 0.2), Tolerance.Ulp, Elementwise: true),
        ["elu"] = new(a => F.elu(a.T(0), 0.7), Tolerance.Ulp, Elementwise: true),
        ["selu"] = new(a => F.selu(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["celu"] = new(a => F.celu(a.T(0), 1.5), Tolerance.Ulp, Elementwise: true),
        ["softplus"] = new(a => F.softplus(a.T(0), 2.0, 3.0), Tolerance.Ulp, Elementwise: true),
        ["softsign"] = new(a => F.softsign(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["hardtanh"] = new(a => F.hardtanh(a.T(0), -0.5, 1.25), Tolerance.Ulp, Elementwise: true),
        ["relu6"] = new(a => F.relu6(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["hardswish"] = new(a => F.hardswish(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["hardsigmoid"] = new(a => F.hardsigmoid(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["logsigmoid"] = new(a => F.logsigmoid(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["tanhshrink"] = new(a => F.tanhshrink(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["threshold"] = new(a => F.threshold(a.T(0), 0.1, 20.0), Tolerance.Ulp, Elementwise: true),
        ["mish"] = new(a => F.mish(a.T(0)), Tolerance.Ulp, Elementwise: true),
        ["glu"] = new(a => a.Count > 1 ? F.glu(a.T(0), a.L(1)) : F.glu(a.T(0)), Tolerance.Ulp),
        ["softmin"] = new(a => F.softmin(a.T(0), a.L(1)), Tolerance.Ulp),
        ["prelu"] = new(a => F.prelu(a.T(0), a.T(1)), Tolerance.Ulp),
        ["erfinv"] = new(a => a.T(0).erfinv(), Tolerance.Reduction, Elementwise: true),
        ["repeat_interleave"] = new(a => a.IsTensor(1)
            ? torch.repeat_interleave(a.T(0), a.T(1), a.Has("dim") ? a.KwS("dim").I : null)
            : torch.repeat_interleave(a.T(0), a.L(1), a.Has("dim") ? a.KwS("dim").I : null)),
        ["addmm"] = new(a => torch.addmm(a.T(0), a.T(1), a.T(2), a.KwD("beta") ?? 1, a.KwD("alpha") ?? 1), Tolerance.Reduction),
        ["baddbmm"] = new(a => torch.baddbmm(a.T(0), a.T(1), a.T(2), a.KwD("beta") ?? 1, a.KwD("alpha") ?? 1), Tolerance.Reduction),
        ["einsum"] = new(a => torch.einsum((string)a[0]!, [.. Enumerable.Range(1, a.Count - 1).Select(a.T)]), Tolerance.Reduction),
        ["group_norm"] = new(a => F.group_norm(a.T(0), a.L(1), OptT(a, 2), OptT(a, 3), a.Count > 4 ? a.D(4) : 1e-5), Tolerance.Reduction),
        ["rms_norm"] = new(a => F.rms_norm(a.T(0), a.Ints(1), OptT(a, 2), a.Count > 3 ? a.D(3) : null), Tolerance.Reduction),
        ["embedding_bag"] = new(a => F.embedding_bag(a.T(0), a.T(1), offsets: a.Kw("offsets") as Tensor, mode: a.Kw("mode") as string ?? "mean",
            per_sample_weights: a.Kw("per_sample_weights") as Tensor, include_last_offset: a.Has("include_last_offset") && a.KwS("include_last_offset").B,
            padding_idx: a.Has("padding_idx") ? a.KwS("padding_idx").I : null), Tolerance.Reduction),
    };
}
