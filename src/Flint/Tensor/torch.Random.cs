using System.Runtime.CompilerServices;
using Flint.Backends;
using Flint.Ops;

namespace Flint;

public static partial class torch
{
    /// <summary>Samples N(0, 1), bit-identical to PyTorch's CPU generator for the same seed.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var t = Make(size, dtype, device, false, get_default_dtype());
        FillNormal(t, 0, 1);
        return Finish(t, requires_grad);
    }
    /// <summary>Samples a 1-D tensor from N(0, 1).</summary>
    public static Tensor randn(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn([d0], dtype, device, requires_grad);
    /// <summary>Samples a 2-D tensor from N(0, 1): <c>torch.randn(N, D_in, device: device, dtype: dtype)</c>.</summary>
    [OverloadResolutionPriority(2)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor randn(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn([d0, d1], dtype, device, requires_grad);
    /// <summary>Samples a 3-D tensor from N(0, 1).</summary>
    [OverloadResolutionPriority(3)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor randn(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn([d0, d1, d2], dtype, device, requires_grad);
    /// <summary>Samples a 4-D tensor from N(0, 1).</summary>
    [OverloadResolutionPriority(4)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor randn(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn([d0, d1, d2, d3], dtype, device, requires_grad);
    /// <summary>N(0, 1) samples shaped like <paramref name="t"/>.</summary>
    public static Tensor randn_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn(t.Shape, dtype ?? t.dtype, device ?? t.device, requires_grad);

    /// <summary>Samples U[0, 1).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var t = Make(size, dtype, device, false, get_default_dtype());
        FillUniform(t, 0, 1);
        return Finish(t, requires_grad);
    }
    /// <summary>Samples a 1-D tensor from U[0, 1).</summary>
    public static Tensor rand(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand([d0], dtype, device, requires_grad);
    /// <summary>Samples a 2-D tensor from U[0, 1).</summary>
    [OverloadResolutionPriority(2)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor rand(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand([d0, d1], dtype, device, requires_grad);
    /// <summary>Samples a 3-D tensor from U[0, 1).</summary>
    [OverloadResolutionPriority(3)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor rand(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand([d0, d1, d2], dtype, device, requires_grad);
    /// <summary>U[0, 1) samples shaped like <paramref name="t"/>.</summary>
    public static Tensor rand_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand(t.Shape, dtype ?? t.dtype, device ?? t.device, requires_grad);

    /// <summary>Integers uniformly from [low, high), int64 unless a dtype is given.</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (low >= high) throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}");
        // Integer draws come from the CPU generator on every device, then move.
        var values = Make(size, ScalarType.Int64, null, false, ScalarType.Int64);
        var drawn = new long[values.numel()];
        Distributions.RandomInt(global::Flint.Generator.Default, drawn, low, high);
        Dispatcher.Upload(values, drawn);
        if (device is not null && device.type != DeviceType.CPU) values = values.to(device);
        var t = dtype is { } dt && dt != ScalarType.Int64 ? values.to(dt) : values;
        return Finish(t, requires_grad);
    }

    /// <summary>Integers uniformly from [0, high).</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randint(0, high, size, dtype, device, requires_grad);

    /// <summary>Integers like <paramref name="t"/>'s shape from [low, high).</summary>
    public static Tensor randint_like(Tensor t, long low, long high) => randint(low, high, t.Shape, t.dtype, t.device);

    /// <summary>A random permutation of 0..n-1.</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null)
    {
        var t = Make([n], ScalarType.Int64, null, false, ScalarType.Int64);
        var perm = new long[n];
        Distributions.RandPerm(global::Flint.Generator.Default, perm);
        Dispatcher.Upload(t, perm);
        if (device is not null && device.type != DeviceType.CPU) t = t.to(device);
        return dtype is { } dt && dt != ScalarType.Int64 ? t.to(dt) : t;
    }

    /// <summary>Fills a contiguous tensor with N(mean, std) samples, exactly as PyTorch's normal_.</summary>
    internal static void FillNormal(Tensor t, double mean, double std)
    {
        switch (t.dtype)
        {
            case ScalarType.Float32 or ScalarType.Float64: Dispatcher.FillRandom(RandomKind.Normal, t, mean, std); break;
            case ScalarType.Float16 or ScalarType.BFloat16:
                var tmp = Tensor.Empty((long[])t.Shape.Clone(), ScalarType.Float32, t.device);
                FillNormal(tmp, mean, std);
                Dispatcher.CopyInto(t, tmp);
                break;
            default: throw new ArgumentException($"\"normal_kernel_cpu\" not implemented for '{DTypes.ShortName(t.dtype)}'");
        }
    }

    /// <summary>Fills a contiguous tensor with U[from, to) samples, exactly as PyTorch's uniform_.</summary>
    internal static void FillUniform(Tensor t, double from, double to)
    {
        switch (t.dtype)
        {
            case ScalarType.Float32 or ScalarType.Float64: Dispatcher.FillRandom(RandomKind.Uniform, t, from, to); break;
            case ScalarType.Float16 or ScalarType.BFloat16:
                var tmp = Tensor.Empty((long[])t.Shape.Clone(), ScalarType.Float32, t.device);
                FillUniform(tmp, from, to);
                Dispatcher.CopyInto(t, tmp);
                break;
            default: throw new ArgumentException($"\"uniform_kernel_cpu\" not implemented for '{DTypes.ShortName(t.dtype)}'");
        }
    }
}
