namespace Flint.Tests.Linalg;

/// <summary>geqrf, ormqr and orgqr of tests/golden/linalg_qr.json against PyTorch 1.13 (LAPACK) on the CPU, and the error messages.</summary>
public class LinalgQrGoldenTests
{
    public static TheoryData<string> Cases() => new(LinalgQrGoldenSuite.ExactCaseNames());
    public static TheoryData<string> Errors() => new(LinalgQrGoldenSuite.ErrorNames());

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => LinalgQrGoldenSuite.Check(name, torch.CPU);

    [Theory]
    [MemberData(nameof(Errors))]
    public void ErrorsMatchPyTorch(string name) => LinalgQrGoldenSuite.CheckError(name);

    [Fact]
    public void GeqrfRecordsANodeOnlyWhenAGradIsNeeded()
    {
        var x = torch.randn([4, 3], ScalarType.Float64);
        var (a, tau) = torch.geqrf(x);
        Assert.False(a.requires_grad);
        Assert.False(tau.requires_grad);
        (a, tau) = torch.geqrf(x.requires_grad_());
        Assert.True(a.requires_grad);
        Assert.True(tau.requires_grad);
        Assert.Equal("GeqrfBackward0", a.grad_fn!.name());
        Assert.Equal("OrmqrBackward0", torch.ormqr(a, tau, torch.ones(4, 2, ScalarType.Float64)).grad_fn!.name());
    }

    [Fact]
    public void OrmqrAppliesTheQOfGeqrf()
    {
        // Q from householder_product; Q·C, Qᵀ·C, C·Q and C·Qᵀ by ormqr agree with the explicit products.
        var x = torch.randn([5, 5], ScalarType.Float64);
        var (a, tau) = x.geqrf();
        var q = a.orgqr(tau);
        var c = torch.randn([5, 3], ScalarType.Float64);
        var ct = torch.randn([3, 5], ScalarType.Float64);
        Assert.True(torch.allclose(torch.ormqr(a, tau, c), q.matmul(c), 1e-12, 1e-12));
        Assert.True(torch.allclose(torch.ormqr(a, tau, c, transpose: true), q.mT.matmul(c), 1e-12, 1e-12));
        Assert.True(torch.allclose(torch.ormqr(a, tau, ct, left: false), ct.matmul(q), 1e-12, 1e-12));
        Assert.True(torch.allclose(torch.ormqr(a, tau, ct, left: false, transpose: true), ct.matmul(q.mT), 1e-12, 1e-12));
        // Qᵀ·x is R
        Assert.True(torch.allclose(torch.ormqr(a, tau, x, transpose: true), a.triu(), 1e-12, 1e-12));
    }
}

/// <summary>svd_lowrank and pca_lowrank of tests/golden/linalg_qr.json with PyTorch's seeds (they draw from the default generator).</summary>
[Collection(GlobalRandomCollection.Name)]
public class LowRankGoldenTests
{
    public static TheoryData<string> Cases() => new(LinalgQrGoldenSuite.LowRankCaseNames());

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => LinalgQrGoldenSuite.Check(name, torch.CPU);

    [Fact]
    public void ReconstructionGradientMatchesFiniteDifferences()
    {
        torch.manual_seed(31);
        var a = torch.randn([5, 4], ScalarType.Float64);
        Assert.True(torch.autograd.gradcheck(x =>
        {
            torch.manual_seed(7);
            var (u, s, v) = torch.svd_lowrank(x[0], q: 3, niter: 1);
            return u.matmul(torch.diag_embed(s)).matmul(v.mT);
        }, [a.requires_grad_()]));
    }

    [Fact]
    public void PcaOfCenteredDataMatchesTheFullSvd()
    {
        // q = min(m, n): the randomized basis spans everything, so S is the centered matrix's singular values.
        torch.manual_seed(3);
        var a = torch.randn([8, 4], ScalarType.Float64) + 5;
        var (_, s, v) = torch.pca_lowrank(a, q: 4);
        var centered = a - a.mean(-2L, keepdim: true);
        Assert.True(torch.allclose(s, torch.linalg.svdvals(centered), 1e-10, 1e-10));
        Assert.True(torch.allclose(v.mT.matmul(v), torch.eye(4, dtype: ScalarType.Float64), 1e-10, 1e-10));
    }
}
