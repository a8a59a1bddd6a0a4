using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// The random in-place fills on a tensor (<c>uniform_</c>, <c>normal_</c>, <c>random_</c>, <c>bernoulli_</c>,
/// <c>exponential_</c>, <c>cauchy_</c>, <c>log_normal_</c>, <c>geometric_</c>) and <c>bernoulli()</c>. Values are drawn in
/// memory order of a contiguous tensor of self's shape with PyTorch 1.13's CPU algorithms (Backends/Cpu/Random), from the
/// given <see cref="torch.Generator"/> or the default CPU generator, and then copied into self (any layout, any device:
/// on <c>cuda:0</c> the draw is a documented host round trip). Without a generator, <c>uniform_</c> and <c>normal_</c>
/// draw on self's device from its own generator, as <c>torch.rand</c>/<c>torch.randn</c> do. With autograd the write
/// takes a node whose gradient is zero (PyTorch's <c>NormalBackward0</c> and kin), under <see cref="InPlace.Run"/>'s rules.
/// </summary>
internal static class RandomFills
{
    /// <summary>self = draw() (the draw happens once, on the path <see cref="InPlace.Run"/> takes).</summary>
    private static Tensor Fill(Tensor self, string node, Func<Tensor> draw) =>
        InPlace.Run(self, self.dtype,
            t => Recorder.Record(draw().to(t.dtype), node, [t], [], (g, _) => [torch.zeros_like(g)]),
            () => Dispatcher.CopyInto(self, draw()));

    private static Tensor Host(Array values, ScalarType dtype, Tensor like) =>
        Dispatcher.Adopt(values, dtype, (long[])like.Shape.Clone()).to(like.device);

    private static Tensor HostDoubles(Tensor like, torch.Generator? generator, Action<Generator, Span<double>> sample)
    {
        var values = new double[like.numel()];
        sample(torch.Generator.Resolve(generator), values);
        return Host(values, ScalarType.Float64, like);
    }

    private static void RequireFloating(Tensor self, string kernel)
    {
        if (!self.is_floating_point()) throw new ArgumentException($"\"{kernel}\" not implemented for '{DTypes.ShortName(self.dtype)}'");
    }

    /// <summary>A contiguous float64 tensor of self's shape for float64 self, else float32 (the half types draw in float32, as the existing fills do).</summary>
    private static Tensor FloatDraw(Tensor self, torch.Generator? generator, Action<Tensor> deviceFill, Action<Generator, Span<float>> f32, Action<Generator, Span<double>> f64)
    {
        var dtype = self.dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        if (generator is null)
        {
            var t = Tensor.Empty((long[])self.Shape.Clone(), dtype, self.device);
            deviceFill(t);
            return t;
        }
        var g = torch.Generator.Resolve(generator);
        if (dtype == ScalarType.Float64)
        {
            var d = new double[self.numel()];
            f64(g, d);
            return Host(d, dtype, self);
        }
        var s = new float[self.numel()];
        f32(g, s);
        return Host(s, dtype, self);
    }

    public static Tensor Uniform(Tensor self, double from, double to, torch.Generator? generator)
    {
        RequireFloating(self, "check_uniform_bounds");
        if (from > to) throw new ArgumentException($"uniform_ expects to return a [from, to) range, but found from={Fmt(from)} > to={Fmt(to)}");
        return Fill(self, "UniformBackward0", () => FloatDraw(self, generator, t => torch.FillUniform(t, from, to),
            (g, s) => Distributions.Uniform(g, s, from, to), (g, s) => Distributions.Uniform(g, s, from, to)));
    }

    public static Tensor Normal(Tensor self, double mean, double std, torch.Generator? generator)
    {
        RequireFloating(self, "normal_kernel_cpu");
        if (std < 0) throw new ArgumentException($"normal expects std >= 0.0, but found std {Fmt(std)}");
        return Fill(self, "NormalBackward0", () => FloatDraw(self, generator, t => torch.FillNormal(t, mean, std),
            (g, s) => Distributions.Normal(g, s, mean, std), (g, s) => Distributions.Normal(g, s, mean, std)));
    }

    public static Tensor Exponential(Tensor self, double lambda, torch.Generator? generator)
    {
        RequireFloating(self, "exponential_cpu");
        if (lambda < 0) throw new ArgumentException($"exponential_ expects lambda >= 0.0, but found lambda={Fmt(lambda)}");
        return Fill(self, "ExponentialBackward0", () => HostDoubles(self, generator, (g, s) => ScalarSamplers.Exponential(g, s, lambda)));
    }

    public static Tensor Cauchy(Tensor self, double median, double sigma, torch.Generator? generator)
    {
        RequireFloating(self, "cauchy_cpu");
        return Fill(self, "CauchyBackward0", () => HostDoubles(self, generator, (g, s) => ScalarSamplers.Cauchy(g, s, median, sigma)));
    }

