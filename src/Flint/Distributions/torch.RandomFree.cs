namespace Flint;

// The torch-level random free functions. They live beside the distributions because they share their samplers
// (DistributionDraws, NativeSamplers), which are PyTorch 1.13's CPU algorithms draw for draw: the same seed gives
// the same values as PyTorch on the CPU, or on any device when a generator is passed.
public static partial class torch
{
    private static void CheckFloat(Tensor t, string kernel)
    {
        if (!DTypes.IsFloatingPoint(t.dtype))
            throw new ArgumentException($"\"{kernel}\" not implemented for '{DTypes.ShortName(t.dtype)}'");
    }

    /// <summary>
    /// <c>torch.bernoulli(input, generator)</c>: 0 or 1 per element, 1 with the probability in <paramref name="input"/>
    /// (input's dtype and shape). Probabilities outside [0, 1] throw PyTorch's check.
    /// </summary>
    public static Tensor bernoulli(Tensor input, Generator? generator = null)
    {
        CheckFloat(input, "bernoulli_tensor_cpu_p_");
        if (input.numel() > 0)
        {
            var (lo, hi) = (input.min().to(ScalarType.Float64).item<double>(), input.max().to(ScalarType.Float64).item<double>());
            if (!(lo >= 0 && hi <= 1))
                throw new ArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)");
        }
        return DistributionDraws.Bernoulli(input, generator);
    }

    /// <summary>A standard normal draw of <paramref name="shape"/> scaled by <paramref name="std"/> (PyTorch's <c>normal_(0, std)</c>).</summary>
    private static Tensor NormalDraw(long[] shape, ScalarType dtype, Device device, double mean, double std, Generator? generator)
    {
        if (device.type != DeviceType.CPU && generator is null)
        {
            var t = randn(shape, dtype, device);
            return std == 1 && mean == 0 ? t : t * std + mean;
        }
        var g = Generator.Resolve(generator);
        long n = Shapes.Numel(shape);
        Tensor r;
        if (dtype == ScalarType.Float64)
        {
            var data = new double[n];
            Distributions.Normal(g, data, mean, std);
            r = tensor(data, shape, ScalarType.Float64, CPU);
        }
        else
        {
            var data = new float[n];
            Distributions.Normal(g, data, mean, std);
            r = tensor(data, shape, ScalarType.Float32, CPU);
            if (dtype != ScalarType.Float32) r = r.to(dtype);
        }
        return device.type == DeviceType.CPU ? r : r.to(device);
    }

    private static void CheckStd(double std)
    {
        if (!(std >= 0.0)) throw new ArgumentException($"normal expects std >= 0.0, but found std {std.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    private static void CheckStd(Tensor std)
    {
        if (std.numel() > 0 && !(std.min().to(ScalarType.Float64).item<double>() >= 0.0))
            throw new ArgumentException("normal expects all elements of std >= 0.0");
    }

    /// <summary>
    /// <c>torch.normal(mean, std, generator)</c> with a tensor of means and a tensor of standard deviations: the result has
    /// their broadcast shape and <paramref name="mean"/>'s dtype; each element is z·std + mean for a standard normal z,
    /// drawn as PyTorch does (<c>normal_(0, 1)</c>, then <c>mul_(std).add_(mean)</c>).
    /// </summary>
    public static Tensor normal(Tensor mean, Tensor std, Generator? generator = null)
    {
        if (std.device != mean.device) throw new ArgumentException("The 'means' and 'stddev' tensors must be located on the same device.");
        CheckFloat(mean, "normal_kernel_cpu");
        CheckStd(std);
        var shape = Shapes.Broadcast(mean.Shape, std.Shape);
        var z = NormalDraw(shape, mean.dtype, mean.device, 0, 1, generator);
        return (z * std.to(mean.dtype) + mean).detach();
    }

    /// <summary>
    /// <c>torch.normal(mean, std=1.0, generator)</c> with a tensor of means: <c>normal_(0, std)</c> of mean's shape and
    /// dtype, plus mean.
    /// </summary>
    public static Tensor normal(Tensor mean, double std = 1.0, Generator? generator = null)
    {
        CheckFloat(mean, "normal_kernel_cpu");
        CheckStd(std);
        var z = NormalDraw(mean.shape, mean.dtype, mean.device, 0, std, generator);
        return (z + mean).detach();
    }

    /// <summary>
    /// <c>torch.normal(mean, std, generator)</c> with a scalar mean and a tensor of standard deviations: std's shape and
    /// dtype, <c>normal_(0, 1)</c> times std plus mean.
    /// </summary>
    public static Tensor normal(double mean, Tensor std, Generator? generator = null)
    {
        CheckFloat(std, "normal_kernel_cpu");
        CheckStd(std);
        var z = NormalDraw(std.shape, std.dtype, std.device, 0, 1, generator);
        return (z * std + mean).detach();
    }

    /// <summary>
    /// <c>torch.normal(mean, std, size)</c>: a tensor of <paramref name="size"/> (default dtype unless given) drawn from
    /// N(mean, std²), exactly <c>torch.empty(size).normal_(mean, std)</c>.
    /// </summary>
    public static Tensor normal(double mean, double std, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        CheckStd(std);
        var dt = dtype ?? get_default_dtype();
        if (!DTypes.IsFloatingPoint(dt)) throw new ArgumentException($"\"normal_kernel_cpu\" not implemented for '{DTypes.ShortName(dt)}'");
        var dev = device ?? get_default_device();
        CheckDevice(dev);
        var t = NormalDraw((long[])size.Clone(), dt, dev, mean, std, generator);
        return requires_grad ? t.requires_grad_(true) : t;
    }

    /// <summary>
    /// <c>torch.poisson(input, generator)</c>: one Poisson(λ) count per element of the rates in <paramref name="input"/>
    /// (input's dtype and shape); a negative rate throws.
    /// </summary>
    public static Tensor poisson(Tensor input, Generator? generator = null)
    {
        CheckFloat(input, "poisson_cpu");
        if (input.numel() > 0 && !(input.min().to(ScalarType.Float64).item<double>() >= 0))
            throw new ArgumentException("invalid Poisson rate, expected rate to be non-negative");
        return NativeSamplers.Poisson(input, generator);
    }

    /// <summary>
    /// <c>torch.binomial(count, prob, generator)</c>: one Binomial(count, prob) draw per element, in count's shape and dtype
    /// (prob broadcasts to it).
    /// </summary>
    public static Tensor binomial(Tensor count, Tensor probs, Generator? generator = null)
    {
        CheckFloat(count, "binomial_cpu");
        CheckFloat(probs, "binomial_cpu");
        var p = probs.Shape.AsSpan().SequenceEqual(count.Shape) ? probs : probs.expand(count.Shape);
        return NativeSamplers.Binomial(count, p, generator);
    }

    /// <summary><c>torch._standard_gamma(input, generator)</c>: one Gamma(α, 1) draw per concentration α in <paramref name="input"/>.</summary>
    public static Tensor _standard_gamma(Tensor input, Generator? generator = null)
    {
        CheckFloat(input, "_standard_gamma");
        return NativeSamplers.StandardGamma(input, generator);
    }

    /// <summary><c>torch._sample_dirichlet(input, generator)</c>: one Dirichlet draw per row of concentrations (the last dimension).</summary>
    public static Tensor _sample_dirichlet(Tensor input, Generator? generator = null)
    {
        CheckFloat(input, "_sample_dirichlet");
        return NativeSamplers.SampleDirichletWithGammas(input, generator).sample;
    }

    // ---- TorchSharp's scalar draws (torch.rand(1, dtype=float64).item() and so on) ----

    /// <summary>One U[0, 1) double: <c>torch.rand(1, dtype=float64, generator=g).item()</c> (TorchSharp's helper).</summary>
    public static double rand_float(Generator? generator = null)
    {
        Span<double> one = stackalloc double[1];
        Distributions.Uniform(Generator.Resolve(generator), one, 0, 1);
        return one[0];
    }

    /// <summary>One N(0, 1) double: <c>torch.randn(1, dtype=float64, generator=g).item()</c> (TorchSharp's helper).</summary>
    public static double randn_float(Generator? generator = null)
    {
        Span<double> one = stackalloc double[1];
        Distributions.Normal(Generator.Resolve(generator), one, 0, 1);
        return one[0];
    }

    private static long DrawInt(long low, long high, Generator? generator)
    {
        if (low >= high) throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}");
        Span<long> one = stackalloc long[1];
        Distributions.RandomInt(Generator.Resolve(generator), one, low, high);
        return one[0];
    }

    /// <summary>One random bool: <c>torch.randint(0, 2, (1,), dtype=torch.bool).item()</c> (TorchSharp's helper).</summary>
    public static bool randint_bool(Generator? generator = null) => DrawInt(0, 2, generator) != 0;

    /// <summary>One int from [0, high) (TorchSharp's helper).</summary>
    public static int randint_int(int high, Generator? generator = null) => randint_int(0, high, generator);

    /// <summary>One int from [low, high): <c>torch.randint(low, high, (1,), dtype=torch.int32).item()</c>.</summary>
    public static int randint_int(int low, int high, Generator? generator = null) => (int)DrawInt(low, high, generator);

    /// <summary>One long from [0, high) (TorchSharp's helper).</summary>
    public static long randint_long(long high, Generator? generator = null) => randint_long(0, high, generator);

    /// <summary>One long from [low, high): <c>torch.randint(low, high, (1,)).item()</c>.</summary>
    public static long randint_long(long low, long high, Generator? generator = null) => DrawInt(low, high, generator);

    // ---- out= forms: resize the given tensor and fill it ----

    private static Tensor FillOut(Tensor output, Tensor values)
    {
        output.resize_(values.Shape);
        using (no_grad()) output.copy_(values);
        return output;
    }

    /// <summary>
    /// <c>torch.rand(sizes, out=input)</c>: resizes <paramref name="input"/> to <paramref name="sizes"/> and fills it with
    /// U[0, 1) draws of its dtype from the default generator. (TorchSharp 0.107 draws normals here by mistake; Flint
    /// follows PyTorch.)
    /// </summary>
    public static Tensor rand_out(Tensor input, params long[] sizes) => FillOut(input, rand(sizes, input.dtype, input.device));

    /// <summary><c>torch.randint(high, sizes, out=input)</c>: resizes <paramref name="input"/> and fills it with integers from [0, high).</summary>
    public static Tensor randint_out(Tensor input, long high, long[] sizes) => FillOut(input, randint(0, high, sizes, input.dtype, input.device));

    /// <summary><c>torch.randperm(n, out=input)</c>: resizes <paramref name="input"/> to [n] and fills it with a random permutation of 0..n-1.</summary>
    public static Tensor randperm_out(Tensor input, long n) => FillOut(input, randperm(n, input.dtype, input.device));
}
