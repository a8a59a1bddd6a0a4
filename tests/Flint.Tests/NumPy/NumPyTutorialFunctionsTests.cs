using System.Text.Json;

namespace Flint.Tests.NumPy;

/// <summary>
/// The NumPy functions of "Learning PyTorch with Examples" (linspace, sin and the float ufuncs, power,
/// concatenate, argmax, where, clip) and NumPy's summation order, against NumPy 1.24 (numpy_more.json).
/// </summary>
public class NumPyTutorialFunctionsTests
{
    private static JsonElement G => NumPyMoreGolden.Root;

    [Fact]
    public void LinspaceMatchesNumPy()
    {
        foreach (var c in G.GetProperty("linspace").EnumerateArray())
        {
            double start = NumPyGolden.Bits(c.GetProperty("start").GetString()!), stop = NumPyGolden.Bits(c.GetProperty("stop").GetString()!);
            var dt = c.GetProperty("dtype");
            NDType? dtype = dt.ValueKind == JsonValueKind.Null ? null : NumPyGolden.DType(dt.GetString()!);
            var r = np.linspace(start, stop, c.GetProperty("num").GetInt64(), c.GetProperty("endpoint").GetBoolean(), dtype);
            NumPyMoreGolden.AssertResult(c.GetProperty("result"), r);
        }
    }

    private static NDArray X => np.linspace(-Math.PI, Math.PI, 2000);
    private static NDArray Pos => np.linspace(0.01, 20.0, 333);
    private static NDArray XF32 => np.linspace(-3.0, 3.0, 50, dtype: np.float32);
    private static NDArray Ints => np.arange(-3, 7);

    public static TheoryData<string> UfuncNames() => [.. G.GetProperty("ufuncs").EnumerateObject().Select(p => p.Name)];

