namespace Flint.Cuda.Tests;

/// <summary>Comparisons of a cuda result with the CPU's (or a known value).</summary>
internal static class Check
{
    /// <summary>The tensor lives on cuda:0.</summary>
    public static void OnCuda(Tensor t, string what = "result") =>
        Assert.True(t.device == torch.CUDA, $"{what} is on {t.device}, expected cuda:0");

    /// <summary>Same dtype, shape and bit-equal values (NaN matches NaN); <paramref name="actual"/> may live on any device.</summary>
    public static void Exact(Tensor expected, Tensor actual, string what = "result") => Close(expected, actual, 0, 0, what);

    /// <summary>Same dtype and shape, |e - a| ≤ atol + rtol·|e| elementwise; <paramref name="actual"/> may live on any device.</summary>
    public static void Close(Tensor expected, Tensor actual, double rtol, double atol, string what = "result")
    {
        var e = expected.cpu();
        var a = actual.cpu();
        Assert.True(e.dtype == a.dtype, $"{what}: dtype {DTypes.Name(a.dtype)}, expected {DTypes.Name(e.dtype)}");
        Assert.True(Shapes.SameShape(e.Shape, a.Shape), $"{what}: shape {Shapes.Str(a.Shape)}, expected {Shapes.Str(e.Shape)}");
        if (!e.is_floating_point())
        {
            var el = e.to(ScalarType.Int64).data<long>();
            var al = a.to(ScalarType.Int64).data<long>();
            for (int i = 0; i < el.Length; i++)
                Assert.True(el[i] == al[i], $"{what}: element {i} is {al[i]}, expected {el[i]}");
            return;
        }
        var ev = e.ToDoubleArray();
        var av = a.ToDoubleArray();
        for (int i = 0; i < ev.Length; i++)
        {
            double x = ev[i], y = av[i];
            bool ok = double.IsNaN(x) ? double.IsNaN(y)
                : double.IsInfinity(x) || (rtol == 0 && atol == 0) ? x.Equals(y)
                : Math.Abs(x - y) <= atol + rtol * Math.Abs(x);
            Assert.True(ok, $"{what}: element {i} is {y:R}, expected {x:R} (rtol {rtol}, atol {atol})");
        }
    }

    /// <summary>
    /// Float32 results of accumulations compared with the CPU: summation order differs by device,
    /// so the error bound scales with the largest magnitude, not each element's.
    /// </summary>
    public static void Float32(Tensor expected, Tensor actual, string what = "result", double rtol = 1e-4)
    {
        double scale = expected.numel() == 0 ? 1 : Math.Max(1, expected.cpu().abs().max().to(ScalarType.Float64).item<double>());
        Close(expected, actual, rtol, rtol * scale, what);
    }
}
