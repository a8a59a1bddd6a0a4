using Flint;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Flint.Vision;

/// <summary>torchvision's <c>utils.make_grid</c> and <c>utils.save_image</c> (PNG through ImageSharp).</summary>
public static class ImageGrid
{
    /// <summary>Lays a batch (B, C, H, W) of images out in a grid of <paramref name="nrow"/> columns with <paramref name="padding"/> pixels between them.</summary>
    public static Tensor make_grid(Tensor tensor, long nrow = 8, long padding = 2, bool normalize = false, double pad_value = 0)
    {
        if (tensor.dim() == 2) tensor = tensor.unsqueeze(0);
        if (tensor.dim() == 3)
        {
            if (tensor.shape[0] == 1) tensor = torch.cat([tensor, tensor, tensor], 0);
            tensor = tensor.unsqueeze(0);
        }
        if (tensor.dim() != 4) throw new ArgumentException($"make_grid expects a 2-, 3- or 4-dimensional tensor, got {tensor.dim()} dimensions");
        if (tensor.shape[1] == 1) tensor = torch.cat([tensor, tensor, tensor], 1);
        if (normalize)
        {
            double low = tensor.min().item<float>(), high = tensor.max().item<float>();
            tensor = tensor.clamp(low, high).sub(low).div(Math.Max(high - low, 1e-5));
        }
        if (tensor.shape[0] == 1) return tensor.squeeze(0);
        long nmaps = tensor.shape[0], xmaps = Math.Min(nrow, nmaps), ymaps = (nmaps + xmaps - 1) / xmaps;
        long height = tensor.shape[2] + padding, width = tensor.shape[3] + padding;
        var grid = torch.full([tensor.shape[1], height * ymaps + padding, width * xmaps + padding], pad_value, dtype: tensor.dtype);
        long k = 0;
        for (long y = 0; y < ymaps; y++)
        {
            for (long x = 0; x < xmaps && k < nmaps; x++, k++)
                grid.narrow(1, y * height + padding, height - padding).narrow(2, x * width + padding, width - padding).copy_(tensor[k]);
        }
        return grid;
    }

    /// <summary>Writes a float image (C, H, W) or batch (B, C, H, W) with values in [0, 1] as a PNG, through <see cref="make_grid"/>.</summary>
    public static void save_image(Tensor tensor, string fp, long nrow = 8, long padding = 2, bool normalize = false, double pad_value = 0)
    {
        var grid = make_grid(tensor.detach().cpu(), nrow, padding, normalize, pad_value);
        var hwc = grid.mul(255).add(0.5).clamp(0, 255).permute(1, 2, 0).to(ScalarType.Byte).contiguous();
        int h = (int)hwc.shape[0], w = (int)hwc.shape[1];
        var bytes = hwc.data<byte>().ToArray();
        using var image = Image.LoadPixelData<Rgb24>(bytes, w, h);
        image.SaveAsPng(fp);
    }
}
