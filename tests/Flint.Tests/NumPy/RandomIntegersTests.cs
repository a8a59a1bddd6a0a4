using System.Text.Json;

namespace Flint.Tests.NumPy;

/// <summary><c>np.random.randint/choice/shuffle/permutation</c> against NumPy 1.24's legacy RandomState, bit for bit.</summary>
[Collection(GlobalRandomCollection.Name)]
public class RandomIntegersTests
{
    private static JsonElement R => NumPyMoreGolden.Root.GetProperty("random");

    public static TheoryData<string> DrawNames() =>
        [.. R.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith("shuffle", StringComparison.Ordinal) && !n.StartsWith("state", StringComparison.Ordinal))];

    private static (long Seed, Func<NDArray> Draw) Case(string name) => name switch
    {
        "randint_10" => (0, () => np.random.randint(10)),
        "randint_0_10_size5" => (0, () => np.random.randint(0, 10, size: [5])),
        "randint_neg_size2x3" => (1, () => np.random.randint(-5, 5, size: [2, 3])),
        "randint_big" => (2, () => np.random.randint(0, 1L << 40, size: [6])),
        "randint_full32" => (3, () => np.random.randint(0, 1L << 32, size: [4])),
        "randint_above32" => (3, () => np.random.randint(0, (1L << 32) + 1, size: [4])),
        "randint_int64_extremes" => (4, () => np.random.randint(long.MinValue, long.MaxValue, size: [3])),
        "randint_int32" => (5, () => np.random.randint(0, 1000, size: [7], dtype: np.int32)),
        "randint_int32_scalar" => (5, () => np.random.randint(3, 9, dtype: np.int32)),
        "randint_int16" => (6, () => np.random.randint(-300, 300, size: [9], dtype: np.int16)),
        "randint_int8" => (7, () => np.random.randint(-100, 100, size: [11], dtype: np.int8)),
        "randint_uint8" => (8, () => np.random.randint(0, 256, size: [10], dtype: np.uint8)),
        "randint_uint8_small" => (8, () => np.random.randint(3, 9, size: [10], dtype: np.uint8)),
        "randint_bool" => (9, () => np.random.randint(0, 2, size: [40], dtype: np.bool_)),
        "randint_one_value" => (10, () => np.random.randint(4, 5, size: [3])),
        "randint_interleaved" => (11, () =>
        {
            var a = np.random.randint(0, 100, size: [3]);
            var b = np.random.randn(3);
            var c = np.random.randint(0, 7, size: [2], dtype: np.int16);
            var d = np.random.rand(2);
            return np.concatenate(a.astype(np.float64), b, c.astype(np.float64), d);
        }),
        "choice_int" => (0, () => np.random.choice(10)),
        "choice_int_size" => (0, () => np.random.choice(5, size: [8])),
        "choice_array" => (1, () => np.random.choice(np.array(new[] { 1.5, -2.0, 3.25, 7.0 }), size: [2, 3])),
        "choice_array_scalar" => (1, () => np.random.choice(np.array(new[] { 1.5, -2.0, 3.25, 7.0 }))),
        "choice_noreplace" => (2, () => np.random.choice(10, size: [4], replace: false)),
        "choice_noreplace_array" => (2, () => np.random.choice(np.arange(100, 110), size: [2, 2], replace: false)),
        "choice_p" => (3, () => np.random.choice(4, size: [10], p: np.array(new[] { 0.1, 0.2, 0.3, 0.4 }))),
        "choice_p_scalar" => (3, () => np.random.choice(4, p: np.array(new[] { 0.1, 0.2, 0.3, 0.4 }))),
        "choice_p_array" => (4, () => np.random.choice(np.array(new long[] { 10, 20, 30 }), size: [6], p: np.array(new[] { 0.5, 0.0, 0.5 }))),
        "choice_p_noreplace" => (5, () => np.random.choice(6, size: [4], replace: false, p: np.array(new[] { 0.05, 0.05, 0.3, 0.3, 0.2, 0.1 }))),
        "permutation_8" => (4, () => np.random.permutation(8)),
        "permutation_array" => (5, () => np.random.permutation(np.array(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 }, { 5.0, 6.0 } }))),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(DrawNames))]
    public void SeededDrawsMatchNumPy(string name)
    {
        var (seed, draw) = Case(name);
        np.random.seed(seed);
        NumPyMoreGolden.AssertResult(R.GetProperty(name), draw());
    }

    [Fact]
    public void ShuffleMatchesNumPy()
    {
        void Check(string key, long seed, NDArray a)
        {
            np.random.seed(seed);
            np.random.shuffle(a);
            NumPyMoreGolden.AssertResult(R.GetProperty(key), a);
        }
        Check("shuffle_arange10", 0, np.arange(10));
        Check("shuffle_float", 1, np.linspace(0.0, 1.0, 7));
        Check("shuffle_rows", 2, np.arange(12).reshape(4, 3));
        Check("shuffle_one", 3, np.arange(1));
    }

    [Fact]
    public void ShuffleWritesThroughToSharedTensor()
    {
        var t = torch.arange(10L);
        np.random.seed(0);
        np.random.shuffle(t.numpy());
        Assert.Equal(R.GetProperty("shuffle_arange10").GetProperty("data").EnumerateArray().Select(e => e.GetInt64()).ToArray(), t.data<long>());
    }

    [Fact]
    public void RandomStateInstancesDrawTheirOwnStream()
    {
        var rs = new np.random.RandomState(6);
        NumPyMoreGolden.AssertResult(R.GetProperty("state_randint"), rs.randint(0, 50, size: [5]));
        NumPyMoreGolden.AssertResult(R.GetProperty("state_choice"), rs.choice(7, size: [3]));
    }

    private static void AssertError<TException>(string key, Action action) where TException : Exception
    {
        var e = Assert.Throws<TException>(action);
        Assert.Equal(NumPyMoreGolden.Root.GetProperty("errors").GetProperty(key).GetProperty("message").GetString(), e.Message);
    }

    [Fact]
    public void ErrorsUseNumPyWording()
    {
        AssertError<ArgumentException>("randint_low_high", () => np.random.randint(5, 5));
        AssertError<ArgumentException>("randint_high_zero", () => np.random.randint(0));
        AssertError<ArgumentException>("randint_low_bounds", () => np.random.randint(-1, 5, dtype: np.uint8));
        AssertError<ArgumentException>("randint_high_bounds", () => np.random.randint(0, 300, dtype: np.int8));
        AssertError<ArgumentException>("randint_int32_high_bounds", () => np.random.randint(0, (1L << 31) + 1, dtype: np.int32));
        AssertError<ArgumentException>("choice_zero", () => np.random.choice(0));
        AssertError<ArgumentException>("choice_2d", () => np.random.choice(np.ones(2, 2)));
        AssertError<ArgumentException>("choice_empty", () => np.random.choice(np.zeros(0)));
        AssertError<ArgumentException>("choice_too_many", () => np.random.choice(3, size: [4], replace: false));
        AssertError<ArgumentException>("choice_p_size", () => np.random.choice(3, p: np.array(new[] { 0.5, 0.5 })));
        AssertError<ArgumentException>("choice_p_sum", () => np.random.choice(3, p: np.array(new[] { 0.5, 0.4, 0.2 })));
        AssertError<ArgumentException>("choice_p_negative", () => np.random.choice(3, p: np.array(new[] { 0.5, 0.7, -0.2 })));
        AssertError<ArgumentException>("choice_p_nan", () => np.random.choice(2, p: np.array(new[] { double.NaN, 0.5 })));
        AssertError<ArgumentException>("choice_p_nonzero", () => np.random.choice(3, size: [3], replace: false, p: np.array(new[] { 0.5, 0.5, 0.0 })));
        AssertError<ArgumentException>("shuffle_0d", () => np.random.shuffle(np.array(1.0)));
        AssertError<IndexOutOfRangeException>("permutation_0d", () => np.random.permutation(np.array(1.0)));
    }
}
