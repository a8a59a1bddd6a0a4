namespace Flint.Tests.Generic;

/// <summary>The op invariants (<see cref="OpInvariantSuite"/>) on the CPU, plus CPU-only checks.</summary>
public class OpInvariantTests : OpInvariantSuite
{
    /// <inheritdoc/>
    protected override Device? Device => null;

    [Fact]
    public void IntAddFloatInPlaceThrowsAndKeepsSelf()
    {
        var x = torch.tensor(new long[] { 1, 2, 3 });
        var ex = Assert.Throws<ArgumentException>(() => x.add_(torch.tensor(new float[] { 0.5f, 1.5f, 2.5f })));
        Assert.Contains("result type Float can't be cast to the desired output type Long", ex.Message);
        Assert.Equal(new long[] { 1, 2, 3 }, x.data<long>());
        Assert.Throws<ArgumentException>(() => x += 0.5);
        Assert.Equal(new long[] { 1, 2, 3 }, x.data<long>());
        x += 2; // a C# int stays an integer scalar
        Assert.Equal(new long[] { 3, 4, 5 }, x.data<long>());
    }
}
