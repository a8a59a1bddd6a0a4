namespace Flint.TensorBoard;

/// <summary>
/// The Lanczos (a = 3) resize PIL's <c>Image.resize(..., LANCZOS)</c> does for <c>make_image(rescale=...)</c>: separable,
/// horizontal pass then vertical, the kernel widened by the scale when shrinking (antialiasing), weights normalised
/// per output pixel, results rounded and clipped. PIL accumulates in fixed point, so a channel may differ from PIL's by one.
/// </summary>
internal static class Resample
{
    public static byte[] Lanczos(ReadOnlySpan<byte> hwc, int height, int width, int channels, int newHeight, int newWidth)
    {
        if (newHeight < 1 || newWidth < 1)
            throw new ArgumentException($"rescale leaves no pixels: {height}x{width} becomes {newHeight}x{newWidth}");
        if (newHeight == height && newWidth == width) return hwc.ToArray();
        // Horizontal: [h, w, c] -> [h, newWidth, c]; vertical: -> [newHeight, newWidth, c].
        var rows = new double[height * newWidth * channels];
        var (xStart, xWeights) = Coefficients(width, newWidth);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < newWidth; x++)
                for (int c = 0; c < channels; c++)
                {
                    double acc = 0;
                    var ws = xWeights[x];
                    for (int k = 0; k < ws.Length; k++) acc += ws[k] * hwc[(y * width + xStart[x] + k) * channels + c];
                    rows[(y * newWidth + x) * channels + c] = Clip(acc);
                }
        var result = new byte[newHeight * newWidth * channels];
        var (yStart, yWeights) = Coefficients(height, newHeight);
        for (int y = 0; y < newHeight; y++)
            for (int x = 0; x < newWidth; x++)
                for (int c = 0; c < channels; c++)
                {
                    double acc = 0;
                    var ws = yWeights[y];
                    for (int k = 0; k < ws.Length; k++) acc += ws[k] * rows[((yStart[y] + k) * newWidth + x) * channels + c];
                    result[(y * newWidth + x) * channels + c] = (byte)Clip(acc);
                }
        return result;
    }

    private static double Clip(double v) => Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), 0, 255);

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double Kernel(double x) => x > -3 && x < 3 ? Sinc(x) * Sinc(x / 3) : 0;

    /// <summary>PIL's precompute_coeffs: for each output pixel the first input index and the normalised weights.</summary>
    private static (int[] start, double[][] weights) Coefficients(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize, filterScale = Math.Max(scale, 1), support = 3 * filterScale;
        var start = new int[outSize];
        var weights = new double[outSize][];
        for (int x = 0; x < outSize; x++)
        {
            double center = (x + 0.5) * scale;
            int lo = Math.Max(0, (int)Math.Truncate(center - support + 0.5));
            int hi = Math.Min(inSize, (int)Math.Truncate(center + support + 0.5));
            var w = new double[hi - lo];
            double total = 0;
            for (int k = 0; k < w.Length; k++) total += w[k] = Kernel((k + lo - center + 0.5) / filterScale);
            if (total != 0) for (int k = 0; k < w.Length; k++) w[k] /= total;
            start[x] = lo;
            weights[x] = w;
        }
        return (start, weights);
    }
}
