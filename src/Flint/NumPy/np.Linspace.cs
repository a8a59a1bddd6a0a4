namespace Flint;

public static partial class np
{
    /// <summary>
    /// <paramref name="num"/> evenly spaced values from <paramref name="start"/> to <paramref name="stop"/>
    /// (<c>np.linspace(-math.pi, math.pi, 2000)</c>), float64 unless <paramref name="dtype"/> says otherwise.
    /// NumPy's arithmetic: <c>i * step + start</c> with <c>step = (stop - start) / div</c> and the last value set to
    /// <paramref name="stop"/> when <paramref name="endpoint"/>; integer dtypes take the floor.
    /// </summary>
    public static NDArray linspace(double start, double stop, long num = 50, bool endpoint = true, NDType? dtype = null)
    {
        if (num < 0) throw new ArgumentException($"Number of samples, {num}, must be non-negative.");
        long div = endpoint ? num - 1 : num;
        double delta = stop - start;
        var y = new double[num];
        for (long i = 0; i < num; i++) y[i] = i;
        if (div > 0)
        {
            double step = delta / div;
            if (step == 0)
            {
                // NumPy divides first when the step underflows to zero (denormal ranges, gh-5437).
                for (long i = 0; i < num; i++) y[i] = y[i] / div * delta;
            }
            else
            {
                for (long i = 0; i < num; i++) y[i] *= step;
            }
        }
        else
        {
            for (long i = 0; i < num; i++) y[i] *= delta;
        }
        for (long i = 0; i < num; i++) y[i] += start;
        if (endpoint && num > 1) y[num - 1] = stop;
        var type = dtype?.Type ?? ScalarType.Float64;
        var t = torch.from_array(y, [num]);
        if (!DTypes.IsFloatingPoint(type) && type != ScalarType.Bool) t = t.floor();
        return Wrap(t.to(type));
    }
}
