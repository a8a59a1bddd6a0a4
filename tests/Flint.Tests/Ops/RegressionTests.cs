namespace Flint.Tests.Ops;

/// <summary><see cref="RegressionChecks"/> on the CPU.</summary>
public class RegressionTests
{
    [Fact]
    public void HalfPutsAccumulate() => RegressionChecks.HalfPutsAccumulate(torch.CPU);

    [Fact]
    public void NormOrdersZeroAndInfinity() => RegressionChecks.NormOrdersZeroAndInfinity(torch.CPU);

    [Fact]
    public void ZeroSizeViews() => RegressionChecks.ZeroSizeViews(torch.CPU);

    [Fact]
    public void ExpFloat32() => RegressionChecks.ExpFloat32(torch.CPU);
}
