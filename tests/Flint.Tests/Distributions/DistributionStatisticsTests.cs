using D = Flint.torch.distributions;

namespace Flint.Tests.TorchDistributions;

/// <summary>
/// Sample moments of every sampler against the distribution's mean and variance (explicit generators, so no
/// global state), the implicit reparameterisation gradients in expectation, and the shapes of samples.
/// </summary>
public class DistributionStatisticsTests
{
    private const int N = 20000;

    private static Tensor T(params double[] v) => torch.tensor(v, torch.float64);

    /// <summary>Each batch element's sample mean within 5 standard errors of the mean, and the sample variance within 10%.</summary>
    private static void MomentsMatch(torch.distributions.Distribution d, string what)
    {
        var s = d.sample(N).to(ScalarType.Float64);
        var mean = d.mean.to(ScalarType.Float64);
        var variance = d.variance.to(ScalarType.Float64);
        var sampleMean = s.mean(0);
        var sampleVar = s.var(0);
        var m = mean.reshape(-1).data<double>().ToArray();
        var v = variance.reshape(-1).data<double>().ToArray();
        var sm = sampleMean.reshape(-1).data<double>().ToArray();
        var sv = sampleVar.reshape(-1).data<double>().ToArray();
        for (int i = 0; i < m.Length; i++)
        {
            double se = Math.Sqrt(v[i] / N);
            Assert.True(Math.Abs(sm[i] - m[i]) <= 5 * se + 1e-12, $"{what}[{i}]: sample mean {sm[i]} vs {m[i]} (se {se})");
            Assert.True(Math.Abs(sv[i] - v[i]) <= 0.1 * v[i] + 1e-12, $"{what}[{i}]: sample variance {sv[i]} vs {v[i]}");
        }
    }

    [Fact]
    public void NativeSamplersHaveTheRightMoments()
    {
        MomentsMatch(D.Gamma(T(0.3, 2.0, 9.0), T(1.0, 0.5, 3.0), new torch.Generator(1)), "Gamma");
        MomentsMatch(D.Gamma(T(0.3, 2.0).to(ScalarType.Float32), T(1.0, 0.5).to(ScalarType.Float32), new torch.Generator(2)), "Gamma float32");
        MomentsMatch(D.Beta(T(0.5, 2.0), T(0.5, 4.0), new torch.Generator(3)), "Beta");
        MomentsMatch(D.Dirichlet(T(0.5, 1.0, 2.0), new torch.Generator(4)), "Dirichlet");
        MomentsMatch(D.StudentT(T(5.0, 9.0), T(0.0, 1.0), T(1.0, 2.0), new torch.Generator(5)), "StudentT");
        MomentsMatch(D.Poisson(T(0.5, 3.0, 15.0, 200.0), new torch.Generator(6)), "Poisson");
        MomentsMatch(D.Binomial(T(20, 100, 7), T(0.3, 0.6, 0.95), generator: new torch.Generator(7)), "Binomial");
        MomentsMatch(D.Multinomial(10, T(0.2, 0.3, 0.5), generator: new torch.Generator(8)), "Multinomial");
        MomentsMatch(D.Exponential(T(0.5, 2.0), new torch.Generator(9)), "Exponential");
        MomentsMatch(D.Laplace(T(0.0, 1.0), T(1.0, 0.5), new torch.Generator(10)), "Laplace");
        MomentsMatch(D.Gumbel(T(0.0, 1.0), T(1.0, 0.5), new torch.Generator(11)), "Gumbel");
        MomentsMatch(D.LogNormal(T(0.0, 0.5), T(0.5, 0.3), new torch.Generator(12)), "LogNormal");
        var cov = torch.tensor(new double[,] { { 2.0, 0.3 }, { 0.3, 1.0 } }, torch.float64);
        MomentsMatch(D.MultivariateNormal(T(1.0, -1.0), cov, generator: new torch.Generator(13)), "MultivariateNormal");
    }

