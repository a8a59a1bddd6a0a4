namespace Flint;

// Window functions (torch.*_window), computed on the host in double as PyTorch's formulas and uploaded.
public static partial class torch
{
    private static Tensor Window(string name, long length, bool periodic, ScalarType? dtype, Device? device, bool requiresGrad, Func<long, long, double> value)
    {
        if (length < 0) throw new ArgumentException($"{name} requires non-negative window_length, got window_length={length}");
        var dt = dtype ?? get_default_dtype();
        if (!DTypes.IsFloatingPoint(dt))
            throw new ArgumentException($"{name} expects floating point dtypes, got: TensorOptions(dtype={DTypes.ShortName(dt)})");
        var t = Make([length], dt, null, false, dt);
        var values = new double[length];
        if (length == 1) values[0] = 1;
        else if (length > 1)
        {
            long n = periodic ? length + 1 : length;
            for (long i = 0; i < length; i++) values[i] = value(i, n);
        }
        FillFrom(t, values);
        return Finish(MoveTo(t, device), requiresGrad);
    }

    /// <summary>The Hann window: 0.5 - 0.5 cos(2πn/(N-1)); periodic drops the last point of the N+1 window.</summary>
    public static Tensor hann_window(long window_length, bool periodic = true, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Window("hann_window", window_length, periodic, dtype, device, requires_grad, (i, n) => 0.5 - 0.5 * Math.Cos(Math.PI * 2.0 / (n - 1) * i));

    /// <summary>The Hamming window: α - β cos(2πn/(N-1)).</summary>
    public static Tensor hamming_window(long window_length, bool periodic = true, double alpha = 0.54, double beta = 0.46, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Window("hamming_window", window_length, periodic, dtype, device, requires_grad, (i, n) => alpha - beta * Math.Cos(Math.PI * 2.0 / (n - 1) * i));

    /// <summary>The Bartlett (triangular) window.</summary>
    public static Tensor bartlett_window(long window_length, bool periodic = true, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Window("bartlett_window", window_length, periodic, dtype, device, requires_grad, (i, n) =>
        {
            double w = i * (2.0 / (n - 1));
            return i < ((n - 1) >> 1) + 1 ? w : 2 - w;
        });

    /// <summary>The Blackman window: 0.42 - 0.5 cos(2πn/(N-1)) + 0.08 cos(4πn/(N-1)).</summary>
    public static Tensor blackman_window(long window_length, bool periodic = true, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Window("blackman_window", window_length, periodic, dtype, device, requires_grad, (i, n) =>
        {
            double w = i * (Math.PI / (n - 1));
            return Math.Cos(w * 4) * 0.08 - Math.Cos(w * 2) * 0.5 + 0.42;
        });

    /// <summary>The Kaiser window: I₀(β √(1 - ((n - α)/α)²)) / I₀(β) with α = (N-1)/2.</summary>
    public static Tensor kaiser_window(long window_length, bool periodic = true, double beta = 12.0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Window("kaiser_window", window_length, periodic, dtype, device, requires_grad, (i, n) =>
        {
            double alpha = (n - 1) / 2.0;
            double r = (i - alpha) / alpha;
            return BesselI0(beta * Math.Sqrt(1 - r * r)) / BesselI0(beta);
        });

    /// <summary>The modified Bessel function I₀ by its power series Σ ((x/2)^k / k!)², to double precision.</summary>
    private static double BesselI0(double x)
    {
        double q = x * x / 4, term = 1, sum = 1;
        for (int k = 1; k < 1000; k++)
        {
            term *= q / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }
}
