namespace Flint.Tests.Ops;

/// <summary>Matrix-product errors name the op that raised them, in PyTorch's words.</summary>
public class MatMulErrorTests
{
    [Theory]
    [InlineData("mm")]
    [InlineData("bmm")]
    public void DTypeMismatchNamesTheOp(string op)
    {
        var a = op == "mm" ? torch.ones(2, 3) : torch.ones(1, 2, 3);
        var b = (op == "mm" ? torch.ones(3, 4) : torch.ones(1, 3, 4)).to(torch.float64);
        var ex = Assert.Throws<ArgumentException>(() => op == "mm" ? a.mm(b) : a.bmm(b));
        Assert.Equal($"{op}(): expected scalar type Float but found Double", ex.Message);
    }
}