    [Fact]
    public void GammaImplicitGradientIsRightInExpectation()
    {
        // E[x] = α / β, so d E[x] / dα = 1 / β and d E[x] / dβ = −α / β².
        var alpha = T(0.4, 2.5, 12.0).requires_grad_();
        var rate = T(2.0, 0.5, 1.5).requires_grad_();
        D.Gamma(alpha, rate, new torch.Generator(21)).rsample(N).mean(0).sum().backward();
        var ga = alpha.grad!.data<double>().ToArray();
        var gr = rate.grad!.data<double>().ToArray();
        double[] a = [0.4, 2.5, 12.0], b = [2.0, 0.5, 1.5];
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(ga[i] - 1 / b[i]) < 0.05 / b[i], $"dE/dalpha[{i}] = {ga[i]}, expected {1 / b[i]}");
            Assert.True(Math.Abs(gr[i] + a[i] / (b[i] * b[i])) < 0.05 * a[i] / (b[i] * b[i]), $"dE/drate[{i}] = {gr[i]}, expected {-a[i] / (b[i] * b[i])}");
        }
    }

    [Fact]
    public void DirichletAndBetaGradientsAreRightInExpectation()
    {
        // E[x_j] = α_j / Σα: the gradient of E[x_0] with respect to α is (Σα·e_0 − α_0) / (Σα)².
        var alpha = T(0.7, 1.5, 3.0).requires_grad_();
        D.Dirichlet(alpha, new torch.Generator(22)).rsample(N).mean(0).select(0, 0).backward();
        var g = alpha.grad!.data<double>().ToArray();
        double s = 5.2;
        double[] expected = [(s - 0.7) / (s * s), -0.7 / (s * s), -0.7 / (s * s)];
        for (int i = 0; i < 3; i++) Assert.True(Math.Abs(g[i] - expected[i]) < 0.01, $"dE[x0]/dalpha[{i}] = {g[i]}, expected {expected[i]}");

        var c1 = T(2.0).requires_grad_();
        var c0 = T(3.0).requires_grad_();
        D.Beta(c1, c0, new torch.Generator(23)).rsample(N).mean().backward();
        Assert.True(Math.Abs(c1.grad!.item<double>() - 3.0 / 25) < 0.01, $"dE/dc1 = {c1.grad!.item<double>()}");
        Assert.True(Math.Abs(c0.grad!.item<double>() + 2.0 / 25) < 0.01, $"dE/dc0 = {c0.grad!.item<double>()}");
    }

    [Fact]
    public void SampleShapesAreSampleBatchEvent()
    {
        var g = new torch.Generator(30);
        Assert.Equal([4L, 2L, 3L], D.Normal(torch.zeros(2, 3), torch.ones([2, 3]), g).sample(4).shape);
        Assert.Equal([5L, 2L], D.Categorical(probs: torch.ones([2, 3]), generator: g).sample(5).shape);
        Assert.Equal([5L, 2L, 3L], D.OneHotCategorical(probs: torch.ones([2, 3]), generator: g).sample(5).shape);
        Assert.Equal([2L, 3L, 4L], D.Dirichlet(torch.ones([3, 4]), g).sample(2).shape);
        Assert.Equal([2L, 5L, 3L], D.Multinomial(4, torch.ones([5, 3]), generator: g).sample(2).shape);
        var mvn = D.MultivariateNormal(torch.zeros(2), torch.eye(2), generator: g);
        Assert.Equal([6L, 2L], mvn.sample(6).shape);
        Assert.Equal([3L, 1L, 2L], mvn.expand([3, 1]).sample().shape);
        Assert.Equal(D.Normal(0.0, 1.0).batch_shape.ToArray(), Array.Empty<long>());
        Assert.Throws<NotSupportedException>(() => D.Bernoulli(probs: torch.ones([2]) * 0.5).rsample());
    }
}
