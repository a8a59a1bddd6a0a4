using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Losses that are ops of their own (a node with PyTorch's backward formula) rather than
/// compositions; nn's loss modules and torch.nn.functional check arguments, call these and reduce.
/// </summary>
internal static class Losses
{
    /// <summary>
    /// Elementwise -(t·log x + (1 - t)·log(1 - x)) with each log clamped to >= -100 (node
    /// BinaryCrossEntropyBackward0; its input gradient is (x - t) / max(x·(1 - x), 1e-12)).
    /// </summary>
    public static Tensor BinaryCrossEntropy(Tensor x, Tensor t)
    {
        Tensor loss, logX, log1mX;
        using (GradMode.Set(false))
        {
            if (x.numel() > 0 && !x.ge(0.0).logical_and(x.le(1.0)).all().item<bool>())
                throw new ArgumentException("all elements of input should be between 0 and 1");
            logX = x.log().clamp_min(-100);
            log1mX = (-x).log1p().clamp_min(-100);
            loss = (t - 1.0) * log1mX - t * logX;
        }
        return Recorder.Record(loss, "BinaryCrossEntropyBackward0", [x, t], [x, t], (g, s) =>
        [
            g * (s[0] - s[1]) / ((1.0 - s[0]) * s[0]).clamp_min(1e-12),
            g * (log1mX - logX),
        ]);
    }
}
