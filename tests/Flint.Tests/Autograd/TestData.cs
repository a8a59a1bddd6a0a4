namespace Flint.Tests.Autograd;

/// <summary>Deterministic test inputs that do not touch the global generator (tests run in parallel).</summary>
internal static class TestData
{
    /// <summary>Uniform values in [lo, hi) from a seeded System.Random, as a float64 tensor that requires grad.</summary>
    public static Tensor Rand(int seed, long[] shape, double lo = -1, double hi = 1, bool requires_grad = true)
    {
        var rng = new Random(seed);
        long n = 1;
        foreach (var s in shape) n *= s;
        var data = new double[n];
        for (int i = 0; i < n; i++) data[i] = lo + (hi - lo) * rng.NextDouble();
        return torch.tensor(data, shape, torch.float64, requires_grad: requires_grad);
    }

    /// <summary>Values in ±[lo, hi]: away from zero, for ops with a kink or a pole at 0.</summary>
    public static Tensor AwayFromZero(int seed, long[] shape, double lo = 0.2, double hi = 1.5)
    {
        var rng = new Random(seed);
        long n = 1;
        foreach (var s in shape) n *= s;
        var data = new double[n];
        for (int i = 0; i < n; i++) data[i] = (rng.Next(2) == 0 ? -1 : 1) * (lo + (hi - lo) * rng.NextDouble());
        return torch.tensor(data, shape, torch.float64, requires_grad: true);
    }

    public static Tensor Long(params long[] values) => torch.tensor(values);
}
