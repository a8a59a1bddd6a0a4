using F = Flint.torch.nn.functional;

namespace Flint.Tests.OpInfo;

// The everyday math and statistics ops of issue 15 (tools/golden/gen_ops_math.py → tests/golden/ops-math.json).
public static partial class OpTable
{
    private static Tensor? KwT(OpArgs a, string name) => a.Kw(name) as Tensor;
    private static double KwF(OpArgs a, string name, double fallback) => a.KwD(name) ?? fallback;
    private static long? KwDim(OpArgs a) => a.Has("dim") ? a.KwS("dim").I : null;

    /// <summary>unique's tuple as PyTorch returns it: the output alone, or a list with the asked-for extras.</summary>
    private static object UniqueResult((Tensor output, Tensor? inverse, Tensor? counts) r, bool inverse, bool counts) =>
        !inverse && !counts ? r.output : new[] { r.output, r.inverse, r.counts }.Where(t => t is not null).Select(t => t!).ToArray();

    private static Entry InPlaceBinary(Func<Tensor, Tensor, Tensor> f, Tolerance tol = Tolerance.Exact) =>
        new(a => f(a.T(0), a.T(1)), tol, Elementwise: true, InPlace: true);

    private static Entry IntBinary(Func<Tensor, Tensor, Tensor> tt, Func<Tensor, long, Tensor> tl) =>
        new(a => a.IsTensor(1) ? tt(a.T(0), a.T(1)) : tl(a.T(0), a.L(1)), Elementwise: true);

