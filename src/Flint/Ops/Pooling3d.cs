using Flint.Backends;

namespace Flint.Ops;

// 3-d pooling over the last three dims: the same primitives and window rules as the 2-d forms (PoolGeometry's depth
// dim), with PyTorch 1.13's pool3d_shape_check order and words. Sizes arrive as three-element arrays (depth, height, width).
internal static partial class Pooling
{
    internal static (Tensor output, Tensor indices) MaxPool3d(Tensor input, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceilMode)
    {
        int nd = (int)input.dim();
        if (nd != 4 && nd != 5) throw new ArgumentException("non-empty 4D or 5D (batch mode) tensor expected for input");
        var outSize = new long[3];
        for (int i = 0; i < 3; i++) outSize[i] = OutputSize(input.size(i - 3), kernel[i], padding[i], stride[i], dilation[i], ceilMode);
        ShapeCheck3d(input, kernel, stride, padding, dilation, outSize, "max_pool3d_with_indices_out_cpu_template()", checkInputSize: false);
        var g = Geometry3d(PoolKind.Max, input, outSize, kernel, stride, padding, dilation);
        return RunMax(input, g, "MaxPool3DWithIndicesBackward0");
    }

    internal static Tensor AvgPool3d(Tensor input, long[] kernel, long[] stride, long[] padding, bool ceilMode, bool countIncludePad, long? divisorOverride)
    {
        int nd = (int)input.dim();
        if (nd != 4 && nd != 5) throw new ArgumentException("non-empty 4D or 5D (batch mode) tensor expected for input");
        if (divisorOverride == 0) throw new ArgumentException("divisor must be not zero");
        var outSize = new long[3];
        for (int i = 0; i < 3; i++) outSize[i] = OutputSize(input.size(i - 3), kernel[i], padding[i], stride[i], 1, ceilMode);
        ShapeCheck3d(input, kernel, stride, padding, [1, 1, 1], outSize, "avg_pool3d()", checkInputSize: true);
        var g = Geometry3d(PoolKind.Avg, input, outSize, kernel, stride, padding, [1, 1, 1]);
        g.CountIncludePad = countIncludePad ? 1 : 0;
        g.Divisor = checked((int)(divisorOverride ?? 0));
        return RunAvg(input, g, "AvgPool3DBackward0");
    }

    internal static Tensor AdaptiveAvgPool3d(Tensor input, long?[] outputSize)
    {
        int nd = (int)input.dim();
        if (nd != 4 && nd != 5) throw new ArgumentException($"adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got {Shapes.Str(input.Shape)}");
        CheckNonEmpty3d(input, "adaptive_avg_pool3d");
        var size = AdaptiveSizes3d(input, outputSize);
        var g = Geometry3d(PoolKind.AdaptiveAvg, input, size, [1, 1, 1], [1, 1, 1], [0, 0, 0], [1, 1, 1]);
        return RunAvg(input, g, "AdaptiveAvgPool3DBackward0");
    }

    internal static (Tensor output, Tensor indices) AdaptiveMaxPool3d(Tensor input, long?[] outputSize)
    {
        int nd = (int)input.dim();
        if (nd != 4 && nd != 5) throw new ArgumentException($"adaptive_max_pool3d(): Expected 4D or 5D tensor, but got: {Shapes.Str(input.Shape)}");
        CheckNonEmpty3d(input, "adaptive_max_pool3d");
        var size = AdaptiveSizes3d(input, outputSize);
        var g = Geometry3d(PoolKind.AdaptiveMax, input, size, [1, 1, 1], [1, 1, 1], [0, 0, 0], [1, 1, 1]);
        return RunMax(input, g, "AdaptiveMaxPool3DBackward0");
    }

    private static void CheckNonEmpty3d(Tensor input, string op)
    {
        for (int i = 1; i < input.dim(); i++)
            if (input.size(i) <= 0)
                throw new ArgumentException($"{op}(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {Shapes.Str(input.Shape)} with dimension {i} being empty");
    }

    private static long[] AdaptiveSizes3d(Tensor input, long?[] outputSize)
    {
        var size = new long[3];
        for (int i = 0; i < 3; i++) size[i] = outputSize[i] ?? input.size(i - 3);
        foreach (var v in size)
            if (v < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {v}: {Shapes.Str(size)}");
        return size;
    }

    /// <summary>PyTorch's pool3d_shape_check.</summary>
    private static void ShapeCheck3d(Tensor input, long[] k, long[] s, long[] p, long[] d, long[] o, string fn, bool checkInputSize)
    {
        if (k[0] <= 0 || k[1] <= 0 || k[2] <= 0) throw new ArgumentException($"kernel size should be greater than zero, but got kT: {k[0]} kH: {k[1]} kW: {k[2]}");
        if (s[0] <= 0 || s[1] <= 0 || s[2] <= 0) throw new ArgumentException($"stride should be greater than zero, but got dT: {s[0]} dH: {s[1]} dW: {s[2]}");
        if (d[0] <= 0 || d[1] <= 0 || d[2] <= 0)
            throw new ArgumentException($"dilation should be greater than zero, but got dilationT: {d[0]} dilationH: {d[1]} dilationW: {d[2]}");
        int nd = (int)input.dim();
        for (int i = 0; i < nd; i++)
        {
            if (nd == 5 && i == 0) continue;
            if (input.size(i) <= 0)
                throw new ArgumentException($"{fn}: Expected input's non-batch dimensions to have positive length, but input has a shape of {Shapes.Str(input.Shape)} and non-batch dimension {input.size(i)} has length zero!");
        }
        long it = input.size(-3), ih = input.size(-2), iw = input.size(-1);
        if (checkInputSize && (it < k[0] || ih < k[1] || iw < k[2]))
            throw new ArgumentException($"input image (T: {it} H: {ih} W: {iw}) smaller than kernel size (kT: {k[0]} kH: {k[1]} kW: {k[2]})");
        if (k[0] / 2 < p[0] || k[2] / 2 < p[2] || k[1] / 2 < p[1])
            throw new ArgumentException($"pad should be smaller than or equal to half of kernel size, but got kT: {k[0]} kW: {k[2]} kH: {k[1]} padT: {p[0]} padW: {p[2]} padH: {p[1]}");
        if (o[0] < 1 || o[1] < 1 || o[2] < 1)
        {
            long planes = input.size(-4);
            throw new ArgumentException($"Given input size: ({planes}x{it}x{ih}x{iw}). Calculated output size: ({planes}x{o[0]}x{o[1]}x{o[2]}). Output size is too small");
        }
    }

    private static PoolGeometry Geometry3d(PoolKind kind, Tensor input, long[] o, long[] k, long[] s, long[] p, long[] d)
    {
        long inD = input.size(-3), inH = input.size(-2), inW = input.size(-1);
        long volume = inD * inH * inW;
        long planes = volume == 0 ? 0 : input.numel() / volume;
        return new PoolGeometry
        {
            Kind = (int)kind, Rank = 3,
            Planes = checked((int)planes),
            InD = checked((int)inD), InH = checked((int)inH), InW = checked((int)inW),
            OutD = checked((int)o[0]), OutH = checked((int)o[1]), OutW = checked((int)o[2]),
            KD = (int)k[0], KH = (int)k[1], KW = (int)k[2], SD = (int)s[0], SH = (int)s[1], SW = (int)s[2],
            PD = (int)p[0], PH = (int)p[1], PW = (int)p[2], DD = (int)d[0], DH = (int)d[1], DW = (int)d[2],
        };
    }
}
