namespace Flint.Tests.Ops;

/// <summary>
/// clamp's and relu's backward on dense tensors (the 256-bit lane path) against the element loop, reached through a
/// transposed view of the same values: lengths that are not a multiple of the lane width, NaN, values on the bounds, -0.
/// </summary>
public class ClampBackwardTests
{
    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void DenseMasksEqualTheElementLoop(ScalarType dtype)
    {
        const int rows = 7, cols = 13;
        var values = new double[rows * cols];
        for (int i = 0; i < values.Length; i++) values[i] = (i * 37 % 11) - 5;   // -5..5, including both bounds below
        var x = torch.tensor(values).reshape(rows, cols).to(dtype);
        {
            x[0, 3] = torch.tensor(double.NaN);
            x[2, 5] = torch.tensor(-0.0);
            x[4, 12] = torch.tensor(double.NaN);
        }
        var g = torch.arange(1, rows * cols + 1, dtype: ScalarType.Float64).reshape(rows, cols).to(dtype);
        foreach (var (lo, hi) in new (double?, double?)[] { (0, null), (null, 2), (-3, 3), (0, 0), (float.Epsilon, null) })
        {
            var dense = Flint.Ops.Dispatcher.ClampBackward(x, g, lo, hi)!;
            // The same elements through transposed views: strides (1, rows) take the element loop.
            var strided = Flint.Ops.Dispatcher.ClampBackward(x.t().contiguous().t(), g.t().contiguous().t(), lo, hi)!;
            Assert.Equal(strided.to(ScalarType.Float64).data<double>(), dense.to(ScalarType.Float64).data<double>());
            var xs = x.to(ScalarType.Float64).data<double>();
            var gs = g.to(ScalarType.Float64).data<double>();
            var want = new double[xs.Length];
            for (int i = 0; i < xs.Length; i++)
                want[i] = (lo is null || xs[i] >= lo) && (hi is null || xs[i] <= hi) ? gs[i] : 0;
            Assert.Equal(want, dense.to(ScalarType.Float64).data<double>());
        }
    }
}
