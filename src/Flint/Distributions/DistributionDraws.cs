namespace Flint;

/// <summary>
/// The random draws behind the samplers, bit-identical to PyTorch 1.13's CPU kernels for the same generator
/// state: <c>normal_</c>, <c>uniform_</c>, <c>exponential_</c>, <c>cauchy_</c>, <c>bernoulli(p)</c> and
/// <c>_standard_gamma</c>. CPU tensors (or any device given an explicit generator) draw on the host from the
/// CPU generator and move; on another device without a generator the device's own generator draws.
/// </summary>
internal static class DistributionDraws
{
    private static bool OnHost(Device device, torch.Generator? generator) => device.type == DeviceType.CPU || generator is not null;

    private static ScalarType HostType(ScalarType t) => t == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;

    /// <summary>A tensor filled on the host, element by element in memory order, then cast and moved.</summary>
    private static Tensor Host(long[] shape, ScalarType dtype, Device device, Action<global::Flint.Generator, Span<float>> f32, Action<global::Flint.Generator, Span<double>> f64, torch.Generator? generator)
    {
        var g = torch.Generator.Resolve(generator);
        long n = Shapes.Numel(shape);
        Tensor t;
        if (HostType(dtype) == ScalarType.Float64)
        {
            var data = new double[n];
            f64(g, data);
            t = torch.tensor(data, shape, ScalarType.Float64);
        }
        else
        {
            var data = new float[n];
            f32(g, data);
            t = torch.tensor(data, shape, ScalarType.Float32);
        }
        if (t.dtype != dtype) t = t.to(dtype);
        return device.type == DeviceType.CPU ? t : t.to(device);
    }

    /// <summary><c>torch.empty(shape).normal_()</c>: N(0, 1).</summary>
    public static Tensor StandardNormal(long[] shape, ScalarType dtype, Device device, torch.Generator? generator) =>
        OnHost(device, generator)
            ? Host(shape, dtype, device, (g, s) => Distributions.Normal(g, s, 0, 1), (g, s) => Distributions.Normal(g, s, 0, 1), generator)
            : torch.randn(shape, dtype, device);

    /// <summary><c>torch.empty(shape).uniform_(from, to)</c>.</summary>
    public static Tensor Uniform(long[] shape, ScalarType dtype, Device device, torch.Generator? generator, double from = 0, double to = 1) =>
        OnHost(device, generator)
            ? Host(shape, dtype, device, (g, s) => Distributions.Uniform(g, s, from, to), (g, s) => Distributions.Uniform(g, s, from, to), generator)
            : torch.rand(shape, dtype, device) * (to - from) + from;

    /// <summary>
    /// <c>torch.empty(shape).exponential_()</c>: PyTorch 1.13's CPU kernel (no MKL) draws one
    /// <c>uniform_real_distribution&lt;double&gt;</c> per element and returns −log(1 − u) in double, then casts.
    /// </summary>
    public static Tensor StandardExponential(long[] shape, ScalarType dtype, Device device, torch.Generator? generator)
    {
        if (!OnHost(device, generator)) return -(1.0 - torch.rand(shape, dtype, device)).log();
        return Host(shape, dtype, device,
            (g, s) => { lock (g.Mutex) for (int i = 0; i < s.Length; i++) s[i] = (float)Exponential(g); },
            (g, s) => { lock (g.Mutex) for (int i = 0; i < s.Length; i++) s[i] = Exponential(g); },
            generator);
    }

    private static double Exponential(global::Flint.Generator g) => -1.0 / 1.0 * Math.Log(1.0 - Distributions.SampleUniformDouble(g, 0, 1));

    /// <summary><c>torch.empty(shape).cauchy_()</c>: tan(π(u − ½)) from one uniform double per element.</summary>
    public static Tensor StandardCauchy(long[] shape, ScalarType dtype, Device device, torch.Generator? generator)
    {
        if (!OnHost(device, generator))
        {
            var angle = (torch.rand(shape, dtype, device) - 0.5) * Math.PI;
            return angle.sin() / angle.cos();
        }
        return Host(shape, dtype, device,
            (g, s) => { lock (g.Mutex) for (int i = 0; i < s.Length; i++) s[i] = (float)Cauchy(g); },
            (g, s) => { lock (g.Mutex) for (int i = 0; i < s.Length; i++) s[i] = Cauchy(g); },
            generator);
    }

    private static double Cauchy(global::Flint.Generator g) => 0.0 + 1.0 * Math.Tan(Math.PI * (Distributions.SampleUniformDouble(g, 0, 1) - 0.5));

    /// <summary>
    /// <c>torch.bernoulli(p)</c>: one uniform per element (a float draw for float32 p, a double draw for
    /// float64 p), 1 where it is below p. The result has p's dtype and shape.
    /// </summary>
    public static Tensor Bernoulli(Tensor p, torch.Generator? generator)
    {
        if (!OnHost(p.device, generator)) return torch.rand_like(p).lt(p).to(p.dtype);
        var g = torch.Generator.Resolve(generator);
        var shape = p.shape;
        if (p.dtype == ScalarType.Float64)
        {
            var probs = p.detach().cpu().contiguous().data<double>().ToArray();
            var r = new double[probs.Length];
            lock (g.Mutex)
                for (int i = 0; i < r.Length; i++) r[i] = Distributions.SampleUniformDouble(g, 0, 1) < probs[i] ? 1 : 0;
            return torch.tensor(r, shape, ScalarType.Float64).to(p.device);
        }
        var pf = p.detach().cpu().to(ScalarType.Float32).contiguous().data<float>().ToArray();
        var rf = new float[pf.Length];
        lock (g.Mutex)
            for (int i = 0; i < rf.Length; i++) rf[i] = Distributions.SampleUniformFloat(g, 0, 1) < pf[i] ? 1 : 0;
        var t = torch.tensor(rf, shape, ScalarType.Float32);
        return (t.dtype == p.dtype ? t : t.to(p.dtype)).to(p.device);
    }
}
