using System.Text.Json;

namespace Flint.Tests.NumPy;

/// <summary>Ops, type promotion, errors and the two-layer net against NumPy 1.24 golden data.</summary>
[Collection(GlobalRandomCollection.Name)]
public class NumPySemanticsTests
{
    private static JsonElement Ops => NumPyGolden.Root.GetProperty("ops");

    private static void AssertClose(JsonElement expected, NDArray actual, double rtol = 1e-12)
    {
        var e = NumPyGolden.Array(expected);
        Assert.Equal(e.shape, actual.shape);
        Assert.Equal(e.dtype, actual.dtype);
        var ev = NumPyGolden.Values(e);
        var av = NumPyGolden.Values(actual);
        for (int i = 0; i < ev.Length; i++)
            Assert.True(Math.Abs(ev[i] - av[i]) <= rtol * Math.Abs(ev[i]) + 1e-15, $"element {i}: expected {ev[i]:R}, got {av[i]:R}");
    }

    private static void AssertScalar(string hex, NDArray actual, double rtol = 1e-12)
    {
        double e = NumPyGolden.Bits(hex);
        Assert.Equal(0, actual.ndim);
        Assert.True(Math.Abs(e - (double)actual) <= rtol * Math.Abs(e), $"expected {e:R}, got {(double)actual:R}");
    }

    private static NDArray Op(string name) => NumPyGolden.Array(Ops.GetProperty(name));

    [Fact]
    public void DotMatchesNumPy()
    {
        NDArray a = Op("a"), b = Op("b"), c = Op("c"), v = Op("v");
        AssertClose(Ops.GetProperty("a_dot_b"), a.dot(b));
        AssertClose(Ops.GetProperty("a_dot_v"), a.dot(v));
        AssertScalar(Ops.GetProperty("v_dot_v").GetString()!, v.dot(v));
        AssertClose(Ops.GetProperty("c_dot_b"), np.dot(c, b));
        AssertClose(Ops.GetProperty("c_dot_c_T"), np.dot(c, c.transpose(0, 2, 1)));
    }

    [Fact]
    public void ReductionsMatchNumPy()
    {
        NDArray a = Op("a"), c = Op("c");
        AssertScalar(Ops.GetProperty("a_sum").GetString()!, a.sum());
        AssertClose(Ops.GetProperty("a_sum_axis0"), a.sum(axis: 0));
        AssertClose(Ops.GetProperty("a_sum_axis1_keepdims"), a.sum(axis: 1, keepdims: true));
        AssertClose(Ops.GetProperty("c_mean_axis_neg1"), np.mean(c, axis: -1));
        AssertScalar(Ops.GetProperty("a_max").GetString()!, a.max());
        AssertClose(Ops.GetProperty("a_min_axis0"), np.min(a, axis: 0));
        AssertScalar(Ops.GetProperty("int_mean").GetString()!, np.arange(5).mean());
        // Only the last digit may differ (NumPy sums pairwise); the repr is the shortest round-trip string.
        Assert.Equal(double.Parse(Ops.GetProperty("sum_repr").GetString()!, System.Globalization.CultureInfo.InvariantCulture), (double)a.sum(), 1e-15);
        Assert.Equal(((double)a.sum()).ToString("R", System.Globalization.CultureInfo.InvariantCulture), a.sum().ToString());
        Assert.Equal(Ops.GetProperty("int_sum_repr").GetString(), np.arange(5).sum().ToString());
        Assert.Equal(Ops.GetProperty("float32_sum_repr").GetString(), np.arange(5, np.float32).sum().ToString());
    }

    [Fact]
    public void ElementwiseOpsMatchNumPy()
    {
        NDArray a = Op("a"), p = Op("p"), v = Op("v");
        AssertClose(Ops.GetProperty("exp_a"), np.exp(a), 1e-15);
        AssertClose(Ops.GetProperty("log_p"), np.log(p), 1e-15);
        AssertClose(Ops.GetProperty("sqrt_p"), np.sqrt(p), 0);
        AssertClose(Ops.GetProperty("abs_a"), np.abs(a), 0);
        AssertClose(Ops.GetProperty("maximum_a_0"), np.maximum(a, 0), 0);
        AssertClose(Ops.GetProperty("square_a"), np.square(a), 0);
        AssertClose(Ops.GetProperty("a_plus_v"), a + v, 0);
        AssertClose(Ops.GetProperty("a_div_2"), a / 2, 0);
        AssertClose(Ops.GetProperty("int_div"), np.arange(5) / 2, 0);
    }

    public static TheoryData<string> PromotionCases()
    {
        var d = new TheoryData<string>();
        foreach (var c in NumPyGolden.Root.GetProperty("promotion").EnumerateArray()) d.Add(c.GetProperty("label").GetString()!);
        return d;
    }

    [Theory]
    [MemberData(nameof(PromotionCases))]
    public void TypePromotionMatchesNumPy(string label)
    {
        var c = NumPyGolden.Root.GetProperty("promotion").EnumerateArray().Single(e => e.GetProperty("label").GetString() == label);
        var a = NumPyGolden.Array(c.GetProperty("a"));
        NDArray b;
        if (c.GetProperty("b").ValueKind != JsonValueKind.Null) b = NumPyGolden.Array(c.GetProperty("b"));
        else
        {
            var py = c.GetProperty("b_python");
            b = c.GetProperty("b_kind").GetString() switch
            {
                "float" => py.GetDouble(),
                "int" => py.GetInt64(),
                _ => py.GetString() == "true",
            };
        }
        bool div = c.TryGetProperty("op", out var op) && op.GetString() == "div";
        var r = div ? a / b : a + b;
        Assert.Equal(c.GetProperty("result").GetString(), r.dtype.ToString());
    }

