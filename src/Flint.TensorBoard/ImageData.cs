namespace Flint.TensorBoard;

/// <summary>Turns an image tensor into HWC bytes as PyTorch's <c>convert_to_HWC</c> and <c>image()</c> do.</summary>
internal static class ImageData
{
    public static (byte[] hwc, int height, int width, int channels) ToHwcBytes(Tensor img, string dataformats)
    {
        ArgumentNullException.ThrowIfNull(img);
        ArgumentNullException.ThrowIfNull(dataformats);
        string format = dataformats.ToUpperInvariant();
        if (format.Length != img.dim() || format.Distinct().Count() != format.Length || format.Any(ch => ch is not ('C' or 'H' or 'W')))
            throw new ArgumentException($"size of input tensor and input format are different. tensor shape: ({string.Join(", ", img.shape)}), input_format: {dataformats}");
        if (format.Length == 3 && !format.Contains('C') || format.Length == 2 && format.Contains('C') || format.Length < 2)
            throw new ArgumentException($"dataformats must be CHW, HWC or HW (any order of those letters), got {dataformats}");
        var t = img.detach().cpu();
        if (format.Length == 2) t = t.unsqueeze(-1);
        // Permute to H, W, C.
        string have = format.Length == 2 ? format + "C" : format;
        t = t.permute(have.IndexOf('H'), have.IndexOf('W'), have.IndexOf('C'));
        var shape = t.shape;
        int h = checked((int)shape[0]), w = checked((int)shape[1]), c = checked((int)shape[2]);
        if (c == 1) { t = t.expand(h, w, 3); c = 3; }  // gray shown as RGB, as PyTorch does
        if (c is not (3 or 4)) throw new ArgumentException($"an image has 1, 3 or 4 channels, got {c}");
        // uint8 images are taken as they are; others are in [0, 1] and scaled by 255 in float32, then clipped and truncated.
        float scale = img.dtype == ScalarType.Byte ? 1f : 255f;
        var values = t.to(torch.float32).contiguous().data<float>();
        var bytes = new byte[h * w * c];
        for (int i = 0; i < bytes.Length; i++)
        {
            float v = values[i] * scale;
            bytes[i] = float.IsNaN(v) ? (byte)0 : (byte)Math.Clamp(v, 0f, 255f);
        }
        return (bytes, h, w, c);
    }
}
