using System.Globalization;

namespace Flint.Ops;

/// <summary>
/// Resampling: pixel (un)shuffle as reshape/permute/reshape, and interpolation (nearest, bilinear) as
/// index selection along each spatial dim with PyTorch 1.13's source indices and weights (computed in
/// float32 for float32 input, as its kernels do), so gradients come from index_select's backward.
/// </summary>
internal static class Resampling
{
    internal static Tensor PixelShuffle(Tensor input, long r)
    {
        long nd = input.dim();
        if (nd < 3) throw new ArgumentException($"pixel_shuffle expects input to have at least 3 dimensions, but got input with {nd} dimension(s)");
        if (r <= 0) throw new ArgumentException($"pixel_shuffle expects a positive upscale_factor, but got {r}");
        long c = input.size(-3), h = input.size(-2), w = input.size(-1);
        if (c % (r * r) != 0)
            throw new ArgumentException($"pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)={c} is not divisible by {r * r}");
        var batch = input.Shape[..^3];
        int b = batch.Length;
        long oc = c / (r * r);
        var split = input.reshape([.. batch, oc, r, r, h, w]);
        var perm = Enumerable.Range(0, b).Select(i => (long)i).Concat([b, b + 3, b + 1, b + 4, b + 2]).ToArray();
        return split.permute(perm).reshape([.. batch, oc, h * r, w * r]);
    }

    internal static Tensor PixelUnshuffle(Tensor input, long r)
    {
        long nd = input.dim();
        if (nd < 3) throw new ArgumentException($"pixel_unshuffle expects input to have at least 3 dimensions, but got input with {nd} dimension(s)");
        if (r <= 0) throw new ArgumentException($"pixel_unshuffle expects a positive downscale_factor, but got {r}");
        long c = input.size(-3), h = input.size(-2), w = input.size(-1);
        if (h % r != 0) throw new ArgumentException($"pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)={h} is not divisible by {r}");
        if (w % r != 0) throw new ArgumentException($"pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)={w} is not divisible by {r}");
        var batch = input.Shape[..^3];
        int b = batch.Length;
        var split = input.reshape([.. batch, c, h / r, r, w / r, r]);
        var perm = Enumerable.Range(0, b).Select(i => (long)i).Concat([b, b + 2, b + 4, b + 1, b + 3]).ToArray();
        return split.permute(perm).reshape([.. batch, c * r * r, h / r, w / r]);
    }

