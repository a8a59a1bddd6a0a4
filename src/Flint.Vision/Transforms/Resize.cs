using Flint;

namespace Flint.Vision;

/// <summary>
/// torchvision's <c>Resize</c> on tensor images (..., H, W): bilinear interpolation with <c>align_corners=False</c> and
/// no antialiasing, as torchvision 0.14 does for tensors; an int size sets the smaller edge and keeps the aspect
/// ratio. uint8 images are interpolated in float32 and rounded back, as torchvision does.
/// </summary>
public sealed class Resize : ITransform
{
    private readonly long _h, _w;
    private readonly bool _smallerEdge;

    /// <summary>The smaller edge becomes <paramref name="size"/>; the other keeps the aspect ratio.</summary>
    public Resize(long size) { _h = _w = size; _smallerEdge = true; }

    /// <summary>Exactly <paramref name="height"/> x <paramref name="width"/>.</summary>
    public Resize(long height, long width) { _h = height; _w = width; }

    /// <inheritdoc/>
    public Tensor call(Tensor input)
    {
        if (input.dim() < 2) throw new ArgumentException($"Resize expects a tensor image (..., H, W), got {input.dim()} dimension(s)");
        int h = (int)input.shape[^2], w = (int)input.shape[^1];
        long oh = _h, ow = _w;
        if (_smallerEdge)
        {
            bool wide = w >= h;
            long shorter = Math.Min(h, w), longer = Math.Max(h, w);
            long newLong = (long)(_h * longer / (double)shorter);
            (oh, ow) = wide ? (_h, newLong) : (newLong, _h);
            if ((wide ? h : w) == _h) return input;
        }
        var dtype = input.dtype;
        var planes = input.reshape(-1, h, w).to(ScalarType.Float32).contiguous();
        long count = planes.shape[0];
        var src = planes.data<float>().ToArray();
        var dst = new float[count * oh * ow];
        var (hi0, hi1, hl0, hl1) = Weights(h, (int)oh);
        var (wi0, wi1, wl0, wl1) = Weights(w, (int)ow);
        for (long p = 0; p < count; p++)
        {
            long s = p * h * w, d = p * oh * ow;
            for (int y = 0; y < oh; y++)
            {
                for (int x = 0; x < ow; x++)
                {
                    // PyTorch's separable order: interpolate along W for both rows, then along H.
                    float top = src[s + hi0[y] * w + wi0[x]] * wl0[x] + src[s + hi0[y] * w + wi1[x]] * wl1[x];
                    float bottom = src[s + hi1[y] * w + wi0[x]] * wl0[x] + src[s + hi1[y] * w + wi1[x]] * wl1[x];
                    dst[d + y * ow + x] = top * hl0[y] + bottom * hl1[y];
                }
            }
        }
        var shape = input.shape.ToArray();
        shape[^2] = oh;
        shape[^1] = ow;
        var result = torch.tensor(dst, shape);
        if (dtype == ScalarType.Float32) return result;
        return IsFloating(dtype) ? result.to(dtype) : result.round().to(dtype);
    }

    private static bool IsFloating(ScalarType t) => t is ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16;

    // upsample_bilinear2d's source indices and weights (align_corners=False), in float32 as PyTorch computes them.
    private static (int[] i0, int[] i1, float[] l0, float[] l1) Weights(int inSize, int outSize)
    {
        float scale = (float)inSize / outSize;
        var (i0, i1, l0, l1) = (new int[outSize], new int[outSize], new float[outSize], new float[outSize]);
        for (int o = 0; o < outSize; o++)
        {
            float real = Math.Max(scale * (o + 0.5f) - 0.5f, 0f);
            int index = Math.Min((int)MathF.Floor(real), inSize - 1);
            float lambda = Math.Min(Math.Max(real - index, 0f), 1f);
            i0[o] = index;
            i1[o] = index + (index < inSize - 1 ? 1 : 0);
            l1[o] = lambda;
            l0[o] = 1f - lambda;
        }
        return (i0, i1, l0, l1);
    }
}
