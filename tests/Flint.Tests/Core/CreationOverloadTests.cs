namespace Flint.Tests.Core;

/// <summary>C# converts a literal 0 to any enum, so <c>torch.zeros(2, 0)</c> could bind to (size, dtype).</summary>
public class CreationOverloadTests
{
    [Fact]
    public void ALiteralZeroIsASize()
    {
        Assert.Equal(new long[] { 2, 0 }, torch.zeros(2, 0).shape);
        Assert.Equal(new long[] { 3, 0, 2 }, torch.ones(3, 0, 2).shape);
        Assert.Equal(new long[] { 2, 3, 0 }, torch.zeros(2, 3, 0).shape);
        Assert.Equal(new long[] { 0, 3 }, torch.randn(0, 3).shape);
        Assert.Equal(new long[] { 4, 0 }, torch.rand(4, 0).shape);
        Assert.Equal(new long[] { 1, 0 }, torch.empty(1, 0).shape);
        Assert.Equal(ScalarType.Float32, torch.zeros(2, 0).dtype);
    }

    [Fact]
    public void ADTypeStillBindsAsADType()
    {
        var t = torch.zeros(2, torch.int64);
        Assert.Equal(new long[] { 2 }, t.shape);
        Assert.Equal(ScalarType.Int64, t.dtype);
        Assert.Equal(ScalarType.Float64, torch.randn(2, 3, torch.float64).dtype);
    }
}
