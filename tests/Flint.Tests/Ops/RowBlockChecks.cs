namespace Flint.Tests.Ops;

/// <summary>
/// The row-wise paths of session 8, written once over a device (CPU: <see cref="RowBlockTests"/>, cuda:0:
/// Flint.Cuda.Tests' RowBlockCudaTests): advanced indexing that moves whole rows per offset (embedding lookups,
/// index_select along dim 0, their accumulating backward) and sums over leading dims read as column sums (a bias
/// gradient). Expected values come from element-by-element reference loops over the same data, so a block that lands
/// one element off, a duplicate index that overwrites instead of adding, or a column sum that skips a row shows.
/// </summary>
public static class RowBlockChecks
{
    private static double[] Doubles(Tensor t) => t.cpu().to(ScalarType.Float64).data<double>();

    /// <summary>x[idx] and index_select(0, idx) on row-major matrices equal a per-element gather, for every dtype.</summary>
    public static void RowGathersEqualElementGathers(Device dev)
    {
        long[] idx = [3, 0, 3, 4, 1, 1];
        foreach (var dt in new[] { ScalarType.Float32, ScalarType.Float64, ScalarType.Int64, ScalarType.Int32, ScalarType.Float16, ScalarType.Byte })
        {
            var src = torch.arange(5 * 7, dtype: ScalarType.Float64).reshape(5, 7).to(dt).to(dev);
            var expected = new double[idx.Length * 7];
            for (int i = 0; i < idx.Length; i++)
                for (int j = 0; j < 7; j++) expected[i * 7 + j] = idx[i] * 7 + j;
            var index = torch.tensor(idx).to(dev);
            Assert.Equal(expected, Doubles(src[index]));
            Assert.Equal(expected, Doubles(src.index_select(0, index)));
            // Rows of a 3-D tensor (a block of 3·7 elements), and a column index (a block of 1: the scattered path).
            var cube = torch.arange(5 * 3 * 7, dtype: ScalarType.Float64).reshape(5, 3, 7).to(dt).to(dev);
            var rows = Doubles(cube[index]);
            for (int i = 0; i < idx.Length; i++)
                for (int j = 0; j < 21; j++) Assert.Equal(idx[i] * 21 + j, rows[i * 21 + j]);
            var cols = Doubles(src.index_select(1, torch.tensor(new long[] { 6, 0, 6 }).to(dev)));
            for (int r = 0; r < 5; r++) Assert.Equal(new double[] { r * 7 + 6, r * 7, r * 7 + 6 }, cols[(r * 3)..(r * 3 + 3)]);
            // A non-contiguous source (every other column): rows are not dense there, so elements move one by one.
            var strided = src[TensorIndex.Colon, TensorIndex.Slice(0, 7, 2)];
            var picked = Doubles(strided[index]);
            for (int i = 0; i < idx.Length; i++)
                for (int j = 0; j < 4; j++) Assert.Equal(idx[i] * 7 + 2 * j, picked[i * 4 + j]);
        }
    }

    /// <summary>
    /// Accumulating row puts add duplicates in order (index_put_ with accumulate, the embedding and index_select backwards),
    /// non-accumulating ones overwrite whole rows, and float16 rounds after each add as PyTorch's c10::Half does.
    /// </summary>
    public static void RowPutsAccumulateDuplicates(Device dev)
    {
        long[] idx = [2, 0, 2, 2, 4];
        var index = torch.tensor(idx).to(dev);
        foreach (var dt in new[] { ScalarType.Float32, ScalarType.Float64, ScalarType.Int64, ScalarType.Float16, ScalarType.BFloat16 })
        {
            var values = (torch.arange(5 * 6, dtype: ScalarType.Float64).reshape(5, 6) * 0.25 + 1).to(dt);
            var v = Doubles(values);
            var expected = new double[6 * 6];
            for (int i = 0; i < idx.Length; i++)
                for (int j = 0; j < 6; j++)
                {
                    double sum = expected[idx[i] * 6 + j] + v[i * 6 + j];
                    expected[idx[i] * 6 + j] = Doubles(torch.tensor(new[] { sum }).to(dt))[0]; // round as the dtype does, add by add
                }
            var acc = torch.zeros([6, 6], dt, dev).index_put_([index], values.to(dev), accumulate: true);
            Assert.Equal(expected, Doubles(acc));

            var last = new double[6 * 6];
            for (int i = 0; i < idx.Length; i++)
                for (int j = 0; j < 6; j++) last[idx[i] * 6 + j] = v[i * 6 + j];
            var put = torch.zeros([6, 6], dt, dev).index_put_([torch.tensor(new long[] { 2, 0, 4 }).to(dev)], values[torch.tensor(new long[] { 3, 1, 4 })].to(dev));
            Assert.Equal(last, Doubles(put));
        }

        // The embedding backward: each row's gradient lands on its token's row, repeated tokens summed, padding_idx skipped.
        var weight = torch.randn([5, 8], dtype: ScalarType.Float64).to(dev).requires_grad_();
        var tokens = torch.tensor(new long[,] { { 1, 3, 1 }, { 0, 1, 4 } }).to(dev);
        var upstream = torch.randn([2, 3, 8], dtype: ScalarType.Float64).to(dev);
        (torch.nn.functional.embedding(tokens, weight, padding_idx: 4) * upstream).sum().backward();
        var g = Doubles(weight.grad!);
        var u = Doubles(upstream);
        var t = tokens.cpu().data<long>();
        var want = new double[5 * 8];
        for (int p = 0; p < t.Length; p++)
            if (t[p] != 4)
                for (int j = 0; j < 8; j++) want[t[p] * 8 + j] += u[p * 8 + j];
        for (int k = 0; k < want.Length; k++) Assert.Equal(want[k], g[k], 12);
    }

