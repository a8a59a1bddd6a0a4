namespace Flint;

public static partial class torch
{
    /// <summary>
    /// <c>torch.fft</c>: the members whose results are real (sample frequencies and the zero-frequency shifts). The
    /// transforms themselves return complex tensors, which Flint does not have (docs/parity-gaps.md, "Not planned").
    /// </summary>
    public static class fft
    {
        /// <summary>
        /// PyTorch's <c>torch.fft.fftfreq(n, d=1.0)</c>: the sample frequencies of a length-<paramref name="n"/> transform,
        /// <c>[0, 1, ..., ⌈n/2⌉-1, -⌊n/2⌋, ..., -1] / (d·n)</c>, in the default float dtype unless given.
        /// </summary>
        public static Tensor fftfreq(long n, double d = 1.0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        {
            CheckLength(n);
            // PyTorch's order: arange(n), the right part overwritten with -(n/2) .. -1, then one multiply by 1/(n·d).
            var k = arange(n, ScalarType.Int64, device);
            var freq = where(k >= (n + 1) / 2, k - n, k).to(dtype ?? get_default_dtype());
            return freq.mul_(1.0 / (n * d)).requires_grad_(requires_grad);
        }

        /// <summary>PyTorch's <c>torch.fft.rfftfreq(n, d=1.0)</c>: <c>[0, 1, ..., ⌊n/2⌋] / (d·n)</c>, the frequencies of a real transform.</summary>
        public static Tensor rfftfreq(long n, double d = 1.0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        {
            return arange(n / 2 + 1, dtype ?? get_default_dtype(), device).mul_(1.0 / (n * d)).requires_grad_(requires_grad);
        }

        /// <summary>PyTorch's <c>torch.fft.fftshift(input, dim=None)</c>: rolls each dimension (all when <paramref name="dim"/> is null) by ⌊size/2⌋, moving frequency 0 to the centre.</summary>
        public static Tensor fftshift(Tensor input, long[]? dim = null) => Shift(input, dim, inverse: false);

        /// <summary>PyTorch's <c>torch.fft.ifftshift(input, dim=None)</c>: the inverse of <see cref="fftshift"/> (rolls by ⌊(size+1)/2⌋).</summary>
        public static Tensor ifftshift(Tensor input, long[]? dim = null) => Shift(input, dim, inverse: true);

        private static Tensor Shift(Tensor input, long[]? dim, bool inverse)
        {
            var dims = dim ?? [.. Enumerable.Range(0, (int)input.ndim).Select(i => (long)i)];
            if (dims.Length == 0) throw new ArgumentException("`shifts` required");   // PyTorch's message for a 0-dim input
            var shifts = dims.Select(d => { long size = input.size(d); return inverse ? (size + 1) / 2 : size / 2; }).ToArray();
            return input.roll(shifts, dims);
        }

        private static void CheckLength(long n)
        {
            if (n < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {n}: [{n}]");
        }
    }
}
