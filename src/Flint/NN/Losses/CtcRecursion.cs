namespace Flint;

/// <summary>
/// The CTC alpha/beta recursions of PyTorch's CPU kernel (LossCTC.cpp), in float64 on the host: the validated targets
/// and lengths of one call, and <see cref="Run"/>, which gives the per-sample negative log-likelihood and, on request,
/// PyTorch's gradient with respect to the log-probabilities for a unit output gradient.
/// </summary>
internal sealed class CtcPlan
{
    private readonly long[][] _targets;
    private readonly long[] _inputLengths;
    private readonly long _blank;
    private readonly bool _zeroInfinity;

    private CtcPlan(long[][] targets, long[] inputLengths, long blank, bool zeroInfinity)
    {
        _targets = targets;
        _inputLengths = inputLengths;
        _blank = blank;
        _zeroInfinity = zeroInfinity;
    }

    /// <summary>Checks the arguments in PyTorch's words and splits the targets per sample.</summary>
    public static CtcPlan Create(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths, long blank, bool zeroInfinity)
    {
        const string from = " (while checking arguments for ctc_loss_cpu)";
        if (!logProbs.is_floating_point()) throw new ArgumentException($"ctc_loss: expected a floating-point log_probs tensor but got {DTypes.ShortName(logProbs.dtype)}");
        if (targets.is_floating_point() || targets.dtype == ScalarType.Bool)
            throw new ArgumentException($"Expected tensor for argument #2 'targets' to have one of the following scalar types: Int, Long; but got {DTypes.ShortName(targets.dtype)} instead{from}");
        long maxInput = logProbs.size(0), batch = logProbs.size(1), classes = logProbs.size(2);
        if (!(blank < classes && blank >= 0 && classes > 0)) throw new ArgumentException("blank must be in label range");
        if (inputLengths.Length != batch) throw new ArgumentException("input_lengths must be of size batch_size");
        if (targetLengths.Length != batch) throw new ArgumentException("target_lengths must be of size batch_size");
        var flat = targets.to(ScalarType.Int64).reshape(-1).data<long>();
        var perSample = new long[batch][];
        if (targets.dim() == 1)
        {
            long pos = 0;
            for (int b = 0; b < batch; b++)
            {
                if (targetLengths[b] < 0) throw new ArgumentException($"Expected target_lengths to be non-negative, but got {targetLengths[b]}");
                if (pos + targetLengths[b] > flat.Length)
                    throw new ArgumentException($"Expected tensor to have size at least {pos + targetLengths[b]} at dimension 1, but got size {flat.Length} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)");
                perSample[b] = flat.AsSpan((int)pos, (int)targetLengths[b]).ToArray();
                pos += targetLengths[b];
            }
        }
        else
        {
            if (targets.dim() != 2 || targets.size(0) != batch)
                throw new ArgumentException($"Expected tensor to have size {batch} at dimension 0, but got size {(targets.dim() == 0 ? 0 : targets.size(0))} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)");
            long width = targets.size(1);
            for (int b = 0; b < batch; b++)
            {
                if (targetLengths[b] < 0) throw new ArgumentException($"Expected target_lengths to be non-negative, but got {targetLengths[b]}");
                if (targetLengths[b] > width)
                    throw new ArgumentException($"Expected tensor to have size at least {targetLengths[b]} at dimension 1, but got size {width} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)");
                perSample[b] = flat.AsSpan((int)(b * width), (int)targetLengths[b]).ToArray();
            }
        }
        for (int b = 0; b < batch; b++)
        {
            if (inputLengths[b] > maxInput || inputLengths[b] < 0)
                throw new ArgumentException($"Expected input_lengths to have value at most {maxInput}, but got value {inputLengths[b]}{from}");
            foreach (var label in perSample[b])
                if (label < 0 || label >= classes) throw new ArgumentException($"ctc_loss: target label {label} is out of range for {classes} classes");
        }
        return new CtcPlan(perSample, inputLengths, blank, zeroInfinity);
    }

    private static double LogSumExp3(double a, double b, double c)
    {
        double m = Math.Max(a, Math.Max(b, c));
        if (double.IsNegativeInfinity(m)) m = 0;
        return Math.Log(Math.Exp(a - m) + Math.Exp(b - m) + Math.Exp(c - m)) + m;
    }

