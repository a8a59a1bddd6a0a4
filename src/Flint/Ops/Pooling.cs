using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// Max, average and adaptive pooling over the last two dims (1-d forms over the last dim, as a
/// 2-d pooling of height 1, which is how PyTorch runs them). Each op checks its arguments as
/// PyTorch 1.13 does, in its order and words, then runs one backend primitive; the backward is one
/// primitive too (routing gradients to the saved indices, or spreading them over the windows).
/// Sizes arrive as two-element arrays (height, width).
/// </summary>
internal static partial class Pooling
{
    // ------------------------------------------------------------------ max

    internal static (Tensor output, Tensor indices) MaxPool2d(Tensor input, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceilMode)
    {
        int nd = (int)input.dim();
        if (nd != 3 && nd != 4) throw new ArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        long inH = input.size(-2), inW = input.size(-1);
        long outH = OutputSize(inH, kernel[0], padding[0], stride[0], dilation[0], ceilMode);
        long outW = OutputSize(inW, kernel[1], padding[1], stride[1], dilation[1], ceilMode);
        ShapeCheck(input, kernel, stride, padding, dilation, outH, outW);
        var g = Geometry(PoolKind.Max, input, outH, outW, kernel, stride, padding, dilation);
        return RunMax(input, g, "MaxPool2DWithIndicesBackward0");
    }

    internal static (Tensor output, Tensor indices) MaxPool1d(Tensor input, long kernel, long stride, long padding, long dilation, bool ceilMode)
    {
        int nd = (int)input.dim();
        if (nd != 2 && nd != 3)
            throw new ArgumentException($"max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:{Shapes.Str(input.Shape)}");
        if (kernel <= 0) throw new ArgumentException($"max_pool1d() kernel_size must be greater than zero, but got {kernel}");
        if (stride <= 0) throw new ArgumentException($"max_pool1d() stride must be greater than zero, but got {stride}");
        if (padding < 0) throw new ArgumentException($"max_pool1d() padding must be non-negative, but got {padding}");
        if (padding > kernel / 2)
            throw new ArgumentException($"max_pool1d() padding should be at most half of kernel size, but got padding={padding} and kernel_size={kernel}");
        if (dilation <= 0) throw new ArgumentException($"max_pool1d() dilation must be greater than zero, but got {dilation}");
        long outW = OutputSize(input.size(-1), kernel, padding, stride, dilation, ceilMode);
        if (outW < 0) throw new ArgumentException($"max_pool1d() Invalid computed output size: {outW}");
        var planar = input.unsqueeze(-2);
        var g = Geometry(PoolKind.Max, planar, 1, outW, [1, kernel], [1, stride], [0, padding], [1, dilation]);
        var (y, i) = RunMax(planar, g, "MaxPool2DWithIndicesBackward0");
        return (y.squeeze(-2), i.squeeze(-2));
    }

    internal static (Tensor output, Tensor indices) AdaptiveMaxPool2d(Tensor input, long?[] outputSize)
    {
        int nd = (int)input.dim();
        if (nd != 3 && nd != 4) throw new ArgumentException($"adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: {Shapes.Str(input.Shape)}");
        for (int i = 1; i < nd; i++)
            if (input.size(i) <= 0)
                throw new ArgumentException($"adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {Shapes.Str(input.Shape)} with dimension {i} being empty");
        var (outH, outW) = AdaptiveSizes(input, outputSize);
        var g = Geometry(PoolKind.AdaptiveMax, input, outH, outW, [1, 1], [1, 1], [0, 0], [1, 1]);
        return RunMax(input, g, "AdaptiveMaxPool2DBackward0");
    }

    internal static (Tensor output, Tensor indices) AdaptiveMaxPool1d(Tensor input, long outputSize)
    {
        CheckDimRange(input, "adaptive_max_pool1d");
        var (y, i) = AdaptiveMaxPool2d(input.unsqueeze(-2), [1, outputSize]);
        return (y.squeeze(-2), i.squeeze(-2));
    }

