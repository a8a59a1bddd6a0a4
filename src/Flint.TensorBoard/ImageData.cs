namespace Flint.TensorBoard;

/// <summary>Turns image and video tensors into HWC bytes as PyTorch's <c>convert_to_HWC</c>, <c>_prepare_video</c>, <c>image()</c> and <c>video()</c> do.</summary>
internal static class ImageData
{
    public static (byte[] hwc, int height, int width, int channels) ToHwcBytes(Tensor img, string dataformats)
    {
        ArgumentNullException.ThrowIfNull(img);
        ArgumentNullException.ThrowIfNull(dataformats);
        string format = dataformats.ToUpperInvariant();
        if (format.Distinct().Count() != format.Length)
            throw new ArgumentException($"You can not use the same dimension shordhand twice. input_format: {dataformats}");
        if (format.Length != img.dim() || format.Any(ch => ch is not ('N' or 'C' or 'H' or 'W')))
            throw new ArgumentException($"size of input tensor and input format are different. tensor shape: ({string.Join(", ", img.shape)}), input_format: {dataformats}");
        if (format.Length == 4 && format.Contains('N') || format.Length == 3 && format.Contains('C') && !format.Contains('N')
            || format.Length == 2 && !format.Contains('C') && !format.Contains('N'))
        { }
        else throw new ArgumentException($"dataformats must be NCHW, CHW, HWC or HW (any order of those letters), got {dataformats}");
        var t = img.detach().cpu();
        if (format.Length == 4)
        {
            t = t.permute(format.IndexOf('N'), format.IndexOf('C'), format.IndexOf('H'), format.IndexOf('W'));
            t = MakeGrid(t).permute(1, 2, 0);
        }
        else
        {
            if (format.Length == 2) t = t.unsqueeze(-1);
            // Permute to H, W, C.
            string have = format.Length == 2 ? format + "C" : format;
            t = t.permute(have.IndexOf('H'), have.IndexOf('W'), have.IndexOf('C'));
        }
        var shape = t.shape;
        int h = checked((int)shape[0]), w = checked((int)shape[1]), c = checked((int)shape[2]);
        if (c == 1) { t = t.expand(h, w, 3); c = 3; }  // gray shown as RGB, as PyTorch does
        if (c is not (3 or 4)) throw new ArgumentException($"an image has 1, 3 or 4 channels, got {c}");
        // uint8 images are taken as they are; others are in [0, 1] and scaled by 255 in float32, then clipped and truncated.
        return (ToBytes(t, img.dtype == ScalarType.Byte ? 1f : 255f), h, w, c);
    }

    /// <summary>
    /// PyTorch's <c>make_grid(I, ncols=8)</c> for NCHW: one channel becomes three, the images are tiled
    /// <c>min(N, 8)</c> to a row on a zero canvas; the result is CHW.
    /// </summary>
    public static Tensor MakeGrid(Tensor nchw, int ncols = 8)
    {
        if (nchw.shape[1] == 1) nchw = torch.cat([nchw, nchw, nchw], 1);
        if (nchw.dim() != 4 || nchw.shape[1] != 3)
            throw new ArgumentException($"make_grid takes NCHW images with 1 or 3 channels, got shape ({string.Join(", ", nchw.shape)})");
        long n = nchw.shape[0], h = nchw.shape[2], w = nchw.shape[3];
        if (n < 1) throw new ArgumentException("make_grid needs at least one image");
        long cols = Math.Min(n, ncols), rows = (n + cols - 1) / cols;
        if (rows * cols > n) nchw = torch.cat([nchw, torch.zeros([rows * cols - n, 3, h, w], dtype: nchw.dtype)], 0);
        // [rows, cols, 3, h, w] -> [3, rows, h, cols, w] -> [3, rows*h, cols*w]
        return nchw.reshape(rows, cols, 3, h, w).permute(2, 0, 3, 1, 4).reshape(3, rows * h, cols * w);
    }

    /// <summary>
    /// PyTorch's <c>_prepare_video</c> and <c>video()</c>'s scaling: a [B, T, C, H, W] video becomes T frames of a grid
    /// (the batch padded with black to a power of two, <c>2^((bit_length(B)-1)/2)</c> rows), as [T, H', W', C] bytes.
    /// uint8 input is divided by 255 in float32 first and then scaled back, as PyTorch does.
    /// </summary>
    public static (byte[] thwc, int frames, int height, int width, int channels) VideoToThwcBytes(Tensor video)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (video.dim() != 5)
            throw new ArgumentException($"a video is a 5-D tensor [batch, time, channel, height, width], got shape ({string.Join(", ", video.shape)})");
        var v = video.detach().cpu().to(torch.float32);
        if (video.dtype == ScalarType.Byte) v = v / 255f;
        long b = v.shape[0], t = v.shape[1], c = v.shape[2], h = v.shape[3], w = v.shape[4];
        if (b < 1 || t < 1) throw new ArgumentException($"a video needs at least one clip and one frame, got shape ({string.Join(", ", video.shape)})");
        if (c is not (1 or 3 or 4)) throw new ArgumentException($"a video frame has 1, 3 or 4 channels, got {c}");
        long padded = (b & (b - 1)) == 0 ? b : 1L << BitLength(b);
        if (padded > b) v = torch.cat([v, torch.zeros([padded - b, t, c, h, w], dtype: torch.float32)], 0);
        long rows = 1L << ((BitLength(b) - 1) / 2), cols = padded / rows;
        v = v.reshape(rows, cols, t, c, h, w).permute(2, 0, 4, 1, 5, 3).reshape(t, rows * h, cols * w, c);
        return (ToBytes(v, 255f), checked((int)t), checked((int)(rows * h)), checked((int)(cols * w)), (int)c);
    }

    private static int BitLength(long n) => 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n);

    /// <summary>Values times <paramref name="scale"/> in float32, clipped to [0, 255] and truncated (NaN is 0).</summary>
    public static byte[] ToBytes(Tensor t, float scale)
    {
        var values = t.to(torch.float32).contiguous().data<float>();
        var bytes = new byte[values.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            float v = values[i] * scale;
            bytes[i] = float.IsNaN(v) ? (byte)0 : (byte)Math.Clamp(v, 0f, 255f);
        }
        return bytes;
    }
}
