using System.Collections;
using System.Text.Json;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Tensors;

/// <summary>
/// The Tensor members added for TorchSharp's spelling (issue 15, item 6): each forward against the op it forwards to
/// (bit for bit), the in-place rules (version, leaf error, autograd), and PyTorch 1.13's values from
/// tools/golden/gen_tensor_surface.py (tests/golden/tensor-surface.json) for the random draws, the in-place comparisons'
/// dtypes and unfold.
/// </summary>
public class TensorSurfaceTests
{
    private static readonly Lazy<JsonElement> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "tensor-surface.json"))).RootElement);

    private static ScalarType DType(string name) => name switch
    {
        "bool" => ScalarType.Bool, "uint8" => ScalarType.Byte, "int8" => ScalarType.Int8, "int16" => ScalarType.Int16,
        "int32" => ScalarType.Int32, "int64" => ScalarType.Int64, "float16" => ScalarType.Float16,
        "bfloat16" => ScalarType.BFloat16, "float32" => ScalarType.Float32, "float64" => ScalarType.Float64,
        _ => throw new ArgumentException(name),
    };

    private static double Num(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, _ => double.NegativeInfinity },
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => v.GetDouble(),
    };

    /// <summary>A tensor from golden_common.enc's encoding.</summary>
    private static Tensor FromEnc(JsonElement e)
    {
        var shape = e.GetProperty("shape").EnumerateArray().Select(s => s.GetInt64()).ToArray();
        var dtype = DType(e.GetProperty("dtype").GetString()!);
        var values = e.GetProperty("values").EnumerateArray().ToArray();
        if (dtype == ScalarType.Bool) return torch.tensor(values.Select(v => v.GetBoolean()).ToArray(), shape);
        if (!DTypes.IsFloatingPoint(dtype)) return torch.tensor(values.Select(v => v.GetInt64()).ToArray(), shape).to(dtype);
        return torch.tensor(values.Select(Num).ToArray(), shape, ScalarType.Float64).to(dtype);
    }

    private static double[] Doubles(Tensor t) => t.dtype == ScalarType.Bool
        ? t.data<bool>().Select(b => b ? 1.0 : 0.0).ToArray()
        : t.to(ScalarType.Float64).data<double>();

    /// <summary>Same dtype, shape and values (exactly, NaN equal to NaN).</summary>
    private static void AssertMatches(JsonElement expected, Tensor actual, string context)
    {
        var e = FromEnc(expected);
        Assert.True(e.dtype == actual.dtype, $"{context}: dtype {actual.dtype}, expected {e.dtype}");
        Assert.True(e.shape.SequenceEqual(actual.shape), $"{context}: shape [{string.Join(",", actual.shape)}], expected [{string.Join(",", e.shape)}]");
        var a = Doubles(actual);
        var b = Doubles(e);
        for (int i = 0; i < a.Length; i++)
            Assert.True(a[i].Equals(b[i]), $"{context}: element {i} is {a[i]:R}, PyTorch gives {b[i]:R}");
    }

    private static void AssertSame(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(Doubles(expected), Doubles(actual));
    }

    private static Tensor Input(long seed = 3) => torch.zeros(4, 5).normal_(0, 3, new torch.Generator(seed));

    // ---------------------------------------------------------------- activations

    public static TheoryData<string> ActivationNames() =>
    [
        "celu", "elu", "elu_general", "gelu", "gelu_tanh", "glu", "hardsigmoid", "hardswish", "hardtanh", "leaky_relu",
        "log_sigmoid", "prelu", "relu6", "selu", "silu", "softplus", "threshold",
    ];

    private static (Func<Tensor, Tensor> method, Func<Tensor, Tensor> reference, Action<Tensor>? inPlace) Activation(string name) => name switch
    {
        "celu" => (x => x.celu(0.7), x => F.celu(x, 0.7), x => x.celu_(0.7)),
        "elu" => (x => x.elu(0.5), x => F.elu(x, 0.5), x => x.elu_(0.5)),
        "elu_general" => (x => x.elu(0.5, 2.0, 0.25), x => torch.where(x > 0, x * 2.0, ((x * 0.25).exp() - 1) * 1.0), x => x.elu_(0.5, 2.0, 0.25)),
        "gelu" => (x => x.gelu(), x => F.gelu(x), x => x.gelu_()),
        "gelu_tanh" => (x => x.gelu("tanh"), x => F.gelu(x, "tanh"), x => x.gelu_("tanh")),
        "glu" => (x => x.glu(0), x => F.glu(x, 0), null),
        "hardsigmoid" => (x => x.hardsigmoid(), x => F.hardsigmoid(x), x => x.hardsigmoid_()),
        "hardswish" => (x => x.hardswish(), x => F.hardswish(x), x => x.hardswish_()),
        "hardtanh" => (x => x.hardtanh(-0.5, 2.0), x => F.hardtanh(x, -0.5, 2.0), x => x.hardtanh_(-0.5, 2.0)),
        "leaky_relu" => (x => x.leaky_relu(0.2), x => F.leaky_relu(x, 0.2), x => x.leaky_relu_(0.2)),
        "log_sigmoid" => (x => x.log_sigmoid(), x => F.logsigmoid(x), null),
        "prelu" => (x => x.prelu(torch.tensor(new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f })), x => F.prelu(x, torch.tensor(new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f })), null),
        "relu6" => (x => x.relu6(), x => F.relu6(x), x => x.relu6_()),
        "selu" => (x => x.selu(), x => F.selu(x), x => x.selu_()),
        "silu" => (x => x.silu(), x => F.silu(x), x => x.silu_()),
        "softplus" => (x => x.softplus(2.0, 3.0), x => F.softplus(x, 2.0, 3.0), null),
        "threshold" => (x => x.threshold(0.5, -7.0), x => F.threshold(x, 0.5, -7.0), x => x.threshold_(0.5, -7.0)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(ActivationNames))]
    public void ActivationMethodEqualsFunctional(string name)
    {
        var (method, reference, inPlace) = Activation(name);
        var x = Input();
        var expected = reference(x);
        if (name == "elu_general")
        {
            // PyTorch's elu(alpha, scale, input_scale): scale·x for x > 0, else scale·alpha·(e^(input_scale·x) − 1).
            var want = torch.where(x > 0, x * 2.0, ((x * 0.25).exp() - 1.0) * 1.0);
            var got = method(x);
            Assert.True(got.allclose(want, rtol: 1e-6, atol: 1e-6));
            expected = got;
        }
        else AssertSame(expected, method(x));
        if (inPlace is null) return;
        var y = x.clone();
        int version = y.Storage.Version;
        inPlace(y);
        AssertSame(expected, y);
        Assert.True(y.Storage.Version > version, "the in-place form bumps the version counter");
    }

    [Theory]
    [MemberData(nameof(ActivationNames))]
    public void InPlaceActivationFollowsTheInPlaceRules(string name)
    {
        var (method, _, inPlace) = Activation(name);
        if (inPlace is null) return;
        var leaf = Input(5).to(ScalarType.Float64).requires_grad_();
        Assert.Throws<InvalidOperationException>(() => inPlace(leaf));
        // On a non-leaf the in-place form has the out-of-place op's gradient.
        var w = torch.zeros([4, 5], ScalarType.Float64).normal_(generator: new torch.Generator(9));
        var b = leaf * 1.0;
        inPlace(b);
        (b * w).sum().backward();
        var viaInPlace = leaf.grad!.clone();
        leaf.grad = null;
        (method(leaf * 1.0) * w).sum().backward();
        AssertSame(leaf.grad!, viaInPlace);
    }

    // ---------------------------------------------------------------- in-place comparisons

    public static TheoryData<string> CompareCases() => [.. Golden.Value.GetProperty("compare").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    private static Tensor ApplyCompare(Tensor x, string op, Tensor? other, double scalar) => (op, other) switch
    {
        ("eq_", null) => x.eq_(scalar), ("eq_", _) => x.eq_(other),
        ("ne_", null) => x.ne_(scalar), ("ne_", _) => x.ne_(other),
        ("not_equal_", null) => x.not_equal_(scalar), ("not_equal_", _) => x.not_equal_(other),
        ("lt_", null) => x.lt_(scalar), ("lt_", _) => x.lt_(other),
        ("le_", null) => x.le_(scalar), ("le_", _) => x.le_(other),
        ("less_equal_", null) => x.less_equal_(scalar), ("less_equal_", _) => x.less_equal_(other),
        ("gt_", null) => x.gt_(scalar), ("gt_", _) => x.gt_(other),
        ("ge_", null) => x.ge_(scalar), ("ge_", _) => x.ge_(other),
        _ => throw new ArgumentException(op),
    };

    [Theory]
    [MemberData(nameof(CompareCases))]
    public void InPlaceComparisonMatchesPyTorch(string name)
    {
        var c = Golden.Value.GetProperty("compare").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var x = FromEnc(c.GetProperty("self"));
        var o = c.GetProperty("other");
        Tensor? other = o.ValueKind == JsonValueKind.Object ? FromEnc(o) : null;
        double scalar = other is null ? o.GetDouble() : 0;
        var r = ApplyCompare(x, c.GetProperty("op").GetString()!, other, scalar);
        Assert.Same(x, r);
        AssertMatches(c.GetProperty("out"), x, name);
    }

    [Fact]
    public void InPlaceComparisonEqualsOutOfPlaceCastToSelfDtype()
    {
        var x = Input();
        var y = Input(4);
        foreach (var (inPlace, outOfPlace) in new (Func<Tensor, Tensor>, Func<Tensor, Tensor>)[]
                 {
                     (t => t.eq_(y), t => t.eq(y)), (t => t.ne_(y), t => t.ne(y)), (t => t.gt_(y), t => t.gt(y)),
                     (t => t.ge_(0.5), t => t.ge(0.5)), (t => t.lt_(y), t => t.lt(y)), (t => t.le_(-0.5), t => t.le(-0.5)),
                 })
        {
            var expected = outOfPlace(x).to(x.dtype);
            var z = x.clone();
            int version = z.Storage.Version;
            AssertSame(expected, inPlace(z));
            Assert.True(z.Storage.Version > version);
        }
    }

    [Fact]
    public void InPlaceComparisonRefusesToGrowSelfAndGivesZeroGradients()
    {
        var x = torch.tensor(new[] { 1.0f, 2.0f, 3.0f });
        var ex = Assert.Throws<ArgumentException>(() => x.eq_(torch.ones(2, 3)));
        Assert.Equal("output with shape [3] doesn't match the broadcast shape [2, 3]", ex.Message);
        var a = torch.tensor(new[] { 0.0, 1.0, 2.0 }, ScalarType.Float64).requires_grad_();
        var b = a * 2.0;
        b.eq_(2.0);
        Assert.True(b.requires_grad);
        Assert.Equal(new[] { 0.0, 1.0, 0.0 }, b.detach().data<double>());
        b.sum().backward();
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, a.grad!.data<double>());
        Assert.Throws<InvalidOperationException>(() => torch.ones(2).requires_grad_().lt_(0.5));
    }

    // ---------------------------------------------------------------- random draws

    public static TheoryData<string> RandomCases() => [.. Golden.Value.GetProperty("random").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RandomDrawMatchesPyTorch(string name)
    {
        var c = Golden.Value.GetProperty("random").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var g = new torch.Generator(c.GetProperty("seed").GetInt64());
        var args = c.GetProperty("args").EnumerateArray().Select(a => a.GetDouble()).ToArray();
        var x = torch.zeros([c.GetProperty("n").GetInt64()], DType(c.GetProperty("dtype").GetString()!));
        string op = c.GetProperty("op").GetString()!;
        Tensor result = op switch
        {
            "uniform_" => x.uniform_(args[0], args[1], g),
            "normal_" => x.normal_(args[0], args[1], g),
            "exponential_" => x.exponential_(args[0], g),
            "cauchy_" => x.cauchy_(args[0], args[1], g),
            "log_normal_" => x.log_normal_(args[0], args[1], g),
            "geometric_" => x.geometric_(args[0], g),
            "random_" => args.Length switch { 0 => x.random_(g), 1 => x.random_(args[0], g), _ => x.random_(args[0], args[1], g) },
            "bernoulli_" => x.bernoulli_(args[0], g),
            "bernoulli_tensor" => x.bernoulli_(FromEnc(c.GetProperty("p")), g),
            "bernoulli" => FromEnc(c.GetProperty("p")).bernoulli(g),
            "poisson" => FromEnc(c.GetProperty("p")).poisson(g),
            "binomial" => FromEnc(c.GetProperty("p")[0]).binomial(FromEnc(c.GetProperty("p")[1]), g),
            _ => throw new ArgumentException(op),
        };
        if (op.EndsWith('_') || op == "bernoulli_tensor") Assert.Same(x, result);
        AssertMatches(c.GetProperty("out"), result, name);
    }

    [Fact]
    public void RandomFillsWriteThroughViewsAndTakeAZeroGradient()
    {
        // A strided destination gets the values a contiguous one would, in row-major order.
        var baseT = torch.zeros(6, 4);
        var view = baseT.t();
        view.uniform_(generator: new torch.Generator(2));
        AssertSame(torch.zeros(4, 6).uniform_(generator: new torch.Generator(2)), view);
        // Autograd: a leaf that requires grad refuses; a non-leaf takes a node with zero gradient.
        var leaf = torch.ones(3).requires_grad_();
        Assert.Throws<InvalidOperationException>(() => leaf.normal_());
        var b = leaf * 2.0;
        b.exponential_(generator: new torch.Generator(1));
        Assert.NotNull(b.grad_fn);
        b.sum().backward();
        Assert.Equal(new[] { 0f, 0f, 0f }, leaf.grad!.data<float>());
    }

    [Fact]
    public void RandomFillArgumentsAreCheckedWithPyTorchsWording()
    {
        var f = torch.zeros(3);
        var i = torch.zeros(3, ScalarType.Int64);
        Assert.Equal("uniform_ expects to return a [from, to) range, but found from=1 > to=0", Assert.Throws<ArgumentException>(() => f.uniform_(1, 0)).Message);
        Assert.Equal("\"check_uniform_bounds\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => i.uniform_()).Message);
        Assert.Equal("normal expects std >= 0.0, but found std -1", Assert.Throws<ArgumentException>(() => f.normal_(0, -1)).Message);
        Assert.Equal("\"normal_kernel_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => i.normal_()).Message);
        Assert.Equal("exponential_ expects lambda >= 0.0, but found lambda=-1", Assert.Throws<ArgumentException>(() => f.exponential_(-1)).Message);
        Assert.Equal("\"cauchy_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => i.cauchy_()).Message);
        Assert.Equal("log_normal_ expects std > 0.0, but found std=0", Assert.Throws<ArgumentException>(() => f.log_normal_(0, 0)).Message);
        Assert.Equal("geometric_ expects p to be in (0, 1), but got p=1", Assert.Throws<ArgumentException>(() => f.geometric_(1)).Message);
        Assert.Equal("bernoulli_ expects p to be in [0, 1], but got p=1.5", Assert.Throws<ArgumentException>(() => f.bernoulli_(1.5)).Message);
        Assert.Equal("random_ expects 'from' to be less than 'to', but got from=5 >= to=5", Assert.Throws<ArgumentException>(() => f.random_(5, 5)).Message);
        Assert.Equal("to - 1 is out of bounds for unsigned char", Assert.Throws<ArgumentException>(() => torch.zeros(3, ScalarType.Byte).random_(0, 300)).Message);
        Assert.Equal("from is out of bounds for unsigned char", Assert.Throws<ArgumentException>(() => torch.zeros(3, ScalarType.Byte).random_(-3, 5)).Message);
        Assert.Equal("\"poisson_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => i.poisson()).Message);
    }

    [Fact]
    public void MultinomialMethodIsTheFreeFunction()
    {
        var w = torch.tensor(new[] { 0.1f, 0.5f, 0.2f, 0.2f });
        AssertSame(torch.multinomial(w, 6, true, new torch.Generator(4)), w.multinomial(6, true, new torch.Generator(4)));
        AssertSame(torch.multinomial(w, 3, false, new torch.Generator(4)), w.multinomial(3, generator: new torch.Generator(4)));
    }

    [Fact]
    public void SamplersStayInTheirSupport()
    {
        // Invariants over many draws (fixed seeds), beside the golden values above.
        var g = new torch.Generator(123);
        var u = torch.zeros(20000, ScalarType.Float64).uniform_(-1, 2, g);
        Assert.True(u.min().item<double>() >= -1 && u.max().item<double>() < 2);
        Assert.InRange(u.mean().item<double>(), 0.48, 0.52);
        var geo = torch.zeros(20000, ScalarType.Float64).geometric_(0.25, g);
        Assert.True(geo.min().item<double>() >= 1);
        Assert.InRange(geo.mean().item<double>(), 3.9, 4.1);       // 1/p
        var e = torch.zeros(20000, ScalarType.Float64).exponential_(2.0, g);
        Assert.True(e.min().item<double>() >= 0);
        Assert.InRange(e.mean().item<double>(), 0.49, 0.51);       // 1/λ
        var r = torch.zeros(20000, ScalarType.Int32).random_(-3, 4, g);
        Assert.Equal(-3, r.min().item<int>());
        Assert.Equal(3, r.max().item<int>());
        var bits = torch.zeros(20000, ScalarType.Bool).random_(g);
        Assert.InRange(bits.to(ScalarType.Float64).mean().item<double>(), 0.48, 0.52);
    }

    // ---------------------------------------------------------------- factories and conversions

    [Fact]
    public void OutFactoriesResizeThisTensorInItsDtype()
    {
        var t = torch.full([5], 9.0, ScalarType.Int32);
        Assert.Same(t, t.zeros(2, 3));
        AssertSame(torch.zeros([2, 3], ScalarType.Int32), t);
        t.ones(4);
        AssertSame(torch.ones([4], ScalarType.Int32), t);
        t.full([2, 2], 7);
        AssertSame(torch.full([2, 2], 7.0, ScalarType.Int32), t);
        t.eye(2, 3);
        AssertSame(torch.eye(2, 3, ScalarType.Int32), t);
        t.empty(3);
        Assert.Equal(new long[] { 3 }, t.shape);
        Assert.Throws<InvalidOperationException>(() => torch.ones(2).requires_grad_().zeros(3));
    }

    [Fact]
    public void ConversionsAndRequiresGrad()
    {
        var x = torch.tensor(new[] { 1.5, -2.5, 300.0 }, ScalarType.Float64);
        Assert.Equal(ScalarType.Int8, x.@char().dtype);
        Assert.Equal(ScalarType.Int16, x.@short().dtype);
        AssertSame(x.to(ScalarType.Int16), x.@short());
        AssertSame(x.to(ScalarType.Float32), x.to_type(ScalarType.Float32));
        Assert.Same(x, x.to_type(ScalarType.Float64));
        Assert.NotSame(x, x.to_type(ScalarType.Float64, copy: true));
        var y = x.clone();
        var z = y.to_type(ScalarType.Float32, disposeAfter: true);
        Assert.Equal(ScalarType.Float32, z.dtype);
        Assert.True(y.IsDisposed);
        var w = torch.zeros(2);
        Assert.Same(w, w.with_requires_grad());
        Assert.True(w.requires_grad);
        Assert.False(w.with_requires_grad(false).requires_grad);
    }

    // ---------------------------------------------------------------- element access and bytes

    [Fact]
    public void ReadCpuReadsRowMajorPositionsOfAnyLayout()
    {
        var x = torch.arange(12, ScalarType.Float32).reshape(3, 4).t();
        var dense = x.contiguous().data<float>();
        for (int i = 0; i < 12; i++) Assert.Equal(dense[i], x.ReadCpuSingle(i));
        Assert.Equal(dense[5], (float)x.to(ScalarType.Float64).ReadCpuDouble(5));
        Assert.Equal((long)dense[7], x.to(ScalarType.Int64).ReadCpuInt64(7));
        Assert.Equal((int)dense[7], x.to(ScalarType.Int32).ReadCpuInt32(7));
        Assert.Equal((short)dense[7], x.to(ScalarType.Int16).ReadCpuInt16(7));
        Assert.Equal((sbyte)dense[7], x.to(ScalarType.Int8).ReadCpuSByte(7));
        Assert.Equal((byte)dense[7], x.to(ScalarType.Byte).ReadCpuByte(7));
        Assert.True(x.to(ScalarType.Bool).ReadCpuBool(7));
        Assert.False(x.to(ScalarType.Bool).ReadCpuBool(0));
        Assert.Equal((Half)dense[7], x.to(ScalarType.Float16).ReadCpuFloat16(7));
        Assert.Equal(dense[7], (float)x.to(ScalarType.BFloat16).ReadCpuBFloat16(7));
        Assert.Equal(dense[11], x.ReadCpuValue<float>(11));
        Assert.Throws<IndexOutOfRangeException>(() => x.ReadCpuSingle(12));
        Assert.Throws<InvalidOperationException>(() => x.ReadCpuDouble(0));
    }

    [Fact]
    public void ToListNestsAsPyTorch()
    {
        var m = torch.tensor(new[] { 1.5f, 2f, 3f, 4f }, [2, 2]).t();
        var list = Assert.IsType<ArrayList>(m.tolist());
        Assert.Equal(2, list.Count);
        Assert.Equal(new object[] { 1.5, 3.0 }, ((ArrayList)list[0]!).ToArray());
        Assert.Equal(new object[] { 2.0, 4.0 }, ((ArrayList)list[1]!).ToArray());
        Assert.Equal(9007199254740993L, torch.tensor(9007199254740993L).tolist());
        Assert.Equal(new object[] { true, false }, ((ArrayList)torch.tensor(new[] { true, false }).tolist()).ToArray());
        Assert.Empty((ArrayList)torch.zeros(0).tolist());
    }

    [Fact]
    public void BytesAndStreamsRoundTripRawLittleEndianElements()
    {
        var x = torch.tensor(new[] { 1f, -2f, 3.5f, 1e-3f, 7f, 8f }, [2, 3]).t();
        var expected = System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.contiguous().data<float>().AsSpan()).ToArray();
        Assert.Equal(expected, x.bytes);
        var y = torch.zeros(3, 2);
        y.bytes = expected;
        AssertSame(x.contiguous(), y);
        Assert.Throws<ArgumentException>(() => y.bytes = new byte[3]);
        using var ms = new MemoryStream();
        x.WriteBytesToStream(ms, bufferSize: 5);
        Assert.Equal(expected, ms.ToArray());
        ms.Position = 0;
        var z = torch.zeros(3, 2);
        z.ReadBytesFromStream(ms);
        AssertSame(x.contiguous(), z);
        var b = torch.zeros(2, ScalarType.Bool);
        b.bytes = [0, 7];
        Assert.Equal(new[] { false, true }, b.data<bool>());
        Assert.Equal(new byte[] { 0, 1 }, b.bytes);
    }

    [Fact]
    public void SaveWritesWhatTorchLoadReads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flint-tensor-save-{Guid.NewGuid():N}.pt");
        try
        {
            var x = torch.arange(6, ScalarType.Float64).reshape(2, 3);
            x.save(path);
            AssertSame(x, Assert.IsType<Tensor>(torch.load(path)));
        }
        finally { File.Delete(path); }
    }

    // ---------------------------------------------------------------- in-place views, slice, index

    [Fact]
    public void InPlaceViewChangesKeepStorageAndBumpVersion()
    {
        var x = torch.arange(6, ScalarType.Float32).reshape(2, 1, 3);
        var storage = x.Storage;
        int version = x.Storage.Version;
        Assert.Same(x, x.squeeze_());
        Assert.Equal(new long[] { 2, 3 }, x.shape);
        Assert.Same(storage, x.Storage);
        Assert.True(x.Storage.Version > version);
        x.unsqueeze_(0);
        Assert.Equal(new long[] { 1, 2, 3 }, x.shape);
        x.squeeze_(0);
        x.transpose_(0, 1);
        Assert.Equal(new long[] { 3, 2 }, x.shape);
        AssertSame(torch.arange(6, ScalarType.Float32).reshape(2, 3).t(), x);
        x.squeeze_(1); // not of size 1: unchanged
        Assert.Equal(new long[] { 3, 2 }, x.shape);
    }

    [Fact]
    public void InPlaceViewChangesFollowAutograd()
    {
        var leaf = torch.zeros([2, 1, 3], ScalarType.Float64).normal_(generator: new torch.Generator(1)).requires_grad_();
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.",
            Assert.Throws<InvalidOperationException>(() => leaf.squeeze_()).Message);
        var b = leaf * 1.0;
        b.squeeze_(1);
        b.transpose_(0, 1);
        Assert.Equal(new long[] { 3, 2 }, b.shape);
        var w = torch.zeros([3, 2], ScalarType.Float64).normal_(generator: new torch.Generator(2));
        (b * w).sum().backward();
        AssertSame(w.t().unsqueeze(1), leaf.grad!);
    }

    [Fact]
    public void SetMakesThisTensorShareTheSource()
    {
        var x = torch.zeros(2);
        var src = torch.arange(6, ScalarType.Float64).reshape(3, 2);
        Assert.Same(x, x.set_(src));
        Assert.Equal(ScalarType.Float64, x.dtype);
        Assert.Same(src.Storage, x.Storage);
        src.add_(1.0);
        AssertSame(src, x);
        Assert.Throws<InvalidOperationException>(() => torch.zeros(2).set_(torch.ones(2).requires_grad_()));
    }

    [Fact]
    public void SliceAndIndexAreTheIndexer()
    {
        var x = torch.arange(24, ScalarType.Float32).reshape(2, 3, 4);
        AssertSame(x[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(1, 4, 2)], x.slice(2, 1, 4, 2));
        AssertSame(x[TensorIndex.Colon, TensorIndex.Slice(-2, 100)], x.slice(-2, -2, 100, 1));
        Assert.Same(x.Storage, x.slice(0, 1, 2, 1).Storage);
        Assert.Throws<ArgumentException>(() => x.slice(0, 0, 2, 0));
        AssertSame(x[1, TensorIndex.Ellipsis, 2], x.index(1, TensorIndex.Ellipsis, 2));
        var i = torch.tensor(new long[] { 1, 0, 1 });
        AssertSame(x[TensorIndex.Tensor(i)], x.index(i));
    }

    // ---------------------------------------------------------------- unfold

    public static TheoryData<string> UnfoldCases() => [.. Golden.Value.GetProperty("unfold").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(UnfoldCases))]
    public void UnfoldMatchesPyTorch(string name)
    {
        var c = Golden.Value.GetProperty("unfold").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var x = FromEnc(c.GetProperty("input"));
        if (name == "transposed_input") x = x.transpose(0, 2).contiguous().transpose(0, 2); // PyTorch's strided input: same values and strides
        var y = x.unfold(c.GetProperty("dim").GetInt64(), c.GetProperty("size").GetInt64(), c.GetProperty("step").GetInt64());
        AssertMatches(c.GetProperty("out"), y, name);
        Assert.Same(x.Storage, y.Storage);
        Assert.Equal(c.GetProperty("stride").EnumerateArray().Select(s => s.GetInt64()), y.stride());
    }

    [Fact]
    public void UnfoldChecksItsArguments()
    {
        var x = torch.arange(8, ScalarType.Float32);
        Assert.Equal("maximum size for tensor at dimension 0 is 8 but size is 9", Assert.Throws<ArgumentException>(() => x.unfold(0, 9, 2)).Message);
        Assert.Equal("step is 0 but must be > 0", Assert.Throws<ArgumentException>(() => x.unfold(0, 3, 0)).Message);
    }

    // ---------------------------------------------------------------- where, isin, is_nonzero, pin_memory

    [Fact]
    public void WhereIsinIsNonzeroPinMemory()
    {
        var s = torch.arange(5, ScalarType.Float32);
        AssertSame(torch.where(s > 2.0, s, torch.tensor(-1f)), s.where(s > 2.0, torch.tensor(-1f)));
        var t = torch.tensor(new long[] { 1, 2, 3, 4 });
        var test = torch.tensor(new long[] { 2, 4, 9 });
        AssertSame(torch.isin(t, test), t.isin(test));
        AssertSame(torch.isin(t, test, invert: true), t.isin(test, invert: true));
        Assert.True(torch.tensor(new[] { 0.5 }).is_nonzero());
        Assert.False(torch.tensor(0L).is_nonzero());
        Assert.True(torch.tensor(double.NaN).is_nonzero());
        Assert.Equal("Boolean value of Tensor with more than one value is ambiguous", Assert.Throws<InvalidOperationException>(() => torch.zeros(2).is_nonzero()).Message);
        Assert.Equal("Boolean value of Tensor with no values is ambiguous", Assert.Throws<InvalidOperationException>(() => torch.zeros(0).is_nonzero()).Message);
        Assert.Same(s, s.pin_memory());
    }
}

