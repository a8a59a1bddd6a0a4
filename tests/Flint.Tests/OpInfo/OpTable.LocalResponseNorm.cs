using F = Flint.torch.nn.functional;

namespace Flint.Tests.OpInfo;

// F.local_response_norm (tools/golden/gen_normalization.py → tests/golden/ops-lrn.json).
public static partial class OpTable
{
    private static readonly Dictionary<string, Entry> LocalResponseNormOps = new()
    {
        ["local_response_norm"] = new(a => F.local_response_norm(a.T(0), a.L(1), a.KwD("alpha") ?? 1e-4, a.KwD("beta") ?? 0.75, a.KwD("k") ?? 1.0), Tolerance.Reduction),
    };
}
