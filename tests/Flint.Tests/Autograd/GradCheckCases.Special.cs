using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

// Gradchecks of the special functions and pointwise helpers (Ops/SpecialOps.cs, Ops/PointwiseExtras.cs).
// Inputs keep inside each function's domain, away from poles and kinks.
public static partial class GradCheckCases
{
    static void AddSpecialCases(Adder add)
    {
        add("erfc", () => [Rand(101, [3, 4], -2, 2)], x => x[0].erfc());
        add("lgamma", () => [Rand(102, [3, 4], 0.3, 5)], x => x[0].lgamma());
        add("lgamma_negative", () => [Rand(103, [4], -2.8, -2.2)], x => torch.lgamma(x[0]));
        add("digamma", () => [Rand(104, [3, 4], 0.3, 5)], x => x[0].digamma());
        add("polygamma_1", () => [Rand(105, [3, 4], 0.3, 5)], x => torch.polygamma(1, x[0]));
        add("polygamma_3", () => [Rand(106, [3, 4], 0.5, 5)], x => x[0].polygamma(3));
        add("mvlgamma", () => [Rand(107, [3, 4], 1.6, 4)], x => x[0].mvlgamma(3));
        add("i0", () => [Rand(108, [3, 4], -4, 4)], x => x[0].i0());
        add("special_i0e", () => [AwayFromZero(109, [3, 4], 0.3, 4)], x => torch.special.i0e(x[0]));
        add("special_i1", () => [Rand(110, [3, 4], -4, 4)], x => torch.special.i1(x[0]));
        add("special_i1e", () => [AwayFromZero(111, [3, 4], 0.3, 4)], x => torch.special.i1e(x[0]));
        add("special_erfcx", () => [Rand(112, [3, 4], -2, 4)], x => torch.special.erfcx(x[0]));
        add("special_ndtr", () => [Rand(113, [3, 4], -3, 3)], x => torch.special.ndtr(x[0]));
        add("special_ndtri", () => [Rand(114, [3, 4], 0.05, 0.95)], x => torch.special.ndtri(x[0]));
        add("special_log_ndtr", () => [Rand(115, [3, 4], -6, 3)], x => torch.special.log_ndtr(x[0]));
        add("special_entr", () => [Rand(116, [3, 4], 0.1, 2)], x => torch.special.entr(x[0]));
        add("special_xlog1py", () => [Rand(117, [3, 4], -2, 2), Rand(118, [4], 0.1, 2)], x => torch.special.xlog1py(x[0], x[1]));
        add("special_gammainc", () => [Rand(119, [3, 4], 0.5, 3, requires_grad: false), Rand(120, [4], 0.2, 4)], x => torch.special.gammainc(x[0], x[1]));
        add("special_gammaincc", () => [Rand(121, [3, 4], 0.5, 3, requires_grad: false), Rand(122, [4], 0.2, 4)], x => torch.special.gammaincc(x[0], x[1]));
        add("exp2", () => [Rand(123, [3, 4], -2, 2)], x => x[0].exp2());
        add("logit", () => [Rand(124, [3, 4], 0.1, 0.9)], x => x[0].logit());
        add("logit_eps", () => [Rand(125, [3, 4], 0.1, 0.9)], x => x[0].logit(0.05));
        add("logaddexp", () => [Rand(126, [3, 4], -2, 2), Rand(127, [4], -2, 2)], x => x[0].logaddexp(x[1]));
        add("logaddexp2", () => [Rand(128, [3, 4], -2, 2), Rand(129, [4], -2, 2)], x => torch.logaddexp2(x[0], x[1]));
        add("copysign", () => [AwayFromZero(130, [3, 4]), Rand(131, [4], -1, 1, requires_grad: false)], x => x[0].copysign(x[1]));
        add("fmax", () => [Rand(132, [3, 4]), Rand(133, [4])], x => torch.fmax(x[0], x[1]));
        add("fmin", () => [Rand(134, [3, 4]), Rand(135, [4])], x => x[0].fmin(x[1]));
        add("ldexp", () => [Rand(136, [3, 4]), Rand(137, [4], -2, 2)], x => x[0].ldexp(x[1]));
        add("frac", () => [Rand(138, [3, 4], 0.1, 0.9)], x => x[0].frac());
        add("float_power", () => [Rand(139, [3, 4], 0.3, 2), Rand(140, [4], -1, 2)], x => x[0].float_power(x[1]));
        add("square", () => [Rand(141, [3, 4])], x => x[0].square());
        add("nan_to_num", () => [Rand(142, [3, 4])], x => x[0].nan_to_num());
        add("frexp_mantissa", () => [Rand(143, [3, 4], 0.3, 3)], x => x[0].frexp().Mantissa);
    }
}