/// <summary>The members that draw from the default generators, seeded by <c>torch.manual_seed</c>: run alone.</summary>
[Collection(GlobalRandomCollection.Name)]
public class TensorSurfaceGlobalRandomTests
{
    private static void AssertSame(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(expected.to(ScalarType.Float64).data<double>(), actual.to(ScalarType.Float64).data<double>());
    }

    [Fact]
    public void LikeMethodsAreTheFreeFunctions()
    {
        var x = torch.ones([2, 3], ScalarType.Int32);
        AssertSame(torch.zeros_like(x), x.zeros_like());
        AssertSame(torch.ones_like(x), x.ones_like());
        AssertSame(torch.empty_like(x, ScalarType.Float64), x.empty_like(ScalarType.Float64));
        AssertSame(torch.full_like(x, 7), x.full_like(7));
        var f = torch.zeros(3, 4);
        torch.manual_seed(17);
        var a = torch.rand_like(f);
        var b = torch.randn_like(f, ScalarType.Float64);
        var c = torch.randint_like(x, 2, 9);
        torch.manual_seed(17);
        AssertSame(a, f.rand_like());
        AssertSame(b, f.randn_like(ScalarType.Float64));
        AssertSame(c, x.randint_like(2, 9));
        Assert.True(f.rand_like(requires_grad: true).requires_grad);
    }

