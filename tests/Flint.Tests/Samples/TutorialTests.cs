using System.Globalization;
using System.Text.Json;
using Flint.Tutorial;

namespace Flint.Tests.Samples;

/// <summary>
/// Runs the tutorial's programs in-process (small iteration counts where the full run is slow) and
/// checks their loss curves against NumPy 1.24 / PyTorch 1.13 runs of the same seeded programs.
/// </summary>
[Collection(GlobalRandomCollection.Name)] // the programs reseed the global generators
public class TutorialTests
{
    private static JsonElement Golden(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", file))).RootElement;

    private static double[] Parse(JsonElement losses) =>
        losses.EnumerateArray().Select(e => double.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray();

    private static (List<double> Losses, string Output) Run(TutorialProgram p, int? iterations, int every = 1)
    {
        var w = new StringWriter();
        var losses = p.Run(new TutorialSettings(w, every, MaxIterations: iterations));
        return (losses, w.ToString());
    }

    private static void AssertFalls(IReadOnlyList<double> losses)
    {
        for (int i = 1; i < losses.Count; i++)
            Assert.True(losses[i] < losses[i - 1], $"loss rose at step {i}: {losses[i - 1]:R} -> {losses[i]:R}");
    }

    private static void AssertCurve(double[] expected, IReadOnlyList<double> actual, double rtol)
    {
        for (int i = 0; i < actual.Count; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= rtol * expected[i], $"step {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    [Fact]
    public void NumpySmallMatchesNumPyAndShowsTheCells()
    {
        var expected = Parse(Golden("numpy.json").GetProperty("numpy_net_small").GetProperty("losses"));
        var (losses, output) = Run(NumpyNet.Small(), null);
        Assert.Equal(50, losses.Count);
        AssertCurve(expected, losses, 1e-12);
        AssertFalls(losses);
        Assert.InRange(losses[^1], 1.3, 1.4);
        // The cells before the loop: x.shape and x (np.random.seed(0) gives NumPy's 1.76405235 first).
        Assert.StartsWith("## NumPy: two-layer net, N, D_in, H, D_out = 3, 4, 2, 2\n(3, 4)\narray([[ 1.76405235,  0.40015721,  0.97873798,  2.2408932 ],\n", output);
        Assert.Contains($"\n0 {np.repr(losses[0])}\n", output);
        Assert.EndsWith($"==> numpy-small: loss {np.repr(losses[0])} -> {np.repr(losses[^1])} after 50 iterations\n\n", output);
    }

    [Fact]
    public void NumpyLargeMatchesNumPy()
    {
        var expected = Parse(Golden("numpy.json").GetProperty("numpy_net_large").GetProperty("losses"));
        var (losses, _) = Run(NumpyNet.Large(), 25);
        Assert.Equal(25, losses.Count);
        AssertCurve(expected, losses, 1e-10);
        AssertFalls(losses);
        Assert.InRange(losses[0], 2.6e7, 2.7e7);
        Assert.InRange(losses[^1], 1e4, 1e6);
    }

    [Theory]
    [InlineData("tensors")]
    [InlineData("autograd")]
    public void TensorProgramsFollowPyTorchsCurve(string name)
    {
        var expected = Parse(Golden("tutorial.json").GetProperty(name));
        TutorialProgram p = name == "tensors" ? new TensorsManual() : new TensorsAutograd();
        var (losses, _) = Run(p, 40);
        Assert.Equal(40, losses.Count);
        // Same seed, same data as PyTorch; float32 sums in another order differ in the last bits.
        Assert.Equal(expected[0], losses[0], 1e-6 * expected[0]);
        AssertCurve(expected, losses, 1e-4);
        AssertFalls(losses);
        Assert.InRange(losses[^1], 1e3, 1e5);
    }

    [Fact]
    public void SameSeedPrintsTheSameOutputTwice()
    {
        foreach (var make in new Func<TutorialProgram>[] { NumpyNet.Small, () => new TensorsAutograd(), () => new Explore() })
        {
            var (_, first) = Run(make(), 10);
            var (_, second) = Run(make(), 10);
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void EveryFoldsTheLossLines()
    {
        var (losses, output) = Run(NumpyNet.Small(), null, every: 10);
        Assert.Equal(50, losses.Count);
        var lossLines = output.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l[0]) && l.Contains(' ')).Select(l => l.Split(' ')[0]).ToArray();
        Assert.Equal(new[] { "0", "10", "20", "30", "40" }, lossLines);
    }

    [Fact]
    public void ExploreShowsTheCellsAndTheirErrors()
    {
        var (losses, output) = Run(new Explore(), null);
        Assert.Empty(losses);
        Assert.Contains(">>> ts1.size()\ntorch.Size([2, 4])\n", output);
        Assert.Contains(">>> torch.mm(a1, ts2)\nRuntimeError: mat2 must be a matrix\n", output);
        Assert.Contains("x.grad\ntensor([[ 2., -2.],\n        [ 2.,  2.]])\n", output);
        Assert.Contains(">>> out\ntensor(4., grad_fn=<SumBackward0>)\n", output);
        Assert.Contains(">>> out.backward()\nRuntimeError: Trying to backward through the graph a second time", output);
        Assert.Contains("tensor.new_tensor(data)\ntensor([[0, 1],\n        [2, 3]], dtype=torch.int8)\n", output);
        Assert.Contains(">>> torch.tensor(data).dtype\ntorch.int64\n", output);
    }

    [Fact]
    public void PlotWritesAPng()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flint-tutorial-{Guid.NewGuid():N}.png");
        try
        {
            LossPlot.Save(path, [("a", [100.0, 10.0, 1.0, 0.1]), ("b", [5.0, 0.0, 0.5])]);
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        finally { File.Delete(path); }
    }
}
