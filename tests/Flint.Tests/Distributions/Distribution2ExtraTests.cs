using Flint.Modules;
using static Flint.torch.distributions;
using TR = Flint.torch.distributions.transforms;

namespace Flint.Tests.TorchDistributions;

/// <summary>ExponentialFamily's autograd entropy, TransformedDistribution plumbing and the new families' statistics.</summary>
public class Distribution2ExtraTests
{
    /// <summary>The exponential distribution written as an exponential family: θ = −rate, F(θ) = −log(−θ), k = 0.</summary>
    private sealed class ExpFamilyExponential(Tensor rate) : ExponentialFamily(null, rate.shape)
    {
        protected override Tensor[] _natural_params => [-rate];
        protected override Tensor _log_normalizer(params Tensor[] p) => -(-p[0]).log();
        protected override Tensor _mean_carrier_measure => torch.zeros_like(rate);
        public override Tensor mean => 1.0 / rate;
        public override Tensor variance => rate.pow(-2);
        public override Tensor log_prob(Tensor value) => rate.log() - rate * value;
        public override Distribution expand(long[] batch_shape) => throw new NotSupportedException();
        protected override IEnumerable<(string name, Tensor value)> Parameters() => [("rate", rate)];
    }

    [Fact]
    public void ExponentialFamilyEntropyIsTheBregmanFormula()
    {
        var rate = torch.tensor(new double[] { 0.5, 2.0, 3.0 }, torch.float64);
        var got = new ExpFamilyExponential(rate).entropy();
        var want = Exponential(rate).entropy();
        Assert.True(got.allclose(want, rtol: 1e-12, atol: 1e-12), $"{got} vs {want}");
    }

    [Fact]
    public void TransformedDistributionWithAnIndependentBaseSumsEventDims()
    {
        // An affine transform with event_dim 1 on a batch of normals makes the event the last dim.
        var baseDist = Normal(torch.zeros(2, 3, dtype: torch.float64), torch.ones([2, 3], torch.float64));
        var d = TransformedDistribution(baseDist, [new TR.AffineTransform(torch.tensor(new double[] { 1, 2, 3 }, torch.float64), torch.tensor(new double[] { 2, 0.5, 1 }, torch.float64), event_dim: 1)]);
        Assert.Equal([2L], d.batch_shape.ToArray());
        Assert.Equal([3L], d.event_shape.ToArray());
        Assert.IsType<Independent>(d.base_dist);
        var v = torch.tensor(new double[] { 0.5, 2.5, 3.0 }, torch.float64);
        var expected = Normal(torch.tensor(new double[] { 1, 2, 3 }, torch.float64), torch.tensor(new double[] { 2, 0.5, 1 }, torch.float64)).log_prob(v).sum();
        Assert.Equal(expected.item<double>(), d.log_prob(v)[0].item<double>(), 12);
    }

    [Fact]
    public void SampleMeansMatchTheMoments()
    {
        var g = new torch.Generator(123);
        foreach (var (d, name) in new (Distribution, string)[]
        {
            (NegativeBinomial(torch.tensor(new double[] { 5.0, 2.5 }, torch.float64), probs: torch.tensor(new double[] { 0.3, 0.6 }, torch.float64), generator: g), "NegativeBinomial"),
            (Geometric(probs: torch.tensor(new double[] { 0.2, 0.7 }, torch.float64), generator: g), "Geometric"),
            (Weibull(torch.tensor(new double[] { 1.0, 2.0 }, torch.float64), torch.tensor(new double[] { 1.5, 3.0 }, torch.float64), generator: g), "Weibull"),
            (Kumaraswamy(torch.tensor(new double[] { 0.5, 2.0 }, torch.float64), torch.tensor(new double[] { 0.7, 1.5 }, torch.float64), generator: g), "Kumaraswamy"),
            (FisherSnedecor(torch.tensor(new double[] { 3.0, 6.0 }, torch.float64), torch.tensor(new double[] { 9.0, 12.0 }, torch.float64), generator: g), "FisherSnedecor"),
        })
        {
            var s = d.sample(20000);
            var mean = s.mean(0);
            var se = (d.variance / 20000).sqrt();
            var z = ((mean - d.mean) / se).abs().max().item<double>();
            Assert.True(z < 5, $"{name}: sample mean {mean} vs {d.mean} (z = {z})");
        }
    }

    [Fact]
    public void ZeroDimTemperatureGradient()
    {
        var t = torch.tensor(0.8, torch.float64).requires_grad_();
        var logits = torch.tensor(new double[] { 0.5, -1.0, 2.0 }, torch.float64);
        Assert.True(torch.autograd.gradcheck(x => RelaxedOneHotCategorical(x[0], logits: logits, generator: new torch.Generator(7)).rsample(2), [t]));
    }
}
