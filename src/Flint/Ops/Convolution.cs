using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// Convolutions and transposed convolutions over 1 to 3 spatial dims, as GEMMs: the input batch is
/// unfolded by im2col (<see cref="Dispatcher.Im2Col"/>) into [N, C·taps, positions] and multiplied by the
/// weight viewed as [C_out, C·taps], one batched product per group (so the CPU runs Flint's packed GEMM
/// and a GPU cuBLAS). The input gradient is the transposed product folded back by col2im, the weight
/// gradient a product against the unfolded input (recomputed in backward rather than kept, since col
/// is taps times larger than the input). The batch is processed in chunks so col stays within
/// <see cref="ColChunkBytes"/>. A transposed convolution is the adjoint: its forward is a convolution's
/// input gradient and its backward a convolution's forward and weight gradient.
/// Inputs here are batched; nn.functional adds and removes the batch dim of unbatched inputs.
/// </summary>
internal static class Convolution
{
    /// <summary>The most col bytes unfolded at once (whole images; at least one).</summary>
    internal static long ColChunkBytes = 64L << 20;

    /// <summary>
    /// PyTorch's convolution (at::convolution, transposed = false) on a batched input [N, C_in, *spatial]
    /// with weight [C_out, C_in / groups, *kernel]; <paramref name="padding"/> is symmetric zero padding per dim.
    /// </summary>
    public static Tensor Conv(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] dilation, long groups)
    {
        CheckParams(input, weight, bias, stride, padding, null, dilation, groups);
        var ws = weight.Shape;
        var xs = input.Shape;
        if (xs[1] != ws[1] * groups)
            throw new ArgumentException($"Given groups={groups}, weight of size {Shapes.Str(ws)}, expected input{Shapes.Str(xs)} to have {ws[1] * groups} channels, but got {xs[1]} channels instead");
        if (bias is not null && (bias.dim() != 1 || bias.Shape[0] != ws[0]))
            throw new ArgumentException($"Given weight of size {Shapes.Str(ws)}, expected bias to be 1-dimensional with {ws[0]} elements, but got bias of size {Shapes.Str(bias.Shape)} instead");
        int s = xs.Length - 2;
        var padded = new long[s];
        var span = new long[s];
        bool valid = true;
        for (int i = 0; i < s; i++)
        {
            padded[i] = xs[i + 2] + 2 * padding[i];
            span[i] = dilation[i] * (ws[i + 2] - 1) + 1;
            if (padded[i] < span[i]) valid = false;
        }
        if (!valid)
            throw new ArgumentException($"Calculated padded input size per channel: ({string.Join(" x ", padded)}). Kernel size: ({string.Join(" x ", span)}). Kernel size can't be greater than actual input size");
        CheckTypes(input, weight, bias);

        var g = ConvGeometry.Create(xs[0], xs[1], xs[2..], ws[2..], stride, padding, dilation);
        long[] outShape = [xs[0], ws[0], .. OutSizes(g, s)];
        Tensor y;
        using (torch.no_grad())
        {
            var t = Dispatcher.ComputeType(input.dtype);
            var x = Dispatcher.Cast(input.detach(), t);
            var w = Dispatcher.Cast(weight.detach(), t);
            y = Forward(x, w, g, groups).view(outShape);
            if (bias is not null) y.add_(Dispatcher.Cast(bias.detach(), t).view([ws[0], .. Enumerable.Repeat(1L, s)]));
            y = Dispatcher.Cast(y, input.dtype);
        }
        var inputs = bias is null ? new[] { input, weight } : new[] { input, weight, bias };
        if (!Recorder.Needed(inputs)) return y;
        bool needX = input.requires_grad, needW = weight.requires_grad;
        var xShape = xs;
        return Recorder.Record(y, "ConvolutionBackward0", inputs, [input, weight], (gy, sv) =>
        {
            using var _ = torch.no_grad();
            var t = Dispatcher.ComputeType(gy.dtype);
            var gyc = Dispatcher.Cast(gy, t);
            var x = Dispatcher.Cast(sv[0], t);
            var w = Dispatcher.Cast(sv[1], t);
            var gx = needX ? Dispatcher.Cast(InputGrad(gyc, w, g, groups, xShape), sv[0].dtype) : null;
            var gw = needW ? Dispatcher.Cast(WeightGrad(x, gyc, g, groups, ws), sv[1].dtype) : null;
            var gb = bias is not null && bias.requires_grad ? gy.sum(SpatialAndBatchDims(s)) : null;
            return bias is null ? [gx, gw] : [gx, gw, gb];
        });
    }

    /// <summary>
    /// PyTorch's transposed convolution on a batched input [N, C_in, *spatial] with weight
    /// [C_in, C_out / groups, *kernel]: output size (in − 1)·stride − 2·padding + dilation·(k − 1) + output_padding + 1.
    /// </summary>
    public static Tensor ConvTranspose(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] outputPadding, long[] dilation, long groups)
    {
        CheckParams(input, weight, bias, stride, padding, outputPadding, dilation, groups);
        var ws = weight.Shape;
        var xs = input.Shape;
        if (xs[1] != ws[0])
            throw new ArgumentException($"Given transposed=1, weight of size {Shapes.Str(ws)}, expected input{Shapes.Str(xs)} to have {ws[0]} channels, but got {xs[1]} channels instead");
        if (bias is not null && (bias.dim() != 1 || bias.Shape[0] != ws[1] * groups))
            throw new ArgumentException($"Given transposed=1, weight of size {Shapes.Str(ws)}, expected bias to be 1-dimensional with {ws[1] * groups} elements, but got bias of size {Shapes.Str(bias.Shape)} instead");
        int s = xs.Length - 2;
        for (int i = 0; i < s; i++)
            if (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i])
                throw new ArgumentException($"output padding must be smaller than either stride or dilation, but got {OutputPaddingDetail(s, outputPadding, stride, dilation)}");
        var outSizes = new long[s];
        for (int i = 0; i < s; i++)
        {
            outSizes[i] = (xs[i + 2] - 1) * stride[i] - 2 * padding[i] + dilation[i] * (ws[i + 2] - 1) + outputPadding[i] + 1;
            if (outSizes[i] <= 0)
                throw new ArgumentException($"Given input size per channel: ({string.Join(" x ", xs[2..])}). Calculated output size per channel: ({string.Join(" x ", OutSizesFor(xs, ws, stride, padding, outputPadding, dilation))}). Output size is too small");
        }
        CheckTypes(input, weight, bias);
        long cout = ws[1] * groups;
        // The convolution this one is the adjoint of: its image is our output, its positions our input.
        var g = ConvGeometry.Create(xs[0], cout, outSizes, ws[2..], stride, padding, dilation, xs[2..]);
        long[] outShape = [xs[0], cout, .. outSizes];
        Tensor y;
        using (torch.no_grad())
        {
            var t = Dispatcher.ComputeType(input.dtype);
            var x = Dispatcher.Cast(input.detach(), t);
            var w = Dispatcher.Cast(weight.detach(), t);
            y = InputGrad(x, w, g, groups, outShape);
            if (bias is not null) y.add_(Dispatcher.Cast(bias.detach(), t).view([cout, .. Enumerable.Repeat(1L, s)]));
            y = Dispatcher.Cast(y, input.dtype);
        }
        var inputs = bias is null ? new[] { input, weight } : new[] { input, weight, bias };
        if (!Recorder.Needed(inputs)) return y;
        bool needX = input.requires_grad, needW = weight.requires_grad;
        return Recorder.Record(y, "ConvolutionBackward0", inputs, [input, weight], (gy, sv) =>
        {
            using var _ = torch.no_grad();
            var t = Dispatcher.ComputeType(gy.dtype);
            var gyc = Dispatcher.Cast(gy, t);
            var x = Dispatcher.Cast(sv[0], t);
            var w = Dispatcher.Cast(sv[1], t);
            var gx = needX ? Dispatcher.Cast(Forward(gyc, w, g, groups).view(xs), sv[0].dtype) : null;
            var gw = needW ? Dispatcher.Cast(WeightGrad(gyc, x, g, groups, ws), sv[1].dtype) : null;
            var gb = bias is not null && bias.requires_grad ? gy.sum(SpatialAndBatchDims(s)) : null;
            return bias is null ? [gx, gw] : [gx, gw, gb];
        });
    }

    private static long[] OutSizesFor(long[] xs, long[] ws, long[] stride, long[] padding, long[] outputPadding, long[] dilation)
    {
        int s = xs.Length - 2;
        var r = new long[s];
        for (int i = 0; i < s; i++)
            r[i] = (xs[i + 2] - 1) * stride[i] - 2 * padding[i] + dilation[i] * (ws[i + 2] - 1) + outputPadding[i] + 1;
        return r;
    }

    private static string OutputPaddingDetail(int s, long[] op, long[] stride, long[] dilation)
    {
        // PyTorch's slow_conv_transpose kernels name the dims (depth/height/width) in their check.
        string[] names = s switch { 1 => ["width"], 2 => ["height", "width"], _ => ["depth", "height", "width"] };
        var parts = new List<string>();
        for (int i = 0; i < s; i++) parts.Add($"output_padding_{names[i]}: {op[i]}");
        for (int i = 0; i < s; i++) parts.Add($"stride_{names[i]}: {stride[i]}");
        for (int i = 0; i < s; i++) parts.Add($"dilation_{names[i]}: {dilation[i]}");
        return string.Join(" ", parts);
    }

    private static long[] SpatialAndBatchDims(int s)
    {
        var d = new long[s + 1];
        d[0] = 0;
        for (int i = 0; i < s; i++) d[i + 1] = i + 2;
        return d;
    }

    private static long[] OutSizes(ConvGeometry g, int s) => s switch
    {
        1 => [g.OW],
        2 => [g.OH, g.OW],
        _ => [g.OD, g.OH, g.OW],
    };

    /// <summary>at::_convolution's argument checks, in its order and words.</summary>
    private static void CheckParams(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[]? outputPadding, long[] dilation, long groups)
    {
        Dispatcher.CheckSameDevice(input, weight);
        if (bias is not null) Dispatcher.CheckSameDevice(input, bias);
        if (groups <= 0) throw new ArgumentException("non-positive groups is not supported");
        if (padding.Any(p => p < 0)) throw new ArgumentException("negative padding is not supported");
        if (outputPadding is not null && outputPadding.Any(p => p < 0)) throw new ArgumentException("negative output_padding is not supported");
        if (stride.Any(v => v <= 0)) throw new ArgumentException("non-positive stride is not supported");
        if (dilation.Any(v => v <= 0)) throw new ArgumentException("non-positive dilation is not supported");
        int k = (int)input.dim();
        var ws = weight.Shape;
        if (ws.Length != k)
            throw new ArgumentException($"Expected {ws.Length}-dimensional input for {ws.Length}-dimensional weight {Shapes.Str(ws)}, but got {k}-dimensional input of size {Shapes.Str(input.Shape)} instead");
        if (ws[0] < groups)
            throw new ArgumentException($"Given groups={groups}, expected weight to be at least {groups} at dimension 0, but got weight of size {Shapes.Str(ws)} instead");
        if (ws[0] % groups != 0)
            throw new ArgumentException($"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size [{Shapes.Str(ws)}] instead");
    }

    private static void CheckTypes(Tensor input, Tensor weight, Tensor? bias)
    {
        if (!DTypes.IsFloatingPoint(input.dtype))
            throw new ArgumentException($"\"slow_conv2d_cpu\" not implemented for '{DTypes.ShortName(input.dtype)}'");
        if (input.dtype != weight.dtype)
            throw new ArgumentException($"expected scalar type {DTypes.ShortName(input.dtype)} but found {DTypes.ShortName(weight.dtype)}");
        if (bias is not null && bias.dtype != input.dtype)
            throw new ArgumentException($"expected scalar type {DTypes.ShortName(input.dtype)} but found {DTypes.ShortName(bias.dtype)}");
    }

    /// <summary>Images per chunk so that one chunk's col stays within <see cref="ColChunkBytes"/>.</summary>
    private static int ChunkImages(ConvGeometry g, ScalarType t)
    {
        long perImage = (long)g.C * g.Taps * g.OutPlane * DTypes.ElementSize(t);
        return (int)Math.Clamp(ColChunkBytes / Math.Max(1, perImage), 1, Math.Max(1, g.N));
    }

    private static Tensor Join(List<Tensor> parts, long dim)
    {
        if (parts.Count == 1) return parts[0];
        var r = torch.cat(parts, dim);
        foreach (var p in parts) p.Dispose();
        return r;
    }

    /// <summary>y [N, C_out, positions] = W · im2col(x) per image and group (no grad; dense float32/float64 operands).</summary>
    internal static Tensor Forward(Tensor x, Tensor w, ConvGeometry g, long groups)
    {
        long cout = w.Shape[0], ct = (long)g.C * g.Taps, cgt = ct / groups, coutg = cout / groups, L = g.OutPlane;
        // The products below take explicit batch strides, so every operand is made dense first
        // (a gradient is often an expanded scalar with stride 0).
        x = x.contiguous();
        var w2 = w.contiguous().reshape(cout, cgt);
        var parts = new List<Tensor>();
        int nb = ChunkImages(g, x.dtype);
        for (int n0 = 0; n0 < g.N; n0 += nb)
        {
            int cnt = Math.Min(nb, g.N - n0);
            var col = Dispatcher.Im2Col(x.narrow(0, n0, cnt), g.WithBatch(cnt));
            if (groups == 1)
                parts.Add(Dispatcher.MatMul(w2, col, cnt, cout, ct, L, 0, ct * L, [cnt, cout, L]));
            else
            {
                var gp = new List<Tensor>();
                for (long gi = 0; gi < groups; gi++)
                    gp.Add(Dispatcher.MatMul(w2.narrow(0, gi * coutg, coutg), col.narrow(1, gi * cgt, cgt), cnt, coutg, cgt, L, 0, ct * L, [cnt, coutg, L]));
                parts.Add(Join(gp, 1));
            }
            col.Dispose();
        }
        return Join(parts, 0);
    }

    /// <summary>The input gradient of <see cref="Forward"/>: col2im(Wᵀ · gy) per image and group, shaped <paramref name="imageShape"/>.</summary>
    internal static Tensor InputGrad(Tensor gy, Tensor w, ConvGeometry g, long groups, long[] imageShape)
    {
        long cout = w.Shape[0], ct = (long)g.C * g.Taps, cgt = ct / groups, coutg = cout / groups, L = g.OutPlane;
        var wt = w.contiguous().reshape(cout, cgt).t();
        var gy3 = gy.contiguous().reshape(g.N, cout, L);
        var parts = new List<Tensor>();
        int nb = ChunkImages(g, gy.dtype);
        for (int n0 = 0; n0 < g.N; n0 += nb)
        {
            int cnt = Math.Min(nb, g.N - n0);
            var gys = gy3.narrow(0, n0, cnt);
            Tensor colg;
            if (groups == 1)
                colg = Dispatcher.MatMul(wt, gys, cnt, ct, cout, L, 0, cout * L, [cnt, ct, L]);
            else
            {
                var gp = new List<Tensor>();
                for (long gi = 0; gi < groups; gi++)
                    gp.Add(Dispatcher.MatMul(wt.narrow(1, gi * coutg, coutg), gys.narrow(1, gi * coutg, coutg), cnt, cgt, coutg, L, 0, cout * L, [cnt, cgt, L]));
                colg = Join(gp, 1);
            }
            parts.Add(Dispatcher.Col2Im(colg, g.WithBatch(cnt), [cnt, .. imageShape[1..]]));
            colg.Dispose();
        }
        return Join(parts, 0);
    }

    /// <summary>The weight gradient of <see cref="Forward"/>: Σ over images of gy · im2col(x)ᵀ per group, shaped <paramref name="weightShape"/>.</summary>
    internal static Tensor WeightGrad(Tensor x, Tensor gy, ConvGeometry g, long groups, long[] weightShape)
    {
        long cout = weightShape[0], ct = (long)g.C * g.Taps, cgt = ct / groups, coutg = cout / groups, L = g.OutPlane;
        x = x.contiguous();
        var gy3 = gy.contiguous().reshape(g.N, cout, L);
        Tensor? acc = null;
        int nb = ChunkImages(g, x.dtype);
        for (int n0 = 0; n0 < g.N; n0 += nb)
        {
            int cnt = Math.Min(nb, g.N - n0);
            var col = Dispatcher.Im2Col(x.narrow(0, n0, cnt), g.WithBatch(cnt));
            var gys = gy3.narrow(0, n0, cnt);
            Tensor part;
            if (groups == 1)
                part = Sum0(Dispatcher.MatMul(gys, col.transpose(1, 2), cnt, cout, L, ct, cout * L, ct * L, [cnt, cout, ct]));
            else
            {
                var gp = new List<Tensor>();
                for (long gi = 0; gi < groups; gi++)
                    gp.Add(Sum0(Dispatcher.MatMul(gys.narrow(1, gi * coutg, coutg), col.narrow(1, gi * cgt, cgt).transpose(1, 2), cnt, coutg, L, cgt, cout * L, ct * L, [cnt, coutg, cgt])));
                part = Join(gp, 0);
            }
            col.Dispose();
            if (acc is null) acc = part;
            else
            {
                acc.add_(part);
                part.Dispose();
            }
        }
        return acc!.view(weightShape);
    }

    private static Tensor Sum0(Tensor t)
    {
        if (t.Shape[0] == 1) return t.view(t.Shape[1..]);
        var r = t.sum(0);
        t.Dispose();
        return r;
    }
}
