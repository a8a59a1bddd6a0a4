using Flint;

namespace Flint.Vision;

/// <summary>torchvision's <c>ToTensor</c>: a uint8 image (H, W) or (H, W, C) becomes float32 (C, H, W) in [0, 1]; float tensors pass unchanged.</summary>
public sealed class ToTensor : ITransform
{
    /// <inheritdoc/>
    public Tensor call(Tensor input)
    {
        if (input.dim() is not (2 or 3)) throw new ArgumentException($"pic should be 2/3 dimensional. Got {input.dim()} dimensions.");
        if (input.dtype != ScalarType.Byte) return input;
        var chw = input.dim() == 2 ? input.unsqueeze(0) : input.permute(2, 0, 1).contiguous();
        return chw.to(ScalarType.Float32).div(255.0);
    }
}

/// <summary>torchvision's <c>Normalize(mean, std)</c>: <c>(x - mean[c]) / std[c]</c> per channel of a float (..., C, H, W) tensor.</summary>
public sealed class Normalize : ITransform
{
    private readonly double[] _mean, _std;

    /// <summary>One mean and standard deviation per channel.</summary>
    public Normalize(double[] mean, double[] std)
    {
        if (mean.Length != std.Length) throw new ArgumentException($"mean has {mean.Length} values and std {std.Length}; give one of each per channel");
        if (std.Any(s => s == 0)) throw new ArgumentException($"std evaluated to zero after conversion to float32, leading to division by zero.");
        _mean = mean;
        _std = std;
    }

    /// <inheritdoc/>
    public Tensor call(Tensor input)
    {
        if (!input.is_floating_point()) throw new ArgumentException($"Input tensor should be a float tensor. Got {input.dtype}.");
        if (input.dim() < 3) throw new ArgumentException($"Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = [{string.Join(", ", input.shape)}]");
        long channels = input.shape[^3];
        if (_mean.Length != 1 && _mean.Length != channels)
            throw new ArgumentException($"Normalize has {_mean.Length} means for an image with {channels} channels");
        var mean = torch.tensor(_mean, dtype: input.dtype).view(-1, 1, 1);
        var std = torch.tensor(_std, dtype: input.dtype).view(-1, 1, 1);
        return input.sub(mean).div(std);
    }
}

/// <summary>torchvision's <c>Compose</c>: the transforms in order.</summary>
public sealed class Compose(params ITransform[] transforms) : ITransform
{
    /// <summary>The transforms, in order.</summary>
    public IReadOnlyList<ITransform> transforms { get; } = transforms;

    /// <inheritdoc/>
    public Tensor call(Tensor input)
    {
        foreach (var t in transforms) input = t.call(input);
        return input;
    }
}

/// <summary>torchvision's <c>Lambda</c>: any function as a transform.</summary>
public sealed class Lambda(Func<Tensor, Tensor> lambd) : ITransform
{
    /// <inheritdoc/>
    public Tensor call(Tensor input) => lambd(input);
}

/// <summary>torchvision's <c>RandomHorizontalFlip(p)</c>: mirrors the last dimension when <c>torch.rand(1) &lt; p</c>.</summary>
public sealed class RandomHorizontalFlip(double p = 0.5) : ITransform
{
    /// <inheritdoc/>
    public Tensor call(Tensor input) => torch.rand(1).item<float>() < p ? ImageOps.MirrorWidth(input) : input;
}

/// <summary>torchvision's <c>CenterCrop(size)</c> on a (..., H, W) tensor; pads with zeros when the image is smaller.</summary>
public sealed class CenterCrop : ITransform
{
    private readonly long _h, _w;

    /// <summary>Crops to <paramref name="height"/> x <paramref name="width"/> (a square when width is omitted).</summary>
    public CenterCrop(long height, long? width = null) { _h = height; _w = width ?? height; }

    /// <inheritdoc/>
    public Tensor call(Tensor input)
    {
        long h = input.shape[^2], w = input.shape[^1];
        if (_h > h || _w > w)
        {
            long padTop = Math.Max(0, (_h - h) / 2), padLeft = Math.Max(0, (_w - w) / 2);
            input = ImageOps.Pad(input, padLeft, padTop, Math.Max(0, (_w - w + 1) / 2), Math.Max(0, (_h - h + 1) / 2));
            h = input.shape[^2]; w = input.shape[^1];
        }
        long top = (long)Math.Round((h - _h) / 2.0, MidpointRounding.ToEven), left = (long)Math.Round((w - _w) / 2.0, MidpointRounding.ToEven);
        return input.narrow(-2, top, _h).narrow(-1, left, _w);
    }
}

/// <summary>torchvision's <c>RandomCrop(size, padding)</c> on a (..., H, W) tensor: zero padding on every side, then a crop at <c>randint</c> offsets.</summary>
public sealed class RandomCrop : ITransform
{
    private readonly long _h, _w, _padding;

    /// <summary>Crops <paramref name="height"/> x <paramref name="width"/> after padding each side with <paramref name="padding"/> zeros.</summary>
    public RandomCrop(long height, long? width = null, long padding = 0) { _h = height; _w = width ?? height; _padding = padding; }

    /// <inheritdoc/>
    public Tensor call(Tensor input)
    {
        if (_padding > 0) input = ImageOps.Pad(input, _padding, _padding, _padding, _padding);
        long h = input.shape[^2], w = input.shape[^1];
        if (h < _h || w < _w) throw new ArgumentException($"Required crop size ({_h}, {_w}) is larger then input image size ({h}, {w})");
        if (h == _h && w == _w) return input;
        long i = torch.randint(0, h - _h + 1, [1]).item<long>();
        long j = torch.randint(0, w - _w + 1, [1]).item<long>();
        return input.narrow(-2, i, _h).narrow(-1, j, _w);
    }
}

/// <summary>Constant (zero) padding of the last two dimensions, done with a copy into a zero canvas.</summary>
internal static class ImageOps
{
    // torchvision's F.hflip: the last dimension reversed (an index_select, so no new op is needed).
    public static Tensor MirrorWidth(Tensor input)
    {
        long w = input.shape[^1];
        var reversed = new long[w];
        for (long k = 0; k < w; k++) reversed[k] = w - 1 - k;
        return input.index_select(-1, torch.tensor(reversed));
    }

    public static Tensor Pad(Tensor input, long left, long top, long right, long bottom)
    {
        var shape = input.shape.ToArray();
        long h = shape[^2], w = shape[^1];
        shape[^2] = h + top + bottom;
        shape[^1] = w + left + right;
        var canvas = torch.zeros(shape, dtype: input.dtype);
        canvas.narrow(-2, top, h).narrow(-1, left, w).copy_(input);
        return canvas;
    }
}