    [Fact]
    public void FillsWithoutAGeneratorDrawAsRandAndRandn()
    {
        torch.manual_seed(5);
        var a = torch.rand(3, 7);
        var b = torch.randn([40], ScalarType.Float64);
        torch.manual_seed(5);
        AssertSame(a, torch.zeros(3, 7).uniform_());
        AssertSame(b, torch.zeros([40], ScalarType.Float64).normal_());
    }
}

/// <summary>The torch.* forms of the new members.</summary>
public class TensorSurfaceFreeFunctionTests
{
    [Fact]
    public void FreeFunctionsForwardToTheMethods()
    {
        Assert.True(torch.is_nonzero(torch.tensor(3L)));
        var x = torch.zeros(2, 1, 3);
        Assert.Same(x, torch.squeeze_(x));
        Assert.Equal(new long[] { 2, 3 }, x.shape);
        Assert.Same(x, torch.unsqueeze_(x, 1));
        Assert.Equal(new long[] { 2, 1, 3 }, x.shape);
        torch.squeeze_(x, 0);
        Assert.Equal(new long[] { 2, 1, 3 }, x.shape);
    }
}

/// <summary>TorchSharp's dispose-scope members, the eval-mode rrelu and the random *_out members.</summary>
public class TensorSurfaceHousekeepingTests
{
    [Fact]
    public void RreluIsLeakyReluWithTheMeanSlope()
    {
        // PyTorch 1.13: torch.rrelu(x, lower, upper) (training=False) equals leaky_relu(x, (lower + upper) / 2) bit for bit.
        var x = torch.zeros(4, 5).normal_(0, 3, new torch.Generator(8));
        Assert.Equal(F.leaky_relu(x, 0.2).data<float>(), x.rrelu(0.1, 0.3).data<float>());
        var y = x.clone();
        Assert.Same(y, y.rrelu_());
        Assert.Equal(F.leaky_relu(x, (1.0 / 8 + 1.0 / 3) / 2).data<float>(), y.data<float>());
    }

