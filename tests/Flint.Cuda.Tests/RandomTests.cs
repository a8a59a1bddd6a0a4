using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>The device generator: reproducible per seed, different across seeds, the right distribution.</summary>
[Collection(SerialCudaCollection.Name)]
public class RandomTests
{
    private static Device Cuda => CudaDevice.Device;

    [Fact]
    public void SameSeedSameNumbers()
    {
        manual_seed(7);
        var a = randn(new long[] { 100 }, device: Cuda);
        var a2 = rand(new long[] { 50 }, device: Cuda);
        manual_seed(7);
        var b = randn(new long[] { 100 }, device: Cuda);
        var b2 = rand(new long[] { 50 }, device: Cuda);
        Check.OnCuda(a);
        Check.Exact(a, b, "randn after the same seed");
        Check.Exact(a2, b2, "rand after the same seed");
        // torch.cuda.manual_seed seeds the same generator.
        cuda.manual_seed(7);
        Check.Exact(a, randn(new long[] { 100 }, device: Cuda), "randn after cuda.manual_seed");
    }

    [Fact]
    public void DifferentSeedsOrDrawsDiffer()
    {
        manual_seed(1);
        var a = randn(new long[] { 100 }, device: Cuda).cpu();
        var next = randn(new long[] { 100 }, device: Cuda).cpu();
        manual_seed(2);
        var b = randn(new long[] { 100 }, device: Cuda).cpu();
        Assert.False(a.eq(b).all().item<bool>(), "seeds 1 and 2 gave the same numbers");
        Assert.True(a.ne(b).sum().item<long>() > 90, "seeds 1 and 2 share most numbers");
        Assert.True(a.ne(next).sum().item<long>() > 90, "two draws after one seed repeat numbers");
    }

    [Fact]
    public void NormalAndUniformMoments()
    {
        manual_seed(3);
        var n = randn(new long[] { 10_000 }, device: Cuda);
        Assert.InRange(n.mean().item<float>(), -0.05f, 0.05f);
        Assert.InRange(n.std().item<float>(), 0.95f, 1.05f);
        var u = rand(new long[] { 10_000 }, device: Cuda);
        Assert.True(u.min().item<float>() >= 0f && u.max().item<float>() < 1f, "rand left [0, 1)");
        Assert.InRange(u.mean().item<float>(), 0.48f, 0.52f);
        var d = randn(new long[] { 10_000 }, float64, Cuda);
        Assert.Equal(ScalarType.Float64, d.dtype);
        Assert.InRange(d.std().item<double>(), 0.95, 1.05);
    }

    [Fact]
    public void DropoutOnCuda()
    {
        manual_seed(4);
        var x = ones(new long[] { 4000 }, device: Cuda, requires_grad: true);
        var y = nn.functional.dropout(x, 0.5, training: true);
        Check.OnCuda(y);
        var v = y.detach().cpu();
        long zeros_ = v.eq(0).sum().item<long>(), twos = v.eq(2).sum().item<long>();
        Assert.Equal(4000, zeros_ + twos); // kept elements are scaled by 1/(1-p)
        Assert.InRange(zeros_, 1800, 2200);
        y.sum().backward();
        Check.Exact(v, x.grad!, "dropout's gradient is its mask times 2");
        Check.Exact(x.detach(), nn.functional.dropout(x, 0.5, training: false), "eval dropout is the identity");
        var layer = nn.Dropout(0.25);
        layer.eval();
        Check.OnCuda(layer.call(x));
    }
}
