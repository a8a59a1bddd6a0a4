namespace Flint.Tests.Api;

/// <summary>PyTorch's and TorchSharp's alias spellings (absolute, multiply, greater, ravel, msort, concat, ...) and
/// TorchSharp's tensor introspection (is_cpu, device_type, ElementSize, is_integral, ...).</summary>
public class AliasTests
{
    private static Tensor X => torch.tensor(new[] { -1.5, -0.5, 0.0, 0.5, 2.0, 2.0 }).reshape(2, 3);
    private static Tensor Y => torch.tensor(new[] { 2.0, -0.5, 1.0, 0.25, 2.0, -4.0 }).reshape(2, 3);

    private static void Same(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(expected.to(ScalarType.Float64).contiguous().data<double>().ToArray(), actual.to(ScalarType.Float64).contiguous().data<double>().ToArray());
    }

    [Fact]
    public void OutOfPlaceAliasesGiveTheirTargetsValues()
    {
        Same(torch.tensor(new[] { 1.5, 0.5, 0.0, 0.5, 2.0, 2.0 }).reshape(2, 3), X.absolute());
        Same(X.abs(), torch.absolute(X));
        Same(torch.tensor(new[] { -3.0, 0.25, 0.0, 0.125, 4.0, -8.0 }).reshape(2, 3), X.multiply(Y));
        Same(X.mul(Y), torch.multiply(X, Y));
        Same(X.mul(3.0), X.multiply(3.0));
        Same(X.mul(3L), torch.multiply(X, 3L));
        Same(torch.tensor(new[] { -0.75, 1.0, 0.0, 2.0, 1.0, -0.5 }).reshape(2, 3), X.divide(Y));
        Same(X.div(Y), torch.divide(X, Y));
        Same(X.div(Y), X.true_divide(Y));
        Same(X.div(2L), torch.true_divide(X, 2L));
        Same(torch.tensor(new[] { -5.5, 0.5, -2.0, 0.0, -2.0, 10.0 }).reshape(2, 3), X.subtract(Y, alpha: 2));
        Same(X.sub(Y, 2), torch.subtract(X, Y, 2));
        Same(X.sub(1.5), X.subtract(1.5));
        Same(torch.tensor(new[] { false, false, false, true, false, true }).reshape(2, 3), X.greater(Y));
        Same(torch.tensor(new[] { false, true, false, true, true, true }).reshape(2, 3), X.greater_equal(Y));
        Same(torch.tensor(new[] { true, false, true, false, false, false }).reshape(2, 3), X.less(Y));
        Same(torch.tensor(new[] { true, true, true, false, true, false }).reshape(2, 3), X.less_equal(Y));
        Same(torch.tensor(new[] { true, false, true, true, false, true }).reshape(2, 3), X.not_equal(Y));
        Same(X.gt(0.0), torch.greater(X, 0.0));
        Same(X.ge(0.0), torch.greater_equal(X, 0.0));
        Same(X.lt(0.0), torch.less(X, 0.0));
        Same(X.le(0.0), torch.less_equal(X, 0.0));
        Same(X.ne(2.0), torch.not_equal(X, 2.0));
        Same(torch.tensor(new[] { 1.5, 0.5, -0.0, -0.5, -2.0, -2.0 }).reshape(2, 3), X.negative());
        Same(X.neg(), torch.negative(X));
    }

    [Fact]
    public void PositiveIsTheTensorItselfAndRefusesBool()
    {
        var x = X;
        Assert.Same(x, x.positive());
        Assert.Same(x, torch.positive(x));
        var e = Assert.Throws<ArgumentException>(() => torch.tensor(new[] { true }).positive());
        Assert.Equal("The `+` operator, on a bool tensor is not supported.", e.Message);
    }

