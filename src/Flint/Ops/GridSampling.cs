using System.Globalization;

namespace Flint.Ops;

/// <summary>
/// <c>F.grid_sample</c> (PyTorch's grid_sampler_2d) and <c>F.affine_grid</c>, composed of existing ops so that autograd
/// and every device come for free: the grid is unnormalised and mapped through the padding mode with differentiable
/// ops (clamp, abs, fmod, where), the integer taps are floors (no gradient), each tap is one <c>gather</c> from the
/// flattened input (its backward is the scatter-add into the input gradient) masked outside the input, and the tap
/// weights are PyTorch's bilinear or bicubic (A = -0.75) coefficients, whose derivatives give the grid gradient.
/// Nearest rounds half to even (nearbyint) and has no grid gradient, as in PyTorch.
/// </summary>
internal static class GridSampling
{
    internal const int BilinearMode = 0, NearestMode = 1, BicubicMode = 2;
    internal const int Zeros = 0, Border = 1, Reflection = 2;

    internal static Tensor GridSample(Tensor input, Tensor grid, int mode, int padding, bool align)
    {
        if (input.device != grid.device)
            throw new ArgumentException($"grid_sampler(): expected input and grid to be on same device, but input is on {input.device} and grid is on {grid.device}");
        if (input.size(0) != grid.size(0))
            throw new ArgumentException($"grid_sampler(): expected grid and input to have same batch size, but got input with sizes {Shapes.Str(input.Shape)} and grid with sizes {Shapes.Str(grid.Shape)}");
        if (grid.size(-1) != input.dim() - 2)
            throw new ArgumentException($"grid_sampler(): expected grid to have size {input.dim() - 2} in last dimension, but got grid with sizes {Shapes.Str(grid.Shape)}");
        for (int i = 2; i < input.dim(); i++)
            if (input.size(i) == 0)
                throw new ArgumentException($"grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes {Shapes.Str(input.Shape)} with dimension {i} being empty");
        if (input.dim() != 4 || grid.dim() != 4)
        {
            if (input.dim() == 5 && grid.dim() == 5 && mode == BicubicMode) throw new ArgumentException("grid_sampler(): bicubic interpolation only supports 4D input");
            if (input.dim() == 5 && grid.dim() == 5) throw new NotSupportedException("grid_sample: Flint samples 4-d input only (grid_sampler_2d); 5-d input (grid_sampler_3d) is not supported yet");
            throw new ArgumentException($"grid_sampler(): expected 4D or 5D input and grid with same number of dimensions, but got input with sizes {Shapes.Str(input.Shape)} and grid with sizes {Shapes.Str(grid.Shape)}");
        }
        if (!DTypes.IsFloatingPoint(input.dtype)) throw new ArgumentException($"grid_sampler_2d_cpu not implemented for {DTypes.ShortName(input.dtype)}");
        if (grid.dtype != input.dtype)
            throw new ArgumentException($"expected scalar type {DTypes.ShortName(input.dtype)} but found {DTypes.ShortName(grid.dtype)}");

        long n = input.size(0), c = input.size(1), h = input.size(2), w = input.size(3);
        long ho = grid.size(1), wo = grid.size(2);
        var flat = input.reshape(n, c, h * w);
        var ix = Unnormalize(grid.select(3, 0), w, align);
        var iy = Unnormalize(grid.select(3, 1), h, align);
        Tensor Tap(Tensor x, Tensor y)
        {
            var inside = x.ge(0).logical_and(x.le(w - 1)).logical_and(y.ge(0)).logical_and(y.le(h - 1)).to(input.dtype);
            var index = (y.clamp(0, h - 1) * w + x.clamp(0, w - 1)).to(ScalarType.Int64).reshape(n, 1, ho * wo).expand(n, c, ho * wo);
            return flat.gather(2, index).reshape(n, c, ho, wo) * inside.unsqueeze(1);
        }
        if (mode == BicubicMode)
        {
            var x0 = ix.detach().floor();
            var y0 = iy.detach().floor();
            var wx = CubicCoefficients(ix - x0);
            var wy = CubicCoefficients(iy - y0);
            Tensor? result = null;
            for (int j = 0; j < 4; j++)
            {
                var yj = Coordinates(y0 + (j - 1), h, padding, align);
                Tensor? row = null;
                for (int i = 0; i < 4; i++)
                {
                    var term = Tap(Coordinates(x0 + (i - 1), w, padding, align), yj) * wx[i].unsqueeze(1);
                    row = row is null ? term : row + term;
                }
                var weighted = row! * wy[j].unsqueeze(1);
                result = result is null ? weighted : result + weighted;
            }
            return result!;
        }
        ix = Coordinates(ix, w, padding, align);
        iy = Coordinates(iy, h, padding, align);
        if (mode == NearestMode) return Tap(ix.detach().round(), iy.detach().round());
        var xw = ix.detach().floor();
        var yn = iy.detach().floor();
        var xe = xw + 1;
        var ys = yn + 1;
        var nw = (xe - ix) * (ys - iy);
        var ne = (ix - xw) * (ys - iy);
        var sw = (xe - ix) * (iy - yn);
        var se = (ix - xw) * (iy - yn);
        return Tap(xw, yn) * nw.unsqueeze(1) + Tap(xe, yn) * ne.unsqueeze(1) + Tap(xw, ys) * sw.unsqueeze(1) + Tap(xe, ys) * se.unsqueeze(1);
    }

