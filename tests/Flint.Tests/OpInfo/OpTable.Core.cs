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
    };
}
