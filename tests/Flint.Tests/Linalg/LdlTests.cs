namespace Flint.Tests.Linalg;

/// <summary>What ops-ldl.json cannot show: the factorization reconstructs A, solves agree with linalg.solve, no gradient.</summary>
public class LdlTests
{
    private static Tensor Symmetric(int seed, int n, bool zeroDiagonal)
    {
        var k = torch.arange(n * n, dtype: ScalarType.Float64);
        var a = (k * k * (0.37 + 0.1 * seed)).sin().reshape(n, n); // a quadratic phase: full rank, indefinite
        a = a + a.mT;
        return zeroDiagonal ? a - torch.diag_embed(a.diagonal(0, -2, -1)) : a;
    }

    [Theory]
    [InlineData(1, 6, false)]
    [InlineData(2, 7, true)]
    [InlineData(3, 30, false)]
    public void SolveMatchesLinalgSolve(int seed, int n, bool zeroDiagonal)
    {
        var a = Symmetric(seed, n, zeroDiagonal);
        var b = (torch.arange(n * 3, dtype: ScalarType.Float64) * (1.3 + seed)).cos().reshape(n, 3);
        var (ld, piv) = torch.linalg.ldl_factor(a);
        Assert.Equal(ScalarType.Int32, piv.dtype);
        var x = torch.linalg.ldl_solve(ld, piv, b);
        Assert.True(torch.allclose(a.matmul(x), b, rtol: 1e-9, atol: 1e-9));
        Assert.True(torch.allclose(x, torch.linalg.solve(a, b), rtol: 1e-8, atol: 1e-10));
    }

    [Fact]
    public void ZeroDiagonalForcesTwoByTwoPivots()
    {
        var (_, piv, info) = torch.linalg.ldl_factor_ex(Symmetric(4, 5, true));
        Assert.Equal(0, info.item<int>());
        Assert.Contains(piv.data<int>().ToArray(), p => p < 0);
    }

    [Fact]
    public void NoGradientAsPyTorch()
    {
        var a = Symmetric(5, 4, false).requires_grad_();
        var (ld, _) = torch.linalg.ldl_factor(a);
        Assert.True(ld.requires_grad);
        var ex = Assert.ThrowsAny<Exception>(() => ld.sum().backward());
        Assert.Contains("derivative for aten::linalg_ldl_factor_ex is not implemented", ex.Message);
    }

    [Fact]
    public void CheckErrorsReportsAZeroPivot()
    {
        var ex = Assert.Throws<torch.linalg.LinAlgError>(() => torch.linalg.ldl_factor_ex(torch.zeros([3, 3], ScalarType.Float64), check_errors: true));
        Assert.Contains("D[1,1] is zero", ex.Message);
    }
}
