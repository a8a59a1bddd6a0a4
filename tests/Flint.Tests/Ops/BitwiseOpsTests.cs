namespace Flint.Tests.Ops;

/// <summary>
/// The integer bit kernels against C#'s own operators on every integer dtype (the golden file checks PyTorch's
/// values on a few rows; this checks every sign combination), and the shift amounts 1.13 leaves undefined.
/// </summary>
public class BitwiseOpsTests
{
    private static readonly long[] Values = [-128, -77, -8, -7, -2, -1, 0, 1, 2, 5, 77, 100, 127];

    [Fact]
    public void AndOrXorNotMatchTheNativeOperatorsOnEveryIntegerDtype()
    {
        var pairs = Values.SelectMany(a => Values.Select(b => (a, b))).ToArray();
        var x = torch.tensor(pairs.Select(p => p.a).ToArray());
        var y = torch.tensor(pairs.Select(p => p.b).ToArray());
        foreach (var dt in new[] { ScalarType.Byte, ScalarType.Int8, ScalarType.Int16, ScalarType.Int32, ScalarType.Int64 })
        {
            var (a, b) = (x.to(dt), y.to(dt));
            long[] av = a.to(ScalarType.Int64).data<long>(), bv = b.to(ScalarType.Int64).data<long>();
            long Wrap(long v) => torch.tensor(new[] { v }).to(dt).to(ScalarType.Int64).item<long>(); // the native result cast to dt (wraps as the kernel must)
            Assert.Equal(av.Zip(bv, (p, q) => Wrap(p & q)), (a & b).to(ScalarType.Int64).data<long>());
            Assert.Equal(av.Zip(bv, (p, q) => Wrap(p | q)), (a | b).to(ScalarType.Int64).data<long>());
            Assert.Equal(av.Zip(bv, (p, q) => Wrap(p ^ q)), (a ^ b).to(ScalarType.Int64).data<long>());
            Assert.Equal(av.Select(p => Wrap(~p)), (~a).to(ScalarType.Int64).data<long>());
            Assert.Equal(dt, (a & b).dtype);
        }
    }

    [Fact]
    public void ShiftsBeyondTheWidthFollowPyTorch2()
    {
        var a = torch.tensor(new long[] { -7, 5, 1, -2 });
        var s = torch.tensor(new long[] { 64, -1, 70, 100 });
        Assert.Equal(new long[] { 0, 0, 0, 0 }, (a << s).data<long>());
        Assert.Equal(new long[] { -1, 0, 0, -1 }, (a >> s).data<long>());
        var b = torch.tensor(new long[] { 3, -3, 100 }).to(ScalarType.Int8);
        Assert.Equal(new long[] { 24, -24, 32 }, (b << 3L).to(ScalarType.Int64).data<long>());
        Assert.Equal(new long[] { 0, -1, 0 }, (b >> 8L).to(ScalarType.Int64).data<long>());
    }

    [Fact]
    public void BoolOperatorsStayLogical()
    {
        var p = torch.tensor(new[] { true, true, false, false });
        var q = torch.tensor(new[] { true, false, true, false });
        Assert.Equal(new[] { true, false, false, false }, (p & q).data<bool>());
        Assert.Equal(new[] { true, true, true, false }, (p | q).data<bool>());
        Assert.Equal(new[] { false, true, true, false }, (p ^ q).data<bool>());
        Assert.Equal(new[] { false, false, true, true }, (~p).data<bool>());
        Assert.Throws<ArgumentException>(() => torch.ones(2) & torch.ones(2));
    }
}
