namespace Flint.Tests.Ops;

/// <summary>What the golden file of torch.special's Bessel and polynomial functions cannot show: no gradient, out=, identities.</summary>
public class CephesFunctionTests
{
    [Fact]
    public void ResultsCarryNoGradientAsInPyTorch113()
    {
        var x = torch.tensor(new[] { 0.5, 1.5 }, requires_grad: true);
        Assert.False(torch.special.bessel_j0(x).requires_grad);
        Assert.False(torch.special.scaled_modified_bessel_k1(x).requires_grad);
        Assert.False(torch.special.legendre_polynomial_p(x, torch.tensor(3L)).requires_grad);
    }

    [Fact]
    public void OutArgumentReceivesTheResult()
    {
        var x = torch.tensor(new[] { 0.5f, 1.5f });
        var o = torch.zeros([0], ScalarType.Float64);
        var r = torch.special.chebyshev_polynomial_t(x, torch.tensor(new[] { 2L, 3L }), @out: o);
        Assert.Same(o, r);
        Assert.Equal(new long[] { 2 }, o.shape);
        Assert.Equal(2 * 0.25 - 1, o[0].item<double>(), 6);
        Assert.Equal(4 * 1.5 * 1.5 * 1.5 - 3 * 1.5, o[1].item<double>(), 5);
        var ai = torch.special.airy_ai(x, @out: torch.zeros([2]));
        Assert.Equal(torch.special.airy_ai(x)[1].item<float>(), ai[1].item<float>());
    }

    [Fact]
    public void IdentitiesHold()
    {
        // K₀ scaled is eˣK₀; J₀' relations: Y₀/J₀ Wronskian J₁Y₀ − J₀Y₁ = 2/(πx).
        var x = torch.linspace(0.3, 25, 40, dtype: ScalarType.Float64);
        var k0 = torch.special.modified_bessel_k0(x) * x.exp();
        Assert.True(torch.allclose(k0, torch.special.scaled_modified_bessel_k0(x), rtol: 1e-12));
        var w = torch.special.bessel_j1(x) * torch.special.bessel_y0(x) - torch.special.bessel_j0(x) * torch.special.bessel_y1(x);
        Assert.True(torch.allclose(w, 2.0 / (Math.PI * x), rtol: 1e-6, atol: 1e-12)); // Cephes' asymptotic forms hold it to ~1e-7 (PyTorch's own values too)
        // Tₙ(cos θ) = cos nθ on both sides of the closed-form threshold n = 6.
        var t = torch.tensor(new[] { 0.3, 1.1, 2.5 }, dtype: ScalarType.Float64);
        foreach (long n in new long[] { 5, 6, 7, 40 })
            Assert.True(torch.allclose(torch.special.chebyshev_polynomial_t(t.cos(), torch.tensor(n)), (t * n).cos(), rtol: 1e-9, atol: 1e-12));
    }
}
