namespace Flint;

/// <summary>
/// Special functions the distributions need, composed from existing tensor ops so that autograd (to any
/// order) and every device work: lgamma and digamma for x &gt; 0 (recurrence up to 10, then the asymptotic
/// series; absolute error below 1e-12 in float64), atan (three half-angle reductions and a Taylor series),
/// expm1 (Kahan's (u − 1)·x / log u), Python's <c>math.lgamma</c> for scalars, and PyTorch's probability helpers.
/// </summary>
internal static class DistributionMath
{
    private const double Shift = 10;

    /// <summary>log Γ(x) for x &gt; 0 (PyTorch's <c>torch.lgamma</c> on the distributions' domains).</summary>
    public static Tensor Lgamma(Tensor x)
    {
        var small = x.lt(Shift);
        var z = torch.where(small, x + Shift, x);
        // Σ log(x + i) for i < 10, as five logs of products of pairs; large x uses 1 (log 1 = 0).
        var xs = torch.where(small, x, torch.ones_like(x));
        Tensor? shift = null;
        for (int i = 0; i < (int)Shift; i += 2)
        {
            var term = ((xs + i) * (xs + (i + 1))).log();
            shift = shift is null ? term : shift + term;
        }
        var r = 1.0 / z;
        var r2 = r * r;
        // Stirling: (z − ½) log z − z + ½ log 2π + 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹)
        var series = r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 + r2 * (1.0 / 1188)))));
        var stirling = (z - 0.5) * z.log() - z + 0.5 * Math.Log(2 * Math.PI) + series;
        return stirling - torch.where(small, shift!, torch.zeros_like(x));
    }

    /// <summary>ψ(x) = d/dx log Γ(x) for x &gt; 0.</summary>
    public static Tensor Digamma(Tensor x)
    {
        var small = x.lt(Shift);
        var z = torch.where(small, x + Shift, x);
        var xs = torch.where(small, x, torch.ones_like(x));
        Tensor? shift = null;
        for (int i = 0; i < (int)Shift; i++)
        {
            var term = 1.0 / (xs + i);
            shift = shift is null ? term : shift + term;
        }
        var r = 1.0 / z;
        var r2 = r * r;
        // ψ(z) ~ log z − 1/(2z) − 1/(12z²) + 1/(120z⁴) − 1/(252z⁶) + 1/(240z⁸) − 1/(132z¹⁰)
        var series = r2 * (-1.0 / 12 + r2 * (1.0 / 120 + r2 * (-1.0 / 252 + r2 * (1.0 / 240 + r2 * (-1.0 / 132)))));
        var asymptotic = z.log() - 0.5 * r + series;
        return asymptotic - torch.where(small, shift!, torch.zeros_like(x));
    }

    /// <summary>arctan(x), ±π/2 at ±∞.</summary>
    public static Tensor Atan(Tensor x)
    {
        var finite = x.abs().lt(double.PositiveInfinity);
        var y = torch.where(finite, x, torch.zeros_like(x));
        // atan(y) = 2 atan(y / (1 + √(1 + y²))): three halvings bring |y| below tan(π/16) ≈ 0.2.
        for (int i = 0; i < 3; i++) y = y / (1.0 + (1.0 + y * y).sqrt());
        var y2 = y * y;
        // Horner over Σ (−1)^k y^(2k) / (2k + 1), k = 0..12 (the first omitted term is below 1e-19).
        Tensor poly = torch.full_like(y, 1.0 / 25);
        for (int k = 11; k >= 0; k--) poly = (k % 2 == 0 ? 1.0 : -1.0) / (2 * k + 1) + y2 * poly;
        var result = 8.0 * y * poly;
        return torch.where(finite, result, x.sign() * (Math.PI / 2));
    }

    /// <summary>PyTorch's <c>torch.xlogy</c>: x·log(y), 0 where x = 0 (gradient log y, 0 where x = 0).</summary>
    public static Tensor Xlogy(Tensor x, Tensor y)
    {
        var b = BroadcastAll(x, y);
        var zero = b[0].eq(0.0);
        return b[0] * torch.where(zero, torch.ones_like(b[1]), b[1]).log();
    }

    /// <summary>e^x − 1 without cancellation near 0.</summary>
    public static Tensor Expm1(Tensor x)
    {
        var u = x.exp();
        var one = u.eq(1.0);
        var xs = torch.where(one, torch.ones_like(x), x);
        var us = torch.where(one, torch.full_like(u, Math.E), u);
        var kahan = (us - 1.0) * xs / us.log();
        var big = x.abs().gt(0.5);
        return torch.where(big, u - 1.0, torch.where(one, x, kahan));
    }

    /// <summary>Python's <c>math.lgamma</c> for a scalar x &gt; 0.</summary>
    public static double LgammaScalar(double x) => Lgamma(torch.tensor(x, ScalarType.Float64)).item<double>();

    /// <summary>PyTorch's <c>torch.finfo(dtype).eps</c>.</summary>
    public static double Eps(ScalarType t) => t == ScalarType.Float64 ? 2.220446049250313e-16 : t == ScalarType.Float16 ? 0.0009765625 : t == ScalarType.BFloat16 ? 0.0078125 : 1.1920928955078125e-07;

    /// <summary>PyTorch's <c>torch.finfo(dtype).tiny</c>: the smallest normal number.</summary>
    public static double Tiny(ScalarType t) => t == ScalarType.Float64 ? 2.2250738585072014e-308 : t == ScalarType.Float16 ? 6.103515625e-05 : 1.1754943508222875e-38;

    /// <summary>PyTorch's <c>torch.finfo(dtype).min</c>.</summary>
    public static double Lowest(ScalarType t) => t == ScalarType.Float64 ? double.MinValue : t == ScalarType.Float16 ? -65504.0 : t == ScalarType.BFloat16 ? -3.3895313892515355e+38 : float.MinValue;

    /// <summary>PyTorch's <c>clamp_probs</c>: probabilities into [eps, 1 − eps].</summary>
    public static Tensor ClampProbs(Tensor probs)
    {
        double eps = Eps(probs.dtype);
        return probs.clamp(eps, 1 - eps);
    }

    /// <summary>PyTorch's <c>probs_to_logits</c>.</summary>
    public static Tensor ProbsToLogits(Tensor probs, bool isBinary)
    {
        var p = ClampProbs(probs);
        return isBinary ? p.log() - (-p).log1p() : p.log();
    }

    /// <summary>PyTorch's <c>logits_to_probs</c>.</summary>
    public static Tensor LogitsToProbs(Tensor logits, bool isBinary) => isBinary ? logits.sigmoid() : logits.softmax(-1);

    /// <summary>logsumexp over the last dim, keeping it (PyTorch's algorithm: shift by the max unless it is infinite).</summary>
    public static Tensor LogSumExpLast(Tensor x)
    {
        var max = x.detach().amax(-1, keepdim: true);
        max = max.masked_fill(max.abs().eq(double.PositiveInfinity), 0.0);
        return (x - max).exp().sum(-1, keepdim: true).log() + max;
    }

    /// <summary>
    /// PyTorch's <c>binary_cross_entropy_with_logits(input, target, reduction='none')</c>:
    /// (1 − t)·x + m + log(e^−m + e^(−x−m)) with m = max(−x, 0).
    /// </summary>
    public static Tensor BceWithLogits(Tensor input, Tensor target)
    {
        var maxVal = (-input).clamp_min(0);
        return (1.0 - target) * input + maxVal + ((-maxVal).exp() + (-input - maxVal).exp()).log();
    }

    /// <summary>F.softplus with PyTorch's default threshold 20.</summary>
    public static Tensor Softplus(Tensor x) => torch.nn.functional.softplus(x);

    /// <summary>PyTorch's <c>broadcast_all</c> for tensors: every tensor expanded (as a view) to the common shape.</summary>
    public static Tensor[] BroadcastAll(params Tensor[] values)
    {
        long[] shape = [];
        foreach (var v in values) shape = Shapes.Broadcast(shape, v.Shape);
        return values.Select(v => v.expand(shape)).ToArray();
    }

    /// <summary>A Python number as a tensor of the default dtype, as <c>broadcast_all</c> makes it.</summary>
    public static Tensor Scalar(double value) => torch.tensor(value, torch.get_default_dtype());
}
