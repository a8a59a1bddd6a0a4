using L = Flint.torch.linalg;

namespace Flint.Tests.Linalg;

/// <summary>
/// The decompositions' defining identities on inputs bigger or odder than the golden cases: a 40×40 matrix
/// (many Jacobi sweeps, many pivots), zero and rank-deficient matrices (bases completed), non-contiguous views.
/// </summary>
public class LinalgInvariantTests
{
    private static Tensor Rand(int seed, params long[] shape)
    {
        var rng = new Random(seed);
        long n = shape.Aggregate(1L, (a, b) => a * b);
        var data = new double[n];
        for (int i = 0; i < n; i++) data[i] = rng.NextDouble() * 2 - 1;
        return torch.tensor(data, shape, torch.float64);
    }

    private static double MaxAbs(Tensor t) => t.abs().max().to(torch.float64).item<double>();

    private static Tensor Eye(long n) => torch.eye(n, dtype: torch.float64);

    [Fact]
    public void BigMatrixIdentitiesHold()
    {
        var a = Rand(1, 40, 40);
        Assert.True(MaxAbs(L.inv(a).matmul(a) - Eye(40)) < 1e-10);
        var (u, s, vh) = L.svd(a);
        Assert.True(MaxAbs(u.matmul(s.unsqueeze(-1) * vh) - a) < 1e-12);
        Assert.True(MaxAbs(u.t().matmul(u) - Eye(40)) < 1e-12);
        Assert.True(MaxAbs(vh.matmul(vh.t()) - Eye(40)) < 1e-12);
        var sym = a + a.t();
        var (w, v) = L.eigh(sym);
        Assert.True(MaxAbs(v.matmul(w.unsqueeze(-1) * v.t()) - sym) < 1e-12);
        Assert.True(MaxAbs(v.t().matmul(v) - Eye(40)) < 1e-12);
        var (q, r) = L.qr(a);
        Assert.True(MaxAbs(q.matmul(r) - a) < 1e-12);
        Assert.True(MaxAbs(r.tril(-1)) == 0);
        // det through LU agrees with the product of the eigenvalues of the symmetric matrix
        Assert.Equal(w.prod().item<double>(), L.det(sym).item<double>(), Math.Abs(w.prod().item<double>()) * 1e-9);
    }

    [Fact]
    public void ZeroAndRankDeficientMatricesGetOrthonormalBases()
    {
        foreach (var a in new[] { torch.zeros(3, 2, torch.float64), torch.ones(2, 4, torch.float64), Rand(2, 5, 1).matmul(Rand(3, 1, 3)) })
        {
            var (u, s, vh) = L.svd(a);
            long m = a.shape[0], n = a.shape[1], k = Math.Min(m, n);
            Assert.True(MaxAbs(u.t().matmul(u) - Eye(m)) < 1e-12, $"U of {a}");
            Assert.True(MaxAbs(vh.matmul(vh.t()) - Eye(n)) < 1e-12, $"Vh of {a}");
            Assert.True(MaxAbs(u.narrow(1, 0, k).matmul(s.unsqueeze(-1) * vh.narrow(0, 0, k)) - a) < 1e-12);
        }
    }

    [Fact]
    public void NonContiguousInputsAreReadAsTheirValues()
    {
        var a = Rand(4, 4, 3, 4).permute(2, 0, 1); // [4, 4, 3] viewed as strided
        var b = a.contiguous();
        Assert.True(MaxAbs(L.svdvals(a.narrow(2, 0, 3).transpose(-2, -1)) - L.svdvals(b.narrow(2, 0, 3).transpose(-2, -1).contiguous())) == 0);
        var m = Rand(5, 3, 3).t();
        Assert.True(MaxAbs(L.inv(m) - L.inv(m.contiguous())) == 0);
    }

    [Fact]
    public void Float32DecompositionsAreAccurateToSinglePrecision()
    {
        var a = Rand(6, 12, 7).to(torch.float32);
        var (u, s, vh) = L.svd(a, fullMatrices: false);
        Assert.Equal(torch.float32, s.dtype);
        Assert.True(MaxAbs(u.matmul(s.unsqueeze(-1) * vh) - a) < 1e-5);
        var (q, r) = L.qr(a);
        Assert.True(MaxAbs(q.matmul(r) - a) < 1e-5);
    }

    [Fact]
    public void SingularInputsGiveZeroDeterminantAndNoError()
    {
        var a = torch.tensor(new double[] { 1, 2, 2, 4 }, [2, 2], torch.float64);
        Assert.Equal(0.0, L.det(a).item<double>());
        var (sign, log) = L.slogdet(a);
        Assert.Equal(0.0, sign.item<double>());
        Assert.Equal(double.NegativeInfinity, log.item<double>());
    }
}
