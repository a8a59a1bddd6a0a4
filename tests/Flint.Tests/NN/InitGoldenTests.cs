using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using static Flint.torch;

namespace Flint.Tests.NN;

/// <summary>Seeded initialisation (nn.Linear, nn.init) is bit-identical to PyTorch 1.13.</summary>
[Collection(DefaultGeneratorCollection.Name)]
public class InitGoldenTests
{
    public static TheoryData<int> LinearCases() => new(Enumerable.Range(0, NNGolden.Root.GetProperty("linear_init").GetArrayLength()));

    [Theory]
    [MemberData(nameof(LinearCases))]
    public void LinearInitMatchesPyTorchBitForBit(int index)
    {
        var c = NNGolden.Root.GetProperty("linear_init")[index];
        var dtype = NNGolden.DType(c.GetProperty("dtype").GetString()!);
        bool hasBias = c.GetProperty("bias").GetBoolean();
        manual_seed(0);
        var lin = nn.Linear(c.GetProperty("in").GetInt64(), c.GetProperty("out").GetInt64(), hasBias, dtype: dtype);
        string ctx = $"Linear({c.GetProperty("in")}, {c.GetProperty("out")}, {dtype})";
        if (c.TryGetProperty("weight", out var w))
        {
            NNGolden.AssertExact(w, lin.weight, ctx + ".weight");
            if (hasBias) NNGolden.AssertExact(c.GetProperty("bias_values"), lin.bias!, ctx + ".bias");
            else Assert.Null(lin.bias);
        }
        else
        {
            AssertDigest(c.GetProperty("weight_digest"), lin.weight, ctx + ".weight");
            AssertDigest(c.GetProperty("bias_digest"), lin.bias!, ctx + ".bias");
        }
        Assert.True(lin.weight.requires_grad && lin.weight.is_leaf);
        // The generator advanced exactly as PyTorch's did.
        Assert.Equal(c.GetProperty("next_rand").GetDouble(), (double)rand(1).item<float>());
    }

    private static void AssertDigest(JsonElement d, Tensor t, string ctx)
    {
        Assert.True(NNGolden.Shape(d).SequenceEqual(t.shape), ctx);
        var head = d.GetProperty("head").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var values = t.data<float>();
        for (int i = 0; i < head.Length; i++) Assert.Equal(head[i], (double)values[i]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())));
        Assert.Equal(d.GetProperty("sha256").GetString(), hash);
    }

    public static TheoryData<string> InitCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in NNGolden.Root.GetProperty("init").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(InitCases))]
    public void InitFunctionsMatchPyTorchBitForBit(string name)
    {
        var c = NNGolden.Root.GetProperty("init").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var expected = c.GetProperty("result");
        var t = empty(NNGolden.Shape(expected), NNGolden.DType(expected.GetProperty("dtype").GetString()!));
        manual_seed(0);
        // "<kind>[_f64]_<shape>" or "<kind>_"
        string kind = name[..name.LastIndexOf('_')];
        if (kind.EndsWith("_f64")) kind = kind[..^4];
        switch (kind)
        {
            case "uniform": nn.init.uniform_(t, -2.0, 3.0); break;
            case "normal": nn.init.normal_(t, 1.0, 0.5); break;
            case "kaiming_uniform": nn.init.kaiming_uniform_(t); break;
            case "kaiming_uniform_a_sqrt5": nn.init.kaiming_uniform_(t, a: Math.Sqrt(5)); break;
            case "kaiming_normal_fanout_relu": nn.init.kaiming_normal_(t, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU); break;
            case "kaiming_normal": nn.init.kaiming_normal_(t); break;
            case "xavier_uniform_tanh": nn.init.xavier_uniform_(t, gain: nn.init.calculate_gain(nn.init.NonlinearityType.Tanh)); break;
            case "xavier_normal": nn.init.xavier_normal_(t); break;
            case "xavier_uniform": nn.init.xavier_uniform_(t); break;
            case "constant": nn.init.constant_(t, 0.25); break;
            case "ones": nn.init.ones_(t); break;
            case "zeros": nn.init.zeros_(t); break;
            default: throw new InvalidOperationException($"no C# counterpart for golden case {name} ({kind})");
        }
        NNGolden.AssertExact(expected, t, name);
    }

    [Fact]
    public void CalculateGainMatchesPyTorch()
    {
        var g = NNGolden.Root.GetProperty("gain");
        Assert.Equal(g.GetProperty("linear").GetDouble(), nn.init.calculate_gain(nn.init.NonlinearityType.Linear));
        Assert.Equal(g.GetProperty("conv2d").GetDouble(), nn.init.calculate_gain("conv2d"));
        Assert.Equal(g.GetProperty("sigmoid").GetDouble(), nn.init.calculate_gain(nn.init.NonlinearityType.Sigmoid));
        Assert.Equal(g.GetProperty("tanh").GetDouble(), nn.init.calculate_gain(nn.init.NonlinearityType.Tanh));
        Assert.Equal(g.GetProperty("relu").GetDouble(), nn.init.calculate_gain("relu"));
        Assert.Equal(g.GetProperty("leaky_relu").GetDouble(), nn.init.calculate_gain(nn.init.NonlinearityType.LeakyReLU));
        Assert.Equal(g.GetProperty("leaky_relu_0.2").GetDouble(), nn.init.calculate_gain("leaky_relu", 0.2));
        Assert.Equal(g.GetProperty("leaky_relu_sqrt5").GetDouble(), nn.init.calculate_gain(nn.init.NonlinearityType.LeakyReLU, Math.Sqrt(5)));
    }

    [Fact]
    public void InitRejectsWhatPyTorchRejects()
    {
        var ex = Assert.Throws<ArgumentException>(() => nn.init.xavier_uniform_(empty(5)));
        Assert.Equal("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions", ex.Message);
        Assert.Throws<ArgumentException>(() => nn.init.calculate_gain("softplus"));
    }

    [Fact]
    public void InitFillsParametersWithoutRecordingHistory()
    {
        var p = nn.Parameter(zeros(3, 4));
        nn.init.uniform_(p, -1, 1);
        Assert.True(p.is_leaf);
        Assert.Null(p.grad_fn);
        Assert.True(p.abs().max().item<float>() <= 1f && p.abs().max().item<float>() > 0f);
    }

    [Fact]
    public void InitOnAStridedViewWritesOnlyTheView()
    {
        var t = zeros(4, 6);
        var view = t.t(); // non-contiguous
        nn.init.constant_(view, 2);
        Assert.Equal(48.0, t.sum().item<float>(), 5);
        var half = t[.., ..3];
        nn.init.normal_(half);
        Assert.Equal(0.0, t[.., 3..].sub(2).abs().sum().item<float>());
        Assert.NotEqual(0.0, (double)t[.., ..3].sub(2).abs().sum().item<float>());
    }
}
