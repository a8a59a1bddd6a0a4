using F = Flint.torch.nn.functional;

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

        // golden rows for core ops Flint already had
        ["softmax"] = new(a => F.softmax(a.T(0), a.L(1)), Tolerance.Reduction),
        ["log_softmax"] = new(a => a.T(0).log_softmax(a.L(1)), Tolerance.Reduction),
        ["amax"] = new(a => a.T(0).amax(a.L(1), a.KeepDim)),
        ["amin"] = new(a => a.T(0).amin(a.L(1), a.KeepDim)),
        ["repeat"] = new(a => a.T(0).repeat(a.Ints(1))),
        ["copy_"] = new(a => a.T(0).copy_(a.T(1))),
        ["fill_"] = new(a => a.T(0).fill_(a.D(1))),
        ["pad"] = new(a => F.pad(a.T(0), a.Ints(1), PadMode((string)a[2]!), a.Count > 3 ? a.D(3) : 0)),
        ["avg_pool1d"] = new(a => F.avg_pool1d(a.T(0), a.L(1), a.L(2)), Tolerance.Reduction),
        ["avg_pool2d"] = new(a => F.avg_pool2d(a.T(0), a.Ints(1), a.Ints(2), a.Ints(3)), Tolerance.Reduction),
        ["adaptive_avg_pool1d"] = new(a => F.adaptive_avg_pool1d(a.T(0), a.L(1)), Tolerance.Reduction),
        ["adaptive_avg_pool2d"] = new(a => F.adaptive_avg_pool2d(a.T(0), [.. a.Ints(1).Select(v => (long?)v)]), Tolerance.Reduction),
        ["max_pool2d_with_indices"] = new(a => Tuple(F.max_pool2d_with_indices(a.T(0), a.Ints(1), a.Ints(2), a.Ints(3)))),
        ["interpolate"] = new(a => F.interpolate(a.T(0), size: a.Ints(1), mode: (string)a[2]!, align_corners: a.Count > 3 ? a.S(3).B : null), Tolerance.Reduction),
        ["fold"] = new(a => F.fold(a.T(0), (a.Ints(1)[0], a.Ints(1)[1]), (a.Ints(2)[0], a.Ints(2)[1]))),
        ["conv2d"] = new(a => F.conv2d(a.T(0), a.T(1), a[2] as Tensor, strides: a.Ints(3), padding: a.Ints(4)), Tolerance.Reduction),
        ["slice_scatter"] = new(a => torch.slice_scatter(a.T(0), a.T(1), a.L(2), a[3] is null ? null : a.L(3), a[4] is null ? null : a.L(4), a.L(5))),
        ["select_scatter"] = new(a => a.T(0).select_scatter(a.T(1), a.L(2), a.L(3))),
        ["batch_norm"] = new(a => F.batch_norm(a.T(0), a[1] as Tensor, a[2] as Tensor, a[3] as Tensor, a[4] as Tensor, training: a.S(5).B), Tolerance.Reduction),
    };

    private static PaddingModes PadMode(string mode) => mode switch
    {
        "constant" => PaddingModes.Constant,
        "reflect" => PaddingModes.Reflect,
        "replicate" => PaddingModes.Replicate,
        _ => PaddingModes.Circular,
    };
}
