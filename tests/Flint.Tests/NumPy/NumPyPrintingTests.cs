using System.Text.Json;

namespace Flint.Tests.NumPy;

/// <summary>Printing against NumPy 1.24's <c>repr</c>/<c>str</c> of arrays and scalars.</summary>
public class NumPyPrintingTests
{
    public static TheoryData<string> ReprCases()
    {
        var d = new TheoryData<string>();
        foreach (var c in NumPyGolden.Root.GetProperty("repr").EnumerateArray()) d.Add(c.GetProperty("name").GetString()!);
        return d;
    }

    private static NDArray Build(JsonElement c)
    {
        if (c.TryGetProperty("randn", out var r))
            return new np.random.RandomState(r.GetProperty("seed").GetInt64()).randn(NumPyGolden.Shape(r.GetProperty("shape")));
        return NumPyGolden.Array(c.GetProperty("array"));
    }

    [Theory]
    [MemberData(nameof(ReprCases))]
    public void ReprAndStrMatchNumPy(string name)
    {
        var c = NumPyGolden.Root.GetProperty("repr").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var a = Build(c);
        Assert.Equal(c.GetProperty("repr").GetString(), a.ToString());
        Assert.Equal(c.GetProperty("str").GetString(), a.str());
    }

    [Fact]
    public void Float64ScalarsPrintLikePython()
    {
        foreach (var c in NumPyGolden.Root.GetProperty("scalars").GetProperty("float64").EnumerateArray())
        {
            double v = NumPyGolden.Bits(c.GetProperty("bits").GetString()!);
            Assert.Equal(c.GetProperty("repr").GetString(), np.repr(v));
            if (v != 0) Assert.Equal(c.GetProperty("repr").GetString(), np.array(new[] { v }).sum().ToString());
        }
    }

    [Fact]
    public void Float32ScalarsPrintLikeNumPy()
    {
        foreach (var c in NumPyGolden.Root.GetProperty("scalars").GetProperty("float32").EnumerateArray())
        {
            float v = (float)NumPyGolden.Bits(c.GetProperty("bits").GetString()!);
            Assert.Equal(c.GetProperty("repr").GetString(), np.repr(v));
        }
    }

    [Fact]
    public void ShapesAndDTypesPrintLikeNumPy()
    {
        Assert.Equal("(3, 4)", np.zeros(3, 4).shape.ToString());
        Assert.Equal("(3,)", np.zeros(3).shape.ToString());
        Assert.Equal("()", np.array(1.0).shape.ToString());
        Assert.Equal("float64", np.zeros(2).dtype.ToString());
        Assert.Equal("int64", np.arange(3).dtype.ToString());
        Assert.Equal("float32", np.zeros([2], np.float32).dtype.ToString());
        var (n, d) = np.zeros(3, 4).shape;
        Assert.Equal((3L, 4L), (n, d));
    }
}