    private static readonly Dictionary<string, Entry> MathOps = new()
    {
        // pointwise
        ["clamp_tensor"] = new(a => a.T(0).clamp(OptT(a, 1), OptT(a, 2)), Elementwise: true),
        ["clamp_tensor_"] = new(a => a.T(0).clamp_(OptT(a, 1), OptT(a, 2)), Elementwise: true, InPlace: true),
        ["clip"] = new(a => torch.clip(a.T(0), a.KwD("min"), a.KwD("max")), Elementwise: true),
        ["lerp"] = new(a => a.IsTensor(2) ? torch.lerp(a.T(0), a.T(1), a.T(2)) : a.T(0).lerp(a.T(1), a.D(2)), Tolerance.Ulp, Elementwise: true),
        ["lerp_"] = new(a => a.IsTensor(2) ? a.T(0).lerp_(a.T(1), a.T(2)) : a.T(0).lerp_(a.T(1), a.D(2)), Tolerance.Ulp, Elementwise: true, InPlace: true),
        ["hypot"] = new(a => torch.hypot(a.T(0), a.T(1)), Tolerance.Ulp, Elementwise: true),
        ["hypot_"] = InPlaceBinary((x, y) => x.hypot_(y), Tolerance.Ulp),
        ["xlogy"] = new(a => !a.IsTensor(0) ? torch.xlogy(a.D(0), a.T(1)) : a.IsTensor(1) ? a.T(0).xlogy(a.T(1)) : torch.xlogy(a.T(0), a.D(1)), Tolerance.Ulp, Elementwise: true),
        ["xlogy_"] = InPlaceBinary((x, y) => x.xlogy_(y), Tolerance.Ulp),
        ["sinc"] = Unary(x => torch.sinc(x), Tolerance.Ulp),
        ["sinc_"] = InPlaceUnary(x => x.sinc_()),
        ["deg2rad"] = Unary(x => x.deg2rad(), Tolerance.Ulp),
        ["deg2rad_"] = InPlaceUnary(x => x.deg2rad_()),
        ["rad2deg"] = Unary(x => torch.rad2deg(x), Tolerance.Ulp),
        ["rad2deg_"] = InPlaceUnary(x => x.rad2deg_()),
        ["isclose"] = new(a => torch.isclose(a.T(0), a.T(1), KwF(a, "rtol", 1e-5), KwF(a, "atol", 1e-8), KwB(a, "equal_nan")), Elementwise: true),
        ["allclose"] = new(a => torch.allclose(a.T(0), a.T(1), KwF(a, "rtol", 1e-5), KwF(a, "atol", 1e-8), KwB(a, "equal_nan"))),

        // reductions
        ["logsumexp"] = new(a => a.IsInts(1) ? torch.logsumexp(a.T(0), a.Ints(1), a.KeepDim) : a.T(0).logsumexp(a.L(1), a.KeepDim), Tolerance.Reduction),
        ["nansum"] = new(a => a.Count == 1 ? a.T(0).nansum(a.DType) : a.IsInts(1) ? torch.nansum(a.T(0), a.Ints(1), a.KeepDim, a.DType) : a.T(0).nansum(a.L(1), a.KeepDim, a.DType), Tolerance.Reduction),
        ["nanmean"] = new(a => a.Count == 1 ? torch.nanmean(a.T(0), a.DType) : a.IsInts(1) ? a.T(0).nanmean(a.Ints(1), a.KeepDim, a.DType) : torch.nanmean(a.T(0), a.L(1), a.KeepDim, a.DType), Tolerance.Reduction),
        ["diff"] = new(a => torch.diff(a.T(0), KwL(a, "n", 1), KwL(a, "dim", -1), KwT(a, "prepend"), KwT(a, "append"))),

        // distances
        ["cdist"] = new(a => torch.cdist(a.T(0), a.T(1), KwF(a, "p", 2.0)), Tolerance.Reduction),
        ["cosine_similarity"] = new(a => F.cosine_similarity(a.T(0), a.T(1), KwL(a, "dim", 1), KwF(a, "eps", 1e-8)), Tolerance.Reduction),
        ["pairwise_distance"] = new(a => F.pairwise_distance(a.T(0), a.T(1), KwF(a, "p", 2.0), KwF(a, "eps", 1e-6), a.KeepDim), Tolerance.Reduction),
        ["normalize"] = new(a => F.normalize(a.T(0), KwF(a, "p", 2.0), KwL(a, "dim", 1), KwF(a, "eps", 1e-12)), Tolerance.Reduction),

        // order statistics
        ["kthvalue"] = new(a => Pair(torch.kthvalue(a.T(0), a.L(1), KwL(a, "dim", -1), a.KeepDim))),
        ["median"] = new(a => a.Count == 1 ? a.T(0).median() : Pair(torch.median(a.T(0), a.L(1), a.KeepDim))),
        ["nanmedian"] = new(a => a.Count == 1 ? torch.nanmedian(a.T(0)) : Pair(a.T(0).nanmedian(a.L(1), a.KeepDim))),
        ["mode"] = new(a => Pair(a.T(0).mode(KwL(a, "dim", -1), a.KeepDim))),
        ["quantile"] = new(a => a.IsTensor(1)
            ? torch.quantile(a.T(0), a.T(1), KwDim(a), a.KeepDim, a.Kw("interpolation") as string ?? "linear")
            : a.T(0).quantile(a.D(1), KwDim(a), a.KeepDim, a.Kw("interpolation") as string ?? "linear"), Tolerance.Reduction),
        ["nanquantile"] = new(a => a.IsTensor(1)
            ? a.T(0).nanquantile(a.T(1), KwDim(a), a.KeepDim, a.Kw("interpolation") as string ?? "linear")
            : torch.nanquantile(a.T(0), a.D(1), KwDim(a), a.KeepDim, a.Kw("interpolation") as string ?? "linear"), Tolerance.Reduction),

        // scans
        ["cummax"] = new(a => Pair(torch.cummax(a.T(0), a.L(1)))),
        ["cummin"] = new(a => Pair(a.T(0).cummin(a.L(1)))),
        ["logcumsumexp"] = new(a => torch.logcumsumexp(a.T(0), a.L(1)), Tolerance.Reduction),

        // counting and searching
        ["bucketize"] = new(a => torch.bucketize(a.T(0), a.T(1), KwB(a, "out_int32"), KwB(a, "right"))),
        ["searchsorted"] = new(a => torch.searchsorted(a.T(0), a.T(1), KwB(a, "out_int32"), KwB(a, "right"), a.Kw("side") as string, KwT(a, "sorter"))),
        ["histc"] = new(a => torch.histc(a.T(0), KwL(a, "bins", 100), KwF(a, "min", 0), KwF(a, "max", 0))),
        ["bincount"] = new(a => a.T(0).bincount(KwT(a, "weights"), KwL(a, "minlength", 0))),
        ["unique"] = new(a => UniqueResult(torch.unique(a.T(0), KwB(a, "sorted", true), KwB(a, "return_inverse"), KwB(a, "return_counts")),
            KwB(a, "return_inverse"), KwB(a, "return_counts"))),
        ["unique_consecutive"] = new(a => UniqueResult(a.T(0).unique_consecutive(KwB(a, "return_inverse"), KwB(a, "return_counts"), KwDim(a)),
            KwB(a, "return_inverse"), KwB(a, "return_counts"))),

        // bitwise, gcd, lcm
        ["bitwise_and"] = IntBinary((x, y) => x & y, (x, y) => x.bitwise_and(y)),
        ["bitwise_or"] = IntBinary((x, y) => torch.bitwise_or(x, y), (x, y) => x | y),
        ["bitwise_xor"] = IntBinary((x, y) => x ^ y, (x, y) => x.bitwise_xor(y)),
        ["bitwise_and_"] = InPlaceBinary((x, y) => x.bitwise_and_(y)),
        ["bitwise_or_"] = InPlaceBinary((x, y) => x.bitwise_or_(y)),
        ["bitwise_xor_"] = InPlaceBinary((x, y) => x.bitwise_xor_(y)),
        ["bitwise_not"] = Unary(x => ~x),
        ["bitwise_not_"] = new(a => a.T(0).bitwise_not_(), Elementwise: true, InPlace: true),
        ["bitwise_left_shift"] = IntBinary((x, y) => x << y, (x, y) => x << y),
        ["bitwise_right_shift"] = IntBinary((x, y) => torch.bitwise_right_shift(x, y), (x, y) => x >> y),
        ["bitwise_left_shift_"] = InPlaceBinary((x, y) => x.bitwise_left_shift_(y)),
        ["bitwise_right_shift_"] = InPlaceBinary((x, y) => x.bitwise_right_shift_(y)),
        ["gcd"] = new(a => torch.gcd(a.T(0), a.T(1)), Elementwise: true),
        ["lcm"] = new(a => a.T(0).lcm(a.T(1)), Elementwise: true),
        ["gcd_"] = InPlaceBinary((x, y) => x.gcd_(y)),
        ["lcm_"] = InPlaceBinary((x, y) => x.lcm_(y)),
    };
}
