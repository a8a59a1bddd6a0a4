namespace Flint.Tests.OpInfo;

// The Core ATen operators Flint gained for docs/ops.md (tools/golden/gen_ops_core.py → tests/golden/ops-core.json).
public static partial class OpTable
{
    private static readonly Dictionary<string, Entry> CoreAtenOps = new()
    {
        ["acos"] = Unary(x => x.acos(), Tolerance.Ulp),
        ["asin"] = Unary(x => x.asin(), Tolerance.Ulp),
        ["atan"] = Unary(x => x.atan(), Tolerance.Ulp),
        ["acosh"] = Unary(x => x.acosh(), Tolerance.Ulp),
        ["asinh"] = Unary(x => x.asinh(), Tolerance.Ulp),
        ["atanh"] = Unary(x => x.atanh(), Tolerance.Ulp),
        ["cosh"] = Unary(x => x.cosh(), Tolerance.Ulp),
        ["sinh"] = Unary(x => x.sinh(), Tolerance.Ulp),
        ["tan"] = Unary(x => x.tan(), Tolerance.Ulp),
        ["log2"] = Unary(x => x.log2(), Tolerance.Ulp),
        ["log10"] = Unary(x => x.log10(), Tolerance.Ulp),
        ["expm1"] = Unary(x => x.expm1(), Tolerance.Ulp),
        ["reciprocal"] = Unary(x => x.reciprocal(), Tolerance.Ulp),
        ["trunc"] = Unary(x => x.trunc()),
        ["acos_"] = InPlaceUnary(x => x.acos_()),
        ["expm1_"] = InPlaceUnary(x => x.expm1_()),
        ["reciprocal_"] = InPlaceUnary(x => x.reciprocal_()),
        ["trunc_"] = InPlaceUnary(x => x.trunc_()),

        // atan2, fmod, remainder, div with a rounding mode
        ["atan2"] = new(a => a.T(0).atan2(a.T(1)), Tolerance.Ulp, Elementwise: true),
        ["atan2_"] = InPlaceBinary((x, y) => x.atan2_(y), Tolerance.Ulp),
        ["fmod"] = new(a => a.IsTensor(1) ? a.T(0).fmod(a.T(1)) : a.IsInt(1) ? a.T(0).fmod(a.L(1)) : torch.fmod(a.T(0), a.D(1)), Elementwise: true),
        ["fmod_"] = InPlaceBinary((x, y) => x.fmod_(y)),
        ["remainder"] = new(a => a.IsTensor(1) ? a.T(0).remainder(a.T(1)) : a.IsInt(1) ? a.T(0).remainder(a.L(1)) : torch.remainder(a.T(0), a.D(1)), Elementwise: true),
        ["remainder_"] = InPlaceBinary((x, y) => x.remainder_(y)),
        ["div_mode"] = new(a =>
        {
            var mode = (string)a.Kw("rounding_mode")! == "trunc" ? torch.RoundingMode.trunc : torch.RoundingMode.floor;
            return a.IsTensor(1) ? a.T(0).div(a.T(1), mode) : a.IsInt(1) ? a.T(0).div(a.L(1), mode) : torch.div(a.T(0), a.D(1), mode);
        }, Elementwise: true),

        // predicates and logical ops (bool results)
        ["isnan"] = Unary(x => x.isnan()),
        ["isinf"] = Unary(x => torch.isinf(x)),
        ["logical_and"] = new(a => a.T(0).logical_and(a.T(1)), Elementwise: true),
        ["logical_or"] = new(a => torch.logical_or(a.T(0), a.T(1)), Elementwise: true),
        ["logical_xor"] = new(a => a.T(0).logical_xor(a.T(1)), Elementwise: true),
        ["logical_not"] = Unary(x => x.logical_not()),
    };
}
