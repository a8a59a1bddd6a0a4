namespace Flint.Tests.Tensors;

/// <summary>PyTorch 1.13's complex vocabulary on real tensors (values printed by torch 1.13 for the same inputs).</summary>
public class RealViewsTests
{
    [Fact]
    public void AngleIsPiForNegativesZeroElsewhereAndKeepsNaN()
    {
        var x = torch.tensor(new[] { 1f, -2f, 0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity }, requires_grad: true);
        var a = torch.angle(x);
        var want = new[] { 0f, MathF.PI, 0f, 0f, float.NaN, 0f, MathF.PI };
        Assert.Equal(want, a.data<float>());
        Assert.Equal("AngleBackward0", a.grad_fn!.name());
        a.sum().backward();
        Assert.Equal(new float[7], x.grad!.data<float>());
        var ints = torch.tensor(new long[] { 1, -2, 0 }).angle();
        Assert.Equal(ScalarType.Float32, ints.dtype);
        Assert.Equal(new[] { 0f, MathF.PI, 0f }, ints.data<float>());
        Assert.Equal(ScalarType.Float64, torch.tensor(new[] { -1.0 }, ScalarType.Float64).angle().dtype);
        Assert.Equal(Math.PI, torch.tensor(new[] { -1.0 }, ScalarType.Float64).angle().item<double>());
    }

    [Fact]
    public void ConjugatesAndResolvesAreTheTensorItself()
    {
        var x = torch.randn(3, 2, requires_grad: true);
        Assert.Same(x, torch.conj(x));
        Assert.Same(x, x.conj_physical());
        Assert.Same(x, torch.conj_physical_(x));
        Assert.Same(x, x.resolve_conj());
        Assert.Same(x, torch.resolve_neg(x));
        Assert.Same(x, x.real);
        Assert.Same(x, x.to_dense());
        Assert.False(x.is_conj() || torch.is_neg(x) || x.is_quantized || x.is_sparse || x.has_names());
        var e = Assert.Throws<InvalidOperationException>(() => x.imag);
        Assert.Equal("imag is not implemented for tensors with non-complex dtypes.", e.Message);
    }
}
