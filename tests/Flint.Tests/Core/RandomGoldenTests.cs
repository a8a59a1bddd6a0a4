using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Flint.Tests.Core;

/// <summary>
/// Bit-exact comparison of <see cref="Generator"/>/<see cref="Distributions"/> against PyTorch 1.13
/// (golden data from tools/golden/gen_random.py, CPU capability AVX2).
/// </summary>
public class RandomGoldenTests
{
    private static readonly Lazy<JsonDocument> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "random.json"))));

    private static JsonElement Root => Golden.Value.RootElement;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Root.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MatchesPyTorch(string name)
    {
        JsonElement c = Root.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var g = new Generator();
        g.ManualSeed(c.GetProperty("seed").GetUInt64());
        var ops = c.GetProperty("ops").EnumerateArray().ToArray();
        var results = c.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(ops.Length, results.Length);
        for (int i = 0; i < ops.Length; i++)
        {
            string context = $"{name} op #{i} ({ops[i].GetProperty("op").GetString()})";
            Run(g, ops[i], results[i], context);
        }
    }

    [Fact]
    public void TutorialTensorsMatchPyTorch()
    {
        // torch.manual_seed(0); x = randn(64, 1000); y = randn(64, 10); w1 = randn(1000, 100); w2 = randn(100, 10)
        var g = new Generator().ManualSeed(0);
        foreach (string nm in new[] { "x", "y", "w1", "w2" })
        {
            JsonElement e = Root.GetProperty("tutorial").GetProperty(nm);
            int numel = e.GetProperty("shape").EnumerateArray().Aggregate(1, (a, d) => a * d.GetInt32());
            var data = new float[numel];
            Distributions.Normal(g, data, 0.0, 1.0);
            Assert.Equal(Strings(e.GetProperty("first10")), Hex(data.AsSpan(0, 10)));
            Assert.Equal(Strings(e.GetProperty("last10")), Hex(data.AsSpan(numel - 10)));
            Assert.Equal(e.GetProperty("sha256").GetString(), Sha256(MemoryMarshal.AsBytes(data.AsSpan())));
            AssertSum(e.GetProperty("sum").GetDouble(), data.Select(v => (double)v), nm);
        }
    }

    [Fact]
    public void ManualSeedUsesLow32BitsButKeepsFullSeed()
    {
        var a = new Generator().ManualSeed(5);
        var b = new Generator().ManualSeed((1UL << 32) + 5);
        Assert.Equal(a.NextUInt32(), b.NextUInt32());
        Assert.Equal((1UL << 32) + 5, b.InitialSeed);
        Assert.Equal(Generator.DefaultSeed, new Generator().InitialSeed);
    }

    [Fact]
    public void StateRoundTripsIncludingCachedNormal()
    {
        var g = new Generator().ManualSeed(0);
        var first = new double[1];
        Distributions.Normal(g, first, 0, 1);          // leaves a cached sine sample
        Assert.NotNull(g.NextDoubleNormalSample);
        byte[] state = g.GetState();
        var a = new double[20];
        Distributions.Normal(g, a, 0, 1);
        g.SetState(state);
        var b = new double[20];
        Distributions.Normal(g, b, 0, 1);
        Assert.Equal(a, b);
        var clone = g.Clone();
        Assert.Equal(g.NextUInt64(), clone.NextUInt64());
    }

    [Fact]
    public void VectorNormalFillMatchesScalarEmulationForEveryUniformInput()
    {
        // Every float uniform PyTorch can produce is k * 2^-24. Check a 1/8 sample of them (all 2^24 were checked
        // once during development) in both the log lane (j) and the sin/cos lane (j + 8), with an affine
        // transform that exercises the final FMA.
        Assert.SkipUnless(System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported,
            "AVX2+FMA not available");
        Span<float> a = stackalloc float[16];
        Span<float> b = stackalloc float[16];
        for (int k = 0; k < 1 << 24; k += 64)
        {
            for (int j = 0; j < 8; j++)
            {
                a[j] = (k + j) * (1.0f / (1 << 24));
                a[j + 8] = (((k + j) * 7919) & 0xFFFFFF) * (1.0f / (1 << 24));
            }
            a.CopyTo(b);
            AvxMathFun.NormalFill16Scalar(a, -0.3f, 0.7f);
            AvxMathFun.NormalFill16Vector(b, -0.3f, 0.7f);
            for (int j = 0; j < 16; j++)
                if (BitConverter.SingleToInt32Bits(a[j]) != BitConverter.SingleToInt32Bits(b[j]))
                    Assert.Fail($"k={k} lane {j}: scalar {a[j]:R} vector {b[j]:R}");
        }
    }

    [Fact]
    public void MersenneTwisterMatchesReferenceOutput()
    {
        // std::mt19937 (default seed 5489): the 10000th output is 4123659995 (C++ standard, [rand.predef]).
        var mt = new Mt19937();
        uint v = 0;
        for (int i = 0; i < 10000; i++)
            v = mt.NextUInt32();
        Assert.Equal(4123659995u, v);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(623)]
    [InlineData(624)]
    [InlineData(625)]
    [InlineData(5000)]
    public void BulkFillDrawsWhatSingleDrawsWould(int run)
    {
        // Bulk fills (SIMD regeneration and tempering) must leave the same stream and the same
        // serialised state as one call per word, from any position in the state block.
        var bulk = new Generator(12345);
        var single = new Generator(12345);
        var words = new uint[run];
        for (int round = 0; round < 5; round++)
        {
            bulk.NextUInt32();
            single.NextUInt32();
            bulk.Fill(words);
            for (int i = 0; i < run; i++)
                Assert.Equal(single.NextUInt32(), words[i]);
            Assert.Equal(Convert.ToHexString(single.GetState()), Convert.ToHexString(bulk.GetState()));
        }
        var mt = new Mt19937();
        var reference = new uint[10000];
        mt.Fill(reference);
        Assert.Equal(4123659995u, reference[^1]);
    }

    private static void Run(Generator g, JsonElement op, JsonElement expected, string context)
    {
        string kind = op.GetProperty("op").GetString()!;
        if (kind == "get_state")
        {
            Assert.Equal(expected.GetProperty("state").GetString(), Convert.ToHexStringLower(g.GetState()));
            return;
        }
        string dtype = op.TryGetProperty("dtype", out var dt) ? dt.GetString()! : "int64";
        int numel = op.TryGetProperty("shape", out var shape)
            ? shape.EnumerateArray().Aggregate(1, (a, d) => a * d.GetInt32())
            : op.GetProperty("n").GetInt32();
        switch (dtype)
        {
            case "float32":
            {
                var data = new float[numel];
                switch (kind)
                {
                    case "randn": Distributions.Normal(g, data, 0.0, 1.0); break;
                    case "rand": Distributions.Uniform(g, data, 0.0, 1.0); break;
                    case "normal_": Distributions.Normal(g, data, op.GetProperty("mean").GetDouble(), op.GetProperty("std").GetDouble()); break;
                    case "uniform_": Distributions.Uniform(g, data, op.GetProperty("from").GetDouble(), op.GetProperty("to").GetDouble()); break;
                    case "bernoulli_": Distributions.Bernoulli(g, data, op.GetProperty("p").GetDouble()); break;
                    default: throw new NotSupportedException(kind);
                }
                Compare(expected, Hex(data), MemoryMarshal.AsBytes(data.AsSpan()), data.Select(v => (double)v), context);
                break;
            }
            case "float64":
            {
                var data = new double[numel];
                switch (kind)
                {
                    case "randn": Distributions.Normal(g, data, 0.0, 1.0); break;
                    case "rand": Distributions.Uniform(g, data, 0.0, 1.0); break;
                    case "normal_": Distributions.Normal(g, data, op.GetProperty("mean").GetDouble(), op.GetProperty("std").GetDouble()); break;
                    case "uniform_": Distributions.Uniform(g, data, op.GetProperty("from").GetDouble(), op.GetProperty("to").GetDouble()); break;
                    case "bernoulli_": Distributions.Bernoulli(g, data, op.GetProperty("p").GetDouble()); break;
                    default: throw new NotSupportedException(kind);
                }
                Compare(expected, Hex(data), MemoryMarshal.AsBytes(data.AsSpan()), data, context);
                break;
            }
            case "int64":
            {
                var data = new long[numel];
                switch (kind)
                {
                    case "randint": Distributions.RandomInt(g, data, op.GetProperty("low").GetInt64(), op.GetProperty("high").GetInt64()); break;
                    case "randperm": Distributions.RandPerm(g, data); break;
                    default: throw new NotSupportedException(kind);
                }
                string[] text = data.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
                Compare(expected, text, MemoryMarshal.AsBytes(data.AsSpan()), data.Select(v => (double)v), context);
                break;
            }
            default:
                throw new NotSupportedException(dtype);
        }
    }

    private static void Compare(JsonElement expected, string[] actual, ReadOnlySpan<byte> bytes, IEnumerable<double> values, string context)
    {
        Assert.Equal(expected.GetProperty("numel").GetInt32(), actual.Length);
        if (expected.TryGetProperty("bits", out var all))
        {
            AssertSame(Strings(all), actual, 0, context);
            return;
        }
        string[] head = Strings(expected.GetProperty("head"));
        string[] tail = Strings(expected.GetProperty("tail"));
        AssertSame(head, actual[..head.Length], 0, context + " head");
        AssertSame(tail, actual[^tail.Length..], actual.Length - tail.Length, context + " tail");
        Assert.True(expected.GetProperty("sha256").GetString() == Sha256(bytes), $"{context}: SHA-256 of all elements differs");
        AssertSum(expected.GetProperty("sum").GetDouble(), values, context);
    }

    private static void AssertSame(string[] expected, string[] actual, int offset, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i] == actual[i], $"{context}: element {offset + i} is {actual[i]}, PyTorch has {expected[i]}");
    }

    // The golden sum is PyTorch's float64 reduction; only the order of additions may differ.
    private static void AssertSum(double expected, IEnumerable<double> values, string context)
    {
        double sum = 0, abs = 0;
        foreach (double v in values) { sum += v; abs += Math.Abs(v); }
        Assert.True(Math.Abs(sum - expected) <= 1e-12 * Math.Max(1, abs), $"{context}: sum {sum:R} vs PyTorch {expected:R}");
    }

    private static string[] Strings(JsonElement arr) => arr.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string[] Hex(ReadOnlySpan<float> data)
    {
        var s = new string[data.Length];
        for (int i = 0; i < data.Length; i++)
            s[i] = BitConverter.SingleToUInt32Bits(data[i]).ToString("x8", CultureInfo.InvariantCulture);
        return s;
    }

    private static string[] Hex(ReadOnlySpan<double> data)
    {
        var s = new string[data.Length];
        for (int i = 0; i < data.Length; i++)
            s[i] = BitConverter.DoubleToUInt64Bits(data[i]).ToString("x16", CultureInfo.InvariantCulture);
        return s;
    }

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