    /// <summary>PyTorch 1.13's F.interpolate: nearest and nearest-exact (3-d to 5-d input), linear (3-d), bilinear and bicubic (4-d), trilinear (5-d), area (adaptive average pooling).</summary>
    internal static Tensor Interpolate(Tensor input, long[]? size, double[]? scaleFactor, string mode, bool? alignCorners, bool? recomputeScaleFactor)
    {
        bool nearest = mode is "nearest" or "area" or "nearest-exact";
        if (nearest && alignCorners is not null)
            throw new ArgumentException("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear");
        bool align = alignCorners ?? false;
        int dim = (int)input.dim() - 2;
        long[] outSize;
        double[]? scales = null;
        var spatial = input.Shape.Length >= 2 ? input.Shape[2..] : [];
        if (size is not null && scaleFactor is not null) throw new ArgumentException("only one of size or scale_factor should be defined");
        if (size is not null)
        {
            if (size.Length != 1 && size.Length != dim)
                throw new ArgumentException($"Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of {Shapes.Str(spatial)} and output size of {Tuple(size.Select(s => s.ToString(CultureInfo.InvariantCulture)))}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.");
            outSize = size.Length == 1 ? Enumerable.Repeat(size[0], Math.Max(dim, 0)).ToArray() : size;
        }
        else if (scaleFactor is not null)
        {
            if (scaleFactor.Length != 1 && scaleFactor.Length != dim)
                throw new ArgumentException($"Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of {Shapes.Str(spatial)} and scale_factor of shape {Tuple(scaleFactor.Select(s => PyFloat(s)))}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.");
            scales = scaleFactor.Length == 1 ? Enumerable.Repeat(scaleFactor[0], Math.Max(dim, 0)).ToArray() : scaleFactor;
            outSize = new long[scales.Length];
            for (int i = 0; i < scales.Length; i++) outSize[i] = (long)(spatial[i] * scales[i]);
            if (recomputeScaleFactor == true) scales = null;
        }
        else throw new ArgumentException("either size or scale_factor should be defined");

        int nd = (int)input.dim();
        if (mode == "area")
        {
            // PyTorch's area mode is adaptive average pooling to the output size.
            return nd switch
            {
                3 => Pooling.AdaptiveAvgPool1d(input, outSize[0]),
                4 => Pooling.AdaptiveAvgPool2d(input, [outSize[0], outSize[1]]),
                5 => Pooling.AdaptiveAvgPool3d(input, [outSize[0], outSize[1], outSize[2]]),
                _ => throw Unsupported(nd, mode),
            };
        }
        if ((mode == "nearest" || mode == "nearest-exact") && nd is >= 3 and <= 5)
        {
            var y = input;
            for (int i = 0; i < dim; i++) y = y.index_select(2 + i, NearestIndices(spatial[i], outSize[i], scales?[i], mode == "nearest-exact", input.device));
            return y;
        }
        if ((mode == "linear" && nd == 3) || (mode == "bilinear" && nd == 4) || (mode == "trilinear" && nd == 5))
        {
            // The last dim first, then outwards: PyTorch's h0λ·(w0λ·x00 + w1λ·x01) + h1λ·(w0λ·x10 + w1λ·x11) (and its 1-d and 3-d forms).
            var y = input;
            for (int i = dim - 1; i >= 0; i--) y = LinearAlong(y, 2 + i, outSize[i], scales?[i], align);
            return y;
        }
        if (mode == "bicubic" && nd == 4)
        {
            var y = CubicAlong(input, 3, outSize[1], scales?[1], align);
            return CubicAlong(y, 2, outSize[0], scales?[0], align);
        }
        string? wrongDim = (nd, mode) switch
        {
            (3, "bilinear") => "Got 3D input, but bilinear mode needs 4D input",
            (3, "trilinear") => "Got 3D input, but trilinear mode needs 5D input",
            (4, "linear") => "Got 4D input, but linear mode needs 3D input",
            (4, "trilinear") => "Got 4D input, but trilinear mode needs 5D input",
            (5, "linear") => "Got 5D input, but linear mode needs 3D input",
            (5, "bilinear") => "Got 5D input, but bilinear mode needs 4D input",
            _ => null,
        };
        if (wrongDim is not null) throw new NotSupportedException(wrongDim);
        throw Unsupported(nd, mode);
    }

    private static NotSupportedException Unsupported(int nd, string mode) =>
        new($"Input Error: Only 3D, 4D and 5D input Tensors supported (got {nd}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got {mode})");

    /// <summary>Python's repr of a float (2.0, 1.5).</summary>
    private static string PyFloat(double v)
    {
        var t = v.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        return t.Contains('.') || t.Contains('e') || t.Contains('N') || t.Contains('I') ? t : t + ".0";
    }

    private static string Tuple(IEnumerable<string> items) => "(" + string.Join(", ", items) + ")";

    /// <summary>PyTorch's nearest_idx: floor(dst · scale) clamped, with the exact shortcuts for equal and doubled sizes.</summary>
    private static Tensor NearestIndices(long inSize, long outSize, double? scale, bool exact, Device device)
    {
        var idx = new long[outSize];
        float s = scale is { } sc && sc > 0 ? (float)(1.0 / sc) : (float)inSize / outSize;
        for (long o = 0; o < outSize; o++)
            idx[o] = exact ? Math.Min((long)MathF.Floor((o + 0.5f) * s), inSize - 1)
                : outSize == inSize ? o : outSize == 2 * inSize ? o >> 1 : Math.Min((long)MathF.Floor(o * s), inSize - 1);
        return torch.tensor(idx).to(device);
    }