    /// <summary>PyTorch's grid_sampler_unnormalize: [-1, 1] to pixel coordinates (corner centres, or corner edges).</summary>
    private static Tensor Unnormalize(Tensor coord, long size, bool align) =>
        align ? (coord + 1) / 2 * (size - 1) : ((coord + 1) * size - 1) / 2;

    /// <summary>PyTorch's compute_coordinates: the padding mode's map (border clips, reflection reflects then clips).</summary>
    private static Tensor Coordinates(Tensor coord, long size, int padding, bool align)
    {
        if (padding == Border) return coord.clamp(0, size - 1);
        if (padding == Reflection)
        {
            coord = align ? Reflect(coord, 0, 2 * (size - 1)) : Reflect(coord, -1, 2 * size - 1);
            return coord.clamp(0, size - 1);
        }
        return coord;
    }

    /// <summary>PyTorch's reflect_coordinates: reflects into [twiceLow/2, twiceHigh/2] by the parity of the number of flips.</summary>
    private static Tensor Reflect(Tensor coord, long twiceLow, long twiceHigh)
    {
        if (twiceLow == twiceHigh) return coord * 0;
        double min = twiceLow / 2.0, span = (twiceHigh - twiceLow) / 2.0;
        var a = (coord - min).abs();
        var extra = a.fmod(span);
        var even = (a.detach() / span).floor().fmod(2).eq(0);
        return torch.where(even, extra + min, span - extra + min);
    }

    /// <summary>PyTorch's get_cubic_upsample_coefficients (A = -0.75) for fractional offsets <paramref name="t"/>.</summary>
    internal static Tensor[] CubicCoefficients(Tensor t)
    {
        const double A = -0.75;
        Tensor Conv1(Tensor x) => ((x * (A + 2)) - (A + 3)) * x * x + 1;
        Tensor Conv2(Tensor x) => (((x * A) - 5 * A) * x + 8 * A) * x - 4 * A;
        var x2 = 1 - t;
        return [Conv2(t + 1), Conv1(t), Conv1(x2), Conv2(x2 + 1)];
    }

    // ------------------------------------------------------------------ affine_grid

    internal static Tensor AffineGrid(Tensor theta, long[] size, bool align)
    {
        if (!DTypes.IsFloatingPoint(theta.dtype)) throw new ArgumentException($"Expected theta to have floating point type, but got {DTypes.Name(theta.dtype)}");
        string sizeText = "[" + string.Join(", ", size.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";
        string thetaShape = "torch.Size([" + string.Join(", ", theta.Shape) + "])";
        if (size.Length == 4)
        {
            if (theta.dim() != 3 || theta.size(-2) != 2 || theta.size(-1) != 3)
                throw new ArgumentException($"Expected a batch of 2D affine matrices of shape Nx2x3 for size {sizeText}. Got {thetaShape}.");
        }
        else if (size.Length == 5)
        {
            if (theta.dim() != 3 || theta.size(-2) != 3 || theta.size(-1) != 4)
                throw new ArgumentException($"Expected a batch of 3D affine matrices of shape Nx3x4 for size {sizeText}. Got {thetaShape}.");
        }
        else throw new NotSupportedException($"affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, respectively. Got size {sizeText}.");
        if (size.Min() <= 0) throw new ArgumentException($"Expected non-zero, positive output size. Got {sizeText}");
        if (theta.size(0) != size[0])
            throw new ArgumentException($"Expected theta and size to have the same batch size, but got theta with {theta.size(0)} and size with {size[0]}");

        var spatial = size[2..];
        int k = spatial.Length;
        long points = spatial.Aggregate(1L, (a, b) => a * b);
        var axes = spatial.Select(s => Steps(s, align)).ToArray();
        // base[p] = (x, y[, z], 1) with x along the last dim: PyTorch's make_base_grid_4D/5D.
        var basis = new double[points * (k + 1)];
        for (long p = 0; p < points; p++)
        {
            long rest = p;
            for (int d = k - 1; d >= 0; d--)
            {
                long coord = rest % spatial[d];
                rest /= spatial[d];
                basis[p * (k + 1) + (k - 1 - d)] = axes[d][coord];
            }
            basis[p * (k + 1) + k] = 1;
        }
        var b = torch.tensor(basis, [1, points, k + 1], ScalarType.Float64).to(theta.dtype).to(theta.device).expand(size[0], points, k + 1);
        return b.bmm(theta.transpose(1, 2)).reshape([size[0], .. spatial, k]);
    }

    /// <summary>PyTorch's linspace_from_neg_one: -1..1 (scaled by (n-1)/n without align_corners); one step is 0.</summary>
    private static double[] Steps(long n, bool align)
    {
        var v = new double[n];
        if (n <= 1) return v;
        for (long i = 0; i < n; i++)
        {
            double x = -1 + 2.0 * i / (n - 1);
            v[i] = align ? x : x * (n - 1) / n;
        }
        return v;
    }
}
