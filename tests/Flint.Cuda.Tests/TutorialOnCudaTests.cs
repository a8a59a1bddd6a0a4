using Flint.Tutorial;

namespace Flint.Cuda.Tests;

/// <summary>
/// <c>samples/Tutorial --device cuda</c>: the specification's tensor programs (manual backprop,
/// autograd, the custom MyReLU Function) run unchanged on cuda:0. CUDA draws its own random
/// numbers (Philox, as PyTorch's CUDA generator does), so the curves are not the CPU's: the test
/// checks that each program trains (the loss falls), stays on the device, and repeats exactly
/// for the same seed. Real GPU only: at the notebook's sizes (64/1000/100/10) the emulator needs about
/// a minute per iteration; <see cref="SpecProgramTests"/> runs the same programs at smaller sizes there.
/// </summary>
[Collection(SerialCudaCollection.Name)]
public class TutorialOnCudaTests
{
    public static TheoryData<string> TensorPrograms() => new() { "tensors", "autograd", "function" };

    [Theory]
    [MemberData(nameof(TensorPrograms))]
    public void RunsOnCudaAndTrains(string name)
    {
        CudaDevice.RequireRealGpu();
        int? cap = null;
        var first = Run(name, cap, out var printed);
        Assert.Contains($"==> {name}: loss", printed);
        Assert.True(first.Count == 500, $"{name}: {first.Count} iterations");
        Assert.All(first, l => Assert.True(double.IsFinite(l), $"{name}: loss {l}"));
        Assert.True(first[^1] < first[0], $"{name}: loss {first[0]} -> {first[^1]} did not fall");
        Assert.True(first[^1] < 1e-2 * first[0], $"{name}: loss {first[0]} -> {first[^1]} after 500 iterations");

        var again = Run(name, cap, out _);
        Assert.Equal(first, again);
    }

    private static List<double> Run(string name, int? cap, out string printed)
    {
        var program = Catalog.All().Single(p => p.Name == name);
        var output = new StringWriter();
        var losses = program.Run(new TutorialSettings(output, Every: 1, Device: CudaDevice.Device, MaxIterations: cap));
        printed = output.ToString();
        return [.. losses];
    }
}
