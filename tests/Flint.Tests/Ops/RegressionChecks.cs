namespace Flint.Tests.Ops;

/// <summary>
/// Regression checks for bugs found in session 6 and fixed in session 7, written once over a device: the CPU runs them in
/// <see cref="RegressionTests"/>, cuda:0 in Flint.Cuda.Tests' RegressionCudaTests. Expected values are exact (small sums,
/// counts) or PyTorch 1.13's (the float16 rounding after each add, as its kernels do; the same cases are in the golden files).
/// </summary>
public static class RegressionChecks
{
    private static readonly ScalarType[] HalfTypes = [ScalarType.Float16, ScalarType.BFloat16];

    private static float[] Floats(Tensor t) => t.cpu().to(ScalarType.Float32).data<float>();

    private static void Same(Device dev, ScalarType dtype, float[] expected, Tensor actual, string what)
    {
        Assert.True(actual.device == dev, $"{what}: on {actual.device}, expected {dev}");
        Assert.True(actual.dtype == dtype, $"{what}: dtype {actual.dtype}, expected {dtype}");
        Assert.Equal(expected, Floats(actual));
    }

    /// <summary>float16/bfloat16 accumulating puts add (they used to overwrite): scatter_add, index_add, the index and gather backwards.</summary>
    public static void HalfPutsAccumulate(Device dev)
    {
        foreach (var dt in HalfTypes)
        {
            var idx = torch.tensor(new long[] { 0, 0, 3, 0, 4 }).to(dev);
            var w = torch.tensor(new[] { 1f, 2f, 3f, 4f, 5f }).to(dev).to(dt);

            var x = torch.zeros([5], dt, dev, requires_grad: true);
            (x[idx] * w).sum().backward();
            Same(dev, dt, [7, 0, 0, 3, 5], x.grad!, $"{dt} index backward (index_put_ accumulate=True)");

            var y = torch.zeros([2, 3], dt, dev, requires_grad: true);
            y.gather(1, torch.tensor(new long[,] { { 0, 0, 2 }, { 1, 1, 1 } }).to(dev)).sum().backward();
            Same(dev, dt, [2, 0, 1, 0, 3, 0], y.grad!, $"{dt} gather backward");

            Same(dev, dt, [7, 0, 0, 3, 5, 0], torch.zeros([6], dt, dev).scatter_add(0, idx, w), $"{dt} scatter_add");
            Same(dev, dt, [0, 0, 3, 3], torch.zeros([2, 2], dt, dev).index_add(0, torch.tensor(new long[] { 1, 1 }).to(dev), torch.ones([2, 2], dt, dev).cumsum(0)),
                $"{dt} index_add");

            // Each add rounds to the dtype, as PyTorch's kernels do: big + 1 is a tie that rounds back to big, so big + 1 + 1 stays
            // big (adding in float32 and rounding once would give big + 2).
            double big = dt == ScalarType.Float16 ? 2048 : 256;
            var ones = torch.ones([3], dt, dev);
            Same(dev, dt, [(float)big, (float)big], torch.full([2], big, dt, dev).scatter_add(0, torch.tensor(new long[] { 0, 0, 1 }).to(dev), ones),
                $"{dt} scatter_add rounds after each add");
            Same(dev, dt, [(float)big, (float)big], torch.full([2], big, dt, dev).index_add(0, torch.tensor(new long[] { 0, 0, 1 }).to(dev), ones),
                $"{dt} index_add rounds after each add");
        }
    }

    /// <summary>norm(p: 0) counts the non-zeros (it returned inf); p = -inf is the smallest magnitude (it returned 1).</summary>
    public static void NormOrdersZeroAndInfinity(Device dev)
    {
        var x = torch.tensor(new[,] { { 0f, 1.5f, -2f }, { 0f, 0f, 3f } }).to(dev);
        Same(dev, ScalarType.Float32, [3], x.norm(0.0), "norm(0)");
        Same(dev, ScalarType.Float32, [2, 1], x.norm(0.0, [1L]), "norm(0, dim 1)");
        Same(dev, ScalarType.Float32, [0, 1, 2], x.norm(0.0, [0L]), "norm(0, dim 0)");
        Same(dev, ScalarType.Float32, [3], torch.linalg.norm(x.flatten(), 0.0), "linalg.norm(vector, 0)");
        Same(dev, ScalarType.Float32, [3], torch.linalg.vector_norm(x, 0.0), "vector_norm(ord 0)");
        Same(dev, ScalarType.Float16, [3], x.to(ScalarType.Float16).norm(0.0), "float16 norm(0)");
        var y = torch.tensor(new[,] { { 1f, -0.5f, 2f }, { 3f, -4f, 0.25f } }).to(dev);
        Same(dev, ScalarType.Float32, [4], y.norm(double.PositiveInfinity), "norm(inf)");
        Same(dev, ScalarType.Float32, [0.25f], y.norm(double.NegativeInfinity), "norm(-inf)");
        Same(dev, ScalarType.Float32, [0.5f, 0.25f], y.norm(double.NegativeInfinity, [1L]), "norm(-inf, dim 1)");
        Same(dev, ScalarType.Float32, [0.25f], y.norm(double.NegativeInfinity, [0L, 1L]), "norm(-inf, dims 0 and 1)");
        Same(dev, ScalarType.Float32, [0.25f], torch.linalg.vector_norm(y, double.NegativeInfinity), "vector_norm(-inf)");
        // The 0-norm is piecewise constant: its gradient is 0 (PyTorch's too).
        var z = y.clone().requires_grad_();
        z.norm(0.0).backward();
        Same(dev, ScalarType.Float32, [0, 0, 0, 0, 0, 0], z.grad!, "norm(0) gradient");
    }

