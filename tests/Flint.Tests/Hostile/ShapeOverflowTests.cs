using Flint.Backends.Cpu;

namespace Flint.Tests.Hostile;

/// <summary>Sizes whose products overflow int64 are refused with PyTorch's messages, never wrapped.</summary>
public class ShapeOverflowTests
{
    private const string NumelOverflow = "numel: integer multiplication overflow";

    [Fact]
    public void ExpandBeyondInt64IsRefused()
    {
        // Before: numel() reported 0 and contiguous() made a "contiguous" [2^32, 2^32] tensor over one element.
        var e = Assert.Throws<ArgumentException>(() => torch.ones(1).expand(1L << 32, 1L << 32));
        Assert.Equal(NumelOverflow, e.Message);
        Assert.Throws<ArgumentException>(() => torch.ones(1, 1, 1).expand(1L << 21, 1L << 21, 1L << 21));
    }

    [Fact]
    public void AnExpandThatFitsCountsRightAndRefusesToMaterialise()
    {
        var big = torch.ones(1).expand(1L << 31, 1L << 31);
        Assert.Equal(1L << 62, big.numel());
        // 2^62 float32 elements need 2^64 bytes: PyTorch's storage-size error, before any allocation.
        var e = Assert.Throws<ArgumentException>(() => big.contiguous());
        Assert.Equal("Storage size calculation overflowed with sizes=[2147483648, 2147483648]", e.Message);
    }

    [Fact]
    public void FactoriesRefuseOverflowingSizes()
    {
        Assert.Equal("Storage size calculation overflowed with sizes=[4294967296, 4294967296]",
            Assert.Throws<ArgumentException>(() => torch.zeros(1L << 32, 1L << 32)).Message);
        Assert.Equal("Storage size calculation overflowed with sizes=[2305843009213693952]",
            Assert.Throws<ArgumentException>(() => torch.empty(1L << 61, dtype: ScalarType.Float64)).Message);
        Assert.Throws<ArgumentException>(() => torch.ones(2).repeat(1L << 40, 1L << 40));
    }

    [Fact]
    public void ViewAndReshapeRefuseOverflowingShapes()
    {
        var t = torch.zeros(0);
        Assert.Equal(NumelOverflow, Assert.Throws<ArgumentException>(() => t.view(1L << 32, 1L << 32)).Message);
        Assert.Equal(NumelOverflow, Assert.Throws<ArgumentException>(() => torch.ones(4).reshape(-1, 1L << 32, 1L << 32)).Message);
        // A size that does not overflow keeps PyTorch's ordinary message.
        Assert.Equal("shape '[3, 3]' is invalid for input of size 4", Assert.Throws<ArgumentException>(() => torch.ones(4).view(3, 3)).Message);
    }

    [Fact]
    public void AnEmptyShapeWithHugeOtherSizesIsAllowedAsInPyTorchAndRunsNothing()
    {
        // PyTorch multiplies left to right: a leading 0 makes the running product 0, so [0, 2^32, 2^32] is a valid empty shape.
        var e = torch.ones(1).expand(0, 1L << 32, 1L << 32);
        Assert.Equal(0, e.numel());
        Assert.Equal(0.0f, e.sum().item<float>());
        var plan = new LoopPlan([0, 1L << 32, 1L << 32], [0, 0, 0], [1L << 32, 1L << 32, 1]);
        Assert.Equal([0L], plan.Sizes);
        Assert.False(new LoopPlan.Cursor(plan, [0, 0]).MoveNext());
    }

    [Fact]
    public void LoopPlanMergingIsChecked()
    {
        // Dense dims merge into one loop of their product; the product is exact.
        var plan = new LoopPlan([1L << 20, 1L << 20], [1L << 20, 1]);
        Assert.Equal([1L << 40], plan.Sizes);
        Assert.Throws<ArgumentException>(() => new LoopPlan([1L << 32, 1L << 32], [1L << 32, 1]));
    }

    [Theory]
    [InlineData(long.MaxValue, 2, false)]
    [InlineData(long.MinValue, -1, false)]
    [InlineData(-1, long.MinValue, false)]
    [InlineData(1L << 31, 1L << 32, false)]
    [InlineData(1L << 30, 1L << 32, true)]
    [InlineData(1L << 32, 1L << 30, true)]
    [InlineData(1L << 32, 1L << 32, false)]
    [InlineData(-(1L << 31), 1L << 32, true)]
    [InlineData(0, long.MinValue, true)]
    public void CheckedMultiplyMatchesExactArithmetic(long a, long b, bool fits)
    {
        Assert.Equal(fits, ShapeMath.TryMultiply(a, b, out long p));
        if (fits) Assert.Equal((System.Numerics.BigInteger)a * b, (System.Numerics.BigInteger)p);
    }

    [Fact]
    public void ViewExtentRefusesOverflowAndNegativeParts()
    {
        Assert.True(ShapeMath.TryViewExtent([2, 3], [3, 1], 4, out long extent));
        Assert.Equal(10, extent);
        Assert.True(ShapeMath.TryViewExtent([0, 5], [5, 1], 7, out extent));
        Assert.Equal(7, extent);
        Assert.False(ShapeMath.TryViewExtent([1L << 62, 4], [4, 1], 0, out _));
        Assert.False(ShapeMath.TryViewExtent([2], [long.MaxValue], 1, out _));
        Assert.False(ShapeMath.TryViewExtent([2], [-1], 1, out _));
        Assert.False(ShapeMath.TryViewExtent([2], [1], -1, out _));
    }
}
