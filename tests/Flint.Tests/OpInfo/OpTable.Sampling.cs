using F = Flint.torch.nn.functional;

namespace Flint.Tests.OpInfo;

// 3-d pooling, grid sampling, pdist, strided views and interpolation modes
// (tools/golden/gen_pool3d.py → tests/golden/ops-pool3d.json, tools/golden/gen_sampling.py → tests/golden/ops-sampling.json).
public static partial class OpTable
{
    private static readonly Dictionary<string, Entry> SamplingOps = new()
    {
        ["avg_pool3d"] = new(a => F.avg_pool3d(a.T(0), a.Ints(1), a.Ints(2), a.Ints(3)), Tolerance.Reduction),
        ["max_pool3d_with_indices"] = new(a => Tuple(F.max_pool3d_with_indices(a.T(0), a.Ints(1), a.Ints(2), a.Ints(3)))),
        ["adaptive_avg_pool3d"] = new(a => F.adaptive_avg_pool3d(a.T(0), [.. a.Ints(1).Select(v => (long?)v)]), Tolerance.Reduction),
        ["adaptive_max_pool3d_with_indices"] = new(a => Tuple(F.adaptive_max_pool3d_with_indices(a.T(0), [.. a.Ints(1).Select(v => (long?)v)]))),
        ["grid_sample"] = new(a => F.grid_sample(a.T(0), a.T(1), (string)a[2]!, (string)a[3]!, a.S(4).B), Tolerance.Reduction),
        ["pdist"] = new(a => torch.pdist(a.T(0), a.D(1)), Tolerance.Reduction),
        ["as_strided"] = new(a => a.T(0).as_strided(a.Ints(1), a.Ints(2), a.L(3))),
        ["alias"] = new(a => a.T(0).alias()),
        ["resize_"] = new(a => a.T(0).resize_(a.Ints(1))),
    };
}
