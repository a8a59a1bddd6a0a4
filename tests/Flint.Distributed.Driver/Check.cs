using Flint;

namespace Flint.Distributed.Driver;

/// <summary>Assertions that throw with the rank, the case and the first differing element.</summary>
internal static class Check
{
    public static int Count;

    public static void Values(string what, Tensor actual, double[] expected, ScalarType dtype)
    {
        Count++;
        if (actual.dtype != dtype) throw new Exception($"{what}: dtype {actual.dtype}, expected {dtype}");
        var got = actual.to(ScalarType.Float64).reshape(-1).data<double>();
        if (got.Length != expected.Length) throw new Exception($"{what}: {got.Length} elements, expected {expected.Length}");
        double tol = dtype switch { ScalarType.Float16 or ScalarType.BFloat16 => 1e-2, ScalarType.Float32 => 1e-5, _ => 0 };
        for (int i = 0; i < got.Length; i++)
            if (Math.Abs(got[i] - expected[i]) > tol * (1 + Math.Abs(expected[i])))
                throw new Exception($"rank {torch.distributed.get_rank()}: {what}: element {i} is {got[i]}, expected {expected[i]}");
    }

    public static void True(bool condition, string what)
    {
        Count++;
        if (!condition) throw new Exception($"rank {torch.distributed.get_rank()}: {what}");
    }

    public static void Throws(Action action, string contains, string what)
    {
        Count++;
        try { action(); }
        catch (Exception e) when (e.Message.Contains(contains)) { return; }
        throw new Exception($"rank {torch.distributed.get_rank()}: {what}: expected an error containing '{contains}'");
    }
}