    [Fact]
    public void InPlaceAliasesMutateAndReturnSelf()
    {
        void Check(Func<Tensor, Tensor> alias, Func<Tensor, Tensor> target)
        {
            var a = X.clone();
            var b = X.clone();
            Assert.Same(a, alias(a));
            Assert.Same(b, target(b));
            Same(b, a);
            Assert.NotEqual(X.to(ScalarType.Float64).data<double>(), a.to(ScalarType.Float64).data<double>());
        }
        Check(t => t.multiply_(Y), t => t.mul_(Y));
        Check(t => torch.multiply_(t, 3.0), t => t.mul_(3.0));
        Check(t => t.divide_(Y), t => t.div_(Y));
        Check(t => torch.divide_(t, 4L), t => t.div_(4L));
        Check(t => t.true_divide_(Y), t => t.div_(Y));
        Check(t => torch.true_divide_(t, 2.0), t => t.div_(2.0));
        Check(t => t.subtract_(Y, 2), t => t.sub_(Y, 2));
        Check(t => torch.subtract_(t, 1.0), t => t.sub_(1.0));
        Check(t => t.negative_(), t => t.neg_());
        Check(t => torch.negative_(t), t => t.neg_());
    }

    [Fact]
    public void ShapeAliases()
    {
        var v = torch.tensor(new[] { 1.0, 2.0 });
        var w = torch.tensor(new[] { 3.0, -1.0, 0.5 });
        Same(torch.tensor(new[] { 3.0, -1.0, 0.5, 6.0, -2.0, 1.0 }).reshape(2, 3), v.ger(w));
        Same(v.outer(w), torch.ger(v, w));

        var x = X.t();
        Same(torch.tensor(new[] { -1.5, 0.5, -0.5, 2.0, 0.0, 2.0 }), x.ravel());
        Same(x.reshape(-1), torch.ravel(x));

        var m = torch.tensor(new[] { 3.0, 1.0, -2.0, 5.0, 0.0, 4.0 }).reshape(3, 2);
        Same(torch.tensor(new[] { -2.0, 1.0, 0.0, 4.0, 3.0, 5.0 }).reshape(3, 2), m.msort());
        Same(m.sort(0).values, torch.msort(m));

        var a = torch.tensor(new[] { 1.0, 2.0 });
        var b = torch.tensor(new[] { 3.0, 4.0 });
        Same(torch.tensor(new[] { 1.0, 2.0, 3.0, 4.0 }), torch.concat([a, b]));
        Same(torch.cat([a.reshape(1, 2), b.reshape(1, 2)], 1), torch.concatenate([a.reshape(1, 2), b.reshape(1, 2)], 1));
        Same(torch.tensor(new[] { 1.0, 2.0, 3.0, 4.0 }).reshape(2, 2), torch.row_stack(a, b));
        Same(torch.vstack([a, b]), torch.row_stack([a, b]));
    }

    [Fact]
    public void TorchSharpIntrospection()
    {
        var x = torch.zeros([2, 3, 4], ScalarType.Float32);
        Assert.True(x.is_cpu);
        Assert.False(x.is_cuda);
        Assert.False(x.is_meta);
        Assert.Equal(DeviceType.CPU, x.device_type);
        Assert.Equal(-1, x.device_index);
        Assert.Equal(4L, x.ElementSize);
        Assert.Equal(8L, torch.zeros([1], ScalarType.Float64).ElementSize);
        Assert.Equal(3L, x.Dimensions);
        Assert.Equal(0L, torch.tensor(1.0).Dimensions);
        Assert.False(x.is_integral());
        Assert.True(torch.zeros([1], ScalarType.Int32).is_integral());
        Assert.True(torch.is_integral(torch.zeros([1], ScalarType.Byte)));
        Assert.True(torch.is_integral(torch.zeros([1], ScalarType.Bool)));
        Assert.False(torch.is_integral(torch.zeros([1], ScalarType.Float16)));
        Assert.False(x.is_complex());
        Assert.False(torch.is_complex(x));
        Assert.False(x.is_pinned());
    }
}
