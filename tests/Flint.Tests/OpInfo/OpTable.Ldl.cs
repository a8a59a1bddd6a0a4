namespace Flint.Tests.OpInfo;

// torch.linalg.ldl_factor(_ex)/ldl_solve (tools/golden/gen_linalg_ldl.py → tests/golden/ops-ldl.json): LD and the
// int32 pivots against PyTorch 1.13's LAPACK sytrf/sytrs (pivots exactly; values to accumulation rounding).
public static partial class OpTable
{
    private static readonly Dictionary<string, Entry> LdlOps = new()
    {
        ["linalg_ldl_factor"] = new(a => { var (ld, p) = torch.linalg.ldl_factor(a.T(0)); return new[] { ld, p }; }, Tolerance.Reduction),
        ["linalg_ldl_factor_ex"] = new(a => { var (ld, p, info) = torch.linalg.ldl_factor_ex(a.T(0)); return new[] { ld, p, info }; }, Tolerance.Reduction),
        ["linalg_ldl_solve"] = new(a => torch.linalg.ldl_solve(a.T(0), a.T(1), a.T(2)), Tolerance.Reduction),
    };
}