    private static (Tensor, Tensor) RunMax(Tensor input, PoolGeometry g, string node)
    {
        var inShape = input.Shape;
        var dtype = input.dtype;
        var (y, indices) = Dispatcher.Pool(input, g, OutShape(inShape, g));
        Recorder.Record(y, node, [input], [indices!], (gy, s) => [Dispatcher.PoolBackward(gy, s[0], g, inShape, dtype)]);
        return (y, indices!);
    }

    // ------------------------------------------------------------------ average

    internal static Tensor AvgPool2d(Tensor input, long[] kernel, long[] stride, long[] padding, bool ceilMode, bool countIncludePad, long? divisorOverride)
    {
        if (divisorOverride == 0) throw new ArgumentException("divisor must be not zero");
        int nd = (int)input.dim();
        if (nd != 3 && nd != 4)
            throw new ArgumentException($"Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:{Shapes.Str(input.Shape)}");
        long inH = input.size(-2), inW = input.size(-1);
        long outH = OutputSize(inH, kernel[0], padding[0], stride[0], 1, ceilMode);
        long outW = OutputSize(inW, kernel[1], padding[1], stride[1], 1, ceilMode);
        ShapeCheck(input, kernel, stride, padding, [1, 1], outH, outW);
        var g = Geometry(PoolKind.Avg, input, outH, outW, kernel, stride, padding, [1, 1]);
        g.CountIncludePad = countIncludePad ? 1 : 0;
        g.Divisor = checked((int)(divisorOverride ?? 0));
        return RunAvg(input, g, "AvgPool2DBackward0");
    }

    internal static Tensor AvgPool1d(Tensor input, long kernel, long stride, long padding, bool ceilMode, bool countIncludePad)
    {
        CheckDimRange(input, "avg_pool1d");
        return AvgPool2d(input.unsqueeze(-2), [1, kernel], [1, stride], [0, padding], ceilMode, countIncludePad, null).squeeze(-2);
    }

    internal static Tensor AdaptiveAvgPool2d(Tensor input, long?[] outputSize)
    {
        int nd = (int)input.dim();
        if (nd != 3 && nd != 4) throw new ArgumentException($"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {Shapes.Str(input.Shape)}");
        for (int i = nd - 2; i < nd; i++)
            if (input.size(i) <= 0)
                throw new ArgumentException($"adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {Shapes.Str(input.Shape)} with dimension {i} being empty");
        var (outH, outW) = AdaptiveSizes(input, outputSize);
        var g = Geometry(PoolKind.AdaptiveAvg, input, outH, outW, [1, 1], [1, 1], [0, 0], [1, 1]);
        return RunAvg(input, g, "AdaptiveAvgPool2DBackward0");
    }

    internal static Tensor AdaptiveAvgPool1d(Tensor input, long outputSize)
    {
        CheckDimRange(input, "adaptive_avg_pool1d");
        return AdaptiveAvgPool2d(input.unsqueeze(-2), [1, outputSize]).squeeze(-2);
    }

    private static Tensor RunAvg(Tensor input, PoolGeometry g, string node)
    {
        var inShape = input.Shape;
        var dtype = input.dtype;
        var (y, _) = Dispatcher.Pool(input, g, OutShape(inShape, g));
        return Recorder.Record(y, node, [input], [], (gy, _) => [Dispatcher.PoolBackward(gy, null, g, inShape, dtype)]);
    }

    // ------------------------------------------------------------------ shapes and checks

