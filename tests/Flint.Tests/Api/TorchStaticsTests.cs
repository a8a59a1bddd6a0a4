using System.Text.Json;
using Flint.Modules;
using static Flint.torch;

namespace Flint.Tests.Api;

/// <summary>
/// The torch-level statics added for TorchSharp parity (issue 15, item 6): legacy typed constructors, as_tensor/frombuffer/
/// from_file, finfo/can_cast/is_nonzero, the random free functions, global settings, gradient, histogram, the legacy
/// decompositions and the optimizer interfaces. Values come from PyTorch 1.13 (tools/golden/gen_torch_statics.py →
/// tests/golden/torch-statics.json); random draws are compared bit for bit.
/// </summary>
[Collection(GlobalRandomCollection.Name)] // some tests seed the default generator or change process-wide settings
public class TorchStaticsTests
{
    private static readonly Lazy<JsonDocument> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "torch-statics.json"))));

    private static JsonElement Root => Golden.Value.RootElement;

    private static ScalarType DType(string name) => name switch
    {
        "bool" => ScalarType.Bool, "uint8" => ScalarType.Byte, "int8" => ScalarType.Int8, "int16" => ScalarType.Int16,
        "int32" => ScalarType.Int32, "int64" => ScalarType.Int64, "float16" => ScalarType.Float16,
        "bfloat16" => ScalarType.BFloat16, "float32" => ScalarType.Float32, "float64" => ScalarType.Float64,
        _ => throw new ArgumentException(name),
    };

    private static double Num(JsonElement v) => v.ValueKind == JsonValueKind.String
        ? v.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new ArgumentException(s) }
        : v.ValueKind == JsonValueKind.True ? 1 : v.ValueKind == JsonValueKind.False ? 0 : v.GetDouble();

    /// <summary>Decodes golden_common.enc's {shape, dtype, values}.</summary>
    private static Tensor Decode(JsonElement e)
    {
        var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var values = e.GetProperty("values").EnumerateArray().Select(Num).ToArray();
        return tensor(values, shape, ScalarType.Float64).to(DType(e.GetProperty("dtype").GetString()!));
    }

    private static double[] Values(Tensor t) => t.detach().cpu().to(ScalarType.Float64).contiguous().data<double>();

    private static void Same(JsonElement expected, Tensor actual, string label, double tol = 0)
    {
        var e = Decode(expected);
        Assert.True(e.shape.SequenceEqual(actual.shape), $"{label}: shape {Shapes.Str(actual.shape)}, expected {Shapes.Str(e.shape)}");
        Assert.True(e.dtype == actual.dtype, $"{label}: dtype {actual.dtype}, expected {e.dtype}");
        var ev = Values(e);
        var av = Values(actual);
        for (int i = 0; i < ev.Length; i++)
        {
            bool ok = tol == 0 ? ev[i].Equals(av[i]) : Math.Abs(ev[i] - av[i]) <= tol * (1 + Math.Abs(ev[i]));
            Assert.True(ok, $"{label}[{i}]: {av[i]:R}, expected {ev[i]:R}");
        }
    }

    private static JsonElement Input(JsonElement c, string name) => c.GetProperty("inputs").GetProperty(name);

    // ---- group 1 ----

    [Fact]
    public void LegacyTypedConstructorsCast()
    {
        var x = tensor(new[] { 1.7, -2.2, 0.0 }, ScalarType.Float64);
        Assert.Equal(ScalarType.Float32, FloatTensor(x).dtype);
        Assert.Equal(new[] { 1.7, -2.2, 0.0 }, Values(DoubleTensor(x)));
        Assert.Equal(new long[] { 1, -2, 0 }, LongTensor(x).data<long>());
        Assert.Equal(new[] { 1, -2, 0 }, IntTensor(x).data<int>());
        Assert.Equal(new short[] { 1, -2, 0 }, ShortTensor(x).data<short>());
        Assert.Equal(new byte[] { 1, 0 }, ByteTensor(tensor(new[] { 1.0, 0.0 })).data<byte>());
        Assert.Equal(new[] { true, true, false }, BoolTensor(x).data<bool>());
        var f = tensor(new[] { 1f });
        Assert.Same(f, FloatTensor(f)); // already float32: the tensor itself, as Tensor.to
    }

    [Fact]
    public void AsTensorSharesWhenItCanAndConvertsOtherwise()
    {
        var t = tensor(new[] { 1f, 2f });
        Assert.Same(t, as_tensor(t));
        Assert.Same(t, as_tensor(t, ScalarType.Float32, CPU));
        var d = as_tensor(t, ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, d.dtype);
        Assert.Equal(new[] { 1.0, 2.0 }, Values(d));

        var arr = new[] { 1.0, 2.0, 3.0 };
        var shared = as_tensor(arr);
        Assert.Equal(ScalarType.Float64, shared.dtype); // the array's own type, as a NumPy float64 array
        arr[1] = 20;
        Assert.Equal(20.0, shared[1].item<double>());
        var ints = as_tensor(new[] { 1, 2 });
        Assert.Equal(ScalarType.Int32, ints.dtype);
        var copied = as_tensor(arr, ScalarType.Float32);
        arr[0] = 99;
        Assert.Equal(1f, copied[0].item<float>());
        var m = as_tensor(new[,] { { 1L, 2L }, { 3L, 4L } });
        Assert.Equal(new long[] { 2, 2 }, m.shape);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, m.data<long>());
    }

    [Fact]
    public void FrombufferReadsBytesAndSharesSameTypedArrays()
    {
        var floats = new[] { 1f, 2f, 3f, 4f };
        var t = frombuffer(floats, ScalarType.Float32, count: 2, offset: 1);
        Assert.Equal(new[] { 2f, 3f }, t.data<float>());
        floats[2] = 30;
        Assert.Equal(30f, t[1].item<float>()); // same element type: shared memory, as PyTorch

        var bytes = new byte[8];
        BitConverter.GetBytes(1.5f).CopyTo(bytes, 0);
        BitConverter.GetBytes(-2f).CopyTo(bytes, 4);
        Assert.Equal(new[] { 1.5f, -2f }, frombuffer(bytes, ScalarType.Float32).data<float>());
        Assert.Equal(new[] { -2f }, frombuffer(bytes, ScalarType.Float32, offset: 4).data<float>());

        // PyTorch's ValueErrors, byte for byte (the same 10-byte buffer as in Python).
        var ten = new byte[10];
        Err(() => frombuffer(ten, ScalarType.Float32, offset: 10), "offset (10 bytes) must be non-negative and no greater than buffer length (10 bytes) minus 1");
        Err(() => frombuffer(ten, ScalarType.Float32, offset: -1), "offset (-1 bytes) must be non-negative and no greater than buffer length (10 bytes) minus 1");
        Err(() => frombuffer(ten, ScalarType.Float32, count: 3), "requested buffer length (3 * 4 bytes) after offset (0 bytes) must not be greater than actual buffer length (10 bytes)");
        Err(() => frombuffer(ten, ScalarType.Float32, offset: 1), "buffer length (9 bytes) after offset (1 bytes) must be a multiple of element size (4)");
        Err(() => frombuffer(ten, ScalarType.Float32, count: 0), "both buffer length (10) and count (0) must not be 0");
        Err(() => frombuffer(ten, ScalarType.Float32, count: long.MaxValue), "requested buffer length");
    }

    private static void Err(Action a, string message)
    {
        var ex = Assert.ThrowsAny<Exception>(a);
        Assert.True(ex is ArgumentException or InvalidOperationException or IOException or NotSupportedException, ex.ToString());
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void FromFileReadsElementsAndRefusesHostileSizes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flint-from-file-{Guid.NewGuid():N}.bin");
        try
        {
            var data = new byte[12];
            BitConverter.GetBytes(1.25f).CopyTo(data, 0);
            BitConverter.GetBytes(-3f).CopyTo(data, 4);
            BitConverter.GetBytes(7f).CopyTo(data, 8);
            File.WriteAllBytes(path, data);
            Assert.Equal(new[] { 1.25f, -3f }, from_file(path, size: 2, dtype: ScalarType.Float32).data<float>());
            Assert.Equal(new long[] { 0 }, from_file(path).shape);
            Assert.Equal(ScalarType.Int16, from_file(path, size: 6, dtype: ScalarType.Int16).dtype);
            Err(() => from_file(path, size: 4, dtype: ScalarType.Float32), $"file <{path}> size is smaller than the required mapping size <16>");
            Err(() => from_file(path, size: -1, dtype: ScalarType.Float32), "unable to mmap -4 bytes");
            Err(() => from_file(path, size: long.MaxValue / 2, dtype: ScalarType.Float64), "unable to mmap");
            Err(() => from_file(path, size: long.MaxValue / 16, dtype: ScalarType.Float32), "size is smaller than the required mapping size");
            Err(() => from_file(path, shared: true, size: 1), "shared=True");
            Err(() => from_file(path + ".missing", size: 1), "unable to open file");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void CanCastMatchesPyTorchOnEveryPair()
    {
        int n = 0;
        foreach (var row in Root.GetProperty("can_cast").EnumerateArray())
        {
            var r = row.EnumerateArray().ToArray();
            var (from, to) = (DType(r[0].GetString()!), DType(r[1].GetString()!));
            Assert.True(can_cast(from, to) == r[2].GetBoolean(), $"can_cast({from}, {to})");
            n++;
        }
        Assert.Equal(100, n);
    }

    [Fact]
    public void FinfoMatchesPyTorch()
    {
        foreach (var p in Root.GetProperty("finfo").EnumerateObject())
        {
            var f = finfo(DType(p.Name));
            var g = p.Value;
            Assert.Equal(g.GetProperty("bits").GetInt32(), f.bits);
            Assert.Equal(g.GetProperty("eps").GetDouble(), f.eps);
            Assert.Equal(g.GetProperty("max").GetDouble(), f.max);
            Assert.Equal(g.GetProperty("min").GetDouble(), f.min);
            Assert.Equal(g.GetProperty("tiny").GetDouble(), f.tiny);
            Assert.Equal(g.GetProperty("tiny").GetDouble(), f.smallest_normal);
            Assert.Equal(g.GetProperty("resolution").GetDouble(), f.resolution);
        }
        Assert.Equal(finfo(get_default_dtype()).eps, finfo().eps);
        Err(() => finfo(ScalarType.Int32), "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'");
    }

    [Fact]
    public void IsNonzeroMaxIntAssertAndVersion()
    {
        Assert.True(is_nonzero(tensor(new[] { 2.5 })));
        Assert.False(is_nonzero(tensor(0.0)));
        Assert.True(is_nonzero(tensor(new[] { true })));
        Err(() => is_nonzero(zeros(0)), "Boolean value of Tensor with no values is ambiguous");
        Err(() => is_nonzero(tensor(new[] { 1, 2 })), "Boolean value of Tensor with more than one value is ambiguous");
        Assert.Equal(255, max_int_value(ScalarType.Byte));
        Assert.Equal(127, max_int_value(ScalarType.Int8));
        Assert.Equal(32767, max_int_value(ScalarType.Int16));
        Assert.Equal(int.MaxValue, max_int_value(ScalarType.Int32));
        Assert.Equal(long.MaxValue, max_int_value(ScalarType.Int64));
        Err(() => max_int_value(ScalarType.Bool), "Not an integral type");
        Err(() => max_int_value(ScalarType.Float32), "Not an integral type");
        _assert(true, "never");
        Err(() => _assert(false, "boom"), "boom");
        Err(() => _assert(() => 1 > 2, "lazy boom"), "lazy boom");
        Assert.Equal("1.13.0", __version__);
    }

    // ---- group 2: random ----

    private static Tensor RunRandom(string name, JsonElement c, torch.Generator g) => name switch
    {
        "bernoulli_f32" or "bernoulli_f64" => bernoulli(Decode(Input(c, "p")), g),
        "normal_tt_broadcast" or "normal_tt_f32_20" or "normal_tt_f64_20" => normal(Decode(Input(c, "mean")), Decode(Input(c, "std")), g),
        "normal_tf_f64" => normal(Decode(Input(c, "mean")), 2.0, g),
        "normal_tf_f32_small" => normal(Decode(Input(c, "mean")), 0.5, g),
        "normal_ft_f32" => normal(1.5, Decode(Input(c, "std")), g),
        "normal_ff_f32_17" => normal(0.5, 2.0, [17], generator: g),
        "normal_ff_f64_5" => normal(0.5, 2.0, [5], ScalarType.Float64, generator: g),
        "poisson_f32" or "poisson_f64" => poisson(Decode(Input(c, "rate")), g),
        "binomial_f32" or "binomial_f64" => binomial(Decode(Input(c, "count")), Decode(Input(c, "prob")), g),
        "standard_gamma_f32" or "standard_gamma_f64" => _standard_gamma(Decode(Input(c, "alpha")), g),
        "sample_dirichlet_f32" or "sample_dirichlet_f64" => _sample_dirichlet(Decode(Input(c, "alpha")), g),
        _ => throw new ArgumentException(name),
    };

    private static readonly Dictionary<string, long> Seeds = new()
    {
        ["bernoulli_f32"] = 1, ["bernoulli_f64"] = 2, ["normal_tt_broadcast"] = 3, ["normal_tt_f32_20"] = 4, ["normal_tt_f64_20"] = 5,
        ["normal_tf_f64"] = 6, ["normal_tf_f32_small"] = 7, ["normal_ft_f32"] = 8, ["normal_ff_f32_17"] = 9, ["normal_ff_f64_5"] = 10,
        ["poisson_f32"] = 11, ["poisson_f64"] = 12, ["binomial_f64"] = 13, ["binomial_f32"] = 14, ["standard_gamma_f32"] = 15,
        ["standard_gamma_f64"] = 16, ["sample_dirichlet_f64"] = 17, ["sample_dirichlet_f32"] = 18,
    };

    public static TheoryData<string> RandomCases()
    {
        var d = new TheoryData<string>();
        foreach (var c in Root.GetProperty("random").EnumerateArray()) d.Add(c.GetProperty("name").GetString()!);
        return d;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RandomFreeFunctionsMatchPyTorchBitForBit(string name)
    {
        var c = Root.GetProperty("random").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var g = new torch.Generator(Seeds[name]);
        Same(c.GetProperty("result"), RunRandom(name, c, g), name);
    }

    [Fact]
    public void ScalarDrawsMatchPyTorch()
    {
        var s = Root.GetProperty("scalar_draws");
        var g = new torch.Generator(Root.GetProperty("scalar_draws_seed").GetInt64());
        foreach (var v in s.GetProperty("rand_float").EnumerateArray()) Assert.Equal(v.GetDouble(), rand_float(g));
        foreach (var v in s.GetProperty("randn_float").EnumerateArray()) Assert.Equal(v.GetDouble(), randn_float(g));
        foreach (var v in s.GetProperty("randint_long").EnumerateArray()) Assert.Equal(v.GetInt64(), randint_long(-5, 1L << 40, g));
        foreach (var v in s.GetProperty("randint_int").EnumerateArray()) Assert.Equal(v.GetInt32(), randint_int(3, 17, g));
        foreach (var v in s.GetProperty("randint_bool").EnumerateArray()) Assert.Equal(v.GetBoolean(), randint_bool(g));
        Err(() => randint_long(3, 3), "random_ expects 'from' to be less than 'to', but got from=3 >= to=3");
    }

    [Fact]
    public void OutFormsResizeAndMatchPyTorch()
    {
        var o = Root.GetProperty("out_forms");
        manual_seed(o.GetProperty("seed").GetInt64());
        var t = empty([0]);
        Assert.Same(t, rand_out(t, 2, 3));
        Same(o.GetProperty("rand"), t, "rand_out");
        var ti = empty([0], ScalarType.Int32);
        Assert.Same(ti, randint_out(ti, 9, [4]));
        Same(o.GetProperty("randint"), ti, "randint_out");
        var tp = empty([0], ScalarType.Int64);
        Assert.Same(tp, randperm_out(tp, 10));
        Same(o.GetProperty("randperm"), tp, "randperm_out");
    }

    [Fact]
    public void RandomErrorsUsePyTorchsWording()
    {
        Err(() => normal(zeros(3), -1.0), "normal expects std >= 0.0, but found std -1");
        Err(() => normal(0.0, -ones(2)), "normal expects all elements of std >= 0.0");
        Err(() => normal(0.0, -1.0, [2]), "normal expects std >= 0.0, but found std -1");
        Err(() => normal(zeros(2, ScalarType.Int64), 1.0), "\"normal_kernel_cpu\" not implemented for 'Long'");
        Err(() => poisson(tensor(new[] { -1f })), "invalid Poisson rate, expected rate to be non-negative");
        Err(() => bernoulli(tensor(new[] { 2f })), "Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
        Assert.Equal(new long[] { 3, 4 }, normal(zeros(3, 1), ones(1, 4)).shape);
        Assert.Equal(ScalarType.Float64, normal(zeros(2, ScalarType.Float64), 1.0).dtype);
    }

    // ---- group 3: settings ----

    [Fact]
    public void NumThreadsBoundsTheCpuLoopsWithoutChangingResults()
    {
        int saved = get_num_threads();
        try
        {
            Assert.Equal(Environment.ProcessorCount, saved);
            var g = new torch.Generator(5);
            var a = normal(0, 1, [300, 200], generator: g);
            var b = normal(0, 1, [200, 250], generator: g);
            var parallel = a.mm(b);
            set_num_threads(1);
            Assert.Equal(1, get_num_threads());
            Assert.Equal(1, Parallelism.IntraOpThreads);
            var serial = a.mm(b);
            Assert.True(parallel.equal(serial)); // the split is fixed: the thread count only bounds the workers
            Err(() => set_num_threads(0), "set_num_threads expects a positive integer");
        }
        finally { set_num_threads(saved); }
        int interop = get_num_interop_threads();
        set_num_interop_threads(3);
        Assert.Equal(3, get_num_interop_threads());
        set_num_interop_threads(interop);
        Err(() => set_num_interop_threads(-1), "Expected positive number of threads");
    }

    [Fact]
    public void DeterminismDebugModeAndWarnFlags()
    {
        Assert.False(are_deterministic_algorithms_enabled());
        Assert.Equal(DebugMode.@default, get_deterministic_debug_mode());
        try
        {
            use_deterministic_algorithms(true, warn_only: true);
            Assert.True(are_deterministic_algorithms_enabled());
            Assert.True(is_deterministic_algorithms_warn_only_enabled());
            Assert.Equal(DebugMode.warn, get_deterministic_debug_mode());
            set_deterministic_debug_mode("error");
            Assert.False(is_deterministic_algorithms_warn_only_enabled());
            Assert.Equal(DebugMode.error, get_deterministic_debug_mode());
            set_deterministic_debug_mode(DebugMode.@default);
            Assert.False(are_deterministic_algorithms_enabled());
            Err(() => set_deterministic_debug_mode("x"), "invalid value of debug_mode, expected one of `default`, `warn`, `error`, but got x");
        }
        finally { use_deterministic_algorithms(false); }

        Assert.False(is_warn_always_enabled());
        set_warn_always(true);
        Assert.True(is_warn_always_enabled());
        set_warn_always(false);

        Assert.Equal(Float32MatmulPrecision.highest, get_float32_matmul_precision());
        Assert.False(backends.cuda.matmul.allow_tf32);
        try
        {
            set_float32_matmul_precision("high");
            Assert.Equal(Float32MatmulPrecision.high, get_float32_matmul_precision());
            Assert.True(backends.cuda.matmul.allow_tf32);
            Err(() => set_float32_matmul_precision("x"), "x is not one of 'highest', 'high', or 'medium'");
        }
        finally { set_float32_matmul_precision(Float32MatmulPrecision.highest); }
        Assert.False(backends.cuda.matmul.allow_tf32);
        Assert.False(compiled_with_cxx11_abi());
    }

    [Fact]
    public void DefaultDeviceAndTensorType()
    {
        Assert.Equal(DeviceType.CPU, get_default_device().type);
        set_default_device("cpu");
        Assert.Equal(DeviceType.CPU, zeros(2).device.type);
        if (!cuda.is_available())
            Err(() => set_default_device("cuda:0"), "not available");

        try
        {
            set_default_tensor_type(ScalarType.Float64);
            Assert.Equal(ScalarType.Float64, get_default_dtype());
            Assert.Equal(ScalarType.Float64, zeros(1).dtype);
            set_default_tensor_type(zeros(1, ScalarType.Float32));
            Assert.Equal(ScalarType.Float32, get_default_dtype());
            Err(() => set_default_tensor_type(zeros(1, ScalarType.Int32)), "only floating-point types are supported as the default type");
        }
        finally { set_default_dtype(ScalarType.Float32); }
    }

    [Fact]
    public void BackendFlagsDeviceInitAndDisposeScope()
    {
        Assert.True(backends.cuda.flash_sdp_enabled());
        Assert.True(backends.cuda.math_sdp_enabled());
        backends.cuda.enable_flash_sdp(false);
        Assert.False(backends.cuda.flash_sdp_enabled());
        backends.cuda.enable_flash_sdp(true);
        backends.cuda.enable_math_sdp(false);
        Assert.False(backends.cuda.math_sdp_enabled());
        backends.cuda.enable_math_sdp(true);
        Assert.True(backends.cuda.matmul.allow_fp16_reduced_precision_reduction);
        Assert.True(backends.cudnn.allow_tf32);
        Assert.False(cuda.is_cudnn_available());

        CheckForErrors();
        Assert.True(TryInitializeDeviceType(DeviceType.CPU));
        InitializeDeviceType(DeviceType.CPU);
        Assert.Equal(DeviceType.CPU, InitializeDevice(null).type);
        Assert.Equal(cuda.is_available(), TryInitializeDeviceType(DeviceType.CUDA));
        if (!cuda.is_available())
        {
            Err(() => InitializeDeviceType(DeviceType.CUDA), "did not initialise");
            Err(() => InitializeDevice(CUDA), "did not initialise");
        }

        Assert.Null(CurrentDisposeScope);
        using (var scope = NewDisposeScope())
        {
            Assert.Same(scope, CurrentDisposeScope);
            using (var inner = NewDisposeScope()) Assert.Same(inner, CurrentDisposeScope);
            Assert.Same(scope, CurrentDisposeScope);
        }
        Assert.Null(CurrentDisposeScope);

        Assert.Equal("nearest-exact", ModeName(InterpolationMode.NearestExact));
        Assert.Equal("area", ModeName(InterpolationMode.Area));
        Assert.Equal("trilinear", ModeName(UpsampleMode.Trilinear));
        var up = nn.functional.interpolate(arange(4.0).reshape(1, 1, 4), scale_factor: [2.0], mode: ModeName(UpsampleMode.Nearest));
        Assert.Equal(new[] { 0.0, 0, 1, 1, 2, 2, 3, 3 }, Values(up));
    }

    // ---- group 4 ----

    private static Tensor[] RunGradient(string name, Tensor x, Tensor c0, Tensor c1) => name switch
    {
        "default" => gradient(x),
        "scalar_spacing" => gradient(x, 2.0),
        "list_spacing" => gradient(x, new[] { 2.0, 0.5 }),
        "coords" => gradient(x, new[] { c0, c1 }),
        "edge2" => gradient(x, edge_order: 2),
        "edge2_coords" => gradient(x, new[] { c0, c1 }, edge_order: 2),
        "dim1" => gradient(x, dim: 1),
        "dim1_spacing3" => gradient(x, 3.0, dim: 1, edge_order: 2),
        "dims_list_coords" => gradient(x, new[] { c1 }, [1]),
        "int_1d" => gradient(tensor(new long[] { 1, 4, 9, 16, 25 })),
        "f64_edge2" => gradient(x.to(ScalarType.Float64), new[] { 1.5, 0.25 }, edge_order: 2),
        _ => throw new ArgumentException(name),
    };

    [Fact]
    public void GradientMatchesPyTorch()
    {
        var x = Decode(Root.GetProperty("gradient_input"));
        var cs = Root.GetProperty("gradient_coords").EnumerateArray().Select(Decode).ToArray();
        int n = 0;
        foreach (var c in Root.GetProperty("gradient").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var got = RunGradient(name, x, cs[0], cs[1]);
            var exp = c.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(exp.Length, got.Length);
            for (int i = 0; i < exp.Length; i++) Same(exp[i], got[i], $"gradient {name} [{i}]", 1e-6);
            n++;
        }
        Assert.Equal(11, n);
        Err(() => gradient(x, edge_order: 3), "torch.gradient only supports edge_order=1 and edge_order=2.");
        Err(() => gradient(ones(2), edge_order: 2), "torch.gradient expected each dimension size to be at least edge_order+1");
        Err(() => gradient(x, new[] { 2.0 }), "torch.gradient expected spacing to be unspecified, a scalar or a list of length equal to 'self.dim() = 2'");
    }

    [Fact]
    public void GradientIsDifferentiable()
    {
        var g = new torch.Generator(3);
        var x = normal(0, 1, [4, 5], ScalarType.Float64, generator: g).requires_grad_(true);
        var c = tensor(new[] { 0.0, 0.3, 1.0, 1.2, 2.5 });
        Assert.True(autograd.gradcheck(xs => gradient(xs[0], new[] { c }, [1], edge_order: 2)[0], [x]));
        Assert.True(autograd.gradcheck(xs => gradient(xs[0], 0.5)[0] + gradient(xs[0], 0.5)[1], [x]));
    }

    public static TheoryData<string> HistogramCases()
    {
        var d = new TheoryData<string>();
        foreach (var c in Root.GetProperty("histogram").EnumerateArray()) d.Add(c.GetProperty("name").GetString()!);
        return d;
    }

    [Theory]
    [MemberData(nameof(HistogramCases))]
    public void HistogramMatchesPyTorch(string name)
    {
        var c = Root.GetProperty("histogram").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var x = Decode(Root.GetProperty("histogram_input"));
        var w = Decode(Root.GetProperty("histogram_weight"));
        var b = Decode(Root.GetProperty("histogram_bins"));
        var (hist, edges) = name switch
        {
            "bins4" => histogram(x, 4),
            "bins3_range" => histogram(x, 3, (0.0, 2.0)),
            "bins5_weight" => histogram(x, 5, weight: w),
            "bins5_density" => histogram(x, 5, density: true),
            "bins5_weight_density" => histogram(x, 5, (-1.0, 3.0), w, true),
            "tensor_bins" => histogram(x, b),
            "tensor_bins_weight_density" => histogram(x, b, w, true),
            "constant" => histogram(tensor(new[] { 1f, 1f, 1f }), 2),
            "f64_bins7" => histogram(x.to(ScalarType.Float64) * 3.3, 7),
            "edge_values" => histogram(linspace(0, 1, 11), 10),
            "f32_bins20" => histogram(x * 2.7, 20),
            "f64_bins19" => histogram(x.to(ScalarType.Float64) * 1.7 - 0.3, 19, weight: w.to(ScalarType.Float64), density: true),
            _ => throw new ArgumentException(name),
        };
        Same(c.GetProperty("bin_edges"), edges, name + " edges");
        Same(c.GetProperty("hist"), hist, name + " hist", 1e-6);
    }

    [Fact]
    public void HistogramErrors()
    {
        Err(() => histogram(tensor(new[] { 1f, 2f }), 2, (3.0, 1.0)), "torch.histogramdd: min should not exceed max, but got min 3 max 1 for dimension 0");
        Err(() => histogram(tensor(new long[] { 1, 2 }), 2), "\"histogramdd\" not implemented for 'Long'");
        Err(() => histogram(tensor(new[] { 1f, 2f }), -1), "torch.histogram(): bins must be > 0, but got -1 for dimension 0");
        var (h, _) = histogram(tensor(new[] { 1f, 2f }), tensor(new[] { 2f, 1f }));
        Assert.Equal(new[] { 0f }, h.data<float>()); // decreasing edges: everything falls outside, as PyTorch
    }

    [Fact]
    public void SqueezeAndUnsqueezeInPlace()
    {
        var x = arange(6.0).reshape(1, 2, 1, 3);
        var storage = x.data_ptr();
        Assert.Same(x, squeeze_(x, 0));
        Assert.Equal(new long[] { 2, 1, 3 }, x.shape);
        Assert.Same(x, squeeze_(x));
        Assert.Equal(new long[] { 2, 3 }, x.shape);
        Assert.Same(x, unsqueeze_(x, -1));
        Assert.Equal(new long[] { 2, 3, 1 }, x.shape);
        Assert.Equal(new long[] { 3, 1, 1 }, x.stride());
        Assert.Equal(storage, x.data_ptr());
        Assert.Equal(new[] { 0.0, 1, 2, 3, 4, 5 }, Values(x));
        Err(() => squeeze_(ones([1, 2], requires_grad: true)), "a leaf Variable that requires grad");
    }

    private static void SameUpToColumnSigns(JsonElement expected, Tensor actual, string label)
    {
        var e = Decode(expected).to(ScalarType.Float64);
        Assert.Equal(e.shape, actual.shape);
        // Align each column's sign with PyTorch's (LAPACK's signs are a convention), then compare.
        var signs = (e * actual).sum(0).sign();
        signs = where(signs == 0, ones_like(signs), signs);
        Same(expected, actual * signs, label, 1e-10);
    }

    [Fact]
    public void LegacyDecompositionsFollowPyTorchsConventions()
    {
        var l = Root.GetProperty("linalg");
        var a = Decode(l.GetProperty("a"));
        var (q, r) = qr(a);
        Same(l.GetProperty("qr_some")[0], q, "qr Q", 1e-10);
        Same(l.GetProperty("qr_some")[1], r, "qr R", 1e-10);
        (q, r) = qr(a, some: false);
        Assert.Equal(new long[] { 4, 4 }, q.shape);
        Same(l.GetProperty("qr_full")[1], r, "qr full R", 1e-10);
        Assert.True(q.mm(r).allclose(a));

        var (u, s, v) = svd(a);
        Same(l.GetProperty("svd_some")[1], s, "svd S", 1e-10);
        Assert.Equal(new long[] { 4, 3 }, u.shape);
        SameUpToColumnSigns(l.GetProperty("svd_some")[2], v, "svd V (not Vh)");
        Assert.True((u * s).mm(v.mT).allclose(a));
        (u, s, v) = svd(a, some: false);
        Assert.Equal(new long[] { 4, 4 }, u.shape);
        Assert.Equal(new long[] { 3, 3 }, v.shape);
        (u, s, v) = svd(a, compute_uv: false);
        Same(l.GetProperty("svd_no_uv")[0], u, "svd no-uv U");
        Same(l.GetProperty("svd_no_uv")[1], s, "svd no-uv S", 1e-10);
        Same(l.GetProperty("svd_no_uv")[2], v, "svd no-uv V");

        var symU = Decode(l.GetProperty("sym_u"));
        var (ev, vecs) = symeig(symU, eigenvectors: true);
        Same(l.GetProperty("symeig_upper")[0], ev, "symeig upper values", 1e-10);
        SameUpToColumnSigns(l.GetProperty("symeig_upper")[1], vecs, "symeig upper vectors");
        var symL = symU.triu() + symU.triu(1).mT + tensor(9.0, ScalarType.Float64) * ones(3, 3, ScalarType.Float64).triu(1);
        var (evl, vecsl) = symeig(symL, eigenvectors: true, upper: false);
        Same(l.GetProperty("symeig_lower")[0], evl, "symeig lower values", 1e-10);
        SameUpToColumnSigns(l.GetProperty("symeig_lower")[1], vecsl, "symeig lower vectors");
        var (ev0, none) = symeig(symU);
        Same(l.GetProperty("symeig_values")[0], ev0, "symeig values only", 1e-10);
        Same(l.GetProperty("symeig_values")[1], none, "symeig no vectors");

        Assert.Equal(l.GetProperty("matrix_rank").GetInt64(), matrix_rank(a).item<long>());
        // Singular values 4.70, 3.23, 2.68: the rank counts those above tol.
        Assert.Equal(3, matrix_rank(a, 1.0f).item<long>());
        Assert.Equal(2, matrix_rank(a, 3.0f).item<long>());
        Assert.Equal(1, matrix_rank(a, 4.0f).item<long>());
        Assert.Equal(2, matrix_rank(a.mm(a.mT), 3.0f * 3.0f, symmetric: true).item<long>());
    }

    [Fact]
    public void OptimizerInterfacesReadAndSetHyperparameters()
    {
        var p = nn.Parameter(zeros(2));
        var sgd = optim.SGD([p], lr: 0.1, momentum: 0.9);
        optim.IMomentum m = sgd;
        Assert.Equal(0.9, m.Momentum);
        var group = (SGD.ParamGroup)sgd.ParamGroups[0];
        optim.IMomentum gm = group;
        gm.Momentum = 0.5;
        Assert.Equal(0.5, group.Options!.momentum);
        optim.ILearningRateController lc = group;
        Assert.Equal(0.1, lc.LearningRate);
        Assert.Equal(0.1, lc.InitialLearningRate); // no scheduler yet: the current rate
        lc.LearningRate = 0.2;
        lc.InitialLearningRate = 0.3;
        Assert.Equal(0.2, group.lr);
        Assert.Equal(0.3, group.InitialLearningRate);

        var adam = optim.Adam([nn.Parameter(zeros(2))], lr: 0.01, beta1: 0.8, beta2: 0.95);
        optim.IBetas b = adam;
        Assert.Equal((0.8, 0.95), b.Betas);
        optim.IBetas gb = (Adam.ParamGroup)adam.ParamGroups[0];
        gb.Betas = (0.7, 0.9);
        Assert.Equal(0.7, ((Adam.ParamGroup)adam.ParamGroups[0]).Options!.beta1);
        Assert.True(optim.AdamW([nn.Parameter(zeros(2))], lr: 0.01) is optim.IBetas);
        Assert.True(optim.RMSProp([nn.Parameter(zeros(2))], lr: 0.01) is optim.IMomentum);
        Assert.False(sgd is optim.IBetas);
    }

    [Fact]
    public void ChainedLRStepsEverySchedulerInOrder()
    {
        var p = nn.Parameter(zeros(1));
        var opt = optim.SGD([p], lr: 1.0);
        var s1 = optim.lr_scheduler.StepLR(opt, 2, 0.5);
        var s2 = optim.lr_scheduler.ExponentialLR(opt, 0.9);
        var chained = optim.lr_scheduler.ChainedLR(new[] { s1, s2 });
        Assert.IsType<optim.lr_scheduler.impl.ChainedLR>(chained);
        var rates = new List<double>();
        for (int i = 0; i < 4; i++) { chained.step(); rates.Add(opt.ParamGroups[0].lr); }
        // PyTorch: ChainedScheduler([StepLR(step_size=2, gamma=0.5), ExponentialLR(0.9)]) from lr 1.
        double[] expected = [0.9, 0.405, 0.3645, 0.164025];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], rates[i], 12);
    }
}

public class TorchSharpHelperStaticsTests
{
    [Fact]
    public void NormalizeNuGetVersionFollowsTorchSharp()
    {
        Assert.Equal("1.2.3-beta", torch.NormalizeNuGetVersion("1.2.3.0-beta+sha"));
        Assert.Equal("1.2.3.4", torch.NormalizeNuGetVersion("1.2.3.4"));
        Assert.Equal("2.1", torch.NormalizeNuGetVersion("2.1"));
        Assert.Throws<ArgumentException>(() => torch.NormalizeNuGetVersion("1"));
        Assert.Throws<ArgumentException>(() => torch.NormalizeNuGetVersion(" "));
        Assert.Throws<ArgumentException>(() => torch.NormalizeNuGetVersion("1.x"));
    }

    [Fact]
    public void WrappedTensorDisposeScopeKeepsOnlyTheResult()
    {
        using var outer = torch.NewDisposeScope();
        var x = torch.ones(3);
        Tensor? temp = null;
        var r = torch.WrappedTensorDisposeScope(() => { temp = x * 2; return temp + 1; });
        Assert.Equal(new[] { 3f, 3f, 3f }, r.data<float>());
        Assert.True(temp!.IsDisposed);
        Assert.False(r.IsDisposed);
        Assert.Same(outer, torch.CurrentDisposeScope);
    }

    [Fact]
    public void InPlaceSpecialStaticsAndOrgqr()
    {
        var x = torch.tensor(new[] { 2.5, 3.0 }, ScalarType.Float64);
        var expected = x.mvlgamma(2);
        Assert.Same(x, torch.mvlgamma_(x, 2));
        Assert.True(x.equal(expected));
        var y = torch.tensor(new[] { 1.5, 2.0 }, ScalarType.Float64);
        var py = y.polygamma(1);
        Assert.Same(y, torch.polygamma_(y, 1));
        Assert.True(y.equal(py));
        var a = torch.tensor(new[,] { { 2.0, 1.0 }, { 1.0, 3.0 }, { 0.5, -1.0 } });
        var tau = torch.tensor(new[] { 1.2, 0.4 });
        Assert.True(torch.orgqr(a, tau).equal(torch.linalg.householder_product(a, tau)));
    }
}
