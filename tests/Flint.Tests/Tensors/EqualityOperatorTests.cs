namespace Flint.Tests.Tensors;

/// <summary><c>==</c>/<c>!=</c> are elementwise (PyTorch, TorchSharp); Equals/GetHashCode stay reference identity.</summary>
public class EqualityOperatorTests
{
    private static bool[] Bools(Tensor t)
    {
        Assert.Equal(ScalarType.Bool, t.dtype);
        return t.data<bool>().ToArray();
    }

    [Fact]
    public void TensorTensorIsElementwiseAndBroadcasts()
    {
        var a = torch.tensor(new[] { 1L, 2, 3, 4 });
        var b = torch.tensor(new[] { 1L, 0, 3, 0 });
        Assert.Equal(new[] { true, false, true, false }, Bools(a == b));
        Assert.Equal(new[] { false, true, false, true }, Bools(a != b));

        var col = torch.tensor(new[,] { { 1.0f }, { 3.0f } });
        var row = torch.tensor(new[] { 1.0f, 2.0f, 3.0f });
        var eq = col == row;
        Assert.Equal(new long[] { 2, 3 }, eq.shape);
        Assert.Equal(new[] { true, false, false, false, false, true }, Bools(eq));
    }

    [Fact]
    public void ScalarsOnEitherSide()
    {
        var x = torch.tensor(new[] { 0.5f, 2.0f, 2.0f });
        Assert.Equal(new[] { false, true, true }, Bools(x == 2.0));
        Assert.Equal(new[] { false, true, true }, Bools(2.0 == x));
        Assert.Equal(new[] { true, false, false }, Bools(x != 2.0));
        Assert.Equal(new[] { true, false, false }, Bools(2.0 != x));

        var i = torch.tensor(new[] { 3L, 7L });
        Assert.Equal(new[] { false, true }, Bools(i == 7));
        Assert.Equal(new[] { false, true }, Bools(7 == i));
        Assert.Equal(new[] { true, false }, Bools(i != 7L));
        Assert.Equal(new[] { true, false }, Bools(7L != i));

        // int64 values beyond 2^53 compare exactly (no round trip through double).
        var big = torch.tensor(new[] { (1L << 53) + 1 });
        Assert.Equal(new[] { false }, Bools(big == (1L << 53)));
        Assert.Equal(new[] { true }, Bools(big == (1L << 53) + 1));

        var m = torch.tensor(new[] { true, false });
        Assert.Equal(new[] { true, false }, Bools(m == true));
        Assert.Equal(new[] { true, false }, Bools(false != m));
    }

    [Fact]
    public void QuickstartAccuracyLinePorts()
    {
        var pred = torch.tensor(new[,] { { 0.1f, 0.9f }, { 0.8f, 0.2f }, { 0.3f, 0.7f } });
        var y = torch.tensor(new[] { 1L, 1L, 1L });
        var correct = (pred.argmax(1) == y).type(torch.float32).sum().item<float>();
        Assert.Equal(2.0f, correct);
        Assert.Equal(2L, (pred.argmax(1) == y).sum().item<long>());
    }

    [Fact]
    public void NullChecksUseIsNullAndEqualsIsIdentity()
    {
        Tensor? missing = null;
        Assert.True(missing is null);
        var a = torch.ones(2);
        var b = torch.ones(2);
        Assert.True(a is not null);
        Assert.Throws<ArgumentNullException>(() => a == missing!);
        Assert.Throws<ArgumentNullException>(() => missing! != a);

        Assert.False(a.Equals(b));           // equal values, different tensors
        Assert.True(a.Equals(a));
        Assert.False(a.Equals(null));
        var set = new HashSet<Tensor> { a, b, a };
        Assert.Equal(2, set.Count);
        var dict = new Dictionary<Tensor, string> { [a] = "a", [b] = "b" };
        Assert.Equal("a", dict[a]);
        Assert.Equal(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(a), a.GetHashCode());
        Assert.Contains(b, new List<Tensor> { a, b });
        Assert.Equal(1, new List<Tensor> { a, b }.IndexOf(b));
    }
}