    /// <summary>PyTorch's pooling_output_shape: floor (or ceil, keeping the last window's start inside the padded input).</summary>
    internal static long OutputSize(long inputSize, long kernel, long pad, long stride, long dilation, bool ceilMode)
    {
        if (stride == 0) throw new ArgumentException("stride should not be zero");
        if (pad < 0) throw new ArgumentException($"pad must be non-negative, but got pad: {pad}");
        if (pad > kernel / 2) throw new ArgumentException($"pad should be at most half of kernel size, but got pad={pad} and kernel_size={kernel}");
        long size = FloorDiv(inputSize + 2 * pad - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0), stride) + 1;
        if (ceilMode && (size - 1) * stride >= inputSize + pad) size--;
        return size;
    }

    private static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q;
    }

    /// <summary>PyTorch's pool2d_shape_check.</summary>
    private static void ShapeCheck(Tensor input, long[] k, long[] s, long[] p, long[] d, long outH, long outW)
    {
        if (k[1] <= 0 || k[0] <= 0) throw new ArgumentException($"kernel size should be greater than zero, but got kH: {k[0]} kW: {k[1]}");
        if (s[1] <= 0 || s[0] <= 0) throw new ArgumentException($"stride should be greater than zero, but got dH: {s[0]} dW: {s[1]}");
        if (d[0] <= 0 || d[1] <= 0) throw new ArgumentException($"dilation should be greater than zero, but got dilationH: {d[0]} dilationW: {d[1]}");
        int nd = (int)input.dim();
        bool validDims = input.size(1) != 0 && input.size(2) != 0;
        if (!((nd == 3 && input.size(0) != 0 && validDims) || (nd == 4 && validDims && input.size(3) != 0)))
            throw new ArgumentException($"Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:{Shapes.Str(input.Shape)}");
        if (k[1] / 2 < p[1] || k[0] / 2 < p[0])
            throw new ArgumentException($"pad should be smaller than or equal to half of kernel size, but got padW = {p[1]}, padH = {p[0]}, kW = {k[1]}, kH = {k[0]}");
        if (outW < 1 || outH < 1)
        {
            long planes = input.size(-3), inH = input.size(-2), inW = input.size(-1);
            throw new ArgumentException($"Given input size: ({planes}x{inH}x{inW}). Calculated output size: ({planes}x{outH}x{outW}). Output size is too small");
        }
    }

    /// <summary>PyTorch's checkDimRange(2, 4) for the 1-d poolings.</summary>
    private static void CheckDimRange(Tensor input, string op)
    {
        if (input.dim() < 2 || input.dim() > 3)
            throw new ArgumentException($"Expected 2 to 3 dimensions, but got {input.dim()}-dimensional tensor for argument #1 'self' (while checking arguments for {op})");
    }

    /// <summary>An adaptive pool's output size; a null entry keeps that input size (PyTorch's None).</summary>
    private static (long, long) AdaptiveSizes(Tensor input, long?[] outputSize)
    {
        long h = outputSize[0] ?? input.size(-2), w = outputSize[1] ?? input.size(-1);
        if (h < 0 || w < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {Math.Min(h, w)}: [{h}, {w}]");
        return (h, w);
    }

    private static PoolGeometry Geometry(PoolKind kind, Tensor input, long outH, long outW, long[] k, long[] s, long[] p, long[] d)
    {
        long inH = input.size(-2), inW = input.size(-1);
        long planes = inH * inW == 0 ? 0 : input.numel() / (inH * inW);
        return new PoolGeometry
        {
            Kind = (int)kind,
            Planes = checked((int)planes), InH = checked((int)inH), InW = checked((int)inW), OutH = checked((int)outH), OutW = checked((int)outW),
            KH = (int)k[0], KW = (int)k[1], SH = (int)s[0], SW = (int)s[1], PH = (int)p[0], PW = (int)p[1], DH = (int)d[0], DW = (int)d[1],
            InD = 1, OutD = 1, KD = 1, SD = 1, PD = 0, DD = 1, Rank = 2,
        };
    }

    private static long[] OutShape(long[] inShape, PoolGeometry g)
    {
        var shape = (long[])inShape.Clone();
        if (g.Rank == 3) shape[^3] = g.OutD;
        shape[^2] = g.OutH;
        shape[^1] = g.OutW;
        return shape;
    }
}
