using System.Text.Json;

namespace Flint.Tests.NumPy;

/// <summary>Loads tests/golden/numpy_more.json (tools/golden/gen_numpy_more.py, NumPy 1.24) and compares results with it.</summary>
internal static class NumPyMoreGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "numpy_more.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    /// <summary>
    /// Asserts that <paramref name="actual"/> has NumPy's dtype, shape and elements (bit for bit, or within
    /// <paramref name="ulps"/> units in the last place of its float type), and, when <paramref name="printing"/>,
    /// NumPy's repr and str (the repr tells a NumPy scalar from a 0-d array).
    /// </summary>
    public static void AssertResult(JsonElement expected, NDArray actual, int ulps = 0, bool printing = true)
    {
        Assert.Equal(expected.GetProperty("dtype").GetString(), actual.dtype.name);
        Assert.Equal(NumPyGolden.Shape(expected.GetProperty("shape")), (long[])actual.shape);
        var data = expected.GetProperty("data");
        if (actual.dtype.name.StartsWith("float", StringComparison.Ordinal))
        {
            var e = NumPyGolden.Doubles(data);
            var a = NumPyGolden.Values(actual);
            if (ulps == 0) Assert.Equal(e, a);
            else
                for (int i = 0; i < e.Length; i++)
                    Assert.True(UlpDistance(e[i], a[i], actual.dtype) <= ulps, $"element {i}: expected {e[i]:R}, got {a[i]:R}");
        }
        else if (actual.dtype == np.bool_)
        {
            Assert.Equal(data.EnumerateArray().Select(d => d.GetBoolean()).ToArray(), torch.from_numpy(actual).contiguous().data<bool>());
        }
        else
        {
            Assert.Equal(data.EnumerateArray().Select(d => d.GetInt64()).ToArray(), torch.from_numpy(actual).to(ScalarType.Int64).contiguous().data<long>());
        }
        if (!printing) return;
        Assert.Equal(expected.GetProperty("repr").GetString(), actual.ToString());
        Assert.Equal(expected.GetProperty("str").GetString(), actual.str());
    }

    /// <summary>How many representable values of <paramref name="type"/> lie between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static long UlpDistance(double a, double b, NDType type)
    {
        if (a.Equals(b)) return 0;
        if (double.IsNaN(a) || double.IsNaN(b) || Math.Sign(a) != Math.Sign(b)) return long.MaxValue;
        if (type == np.float64) return Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));
        if (type == np.float32) return Math.Abs((long)BitConverter.SingleToInt32Bits((float)a) - BitConverter.SingleToInt32Bits((float)b));
        return Math.Abs((long)BitConverter.HalfToInt16Bits((Half)a) - BitConverter.HalfToInt16Bits((Half)b));
    }
}