    private static void AssertError<TException>(string key, Action action) where TException : Exception
    {
        var e = Assert.Throws<TException>(action);
        Assert.Equal(NumPyGolden.Root.GetProperty("errors").GetProperty(key).GetProperty("message").GetString(), e.Message);
    }

    [Fact]
    public void ErrorsUseNumPyWording()
    {
        AssertError<ArgumentException>("dot_not_aligned", () => np.ones(3, 2).dot(np.ones(3, 4)));
        AssertError<ArgumentException>("dot_vector_not_aligned", () => np.dot(np.ones(3, 2), np.ones(3)));
        AssertError<ArgumentException>("dot_1d", () => np.dot(np.ones(3), np.ones(4)));
        AssertError<ArgumentException>("broadcast", () => _ = np.ones(2, 3) + np.ones(4));
        AssertError<ArgumentException>("broadcast_3d", () => _ = np.ones(2, 3, 4) * np.ones(3, 5));
        AssertError<ArgumentException>("reshape", () => np.ones(12).reshape(5));
        AssertError<ArgumentException>("reshape_2d", () => np.ones(12).reshape(5, 3));
        AssertError<IndexOutOfRangeException>("axis", () => np.ones(2, 3).sum(axis: 2));
        AssertError<IndexOutOfRangeException>("axis_negative", () => np.ones(2, 3).sum(axis: -3));
        AssertError<ArgumentException>("inplace_cast", () => { var a = np.arange(3); a -= 0.5; });
        AssertError<ArgumentException>("inplace_broadcast", () => { var a = np.ones(3); a += np.ones(2, 3); });
        AssertError<IndexOutOfRangeException>("index_out_of_bounds", () => _ = np.ones(3, 2)[5]);
        AssertError<IndexOutOfRangeException>("index_out_of_bounds_axis1", () => _ = np.ones(3, 2)[0, 2]);
        AssertError<IndexOutOfRangeException>("too_many_indices", () => _ = np.ones(3)[0, 0]);
        AssertError<IndexOutOfRangeException>("mask_mismatch", () => _ = np.ones(3)[np.array(new[] { true, false })]);
        AssertError<ArgumentException>("max_empty", () => np.zeros(0).max());
        AssertError<ArgumentException>("size1_conversion", () => _ = (double)np.ones(2));
        AssertError<ArgumentException>("truth_value", () => _ = (bool)np.ones(2));
        AssertError<ArgumentException>("seed_negative", () => np.random.seed(-1));
    }

    private static List<string> RunNet(long n, long dIn, long h, long dOut, int steps, double learningRate, out NDArray finalW2)
    {
        np.random.seed(0);
        var x = np.random.randn(n, dIn);
        var y = np.random.randn(n, dOut);
        var w1 = np.random.randn(dIn, h);
        var w2 = np.random.randn(h, dOut);
        var losses = new List<string>();
        for (int t = 0; t < steps; t++)
        {
            var hh = x.dot(w1);
            var h_relu = np.maximum(hh, 0);
            var y_pred = h_relu.dot(w2);
            var loss = np.square(y_pred - y).sum();
            losses.Add(loss.ToString());
            var grad_y_pred = 2.0 * (y_pred - y);
            var grad_w2 = h_relu.T.dot(grad_y_pred);
            var grad_h_relu = grad_y_pred.dot(w2.T);
            var grad_h = grad_h_relu.copy();
            grad_h[hh < 0] = 0;
            var grad_w1 = x.T.dot(grad_h);
            w1 -= learningRate * grad_w1;
            w2 -= learningRate * grad_w2;
        }
        finalW2 = w2;
        return losses;
    }

    [Theory]
    [InlineData("numpy_net_small", 3, 4, 2, 2, 50)]
    [InlineData("numpy_net_large", 64, 1000, 100, 10, 500)]
    public void TwoLayerNetLossCurveMatchesNumPy(string key, long n, long dIn, long h, long dOut, int steps)
    {
        var g = NumPyGolden.Root.GetProperty(key);
        var expected = g.GetProperty("losses").EnumerateArray().Select(e => double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var actual = RunNet(n, dIn, h, dOut, steps, g.GetProperty("learning_rate").GetDouble(), out var w2);
        Assert.Equal(expected.Length, actual.Count);
        // float64 throughout; only the summation order of dot/sum may differ from NumPy's BLAS.
        for (int i = 0; i < expected.Length; i++)
        {
            double a = double.Parse(actual[i], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(a - expected[i]) <= 1e-10 * Math.Abs(expected[i]), $"step {i}: expected {expected[i]:R}, got {a:R}");
        }
        var ew2 = NumPyGolden.Doubles(g.GetProperty("w2"));
        var aw2 = NumPyGolden.Values(w2);
        for (int i = 0; i < ew2.Length; i++) Assert.True(Math.Abs(ew2[i] - aw2[i]) <= 1e-10 * Math.Abs(ew2[i]) + 1e-14);
    }
}
