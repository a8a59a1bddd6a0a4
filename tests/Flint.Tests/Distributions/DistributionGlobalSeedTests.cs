using static Flint.Tests.TorchDistributions.DistributionsGolden;

namespace Flint.Tests.TorchDistributions;

/// <summary>
/// Without an explicit generator the samplers draw from the default generator: <c>torch.manual_seed(seed)</c>
/// then the same calls give PyTorch's numbers, as in Python (which has no generator argument).
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class DistributionGlobalSeedTests
{
    [Theory]
    [InlineData("Normal_2")]
    [InlineData("Categorical_1")]
    [InlineData("Gamma_1")]
    [InlineData("Poisson_1")]
    public void ManualSeedGivesPyTorchsSamples(string name)
    {
        var c = Case("samples", name);
        var d = Make(c.GetProperty("dist").GetString()!, c.GetProperty("args"));
        torch.manual_seed(c.GetProperty("seed").GetInt64());
        var calls = c.GetProperty("calls").EnumerateArray().ToArray();
        var results = c.GetProperty("results").EnumerateArray().ToArray();
        for (int i = 0; i < calls.Length; i++)
        {
            var shape = Shape(calls[i].GetProperty("shape"));
            var s = calls[i].GetProperty("kind").GetString() == "sample" ? d.sample(shape) : d.rsample(shape);
            AssertClose(results[i], s, $"{name} call {i}", 1e-6, 1e-6);
        }
    }

    [Fact]
    public void ZeroDimParametersFormatAsPythonNumbers()
    {
        var ex = Assert.Throws<ArgumentException>(() => torch.distributions.Normal(torch.tensor(1e-5, torch.float64), torch.tensor(-2.5e20, torch.float64)));
        Assert.StartsWith("Expected parameter scale (Tensor of shape ()) of distribution Normal(loc: 1e-05, scale: -2.5e+20) to satisfy", ex.Message);
        Assert.EndsWith("invalid values:\n-2.5e+20", ex.Message);
    }
}