    /// <summary>The (N) losses and, with <paramref name="withGradient"/>, the (T, N, C) gradient, on the input's device and dtype.</summary>
    public (Tensor nll, Tensor? grad) Run(Tensor logProbs, bool withGradient)
    {
        long T = logProbs.size(0), N = logProbs.size(1), C = logProbs.size(2);
        var lp = logProbs.detach().to(ScalarType.Float64).contiguous().data<double>();
        double Lp(long t, long b, long c) => lp[(t * N + b) * C + c];
        var nll = new double[N];
        var grad = withGradient ? new double[T * N * C] : null;
        System.Threading.Tasks.Parallel.For(0, (int)N, Parallelism.LoopOptions, b =>
        {
            var tgt = _targets[b];
            long inLen = _inputLengths[b], S = 2 * tgt.Length + 1;
            long Label(long s) => (s & 1) == 0 ? _blank : tgt[s / 2];
            if (inLen == 0)
            {
                nll[b] = tgt.Length == 0 ? 0 : double.PositiveInfinity;
                return;
            }
            var alpha = new double[inLen * S];
            Array.Fill(alpha, double.NegativeInfinity);
            alpha[0] = Lp(0, b, _blank);
            if (tgt.Length > 0) alpha[1] = Lp(0, b, tgt[0]);
            for (long t = 1; t < inLen; t++)
                for (long s = 0; s < S; s++)
                {
                    long l = Label(s);
                    double a1 = alpha[(t - 1) * S + s];
                    double a2 = s > 0 ? alpha[(t - 1) * S + s - 1] : double.NegativeInfinity;
                    double a3 = s > 1 && Label(s - 2) != l ? alpha[(t - 1) * S + s - 2] : double.NegativeInfinity;
                    alpha[t * S + s] = LogSumExp3(a1, a2, a3) + Lp(t, b, l);
                }
            double l1 = alpha[(inLen - 1) * S + S - 1];
            double l2 = tgt.Length > 0 ? alpha[(inLen - 1) * S + S - 2] : double.NegativeInfinity;
            double loss = -LogSumExp3(l1, l2, double.NegativeInfinity);
            nll[b] = loss;
            if (grad is null) return;
            if (_zeroInfinity && double.IsPositiveInfinity(loss)) return;   // zeros

            // beta recursion; lcab[t, c] = log Σ_{s: l'(s) = c} alpha(t, s)·beta(t, s)
            var beta = new double[inLen * S];
            Array.Fill(beta, double.NegativeInfinity);
            var lcab = new double[inLen * C];
            Array.Fill(lcab, double.NegativeInfinity);
            void Accumulate(long t, long s)
            {
                double ab = alpha[t * S + s] + beta[t * S + s];
                ref double cell = ref lcab[t * C + Label(s)];
                if (double.IsNegativeInfinity(cell)) cell = ab;
                else
                {
                    double m = Math.Max(cell, ab);
                    cell = Math.Log(Math.Exp(cell - m) + Math.Exp(ab - m)) + m;
                }
            }
            long last = inLen - 1;
            beta[last * S + S - 1] = Lp(last, b, _blank);
            Accumulate(last, S - 1);
            if (tgt.Length > 0)
            {
                beta[last * S + S - 2] = Lp(last, b, tgt[^1]);
                Accumulate(last, S - 2);
            }
            for (long t = inLen - 2; t >= 0; t--)
                for (long s = 0; s < S; s++)
                {
                    long l = Label(s);
                    double b1 = beta[(t + 1) * S + s];
                    double b2 = s < S - 1 ? beta[(t + 1) * S + s + 1] : double.NegativeInfinity;
                    double b3 = s < S - 2 && Label(s + 2) != l ? beta[(t + 1) * S + s + 2] : double.NegativeInfinity;
                    beta[t * S + s] = LogSumExp3(b1, b2, b3) + Lp(t, b, l);
                    Accumulate(t, s);
                }
            for (long t = 0; t < inLen; t++)
                for (long c = 0; c < C; c++)
                {
                    double l = Lp(t, b, c);
                    grad[(t * N + b) * C + c] = Math.Exp(l) - Math.Exp(lcab[t * C + c] + loss - l);
                }
        });
        var dev = logProbs.device;
        var nllT = torch.tensor(nll, ScalarType.Float64).to(dev, logProbs.dtype);
        var gradT = grad is null ? null : torch.tensor(grad, [T, N, C], ScalarType.Float64).to(dev, logProbs.dtype);
        return (nllT, gradT);
    }
}