    public static Tensor LogNormal(Tensor self, double mean, double std, torch.Generator? generator)
    {
        RequireFloating(self, "log_normal_cpu");
        if (!(std > 0)) throw new ArgumentException($"log_normal_ expects std > 0.0, but found std={Fmt(std)}");
        return Fill(self, "LogNormalBackward0", () => HostDoubles(self, generator, (g, s) => ScalarSamplers.LogNormal(g, s, mean, std)));
    }

    public static Tensor Geometric(Tensor self, double p, torch.Generator? generator)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentException($"geometric_ expects p to be in (0, 1), but got p={Fmt(p)}");
        return Fill(self, "GeometricBackward0", () => HostDoubles(self, generator, (g, s) => ScalarSamplers.Geometric(g, s, p)));
    }

    public static Tensor Bernoulli(Tensor self, double p, torch.Generator? generator)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"bernoulli_ expects p to be in [0, 1], but got p={Fmt(p)}");
        return Fill(self, "BernoulliBackward0", () => HostDoubles(self, generator, (g, s) => Distributions.Bernoulli(g, s, p)));
    }

    public static Tensor Bernoulli(Tensor self, Tensor p, torch.Generator? generator)
    {
        if (!p.is_floating_point()) throw new ArgumentException($"\"bernoulli_tensor_cpu_p_\" not implemented for '{DTypes.ShortName(p.dtype)}'");
        var probs = p.detach().expand(self.Shape).cpu().to(ScalarType.Float64).contiguous().data<double>();
        bool doubleP = p.dtype == ScalarType.Float64;
        return Fill(self, "BernoulliBackward1", () => HostDoubles(self, generator, (g, s) => ScalarSamplers.BernoulliTensor(g, s, probs, doubleP)));
    }

    /// <summary><c>torch.bernoulli(self)</c>: a fresh tensor of self's dtype, 1 with probability self.</summary>
    public static Tensor BernoulliOf(Tensor self, torch.Generator? generator)
    {
        if (!self.is_floating_point()) throw new ArgumentException($"\"bernoulli_tensor_cpu_p_\" not implemented for '{DTypes.ShortName(self.dtype)}'");
        var r = Tensor.Empty((long[])self.Shape.Clone(), self.dtype, self.device);
        Bernoulli(r, self, generator);
        return r;
    }

    /// <summary><c>random_(from, to)</c>: integers in [from, to) drawn as <c>torch.randint</c> draws them, in self's dtype.</summary>
    public static Tensor RandomFromTo(Tensor self, long from, long to, torch.Generator? generator)
    {
        if (from >= to) throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={from} >= to={to}");
        var (min, max) = Bounds(self.dtype);
        if (from < min || from > max) throw new ArgumentException($"from is out of bounds for {CName(self.dtype)}");
        if (to - 1 < min || to - 1 > max) throw new ArgumentException($"to - 1 is out of bounds for {CName(self.dtype)}");
        return Fill(self, "RandomBackward1", () =>
        {
            var values = new long[self.numel()];
            Distributions.RandomInt(torch.Generator.Resolve(generator), values, from, to);
            return Host(values, ScalarType.Int64, self);
        });
    }

    /// <summary><c>random_()</c>: integers over the dtype's whole exactly representable range.</summary>
    public static Tensor RandomFull(Tensor self, torch.Generator? generator) =>
        Fill(self, "RandomBackward0", () =>
        {
            var values = new long[self.numel()];
            ScalarSamplers.FullRange(torch.Generator.Resolve(generator), values, self.dtype);
            return Host(values, ScalarType.Int64, self);
        });

    private static (long min, long max) Bounds(ScalarType t) => t switch
    {
        ScalarType.Bool => (0, 1),
        ScalarType.Byte => (0, byte.MaxValue),
        ScalarType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        ScalarType.Int16 => (short.MinValue, short.MaxValue),
        ScalarType.Int32 => (int.MinValue, int.MaxValue),
        ScalarType.Int64 => (long.MinValue, long.MaxValue),
        ScalarType.Float16 => (-(1L << 11), 1L << 11),
        ScalarType.BFloat16 => (-(1L << 8), 1L << 8),
        ScalarType.Float32 => (-(1L << 24), 1L << 24),
        _ => (-(1L << 53), 1L << 53),
    };

    private static string CName(ScalarType t) => t switch
    {
        ScalarType.Bool => "bool",
        ScalarType.Byte => "unsigned char",
        ScalarType.Int8 => "signed char",
        ScalarType.Int16 => "short",
        ScalarType.Int32 => "int",
        ScalarType.Int64 => "long",
        ScalarType.Float16 => "c10::Half",
        ScalarType.BFloat16 => "c10::BFloat16",
        ScalarType.Float32 => "float",
        _ => "double",
    };

    private static string Fmt(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
