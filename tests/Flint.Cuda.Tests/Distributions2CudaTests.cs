using Flint.Tests.Autograd;
using D = Flint.torch.distributions;
using TR = Flint.torch.distributions.transforms;

namespace Flint.Cuda.Tests;

/// <summary>The second batch of torch.distributions and the transforms on cuda:0: the CPU's numbers, results on the device.</summary>
[Collection(SerialCudaCollection.Name)]
public class Distributions2CudaTests
{
    private static Device Cuda => CudaDevice.Device;

    private static Tensor T(params double[] v) => torch.tensor(v, torch.float64);

    private static void Same(Tensor cpu, Tensor cuda, double tol = 1e-10)
    {
        Check.OnCuda(cuda);
        Assert.True(cpu.allclose(cuda.cpu(), rtol: tol, atol: tol, equal_nan: true), $"cpu {cpu} vs cuda {cuda.cpu()}");
    }

    [Fact]
    public void DensitiesAndMomentsMatchTheCpu()
    {
        var (a, b, v) = (T(0.7, 1.5), T(2.0, 0.5), T(0.3, 0.8));
        Tensor C(Tensor t) => t.to(Cuda);
        Same(D.HalfNormal(a).log_prob(v), D.HalfNormal(C(a)).log_prob(C(v)));
        Same(D.HalfCauchy(a).cdf(v), D.HalfCauchy(C(a)).cdf(C(v)));
        Same(D.Weibull(a, b).log_prob(v) + D.Weibull(a, b).entropy(), D.Weibull(C(a), C(b)).log_prob(C(v)) + D.Weibull(C(a), C(b)).entropy());
        Same(D.Pareto(T(0.1, 0.2), b).log_prob(v), D.Pareto(C(T(0.1, 0.2)), C(b)).log_prob(C(v)));
        Same(D.Kumaraswamy(a, b).log_prob(v) + D.Kumaraswamy(a, b).mean, D.Kumaraswamy(C(a), C(b)).log_prob(C(v)) + D.Kumaraswamy(C(a), C(b)).mean);
        Same(D.Geometric(probs: T(0.3, 0.6)).log_prob(T(2, 0)), D.Geometric(probs: C(T(0.3, 0.6))).log_prob(C(T(2, 0))));
        Same(D.NegativeBinomial(a, logits: b).log_prob(T(1, 3)), D.NegativeBinomial(C(a), logits: C(b)).log_prob(C(T(1, 3))));
        Same(D.Chi2(a).log_prob(v), D.Chi2(C(a)).log_prob(C(v)));
        Same(D.FisherSnedecor(a, b).log_prob(v), D.FisherSnedecor(C(a), C(b)).log_prob(C(v)));
        Same(D.RelaxedBernoulli(T(0.5), logits: b).log_prob(v), D.RelaxedBernoulli(C(T(0.5)), logits: C(b)).log_prob(C(v)));
        var probs = T(0.2, 0.3, 0.5);
        Same(D.RelaxedOneHotCategorical(T(0.7), probs: probs).log_prob(probs), D.RelaxedOneHotCategorical(C(T(0.7)), probs: C(probs)).log_prob(C(probs)));
        Same(D.Independent(D.Normal(a, b), 1).log_prob(v), D.Independent(D.Normal(C(a), C(b)), 1).log_prob(C(v)));
    }

    [Fact]
    public void SeededSamplesWithAGeneratorMatchTheCpu()
    {
        var (a, b) = (T(0.7, 1.5), T(2.0, 0.5));
        Tensor C(Tensor t) => t.to(Cuda);
        static torch.Generator G(int s) => new(s);
        Same(D.HalfNormal(a, G(1)).rsample(3), D.HalfNormal(C(a), G(1)).rsample(3));
        Same(D.Weibull(a, b, G(2)).rsample(3), D.Weibull(C(a), C(b), G(2)).rsample(3));
        Same(D.Pareto(a, b, G(3)).sample(3), D.Pareto(C(a), C(b), G(3)).sample(3));
        Same(D.Geometric(probs: T(0.3, 0.6), generator: G(4)).sample(3), D.Geometric(probs: C(T(0.3, 0.6)), generator: G(4)).sample(3));
        Same(D.RelaxedOneHotCategorical(T(0.7), probs: T(0.2, 0.3, 0.5), generator: G(5)).rsample(2),
             D.RelaxedOneHotCategorical(C(T(0.7)), probs: C(T(0.2, 0.3, 0.5)), generator: G(5)).rsample(2));
        Same(D.FisherSnedecor(a, b, G(6)).rsample(2), D.FisherSnedecor(C(a), C(b), G(6)).rsample(2));
    }

    [Fact]
    public void TransformsMatchTheCpu()
    {
        var x = T(-1.0, 0.2, 2.0);
        TR.Transform[] ts = [new TR.ExpTransform(), new TR.SigmoidTransform(), new TR.TanhTransform(), new TR.SoftplusTransform(),
            new TR.AffineTransform(0.5, -2.0), new TR.ComposeTransform([new TR.AffineTransform(0.5, 2.0), new TR.ExpTransform()])];
        foreach (var t in ts)
        {
            Same(t.forward(x), t.forward(x.to(Cuda)));
            Same(t.log_abs_det_jacobian(x, t.forward(x)), t.log_abs_det_jacobian(x.to(Cuda), t.forward(x.to(Cuda))));
        }
    }

    public static TheoryData<string> GradCheckNames() =>
        ["dist_halfnormal", "dist_weibull", "dist_kumaraswamy", "dist_relaxed_one_hot_categorical", "dist_negative_binomial"];

    [Theory]
    [MemberData(nameof(GradCheckNames))]
    public void GradientsMatchFiniteDifferences(string name) => Assert.True(GradCheckCases.Check(name, Cuda));
}
