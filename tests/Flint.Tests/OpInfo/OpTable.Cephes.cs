namespace Flint.Tests.OpInfo;

// torch.special's Airy, Bessel and polynomial functions (tools/golden/gen_ops_cephes.py → tests/golden/ops-cephes.json).
// Flint evaluates PyTorch's own algorithms in the element type with its operation order; PyTorch's build contracts some
// multiply-adds into FMAs, which long recurrences amplify to ~1e-13 relative (float64), hence Tolerance.Reduction.
public static partial class OpTable
{
    private static readonly Dictionary<string, Entry> CephesOps = new()
    {
        ["special_airy_ai"] = Unary(x => torch.special.airy_ai(x), Tolerance.Reduction),
        ["special_bessel_j0"] = Unary(x => torch.special.bessel_j0(x), Tolerance.Reduction),
        ["special_bessel_j1"] = Unary(x => torch.special.bessel_j1(x), Tolerance.Reduction),
        ["special_bessel_y0"] = Unary(x => torch.special.bessel_y0(x), Tolerance.Reduction),
        ["special_bessel_y1"] = Unary(x => torch.special.bessel_y1(x), Tolerance.Reduction),
        ["special_modified_bessel_k0"] = Unary(x => torch.special.modified_bessel_k0(x), Tolerance.Reduction),
        ["special_modified_bessel_k1"] = Unary(x => torch.special.modified_bessel_k1(x), Tolerance.Reduction),
        ["special_scaled_modified_bessel_k0"] = Unary(x => torch.special.scaled_modified_bessel_k0(x), Tolerance.Reduction),
        ["special_scaled_modified_bessel_k1"] = Unary(x => torch.special.scaled_modified_bessel_k1(x), Tolerance.Reduction),
        ["special_chebyshev_polynomial_t"] = SpecialBinary((x, n) => torch.special.chebyshev_polynomial_t(x, n), Tolerance.Reduction),
        ["special_chebyshev_polynomial_u"] = SpecialBinary((x, n) => torch.special.chebyshev_polynomial_u(x, n), Tolerance.Reduction),
        ["special_chebyshev_polynomial_v"] = SpecialBinary((x, n) => torch.special.chebyshev_polynomial_v(x, n), Tolerance.Reduction),
        ["special_chebyshev_polynomial_w"] = SpecialBinary((x, n) => torch.special.chebyshev_polynomial_w(x, n), Tolerance.Reduction),
        ["special_shifted_chebyshev_polynomial_t"] = SpecialBinary((x, n) => torch.special.shifted_chebyshev_polynomial_t(x, n), Tolerance.Reduction),
        ["special_shifted_chebyshev_polynomial_u"] = SpecialBinary((x, n) => torch.special.shifted_chebyshev_polynomial_u(x, n), Tolerance.Reduction),
        ["special_shifted_chebyshev_polynomial_v"] = SpecialBinary((x, n) => torch.special.shifted_chebyshev_polynomial_v(x, n), Tolerance.Reduction),
        ["special_shifted_chebyshev_polynomial_w"] = SpecialBinary((x, n) => torch.special.shifted_chebyshev_polynomial_w(x, n), Tolerance.Reduction),
        ["special_hermite_polynomial_h"] = SpecialBinary((x, n) => torch.special.hermite_polynomial_h(x, n), Tolerance.Reduction),
        ["special_hermite_polynomial_he"] = SpecialBinary((x, n) => torch.special.hermite_polynomial_he(x, n), Tolerance.Reduction),
        ["special_laguerre_polynomial_l"] = SpecialBinary((x, n) => torch.special.laguerre_polynomial_l(x, n), Tolerance.Reduction),
        ["special_legendre_polynomial_p"] = SpecialBinary((x, n) => torch.special.legendre_polynomial_p(x, n), Tolerance.Reduction),
    };
}
