namespace Flint.Ops;

/// <summary>
/// The complex-number vocabulary on Flint's real tensors, as PyTorch defines it for real dtypes: conj, real and the
/// resolve_* calls return the tensor itself, imag is an error, angle is 0 or π (NaN stays NaN) with a zero gradient.
/// </summary>
internal static class RealViews
{
    public static Tensor Angle(Tensor self)
    {
        var dtype = self.IsFloating ? self.dtype : torch.get_default_dtype();
        var x = self.detach().to(dtype);
        // angle(x) = π for x < 0, 0 for x ≥ 0 (so -0 and +inf give 0) and NaN for NaN.
        var zero = torch.zeros([], dtype, self.device);
        var r = Pointwise.Where(x < 0.0, torch.full([], Math.PI, dtype, self.device), Pointwise.Where(x.isnan(), x, zero));
        return Recorder.Record(r, "AngleBackward0", [self], [], (g, _) => [torch.zeros_like(g)]);
    }

    public static Tensor Imag(Tensor self) =>
        throw new InvalidOperationException("imag is not implemented for tensors with non-complex dtypes.");
}
