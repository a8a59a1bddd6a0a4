namespace Flint.Tests.Tensors;

/// <summary>The free-function forms the vision tutorials use: <c>torch.max(x, 1)</c>, <c>torch.argmax(x, 1)</c>, <c>torch.flatten(x, 1)</c>.</summary>
public class FreeFunctionTests
{
    private static readonly Tensor X = torch.tensor(new[,] { { 1.0f, 7.0f, 3.0f }, { 9.0f, -2.0f, 4.0f } });

    [Fact]
    public void MaxAndMinAlongADimReturnValuesAndIndices()
    {
        var (values, indices) = torch.max(X, 1);
        Assert.Equal(new float[] { 7, 9 }, values.data<float>().ToArray());
        Assert.Equal(new long[] { 1, 0 }, indices.data<long>().ToArray());
        var (mins, where) = torch.min(X, 0, keepdim: true);
        Assert.Equal(new long[] { 1, 3 }, mins.shape);
        Assert.Equal(new float[] { 1, -2, 3 }, mins.data<float>().ToArray());
        Assert.Equal(new long[] { 0, 1, 0 }, where.data<long>().ToArray());
    }

    [Fact]
    public void ArgmaxArgminAndFlatten()
    {
        Assert.Equal(new long[] { 1, 0 }, torch.argmax(X, 1).data<long>().ToArray());
        Assert.Equal(new long[] { 0, 1 }, torch.argmin(X, 1).data<long>().ToArray());
        Assert.Equal(new long[] { 2, 1 }, torch.argmax(X, 1, keepdim: true).shape);
        Assert.Equal(new long[] { 2, 12 }, torch.flatten(torch.zeros(2, 3, 4), 1).shape);
    }
}
