using System.Security.Cryptography;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Flint.Tests.NumPy;

/// <summary><c>np.random</c> against NumPy 1.24's legacy RandomState, bit for bit.</summary>
[Collection(GlobalRandomCollection.Name)]
public class RandomStateTests
{
    private static JsonElement R => NumPyGolden.Root.GetProperty("random");

    private static void AssertBits(JsonElement expected, NDArray actual) =>
        Assert.Equal(NumPyGolden.Doubles(expected), NumPyGolden.Values(actual));

    [Fact]
    public void Seed0Randn34MatchesNumPy()
    {
        np.random.seed(0);
        var x = np.random.randn(3, 4);
        Assert.Equal("(3, 4)", x.shape.ToString());
        Assert.Equal(np.float64, x.dtype);
        AssertBits(R.GetProperty("seed0_randn_3_4"), x);
    }

    [Fact]
    public void TutorialDrawsMatchNumPy()
    {
        np.random.seed(0);
        var shapes = new long[][] { [3, 4], [3, 2], [4, 2], [2, 2] };
        var expected = R.GetProperty("seed0_small").EnumerateArray().ToArray();
        for (int i = 0; i < shapes.Length; i++) AssertBits(expected[i], np.random.randn(shapes[i]));

        np.random.seed(0);
        shapes = [[64, 1000], [64, 10], [1000, 100], [100, 10]];
        expected = R.GetProperty("seed0_large").EnumerateArray().ToArray();
        for (int i = 0; i < shapes.Length; i++)
        {
            var values = NumPyGolden.Values(np.random.randn(shapes[i]));
            Assert.Equal(NumPyGolden.Doubles(expected[i].GetProperty("first")), values[..20]);
            Assert.Equal(NumPyGolden.Doubles(expected[i].GetProperty("last")), values[^20..]);
            Assert.Equal(expected[i].GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan()))));
        }
    }

    [Fact]
    public void CachedGaussianCarriesOverBetweenCalls()
    {
        np.random.seed(7);
        var e = R.GetProperty("seed7_odd").EnumerateArray().ToArray();
        AssertBits(e[0], np.random.randn(3));
        AssertBits(e[1], np.random.randn(2));
    }

    [Fact]
    public void OtherSeedsAndDistributionsMatchNumPy()
    {
        np.random.seed(42);
        AssertBits(R.GetProperty("seed42_rand_5"), np.random.rand(5));
        np.random.seed(4294967295);
        AssertBits(R.GetProperty("seedmax_randn_4"), np.random.randn(4));
        np.random.seed([1, 2, 3]);
        AssertBits(R.GetProperty("seedarray_randn_4"), np.random.randn(4));
        var rs = new np.random.RandomState(5);
        AssertBits(R.GetProperty("state5_normal"), rs.normal(2.0, 3.0, 2, 3));
        AssertBits(R.GetProperty("state5_uniform"), rs.uniform(-1.0, 1.0, 4));
    }

    [Fact]
    public void NoShapeGivesAScalar()
    {
        var rs = new np.random.RandomState(0);
        var v = rs.randn();
        Assert.Equal(0, v.ndim);
        Assert.Equal(NumPyGolden.Bits(R.GetProperty("seed0_randn_3_4")[0].GetString()!), (double)v);
        Assert.Equal("1.764052345967664", v.ToString());
    }
}
