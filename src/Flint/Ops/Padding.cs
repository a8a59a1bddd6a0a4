namespace Flint.Ops;

/// <summary>
/// F.pad: constant padding (PyTorch's constant_pad_nd, negative pads crop) and the reflect, replicate
/// and circular modes. The pad array lists (left, right) pairs from the last dim backwards. Constant
/// padding fills a new tensor and copies the input into its middle; its backward is the opposite
/// constant padding of the gradient (a crop). The other modes gather each padded dim through an index
/// (index_select), so their backward is index_select's scatter-add and they run on every device.
/// </summary>
internal static class PadNd
{
    public static Tensor Pad(Tensor input, long[] pad, PaddingModes mode, double value)
    {
        int dim = (int)input.dim();
        if (pad.Length % 2 != 0) throw new ArgumentException("Padding length must be divisible by 2");
        if (pad.Length > dim * 2) throw new ArgumentException("Padding length too large");
        if (mode is PaddingModes.Constant or PaddingModes.Zeros) return Constant(input, pad, mode == PaddingModes.Zeros ? 0 : value);
        if (value != 0) throw new ArgumentException($"Padding mode \"{ModeName(mode)}\" doesn't take in value argument");
        int s = pad.Length / 2;
        if (!(s is >= 1 and <= 3 && (dim == s + 1 || dim == s + 2)))
            throw new NotSupportedException("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
        var x = input;
        for (int i = 0; i < s; i++)
        {
            int d = dim - 1 - i;
            long l = pad[2 * i], r = pad[2 * i + 1], n = input.Shape[d];
            CheckModeSizes(input, mode, d, l, r, n, pad, s);
            long m = n + l + r, kept = n - Math.Max(-l, 0) - Math.Max(-r, 0);
            var idx = new long[m];
            for (long j = 0; j < m; j++)
            {
                long p = j - l;
                idx[j] = mode switch
                {
                    PaddingModes.Reflect => p < 0 ? -p : p >= n ? 2 * (n - 1) - p : p,
                    PaddingModes.Replicate => Math.Clamp(p, 0, n - 1),
                    // circular wraps within the kept part of the input (PyTorch's _pad_circular crops first)
                    _ => Math.Max(-l, 0) + (((j - Math.Max(l, 0)) % kept) + kept) % kept,
                };
            }
            x = x.index_select(d, torch.tensor(idx, ScalarType.Int64, input.device));
        }
        return x;
    }

    private static string ModeName(PaddingModes mode) => mode switch
    {
        PaddingModes.Reflect => "reflect",
        PaddingModes.Replicate => "replicate",
        PaddingModes.Circular => "circular",
        _ => "constant",
    };

    private static void CheckModeSizes(Tensor input, PaddingModes mode, int d, long l, long r, long n, long[] pad, int s)
    {
        long outSize = n + l + r;
        if (mode == PaddingModes.Reflect)
        {
            if (l >= n || r >= n)
                throw new ArgumentException($"Argument #4: Padding size should be less than the corresponding input dimension, but got: padding ({l}, {r}) at dimension {d} of input {Shapes.Str(input.Shape)}");
        }
        else if (mode == PaddingModes.Circular)
        {
            if (l > n || r > n)
                throw new ArgumentException("Padding value causes wrapping around more than once.");
        }
        if (outSize < 1)
            throw new ArgumentException($"input ({Shapes.Str(input.Shape)}) is too small. Calculated output {string.Join(" ", OutShape(input, pad, s))} is too small");
    }

    private static IEnumerable<long> OutShape(Tensor input, long[] pad, int s)
    {
        var o = (long[])input.Shape.Clone();
        for (int i = 0; i < s; i++) o[o.Length - 1 - i] += pad[2 * i] + pad[2 * i + 1];
        return o[^s..];
    }

    /// <summary>constant_pad_nd: new elements take <paramref name="value"/>; negative pads remove elements.</summary>
    public static Tensor Constant(Tensor input, long[] pad, double value)
    {
        int dim = (int)input.dim(), pairs = pad.Length / 2;
        var outShape = (long[])input.Shape.Clone();
        for (int i = 0; i < pairs; i++)
        {
            int d = dim - 1 - i;
            // PyTorch crops with narrow first, so an over-long crop fails with narrow's message.
            long cur = input.Shape[d];
            if (pad[2 * i] < 0)
            {
                if (cur + pad[2 * i] < 0) throw new ArgumentException($"start ({-pad[2 * i]}) + length ({cur + pad[2 * i]}) exceeds dimension size ({cur}).");
                cur += pad[2 * i];
            }
            if (pad[2 * i + 1] < 0 && cur + pad[2 * i + 1] < 0)
                throw new ArgumentException($"start (0) + length ({cur + pad[2 * i + 1]}) exceeds dimension size ({cur}).");
            long size = input.Shape[d] + pad[2 * i] + pad[2 * i + 1];
            if (size <= 0)
                throw new ArgumentException($"The input size {input.Shape[d]}, plus negative padding {pad[2 * i]} and {pad[2 * i + 1]} resulted in a negative output size, which is invalid. Check dimension {d} of your input.");
            outShape[d] = size;
        }
        Tensor y;
        using (torch.no_grad())
        {
            y = torch.full(outShape, value, input.dtype, input.device);
            Tensor src = input.detach(), dst = y;
            for (int i = 0; i < pairs; i++)
            {
                int d = dim - 1 - i;
                long l = pad[2 * i], r = pad[2 * i + 1];
                long n = input.Shape[d];
                // The kept part of the input along d, and where it lands in the output.
                long srcStart = Math.Max(0, -l), srcEnd = n - Math.Max(0, -r);
                long len = srcEnd - srcStart;
                if (len <= 0) { src = null!; break; }
                src = src.narrow(d, srcStart, len);
                dst = dst.narrow(d, Math.Max(0, l), len);
            }
            if (src is not null) dst.copy_(src);
        }
        if (!Recorder.Needed(input)) return y;
        var back = pad.Select(p => -p).ToArray();
        return Recorder.Record(y, "ConstantPadNdBackward0", [input], [], (g, _) => [Constant(g, back, 0)]);
    }
}
