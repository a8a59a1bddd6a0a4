namespace Flint.Tests.Tensors;

/// <summary>TorchSharp and PyTorch spellings added for parity: to(other), the extension conversions, DisposeEverythingBut.</summary>
public class SpellingParityTests
{
    [Fact]
    public void ToOtherTakesItsDtype()
    {
        var x = torch.tensor(new[] { 1.5f, -2.5f });
        var y = x.to(torch.tensor(new[] { 1.0 }, dtype: ScalarType.Float64));
        Assert.Equal(ScalarType.Float64, y.dtype);
        Assert.Equal(new[] { 1.5, -2.5 }, y.data<double>().ToArray());
        Assert.Same(x, x.to(torch.zeros(3)));
    }

    [Fact]
    public void ExtensionConversionsReadAnyDtype()
    {
        Assert.Equal(2.5f, torch.tensor(2.5, dtype: ScalarType.Float64).ToSingle());
        Assert.Equal(-2L, torch.tensor(-2.75f).ToInt64());
        Assert.Equal(7, torch.tensor(7L).ToInt32());
        var t = torch.tensor(3f);
        Assert.Same(t, t.print());
    }

    [Fact]
    public void DisposeEverythingButKeepsTheNamedTensorsInTheScope()
    {
        Tensor a, b, keep;
        using (var scope = torch.NewDisposeScope())
        {
            a = torch.ones(2);
            b = a + 1;
            keep = b * 2;
            scope.DisposeEverythingBut(keep);
            Assert.True(a.IsDisposed);
            Assert.True(b.IsDisposed);
            Assert.False(keep.IsDisposed);
            Assert.Equal(new[] { 4f, 4f }, keep.data<float>().ToArray());
        }
        Assert.True(keep.IsDisposed); // still owned by the scope
    }
}
