using System.Text.Json;

namespace Flint.Tests.Autograd;

/// <summary>
/// The specification's "PyTorch: Tensors and autograd" and "Defining new autograd functions"
/// programs with the notebook's sizes, seeded with manual_seed(0), against PyTorch's loss curve
/// for the same seed (tests/golden/autograd.json).
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class TutorialProgramTests
{
    private static double[] PyTorchCurve(string program) =>
        AutogradGoldenTests.Golden.Value.RootElement.GetProperty("tutorial").GetProperty(program)
            .EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>The notebook's loop, verbatim in C#; <paramref name="custom"/> swaps clamp for MyReLU.apply.</summary>
    internal static double[] Train(bool custom, int iterations = 500)
    {
        torch.manual_seed(0);
        long N = 64, D_in = 1000, H = 100, D_out = 10;
        var x = torch.randn(N, D_in);
        var y = torch.randn(N, D_out);
        var w1 = torch.randn(D_in, H, requires_grad: true);
        var w2 = torch.randn(H, D_out, requires_grad: true);
        double learning_rate = 1e-6;
        var losses = new double[iterations];
        for (int t = 0; t < iterations; t++)
        {
            var h = x.mm(w1);
            var y_pred = (custom ? MyReLU.apply(h) : h.clamp(min: 0)).mm(w2);
            var loss = (y_pred - y).pow(2).sum();
            losses[t] = loss.item<float>();
            loss.backward();
            using (torch.no_grad())
            {
                w1 -= learning_rate * w1.grad!;
                w2 -= learning_rate * w2.grad!;
                w1.grad!.zero_();
                w2.grad!.zero_();
            }
        }
        return losses;
    }

    private static void AssertFollowsPyTorch(double[] ours, double[] torchCurve)
    {
        Assert.Equal(torchCurve.Length, ours.Length);
        Assert.InRange(ours[0], 1e7, 1e8); // "of order 1e7", as in the notebook's output
        for (int t = 0; t < 5; t++)
            Assert.True(Math.Abs(ours[t] - torchCurve[t]) <= 1e-4 * torchCurve[t], $"loss[{t}] = {ours[t]} vs PyTorch {torchCurve[t]}");
        foreach (int t in new[] { 100, 200, 300, 499 })
            Assert.InRange(ours[t], torchCurve[t] / 3, torchCurve[t] * 3);
        Assert.True(ours[^1] < 1e-2, $"final loss {ours[^1]}");
        // Falls: every 50 iterations the loss is lower than 50 iterations before.
        for (int t = 50; t < ours.Length; t += 50) Assert.True(ours[t] < ours[t - 50], $"loss rose between {t - 50} and {t}");
    }

    [Fact]
    public void AutogradProgramMatchesPyTorch() => AssertFollowsPyTorch(Train(custom: false), PyTorchCurve("autograd"));

    [Fact]
    public void MyReLUProgramMatchesPyTorch() => AssertFollowsPyTorch(Train(custom: true), PyTorchCurve("my_relu"));

    [Fact]
    public void RunsAreDeterministic()
    {
        var a = Train(custom: true, iterations: 30);
        var b = Train(custom: true, iterations: 30);
        Assert.Equal(a, b);
        // The custom Function and the built-in clamp compute the same gradients.
        Assert.Equal(a, Train(custom: false, iterations: 30));
    }
}
