namespace Flint.Tests.Ops;

/// <summary>What the golden cases of the Core ATen overloads cannot show: out= identity and autograd refusal, squeeze's errors and views.</summary>
public class CoreAtenOverloadTests
{
    [Fact]
    public void Atan2OutReturnsAndFillsTheGivenTensor()
    {
        var a = torch.tensor(new[] { 1.0f, -2.0f });
        var b = torch.tensor(new[] { 3.0f, 0.5f });
        var o = torch.zeros([2], ScalarType.Float64);
        var r = torch.atan2(a, b, @out: o);
        Assert.Same(o, r);
        Assert.Equal(ScalarType.Float64, o.dtype);
        Assert.Equal(Math.Atan2(-2.0f, 0.5f), o[1].item<double>(), 6);
    }

    [Fact]
    public void Atan2OutRefusesAutogradAsPyTorch()
    {
        var a = torch.tensor(new[] { 1.0, -2.0 }, requires_grad: true);
        var ex = Assert.ThrowsAny<Exception>(() => torch.atan2(a, a, @out: torch.zeros([2], ScalarType.Float64)));
        Assert.Equal("atan2(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.", ex.Message);
        using (torch.no_grad()) Assert.Equal(2, torch.atan2(a, a, @out: torch.zeros([0], ScalarType.Float64)).numel());
    }

    [Fact]
    public void SqueezeDimsIsAViewAndRejectsRepeatedDims()
    {
        var x = torch.zeros([2, 1, 3, 1]);
        var s = x.squeeze([1, -1]);
        Assert.Equal(new long[] { 2, 3 }, s.shape);
        s[0, 0] = torch.tensor(5.0f);
        Assert.Equal(5.0f, x[0, 0, 0, 0].item<float>());
        var ex = Assert.ThrowsAny<Exception>(() => x.squeeze([1, -3]));
        Assert.Equal("dim 1 appears multiple times in the list of dims", ex.Message);
        Assert.Equal(new long[] { 2, 3 }, torch.squeeze(x, [3, 1]).shape);
        Assert.Equal(new long[] { 2, 3, 1 }, torch.squeeze(x, 1).shape);
    }

    [Fact]
    public void VarCorrectionMatchesUnbiasedForms()
    {
        var x = torch.arange(12.0).reshape(3, 4).to(ScalarType.Float64) * 0.37;
        Assert.Equal(x.var(1, unbiased: true)[2].item<double>(), x.var(1, 1)[2].item<double>(), 12);
        Assert.Equal(x.var(unbiased: false).item<double>(), x.var(null, 0).item<double>(), 12);
        Assert.Equal(x.std([0, 1], unbiased: true).item<double>(), torch.std(x, [0, 1], 1).item<double>(), 12);
    }
}