    /// <summary>
    /// Sums over leading dims of contiguous float tensors (the column-sum path) equal a float64 reference, with keepdim,
    /// from an offset view, for a broadcast bias's gradient, and over more rows than one summation group.
    /// </summary>
    public static void LeadingSums(Device dev)
    {
        foreach (var dt in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            var x = torch.randn([3, 150, 40], dtype: ScalarType.Float64);
            var xs = Doubles(x);
            var want = new double[40];
            for (int i = 0; i < 3 * 150; i++)
                for (int j = 0; j < 40; j++) want[j] += xs[i * 40 + j];
            var onDev = x.to(dt).to(dev);
            double tol = dt == ScalarType.Float32 ? 1e-4 : 1e-12;
            AssertClose(want, Doubles(onDev.sum([0, 1])), tol);
            var kept = onDev.sum([1, 0], keepdim: true);
            Assert.Equal(new long[] { 1, 1, 40 }, kept.shape);
            AssertClose(want, Doubles(kept), tol);

            // Leading dim only: [150·40] per batch slice, summed over the 3 slices.
            var first = Doubles(onDev.sum(0));
            for (int k = 0; k < 150 * 40; k++) Assert.Equal(xs[k] + xs[150 * 40 + k] + xs[2 * 150 * 40 + k], first[k], dt == ScalarType.Float32 ? 1e-5 : 1e-12);

            // A contiguous view that starts past its storage's first element.
            var tail = onDev[1..];
            var wantTail = new double[40];
            for (int i = 150; i < 3 * 150; i++)
                for (int j = 0; j < 40; j++) wantTail[j] += xs[i * 40 + j];
            AssertClose(wantTail, Doubles(tail.sum([0, 1])), tol);

            // A bias broadcast over [3, 150, 40]: its gradient is the leading-dims sum of the upstream gradient.
            var bias = torch.zeros([40], dt, dev, requires_grad: true);
            (onDev + bias).backward(torch.ones([3, 150, 40], dt, dev) * onDev);
            var wantBias = new double[40];
            for (int i = 0; i < 3 * 150; i++)
                for (int j = 0; j < 40; j++) wantBias[j] += xs[i * 40 + j];
            AssertClose(wantBias, Doubles(bias.grad!), tol);
        }
    }

    /// <summary>Integer tensors keep the row kernels' int64 sums over leading dims (the column-sum path is for floats only).</summary>
    public static void IntegerLeadingSums(Device dev)
    {
        var l = torch.arange(-20L, 100L).reshape(3, 2, 20);
        var expected = new long[20];
        var v = l.data<long>();
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 20; j++) expected[j] += v[i * 20 + j];
        foreach (var dt in new[] { ScalarType.Int64, ScalarType.Int32, ScalarType.Byte })
        {
            var x = (dt == ScalarType.Byte ? l.abs() : l).to(dt).to(dev);
            var want = dt == ScalarType.Byte ? SumAbs(v) : expected;
            var got = x.sum([0, 1]);
            Assert.Equal(ScalarType.Int64, got.dtype);
            Assert.Equal(want, got.cpu().data<long>());
        }
    }

    private static long[] SumAbs(long[] v)
    {
        var r = new long[20];
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 20; j++) r[j] += Math.Abs(v[i * 20 + j]);
        return r;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"element {i}: {actual[i]} vs {expected[i]}");
    }
}
