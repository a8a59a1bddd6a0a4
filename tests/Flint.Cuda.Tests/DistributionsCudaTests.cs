using Flint.Tests.Autograd;
using D = Flint.torch.distributions;

namespace Flint.Cuda.Tests;

/// <summary>torch.distributions on cuda:0 (tiny shapes): the same numbers as on the CPU, results stay on the device.</summary>
[Collection(SerialCudaCollection.Name)]
public class DistributionsCudaTests
{
    private static Device Cuda => CudaDevice.Device;

    private static Tensor T(params double[] v) => torch.tensor(v, torch.float64);

    private static void Same(Tensor cpu, Tensor cuda, double tol = 1e-12)
    {
        Check.OnCuda(cuda);
        Assert.True(cpu.allclose(cuda.cpu(), rtol: tol, atol: tol), $"cpu {cpu} vs cuda {cuda.cpu()}");
    }

    [Fact]
    public void DensitiesEntropyAndKlMatchTheCpu()
    {
        var (loc, scale, value) = (T(0.5, -1), T(1.5, 0.3), T(0.2, -0.9));
        Same(D.Normal(loc, scale).log_prob(value), D.Normal(loc.to(Cuda), scale.to(Cuda)).log_prob(value.to(Cuda)));
        Same(D.Laplace(loc, scale).cdf(value), D.Laplace(loc.to(Cuda), scale.to(Cuda)).cdf(value.to(Cuda)));
        Same(D.Gamma(scale, T(1, 2)).entropy(), D.Gamma(scale.to(Cuda), T(1, 2).to(Cuda)).entropy(), 1e-10);
        Same(D.kl_divergence(D.Normal(loc, scale), D.Normal(value, scale)),
             D.kl_divergence(D.Normal(loc.to(Cuda), scale.to(Cuda)), D.Normal(value.to(Cuda), scale.to(Cuda))));
        var logits = T(0.5, -1, 2);
        Same(D.Categorical(logits: logits).log_prob(T(2)), D.Categorical(logits: logits.to(Cuda)).log_prob(T(2).to(Cuda)));
        var cov = torch.tensor(new double[,] { { 2, 0.3 }, { 0.3, 1 } }, torch.float64);
        Same(D.MultivariateNormal(T(0, 1), cov).log_prob(T(0.5, 0.5)), D.MultivariateNormal(T(0, 1).to(Cuda), cov.to(Cuda)).log_prob(T(0.5, 0.5).to(Cuda)));
    }

    [Fact]
    public void SeededSamplesWithAGeneratorMatchTheCpu()
    {
        var (loc, scale) = (T(0.5, -1), T(1.5, 0.3));
        Same(D.Normal(loc, scale, new torch.Generator(3)).rsample(3), D.Normal(loc.to(Cuda), scale.to(Cuda), new torch.Generator(3)).rsample(3));
        Same(D.Exponential(scale, new torch.Generator(4)).sample(2), D.Exponential(scale.to(Cuda), new torch.Generator(4)).sample(2));
        Same(D.Gamma(scale, loc.abs(), new torch.Generator(5)).sample(2), D.Gamma(scale.to(Cuda), loc.abs().to(Cuda), new torch.Generator(5)).sample(2));
        Same(D.Bernoulli(probs: T(0.3, 0.8), generator: new torch.Generator(6)).sample(4), D.Bernoulli(probs: T(0.3, 0.8).to(Cuda), generator: new torch.Generator(6)).sample(4));
    }

    [Fact]
    public void DeviceDrawsStayOnTheDeviceAndBackpropagate()
    {
        var loc = T(0.5, -1).to(Cuda).requires_grad_();
        var scale = T(1.5, 0.3).to(Cuda).requires_grad_();
        var s = D.Normal(loc, scale).rsample(4);
        Check.OnCuda(s);
        Assert.Equal([4L, 2L], s.shape);
        s.sum().backward();
        Same(torch.full([2], 4.0, torch.float64), loc.grad!);
        Check.OnCuda(D.Uniform(loc.detach(), loc.detach() + 1).sample(3));
        Check.OnCuda(D.Categorical(logits: T(0.5, -1, 2).to(Cuda)).sample(5));
    }

    public static TheoryData<string> GradCheckNames() =>
        ["dist_normal_rsample", "dist_categorical_logits", "dist_bernoulli_logits_kl", "dist_gumbel", "dist_mvn_scale_tril"];

    [Theory]
    [MemberData(nameof(GradCheckNames))]
    public void GradientsMatchFiniteDifferences(string name) => Assert.True(GradCheckCases.Check(name, Cuda));

    [Fact]
    public void GammaImplicitGradientMatchesTheCpu()
    {
        Tensor Grad(Device? device)
        {
            var alpha = T(0.5, 3.0).to(device ?? torch.CPU).requires_grad_();
            D.Gamma(alpha, T(1.0, 2.0).to(device ?? torch.CPU), new torch.Generator(8)).rsample(3).sum().backward();
            return alpha.grad!;
        }
        Same(Grad(null), Grad(Cuda));
    }
}