    [Fact]
    public void DisposeScopeMembers()
    {
        Tensor kept, moved;
        using (var outer = torch.NewDisposeScope())
        {
            Tensor anchor = torch.zeros(1);
            using (torch.NewDisposeScope())
            {
                kept = torch.ones(2).DetatchFromDisposeScope();
                moved = torch.ones(2).MoveToOtherDisposeScope(anchor);
            }
            Assert.False(kept.IsInvalid);
            Assert.False(moved.IsInvalid);
        }
        Assert.True(moved.IsInvalid);
        Assert.False(kept.IsInvalid);
        kept.Dispose();
        Assert.True(kept.IsInvalid);
    }

    [Fact]
    public void RandomOutMembersResizeInTheirDtype()
    {
        var t = torch.zeros(1, ScalarType.Float64);
        Assert.Same(t, t.rand_out(2, 3));
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.True(t.min().item<double>() >= 0 && t.max().item<double>() < 1);
        t.randn_out(4);
        Assert.Equal(new long[] { 4 }, t.shape);
        var i = torch.zeros(1, ScalarType.Int32);
        i.randint_out(5, [10]);
        Assert.Equal(ScalarType.Int32, i.dtype);
        Assert.True(i.min().item<int>() >= 0 && i.max().item<int>() < 5);
        i.randperm_out(6);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, i.data<int>().Order());
        i.arange_out(0, 5, 2);
        Assert.Equal(new[] { 0, 2, 4 }, i.data<int>());
    }
}