    private static NDArray Ufunc(string name) => name switch
    {
        "sin_x" => np.sin(X),
        "cos_x" => np.cos(X),
        "exp_x" => np.exp(X),
        "tanh_x" => np.tanh(X),
        "abs_x" => np.abs(X),
        "log_pos" => np.log(Pos),
        "sqrt_pos" => np.sqrt(Pos),
        "sin_f32" => np.sin(XF32),
        "cos_f32" => np.cos(XF32),
        "exp_f32" => np.exp(XF32),
        "sin_int" => np.sin(Ints),
        "sqrt_int" => np.sqrt(np.arange(5)),
        "abs_int" => np.abs(Ints),
        "sin_scalar" => np.sin(1.0),
        "power_x_2" => np.power(X, 2),
        "power_x_3" => np.power(X, 3),
        "power_pos_half" => np.power(Pos, 0.5),
        "power_pos_x" => np.power(Pos, np.linspace(-2.0, 2.0, 333)),
        "power_int_int" => np.power(Ints, 3),
        "power_int_arr" => np.power(np.arange(1, 6), np.arange(5)),
        "power_int_float" => np.power(Ints, 2.0),
        "power_f32_2" => np.power(XF32, 2),
        "power_scalar" => np.power(2.0, 10),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(UfuncNames))]
    public void UfuncsMatchNumPy(string name)
    {
        // abs, sqrt and integer powers are exact everywhere. NumPy 1.24's float loops for sin/cos/exp/tanh/power
        // are its own SIMD code (SVML's pow on AVX-512 machines, even for x ** 3) where Flint calls .NET's
        // Math functions, so those may differ by an ulp or two (and print differently in float32's 8 digits).
        bool exact = name is "abs_x" or "sqrt_pos" or "sqrt_int" or "abs_int" or "power_int_int" or "power_int_arr"
            or "power_int_float" or "power_scalar";
        var expected = G.GetProperty("ufuncs").GetProperty(name);
        var actual = Ufunc(name);
        // NumPy's float64 sin is up to 3 ulps from .NET's near x = ±pi/2 (element 489 of linspace(-pi, pi, 2000)).
        int ulps = exact ? 0 : name == "sin_x" ? 4 : 2;
        NumPyMoreGolden.AssertResult(expected, actual, ulps, printing: exact || actual.dtype == np.float64);
    }

    [Fact]
    public void SumsAddInNumPysOrder()
    {
        foreach (var c in G.GetProperty("sums").EnumerateArray())
        {
            var shape = NumPyGolden.Shape(c.GetProperty("shape"));
            var a = new np.random.RandomState(c.GetProperty("seed").GetInt64()).randn(shape);
            if (c.GetProperty("dtype").GetString() == "float32") a = a.astype(np.float32);
            var axisEl = c.GetProperty("axis");
            int? axis = axisEl.ValueKind == JsonValueKind.Null ? null : axisEl.GetInt32();
            string where = $"seed {c.GetProperty("seed")} shape ({string.Join(",", shape)}) {a.dtype} axis {axis}";
            var sum = a.sum(axis);
            var mean = a.mean(axis);
            if (axis is null)
            {
                Assert.True(One(c.GetProperty("sum")).Equals((double)sum), where + " sum");
                Assert.True(One(c.GetProperty("mean")).Equals((double)mean), where + " mean");
                Assert.Equal(0, sum.ndim);
            }
            else
            {
                Assert.True(NumPyGolden.Doubles(c.GetProperty("sum")).SequenceEqual(NumPyGolden.Values(sum)), where + " sum");
                Assert.True(NumPyGolden.Doubles(c.GetProperty("mean")).SequenceEqual(NumPyGolden.Values(mean)), where + " mean");
            }
        }
    }

    private static double One(JsonElement e) =>
        NumPyGolden.Bits(e.ValueKind == JsonValueKind.Array ? e[0].GetString()! : e.GetString()!);

    [Fact]
    public void SumWithKeepdimsKeepsTheAxis()
    {
        var a = np.arange(6.0).reshape(2, 3);
        Assert.Equal("array([[ 3.],\n       [12.]])", a.sum(axis: 1, keepdims: true).ToString());
        Assert.Equal("array([[1.5, 2.5, 3.5]])", a.mean(axis: 0, keepdims: true).ToString());
        Assert.Equal("15.0", a.sum().ToString());
    }

    public static TheoryData<string> MiscNames() =>
        [.. G.GetProperty("misc").EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith("where1", StringComparison.Ordinal))];

    private static NDArray A => np.array(new[,] { { 1.0, 5.0, -2.0 }, { 3.0, 3.0, 9.0 } });
    private static NDArray B => np.array(new[,] { { 0.5, -1.0, 4.0 } });
    private static NDArray I => np.array(new long[,] { { 1, 2, 3 }, { 4, 5, 6 } });
    private static NDArray F32 => np.array(new[,] { { 1.5f, 2.5f, -3.5f } });
    private static NDArray N => np.array(new[] { 1.0, double.NaN, 3.0, double.NaN });

    private static NDArray Misc(string name) => name switch
    {
        "concat_axis0" => np.concatenate(A, B),
        "concat_axis1" => np.concatenate([A, A * 2], axis: 1),
        "concat_neg_axis" => np.concatenate([A, I], axis: -1),
        "concat_none" => np.concatenate([A, B], axis: null),
        "concat_int_f32" => np.concatenate(I, F32),
        "concat_1d" => np.concatenate(np.arange(3), np.arange(5, 7), np.arange(0)),
        "concat_3" => np.concatenate(B, B, B),
        "argmax_all" => np.argmax(A),
        "argmax_axis0" => np.argmax(A, axis: 0),
        "argmax_axis1" => np.argmax(A, axis: 1),
        "argmax_ties" => np.argmax(np.array(new long[] { 2, 7, 7, 1 })),
        "argmax_nan" => np.argmax(N),
        "argmax_bool" => np.argmax(np.array(new[] { false, true, true })),
        "argmin_axis1" => np.argmin(A, axis: 1),
        "method_argmax" => A.argmax(axis: -1),
        "where3" => np.where(A > 2, A, B),
        "where3_scalars" => np.where(A > 2, 1, 0),
        "where3_f32_scalar" => np.where(F32 > 0, F32, 0.0),
        "where3_int_float" => np.where(np.array(new[,] { { false, true, false }, { true, false, true } }), I, 0.5),
        "clip" => np.clip(A, 0.0, 4.0),
        "clip_min_only" => np.clip(A, 1.0, null),
        "clip_max_only" => np.clip(A, null, 2.0),
        "clip_int" => np.clip(I, 2, 5),
        "clip_int_float" => np.clip(I, 1.5, 4),
        "clip_f32" => np.clip(F32, -1, 2),
        "clip_nan" => np.clip(N, 0.0, 2.0),
        "clip_arrays" => np.clip(A, np.array(new[] { 0.0, 4.0, -1.0 }), 3.0),
        "method_clip" => A.clip(0.0, 1.0),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(MiscNames))]
    public void JoiningSearchingAndClippingMatchNumPy(string name) =>
        NumPyMoreGolden.AssertResult(G.GetProperty("misc").GetProperty(name), Misc(name));

    [Fact]
    public void OneArgumentWhereGivesIndicesPerDimension()
    {
        var w2 = np.where(np.array(new[,] { { true, false }, { false, true } }));
        var e2 = G.GetProperty("misc").GetProperty("where1_2d").EnumerateArray().ToArray();
        Assert.Equal(e2.Length, w2.Length);
        for (int i = 0; i < e2.Length; i++) NumPyMoreGolden.AssertResult(e2[i], w2[i]);
        var w1 = np.where(np.array(new[] { 0.0, 1.5, 0.0, -2.0 }));
        var e1 = G.GetProperty("misc").GetProperty("where1_1d").EnumerateArray().ToArray();
        Assert.Single(w1);
        NumPyMoreGolden.AssertResult(e1[0], w1[0]);
    }

    private static void AssertError<TException>(string key, Action action) where TException : Exception
    {
        var e = Assert.Throws<TException>(action);
        Assert.Equal(G.GetProperty("errors").GetProperty(key).GetProperty("message").GetString(), e.Message);
    }

    [Fact]
    public void ErrorsUseNumPyWording()
    {
        AssertError<ArgumentException>("linspace_negative", () => np.linspace(0.0, 1.0, -1));
        AssertError<ArgumentException>("concat_mismatch", () => np.concatenate(np.ones(2, 2), np.ones(2, 3)));
        AssertError<ArgumentException>("concat_mismatch_axis1", () => np.concatenate([np.ones(2, 2), np.ones(3, 2), np.ones(2, 4)], axis: 1));
        AssertError<ArgumentException>("concat_ndim", () => np.concatenate(np.ones(2, 2), np.ones(2)));
        AssertError<ArgumentException>("concat_zero_d", () => np.concatenate(np.array(1.0), np.array(2.0)));
        AssertError<ArgumentException>("concat_empty", () => np.concatenate());
        AssertError<IndexOutOfRangeException>("concat_axis", () => np.concatenate([np.ones(2, 2), np.ones(2, 2)], axis: 2));
        AssertError<ArgumentException>("argmax_empty", () => np.argmax(np.zeros(0)));
        AssertError<IndexOutOfRangeException>("argmax_axis", () => np.argmax(np.zeros(2, 3), axis: 2));
        AssertError<ArgumentException>("where_broadcast", () => np.where(np.ones([2], np.bool_), np.ones(3), np.ones(4)));
        AssertError<ArgumentException>("clip_none", () => np.clip(np.ones(3), null, null));
        AssertError<ArgumentException>("power_negative_int", () => np.power(np.arange(1, 4), -1));
    }
}
