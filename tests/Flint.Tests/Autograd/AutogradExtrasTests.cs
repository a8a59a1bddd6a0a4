using static Flint.torch.nn;

namespace Flint.Tests.Autograd;

/// <summary>Tensor hooks, retain_grad with hooks, anomaly detection and inference mode.</summary>
public class AutogradExtrasTests
{
    private static Tensor Vec(params double[] v) => torch.tensor(v, dtype: ScalarType.Float64);

    private static void AssertValues(double[] expected, Tensor actual, double tol = 1e-12)
    {
        var a = actual.to(ScalarType.Float64).reshape(-1).data<double>().ToArray();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(expected[i] - a[i]) <= tol * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, got {a[i]:R}");
    }

    [Fact]
    public void HookOnALeafReplacesTheGradientBeforeAccumulation()
    {
        var x = Vec(1, 2, 3).requires_grad_();
        var h = x.register_hook(g => g * 2);
        (x * x).sum().backward();
        AssertValues([4, 8, 12], x.grad!); // 2 · 2x
        h.remove();
        (x * x).sum().backward();
        AssertValues([6, 12, 18], x.grad!); // + 2x, hook gone
        h.remove(); // twice is harmless
    }

    [Fact]
    public void HooksOnANonLeafRunInOrderAndRetainGradSeesTheResult()
    {
        var x = Vec(1, 2, 3).requires_grad_();
        var z = x * 3;
        z.retain_grad();
        var seen = new List<double[]>();
        z.register_hook(g => g * 10);
        z.register_hook(g => seen.Add(g.data<double>().ToArray()));
        (z * z).sum().backward();
        // d/dz = 2z = 6x, times 10 = 60x; the observer sees the replaced gradient; dx = 3 · 60x.
        Assert.Equal([60.0, 120, 180], seen.Single());
        AssertValues([60, 120, 180], z.grad!);
        AssertValues([180, 360, 540], x.grad!);
    }

    [Fact]
    public void HooksRunForAutogradGradAndEachBackward()
    {
        var x = Vec(1, 2).requires_grad_();
        int calls = 0;
        x.register_hook(g => { calls++; return g + 1; });
        var g1 = torch.autograd.grad((x * x).sum(), [x])[0];
        AssertValues([3, 5], g1);
        Assert.Null(x.grad);
        (x * x).sum().backward();
        AssertValues([3, 5], x.grad!);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void HookRejectsTensorsWithoutGradAndShapeChanges()
    {
        Assert.Equal("cannot register a hook on a tensor that doesn't require gradient",
            Assert.Throws<InvalidOperationException>(() => Vec(1).register_hook(g => g)).Message);
        var x = Vec(1, 2).requires_grad_();
        x.register_hook(g => g.sum());
        Assert.Throws<InvalidOperationException>(() => (x * x).sum().backward());
    }

    [Fact]
    public void DetectAnomalyNamesTheNodeThatReturnedNaN()
    {
        var x = Vec(1, 2).requires_grad_();
        var c = Vec(double.NaN, 1);
        using (torch.autograd.detect_anomaly())
        {
            Assert.True(torch.autograd.is_anomaly_enabled());
            var e = Assert.Throws<InvalidOperationException>(() => (x * c).sum().backward());
            Assert.Equal("Function 'MulBackward0' returned nan values in its 0th output.", e.Message);
        }
        Assert.False(torch.autograd.is_anomaly_enabled());
        (x * c).sum().backward(); // off again: the NaN just flows
        Assert.True(double.IsNaN(x.grad!.data<double>()[0]));

        using (torch.autograd.set_detect_anomaly(true))
        {
            var y = Vec(4).requires_grad_();
            y.sqrt().backward(); // finite: no complaint
            AssertValues([0.25], y.grad!);
        }
    }

    [Fact]
    public void InferenceModeRecordsNothingAndRestores()
    {
        var x = Vec(1, 2).requires_grad_();
        Assert.False(torch.is_inference_mode_enabled());
        using (torch.inference_mode())
        {
            Assert.True(torch.is_inference_mode_enabled());
            var y = x * 2;
            Assert.False(y.requires_grad);
            Assert.Null(y.grad_fn);
            using (torch.inference_mode(false))
            {
                Assert.False(torch.is_inference_mode_enabled());
                Assert.True((x * 2).requires_grad); // as PyTorch: InferenceMode(false) turns grad mode on
            }
        }
        Assert.False(torch.is_inference_mode_enabled());
        Assert.True((x * 2).requires_grad);
    }
}
