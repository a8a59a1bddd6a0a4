using Flint.Autograd;
using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// Activation functions composed of elementwise ops (so they run on every device), each recorded as
/// one node with its derivative written beside it, as PyTorch's (GeluBackward0, SiluBackward0, ...).
/// GELU is the exception: one fused primitive forward and one backward (IBackend.Gelu/GeluBackward).
/// Half types compute in float32 and round once.
/// </summary>
internal static class Activations
{
    /// <summary>
    /// Runs <paramref name="forward"/> without autograd and records one node whose gradient is
    /// <paramref name="grad"/>(g, x). <paramref name="kernel"/> names PyTorch's kernel in the error for non-float inputs.
    /// </summary>
    internal static Tensor Activation(Tensor self, string kernel, string node, Func<Tensor, Tensor> forward, Func<Tensor, Tensor, Tensor> grad, bool wide = false)
    {
        if (!self.IsFloating) throw new ArgumentException($"\"{kernel}\" not implemented for '{DTypes.ShortName(self.dtype)}'");
        Tensor r;
        using (torch.no_grad())
        {
            // wide: evaluate in float64 and round once (PyTorch's expm1 keeps e^x − 1 exact near 0; a float32 exp need not).
            var compute = wide && self.dtype != ScalarType.Float64 ? ScalarType.Float64
                : self.dtype is ScalarType.Float16 or ScalarType.BFloat16 ? ScalarType.Float32 : self.dtype;
            var x = compute != self.dtype ? self.detach().to(compute) : self.detach();
            r = forward(x);
            if (compute != self.dtype) r = r.to(self.dtype);
        }
        return Recorder.Record(r, node, [self], [self], (g, s) => [grad(g, s[0])]);
    }

    private const double Sqrt1_2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;
    private const double Sqrt2OverPi = 0.79788456080286535588;
    private const double Kappa = 0.044715;

    /// <summary>GELU: x·Φ(x) exactly, or PyTorch's tanh approximation (<paramref name="approximate"/> = "tanh").</summary>
    public static Tensor Gelu(Tensor self, string approximate)
    {
        bool tanh = approximate switch
        {
            "none" => false,
            "tanh" => true,
            _ => throw new ArgumentException("approximate argument must be either none or tanh."),
        };
        if (!self.IsFloating) throw new ArgumentException($"\"GeluKernelImpl\" not implemented for '{DTypes.ShortName(self.dtype)}'");
        // One fused pass forward and backward; under create_graph the backward is composed of differentiable ops.
        var r = Dispatcher.Gelu(self, tanh);
        return Recorder.Record(r, "GeluBackward0", [self], [self], (g, s) =>
            [GradMode.IsEnabled ? GeluGradComposed(g, s[0], tanh) : Dispatcher.GeluBackward(g, s[0], tanh)]);
    }

    /// <summary>g·GELU′(x) from differentiable ops (the double backward's path).</summary>
    private static Tensor GeluGradComposed(Tensor g, Tensor x, bool tanh)
    {
        if (!tanh)
        {
            var cdf = (SpecialFunctions.Erf(x * Sqrt1_2) + 1.0) * 0.5;
            var pdf = (x * x * -0.5).exp() * InvSqrt2Pi;
            return g * (cdf + x * pdf);
        }
        var x2 = x * x;
        var t = ((x + x2 * x * Kappa) * Sqrt2OverPi).tanh();
        var left = x * 0.5;
        var right = t + 1.0;
        var dRight = left * (1.0 - t * t) * ((x2 * (3 * Kappa) + 1.0) * Sqrt2OverPi);
        return g * (right * 0.5 + dRight);
    }

    /// <summary>SiLU (swish): x·σ(x); d/dx = σ(x)·(1 + x·(1 − σ(x))).</summary>
    public static Tensor Silu(Tensor self) =>
        Activation(self, "silu_cpu", "SiluBackward0", x => x * x.sigmoid(), (g, x) =>
        {
            var s = x.sigmoid();
            return g * s * (x * (1.0 - s) + 1.0);
        });

    private static Tensor Mask(Tensor condition, Tensor like) => condition.to(like.dtype);

    /// <summary>LeakyReLU: x for x &gt; 0, else negative_slope·x.</summary>
    public static Tensor LeakyRelu(Tensor self, double slope) =>
        Activation(self, "leaky_relu_cpu", "LeakyReluBackward0", x => torch.where(x > 0.0, x, x * slope), (g, x) => torch.where(x > 0.0, g, g * slope));

