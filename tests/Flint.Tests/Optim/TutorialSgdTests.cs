using Flint.Modules;
using System.Text.Json;
using static Flint.Tests.Optim.OptimGolden;
using static Flint.torch.nn;

namespace Flint.Tests.Optim;

/// <summary>
/// The spec's two-layer ReLU network on raw tensors (seed 0, N=64, D_in=1000, H=100, D_out=10), with
/// torch.optim.SGD doing the update the notebook writes by hand; losses against PyTorch 1.13.
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class TutorialSgdTests
{
    private static Dictionary<int, double> Train(ScalarType dtype, double lr)
    {
        torch.manual_seed(0);
        var x = torch.randn(64, 1000).to(dtype);
        var y = torch.randn(64, 10).to(dtype);
        var w1 = new Parameter(torch.randn(1000, 100).to(dtype));
        var w2 = new Parameter(torch.randn(100, 10).to(dtype));
        var optimizer = torch.optim.SGD([w1, w2], lr: lr);
        var losses = new Dictionary<int, double>();
        for (int t = 0; t < 500; t++)
        {
            var y_pred = x.mm(w1).clamp(min: 0).mm(w2);
            var loss = (y_pred - y).pow(2).sum();
            if (t is 0 or 10 or 100 or 499) losses[t] = loss.to(ScalarType.Float64).item<double>();
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        return losses;
    }

    private static void AssertLoss(JsonElement expected, Dictionary<int, double> actual, int step, double rtol, string context)
    {
        double e = expected.GetProperty(step.ToString()).GetDouble(), a = actual[step];
        Assert.True(Math.Abs(e - a) <= rtol * Math.Abs(e), $"{context} loss at step {step}: expected {e:R}, got {a:R}");
    }

    [Fact]
    public void Float32LossesMatchPyTorch()
    {
        var golden = Root.GetProperty("tutorial");
        var losses = Train(ScalarType.Float32, golden.GetProperty("lr").GetDouble());
        var expected = golden.GetProperty("float32");
        foreach (int t in new[] { 0, 10, 100 }) AssertLoss(expected, losses, t, 1e-3, "float32");
        // By step 499 the float32 loss (~3e-5) is rounding noise of the matrix products (the float64 run
        // reaches ~3e-7), and PyTorch's BLAS sums in another order than Flint's GEMM: only its size is shared.
        AssertLoss(expected, losses, 499, 0.05, "float32");
    }

    [Fact]
    public void Float64LossesMatchPyTorchToTheEnd()
    {
        var golden = Root.GetProperty("tutorial");
        var losses = Train(ScalarType.Float64, golden.GetProperty("lr").GetDouble());
        foreach (int t in new[] { 0, 10, 100, 499 }) AssertLoss(golden.GetProperty("float64"), losses, t, 1e-6, "float64");
    }
}
