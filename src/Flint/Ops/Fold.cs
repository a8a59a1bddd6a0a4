using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// F.unfold (PyTorch's im2col: sliding blocks of a [N, C, H, W] batch as columns [N, C·kH·kW, L]) and
/// F.fold (col2im, summing overlapping blocks back into [N, C, H, W]). Each is the other's backward.
/// Inputs here are batched; nn.functional handles the unbatched forms.
/// </summary>
internal static class Fold
{
    private static string Pair(long[] v) => $"({v[0]}, {v[1]})";

    private static void CheckArgs(long[] kernel, long[] dilation, long[] padding, long[] stride)
    {
        if (kernel.Any(k => k <= 0)) throw new ArgumentException($"kernel size should be greater than zero, but got kernel_height: {kernel[0]} kernel_width: {kernel[1]}");
        if (dilation.Any(d => d <= 0)) throw new ArgumentException($"dilation should be greater than zero, but got dilation_height: {dilation[0]} dilation_width: {dilation[1]}");
        if (padding.Any(p => p < 0)) throw new ArgumentException($"padding should be non-negative, but got pad_height: {padding[0]} pad_width: {padding[1]}");
        if (stride.Any(s => s <= 0)) throw new ArgumentException($"stride should be greater than zero, but got stride_height: {stride[0]} stride_width: {stride[1]}");
    }

    /// <summary>im2col of a batched [N, C, H, W] input.</summary>
    public static Tensor Unfold(Tensor input, long[] kernel, long[] dilation, long[] padding, long[] stride)
    {
        CheckArgs(kernel, dilation, padding, stride);
        var xs = input.Shape;
        var g = ConvGeometry.Create(xs[0], xs[1], xs[2..], kernel, stride, padding, dilation);
        if (g.OH < 1 || g.OW < 1)
            throw new ArgumentException($"Given input with spatial size ({xs[2]}, {xs[3]}), kernel_size={Pair(kernel)}, dilation={Pair(dilation)}, padding={Pair(padding)}, calculated shape of the array of sliding blocks as ({g.OH}, {g.OW}), but its components must be at least one.");
        Tensor y;
        using (torch.no_grad())
        {
            var t = Dispatcher.ComputeType(input.dtype);
            y = Dispatcher.Cast(Dispatcher.Im2Col(Dispatcher.Cast(input.detach(), t), g), input.dtype);
        }
        if (!Recorder.Needed(input)) return y;
        return Recorder.Record(y, "Im2ColBackward0", [input], [], (gy, _) => [Col2Im(gy, g, xs)]);
    }

    /// <summary>col2im of a batched [N, C·kH·kW, L] input into [N, C, outH, outW].</summary>
    public static Tensor FoldCols(Tensor input, long[] outputSize, long[] kernel, long[] dilation, long[] padding, long[] stride, bool batched)
    {
        CheckArgs(kernel, dilation, padding, stride);
        var xs = input.Shape;
        int b = batched ? 0 : -1;
        long taps = kernel[0] * kernel[1];
        if (xs[1] % taps != 0)
            throw new ArgumentException($"Expected size of input's dimension {b + 1} to be divisible by the product of kernel_size, but got input.size({b + 1})={xs[1]} and kernel_size={Pair(kernel)}.");
        var g = ConvGeometry.Create(xs[0], xs[1] / taps, outputSize, kernel, stride, padding, dilation);
        if (g.OH < 1 || g.OW < 1)
            throw new ArgumentException($"Given output_size={Pair(outputSize)}, kernel_size={Pair(kernel)}, dilation={Pair(dilation)}, padding={Pair(padding)}, stride={Pair(stride)}, calculated shape of the array of sliding blocks as ({g.OH}, {g.OW}), but its components must be at least one.");
        if (xs[2] != (long)g.OH * g.OW)
            throw new ArgumentException($"Given output_size={Pair(outputSize)}, kernel_size={Pair(kernel)}, dilation={Pair(dilation)}, padding={Pair(padding)}, stride={Pair(stride)}, expected size of input's dimension {b + 2} to match the calculated number of sliding blocks {g.OH} * {g.OW} = {(long)g.OH * g.OW}, but got input.size({b + 2})={xs[2]}.");
        long[] outShape = [xs[0], xs[1] / taps, outputSize[0], outputSize[1]];
        return Col2Im(input, g, outShape);
    }

    private static Tensor Col2Im(Tensor input, ConvGeometry g, long[] outShape)
    {
        Tensor y;
        using (torch.no_grad())
        {
            var t = Dispatcher.ComputeType(input.dtype);
            y = Dispatcher.Cast(Dispatcher.Col2Im(Dispatcher.Cast(input.detach(), t), g, outShape), input.dtype);
        }
        if (!Recorder.Needed(input)) return y;
        return Recorder.Record(y, "Col2ImBackward0", [input], [], (gy, _) => [Im2ColOf(gy, g)]);
    }

    private static Tensor Im2ColOf(Tensor x, ConvGeometry g)
    {
        Tensor y;
        using (torch.no_grad())
        {
            var t = Dispatcher.ComputeType(x.dtype);
            y = Dispatcher.Cast(Dispatcher.Im2Col(Dispatcher.Cast(x.detach(), t), g), x.dtype);
        }
        if (!Recorder.Needed(x)) return y;
        long[] xs = x.Shape;
        return Recorder.Record(y, "Im2ColBackward0", [x], [], (gy, _) => [Col2Im(gy, g, xs)]);
    }
}