    /// <summary>ELU-family: scale·(x for x &gt; 0, else alpha·(e^(x·inputScale) − 1)) (ELU, SELU, CELU).</summary>
    public static Tensor Elu(Tensor self, double alpha, double scale, double inputScale, string node) =>
        Activation(self, "elu_cpu", node,
            x => torch.where(x > 0.0, x * scale, ((x * inputScale).exp() - 1.0) * (alpha * scale)),
            (g, x) => torch.where(x > 0.0, g * scale, g * (x * inputScale).exp() * (alpha * scale * inputScale)), wide: true);

    /// <summary>Softplus: log(1 + e^(βx)) / β, linear above the threshold.</summary>
    public static Tensor Softplus(Tensor self, double beta, double threshold) =>
        Activation(self, "softplus_cpu", "SoftplusBackward0",
            x => torch.where(x * beta > threshold, x, (x * beta).exp().log1p() / beta),
            (g, x) => torch.where(x * beta > threshold, g, g * (x * beta).sigmoid()));

    /// <summary>Mish: x·tanh(softplus(x)).</summary>
    public static Tensor Mish(Tensor self) =>
        Activation(self, "mish_cpu", "MishBackward0",
            x => x * SoftplusRaw(x).tanh(),
            (g, x) =>
            {
                var t = SoftplusRaw(x).tanh();
                return g * (t + x * x.sigmoid() * (1.0 - t * t));
            });

    private static Tensor SoftplusRaw(Tensor x) => torch.where(x > 20.0, x, x.exp().log1p());

    /// <summary>Hardtanh: x clamped to [min, max]; the gradient passes strictly inside (PyTorch's hardtanh_backward).</summary>
    public static Tensor Hardtanh(Tensor self, double min, double max) =>
        Activation(self, "hardtanh_cpu", "HardtanhBackward0", x => x.clamp(min, max), (g, x) => g * Mask((x > min) & (x < max), g));

    /// <summary>Hardswish: x·relu6(x + 3)/6.</summary>
    public static Tensor Hardswish(Tensor self) =>
        Activation(self, "hardswish_cpu", "HardswishBackward0",
            x => x * (x + 3.0).clamp(0.0, 6.0) / 6.0,
            (g, x) => torch.where(x < -3.0, torch.zeros_like(g), torch.where(x <= 3.0, g * (x / 3.0 + 0.5), g)));

    /// <summary>Hardsigmoid: relu6(x + 3)/6.</summary>
    public static Tensor Hardsigmoid(Tensor self) =>
        Activation(self, "hardsigmoid_cpu", "HardsigmoidBackward0",
            x => (x + 3.0).clamp(0.0, 6.0) / 6.0,
            (g, x) => g * Mask((x > -3.0) & (x < 3.0), g) / 6.0);

    /// <summary>LogSigmoid: log σ(x) = min(x, 0) − log1p(e^(−|x|)), stable for large |x|.</summary>
    public static Tensor LogSigmoid(Tensor self) =>
        Activation(self, "log_sigmoid_cpu", "LogSigmoidBackward0",
            x => x.clamp(max: 0.0) - x.abs().neg().exp().log1p(),
            (g, x) => g * x.neg().sigmoid());

    /// <summary>Threshold: value where x ≤ threshold, else x (NaN stays NaN).</summary>
    public static Tensor Threshold(Tensor self, double threshold, double value) =>
        Activation(self, "threshold_cpu", "ThresholdBackward0",
            x => torch.where(x <= threshold, torch.full([], value, x.dtype, x.device), x),
            (g, x) => torch.where(x <= threshold, torch.zeros([], g.dtype, g.device), g));

    /// <summary>GLU: a·σ(b) for the two halves a, b of <paramref name="dim"/>.</summary>
    public static Tensor Glu(Tensor self, long dim)
    {
        if (self.Shape.Length == 0) throw new ArgumentException("glu does not support scalars because halving size must be even");
        int d = Shapes.WrapDim(dim, self.Shape.Length);
        long n = self.Shape[d];
        if (n % 2 != 0) throw new ArgumentException($"Halving dimension must be even, but dimension {d} is size {n}");
        var a = self.narrow(d, 0, n / 2);
        var b = self.narrow(d, n / 2, n / 2);
        return a * b.sigmoid();
    }
}