    /// <summary>
    /// Bicubic interpolation along one dim (PyTorch's upsample_bicubic2d: source index scale·(o + ½) - ½ without clamping,
    /// four taps clamped into the input, get_cubic_upsample_coefficients with A = -0.75).
    /// </summary>
    private static Tensor CubicAlong(Tensor x, int dim, long outSize, double? scale, bool align)
    {
        long inSize = x.size(dim);
        var taps = new long[4][];
        var weights = new double[4][];
        for (int k = 0; k < 4; k++) { taps[k] = new long[outSize]; weights[k] = new double[outSize]; }
        bool f32 = x.dtype != ScalarType.Float64;
        for (long o = 0; o < outSize; o++)
        {
            long j;
            if (f32)
            {
                float s = align ? (outSize > 1 ? (float)(inSize - 1) / (outSize - 1) : 0f)
                    : scale is { } sc && sc > 0 ? (float)(1.0 / sc) : (float)inSize / outSize;
                float r = align ? s * o : s * (o + 0.5f) - 0.5f;
                float fl = MathF.Floor(r);
                j = (long)fl;
                float tf = r - fl;
                const float A = -0.75f;
                float Conv1(float v) => ((A + 2) * v - (A + 3)) * v * v + 1;
                float Conv2(float v) => ((A * v - 5 * A) * v + 8 * A) * v - 4 * A;
                weights[0][o] = Conv2(tf + 1);
                weights[1][o] = Conv1(tf);
                weights[2][o] = Conv1(1 - tf);
                weights[3][o] = Conv2(1 - tf + 1);
            }
            else
            {
                double s = align ? (outSize > 1 ? (double)(inSize - 1) / (outSize - 1) : 0)
                    : scale is { } sc && sc > 0 ? 1.0 / sc : (double)inSize / outSize;
                double r = align ? s * o : s * (o + 0.5) - 0.5;
                double fl = Math.Floor(r);
                j = (long)fl;
                double t = r - fl;
                const double A = -0.75;
                double Conv1(double v) => ((A + 2) * v - (A + 3)) * v * v + 1;
                double Conv2(double v) => ((A * v - 5 * A) * v + 8 * A) * v - 4 * A;
                weights[0][o] = Conv2(t + 1);
                weights[1][o] = Conv1(t);
                weights[2][o] = Conv1(1 - t);
                weights[3][o] = Conv2(1 - t + 1);
            }
            for (int k = 0; k < 4; k++) taps[k][o] = Math.Min(Math.Max(j - 1 + k, 0), inSize - 1);
        }
        var wshape = Enumerable.Repeat(1L, (int)x.dim()).ToArray();
        wshape[dim] = outSize;
        var dev = x.device;
        Tensor? y = null;
        for (int k = 0; k < 4; k++)
        {
            var w = torch.tensor(weights[k], ScalarType.Float64).to(x.dtype).to(dev).reshape(wshape);
            var term = x.index_select(dim, torch.tensor(taps[k]).to(dev)) * w;
            y = y is null ? term : y + term;
        }
        return y!;
    }

    /// <summary>Linear interpolation along one dim: x[i0]·λ0 + x[i1]·λ1 with PyTorch's source indices.</summary>
    private static Tensor LinearAlong(Tensor x, int dim, long outSize, double? scale, bool align)
    {
        long inSize = x.size(dim);
        var i0 = new long[outSize];
        var i1 = new long[outSize];
        var l0 = new double[outSize];
        var l1 = new double[outSize];
        bool f32 = x.dtype != ScalarType.Float64;
        for (long o = 0; o < outSize; o++)
        {
            if (f32)
            {
                float s = align ? (outSize > 1 ? (float)(inSize - 1) / (outSize - 1) : 0f)
                    : scale is { } sc && sc > 0 ? (float)(1.0 / sc) : (float)inSize / outSize;
                float r = align ? s * o : s * (o + 0.5f) - 0.5f;
                if (r < 0) r = 0;
                long j = (long)r;
                float lam = r - j;
                i0[o] = j;
                i1[o] = j + (j < inSize - 1 ? 1 : 0);
                l1[o] = lam;
                l0[o] = 1f - lam;
            }
            else
            {
                double s = align ? (outSize > 1 ? (double)(inSize - 1) / (outSize - 1) : 0)
                    : scale is { } sc && sc > 0 ? 1.0 / sc : (double)inSize / outSize;
                double src = align ? s * o : Math.Max(s * (o + 0.5) - 0.5, 0);
                long j = (long)src;
                i0[o] = j;
                i1[o] = j + (j < inSize - 1 ? 1 : 0);
                l1[o] = src - j;
                l0[o] = 1 - l1[o];
            }
        }
        var wshape = Enumerable.Repeat(1L, (int)x.dim()).ToArray();
        wshape[dim] = outSize;
        var dev = x.device;
        var w0 = torch.tensor(l0, ScalarType.Float64).to(x.dtype).to(dev).reshape(wshape);
        var w1 = torch.tensor(l1, ScalarType.Float64).to(x.dtype).to(dev).reshape(wshape);
        var a = x.index_select(dim, torch.tensor(i0).to(dev));
        var b = x.index_select(dim, torch.tensor(i1).to(dev));
        return a * w0 + b * w1;
    }
}
