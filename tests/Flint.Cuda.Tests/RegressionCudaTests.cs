using Flint.Tests.Ops;

namespace Flint.Cuda.Tests;

/// <summary>The CPU suite's <see cref="RegressionChecks"/> on cuda:0, and the checks that need two devices.</summary>
public class RegressionCudaTests
{
    [Fact]
    public void HalfPutsAccumulate() => RegressionChecks.HalfPutsAccumulate(CudaDevice.Device);

    [Fact]
    public void NormOrdersZeroAndInfinity() => RegressionChecks.NormOrdersZeroAndInfinity(CudaDevice.Device);

    [Fact]
    public void ZeroSizeViews() => RegressionChecks.ZeroSizeViews(CudaDevice.Device);

    [Fact]
    public void ExpFloat32() => RegressionChecks.ExpFloat32(CudaDevice.Device);

    /// <summary>
    /// masked_fill checks the mask's device with PyTorch 1.13's words: a CPU self meets the iterator's check (the accelerator
    /// named first), a cuda self masked_fill__cuda's own check; in place, out of place, with a number or a 0-dim tensor value.
    /// </summary>
    [Fact]
    public void MaskedFillNeedsTheMaskOnSelfsDevice()
    {
        var dev = CudaDevice.Device;
        var x = torch.arange(6.0, dtype: ScalarType.Float32).reshape(2, 3);
        var mask = x.gt(2.0);
        const string cpuSelf = "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!";
        const string cudaSelf = "expected self and mask to be on the same device, but got mask on cpu and self on cuda:0";
        var value = torch.tensor(9f);
        foreach (var (self, m, message) in new[] { (x, mask.to(dev), cpuSelf), (x.to(dev), mask, cudaSelf), (x.to(dev), mask[0, 0], cudaSelf) })
        {
            var before = self.cpu().data<float>();
            Assert.Equal(message, Assert.Throws<ArgumentException>(() => self.masked_fill(m, 1.0)).Message);
            Assert.Equal(message, Assert.Throws<ArgumentException>(() => self.masked_fill(m, value)).Message);
            Assert.Equal(message, Assert.Throws<ArgumentException>(() => self.masked_fill_(m, 1.0)).Message);
            Assert.Equal(message, Assert.Throws<ArgumentException>(() => self.masked_fill_(m, value)).Message);
            Assert.Equal(before, self.cpu().data<float>());
        }
        // The same devices still work, the value tensor may stay on the CPU.
        Assert.Equal(new float[] { 0, 1, 2, 9, 9, 9 }, x.to(dev).masked_fill(mask.to(dev), value).cpu().data<float>());
    }
}
