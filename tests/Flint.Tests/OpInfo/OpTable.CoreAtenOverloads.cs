namespace Flint.Tests.OpInfo;

// Core ATen overloads (tools/golden/gen_ops_coreaten_overloads.py → tests/golden/ops-coreaten-overloads.json):
// any/all over several dims, squeeze over several dims, var/std(_mean) with correction=, atan2 with out=, scalar_tensor.
public static partial class OpTable
{
    private static long[]? DimsOrNull(OpArgs a, int i) => a[i] is null ? null : a.Ints(i);

    private static readonly Dictionary<string, Entry> CoreAtenOverloadOps = new()
    {
        ["any_dims"] = new(a => a.T(0).any(a.Ints(1), a.S(2).B)),
        ["all_dims"] = new(a => torch.all(a.T(0), a.Ints(1), keepdim: a.S(2).B)),
        ["squeeze_dims"] = new(a => a.T(0).squeeze(a.Ints(1))),
        ["var_correction"] = new(a => a.T(0).var(DimsOrNull(a, 1), a.L(2), a.S(3).B), Tolerance.Reduction),
        ["std_correction"] = new(a => torch.std(a.T(0), DimsOrNull(a, 1), correction: a.L(2), keepdim: a.S(3).B), Tolerance.Reduction),
        ["var_mean_correction"] = new(a => { var (v, m) = torch.var_mean(a.T(0), DimsOrNull(a, 1), a.L(2), a.S(3).B); return new[] { v, m }; }, Tolerance.Reduction),
        ["std_mean_correction"] = new(a => { var (s, m) = a.T(0).std_mean(DimsOrNull(a, 1), a.L(2), a.S(3).B); return new[] { s, m }; }, Tolerance.Reduction),
        ["atan2_out"] = new(a => torch.atan2(a.T(0), a.T(1), @out: a.T(2)), Tolerance.Ulp),
        ["scalar_tensor"] = new(a => torch.tensor(a.D(0), a.DType ?? torch.get_default_dtype())),
    };
}