    /// <summary>Zero-size views with an offset inside their base broadcast against [1] and 0-dim tensors (they threw); empty reductions.</summary>
    public static void ZeroSizeViews(Device dev)
    {
        var x = torch.arange(12.0, dtype: ScalarType.Float32).reshape(4, 3).to(dev);
        var one = torch.ones([1], device: dev);
        var scalar = torch.tensor(2f).to(dev);
        foreach (var (e, shape) in new[] { (x.narrow(0, 2, 0), new long[] { 0, 3 }), (x.narrow(0, 4, 0), [0, 3]), (x.narrow(1, 3, 0), [4, 0]), (x.narrow(1, 1, 0), [4, 0]),
            // views of an empty tensor whose offset lies past its (empty) buffer: these threw ArgumentOutOfRangeException
            (torch.zeros([0, 3], device: dev).narrow(1, 2, 1), [0, 1]), (torch.zeros([2, 0, 3], device: dev)[.., .., 2..3], [2, 0, 1]) })
        {
            foreach (var (r, what) in new[]
            {
                (e + one, "e + [1]"), (one + e, "[1] + e"), (e * scalar, "e * 0-dim"), (scalar - e, "0-dim - e"), (e + 2.5, "e + 2.5"),
                (e.lt(one), "e < [1]"), (torch.where(e.gt(one), e, one), "where"), (e.exp(), "exp"), (torch.maximum(e, one), "maximum"),
                (-e, "neg"), (e.abs(), "abs"), (e.clamp(0.0, 1.0), "clamp"), (e.softmax(-1), "softmax"), (e.contiguous(), "contiguous"),
            })
            {
                Assert.True(r.device == dev, what);
                Assert.Equal(shape, r.Shape);
            }
            Assert.Equal(0f, e.sum().item<float>());
            Assert.True(float.IsNaN(e.mean().item<float>()));
            Assert.Equal(1f, e.prod().item<float>());
            var ex = Assert.ThrowsAny<Exception>(() => e.max());
            Assert.Equal("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.", ex.Message);
        }
        var rows = x.narrow(0, 2, 0);
        Assert.Equal(new float[] { 0, 0, 0 }, rows.sum(0).cpu().data<float>());
        Assert.All(rows.mean(0).cpu().data<float>(), v => Assert.True(float.IsNaN(v)));
        Assert.Equal("max(): Expected reduction dim 0 to have non-zero size.", Assert.ThrowsAny<Exception>(() => rows.max(0)).Message);
        var gx = x.clone().requires_grad_();
        (gx.narrow(0, 2, 0) * scalar + one).sum().backward();
        Assert.Equal(new float[12], gx.grad!.cpu().data<float>());
    }

    /// <summary>
    /// float32 exp against float64 Math.Exp rounded to float32: exactly 1 at 0 and wherever |x| ≤ 2^-25 (it gave 1 + 2^-23, PyTorch 1),
    /// within 2 ulp over [-103, 89] (the measured bound of the SIMD kernel); every layout gives the same bits.
    /// </summary>
    public static void ExpFloat32(Device dev)
    {
        var xs = new List<float> { 0f, -0f };
        for (int e = -149; e <= -25; e++) { xs.Add(MathF.Pow(2, e)); xs.Add(-MathF.Pow(2, e)); xs.Add(1.5f * MathF.Pow(2, e - 1)); }
        for (int i = 0; i <= 20000; i++) xs.Add(-103f + i * (192f / 20000f));
        var x = xs.ToArray();
        var t = torch.tensor(x).to(dev);
        var r = t.exp();
        Assert.True(r.device == dev);
        var got = r.cpu().data<float>();
        long worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float expected = (float)Math.Exp(x[i]);
            if (Math.Abs(x[i]) <= MathF.Pow(2, -25)) Assert.True(got[i] == 1f, $"exp({x[i]:R}) = {got[i]:R}, expected exactly 1");
            long ulp = float.IsInfinity(expected) && float.IsInfinity(got[i]) ? 0
                : Math.Abs((long)BitConverter.SingleToInt32Bits(expected) - BitConverter.SingleToInt32Bits(got[i]));
            worst = Math.Max(worst, ulp);
        }
        Assert.True(worst <= 2, $"max ulp error {worst}");
        Assert.Equal(1f, torch.tensor(0f).to(dev).exp().item<float>());
        var inPlace = torch.zeros([3], device: dev);
        inPlace.exp_();
        Assert.Equal(new float[] { 1, 1, 1 }, inPlace.cpu().data<float>());
        // A strided view (every other element) gives the contiguous run's bits.
        var interleaved = new float[2 * x.Length];
        for (int i = 0; i < x.Length; i++) { interleaved[2 * i] = x[i]; interleaved[2 * i + 1] = 7f; }
        var strided = torch.tensor(interleaved).to(dev).reshape(x.Length, 2)[.., 0].exp().cpu().data<float>();
        Assert.Equal(got, strided);
    }
}
