using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Batch normalisation over dim 1 of an (N, C, *) input, composed from reductions and elementwise ops
/// (a handful of passes over the input: mean, centred squares, one multiply-add) and recorded as one
/// node whose backward is PyTorch's closed form, so a training step costs no more than a fused kernel's
/// few passes and builds no graph of small ops.
/// </summary>
internal static class BatchNormOps
{
    internal static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, double momentum, double eps)
    {
        if (input.dim() < 2)
            throw new ArgumentException($"batch_norm: expected an input of at least 2 dimensions (N, C, *), got {input.dim()}");
        long c = input.size(1);
        long count = c == 0 ? 0 : input.numel() / c;
        if (training && count == 1)
            throw new ArgumentException($"Expected more than 1 value per channel when training, got input size torch.Size({Shapes.Str(input.Shape)})");
        if (runningMean is not null) CheckFeatures("running_mean", c, runningMean);
        else if (!training) throw new ArgumentException("running_mean must be defined in evaluation mode");
        if (runningVar is not null) CheckFeatures("running_var", c, runningVar);
        else if (!training) throw new ArgumentException("running_var must be defined in evaluation mode");
        if (weight is not null) CheckFeatures("weight", c, weight);
        if (bias is not null) CheckFeatures("bias", c, bias);
        if (!input.IsFloating) throw new ArgumentException($"\"batch_norm\" not implemented for '{DTypes.ShortName(input.dtype)}'");

        var dims = new long[input.dim() - 1];
        dims[0] = 0;
        for (int i = 2; i < input.dim(); i++) dims[i - 1] = i;
        var bshape = new long[input.dim()];
        Array.Fill(bshape, 1L);
        bshape[1] = c;

        Tensor y, mean, invstd;
        using (GradMode.Set(false))
        {
            if (training)
            {
                var m = input.mean(dims, keepdim: true);
                var centred = input - m;
                var variance = (centred * centred).mean(dims);
                mean = m.reshape(c);
                invstd = (variance + eps).rsqrt();
                // Running statistics take the unbiased variance, as PyTorch's kernel does.
                runningMean?.mul_(1 - momentum).add_(mean.to(runningMean.dtype), alpha: momentum);
                runningVar?.mul_(1 - momentum).add_(variance.to(runningVar.dtype), alpha: momentum * count / Math.Max(count - 1, 1));
            }
            else
            {
                mean = runningMean!.to(input.dtype);
                invstd = (runningVar!.to(input.dtype) + eps).rsqrt();
            }
            var scale = weight is null ? invstd : invstd * weight;
            var shift = bias is null ? -(mean * scale) : bias - mean * scale;
            y = input * scale.reshape(bshape) + shift.reshape(bshape);
        }

        var inputs = new List<Tensor> { input };
        if (weight is not null) inputs.Add(weight);
        if (bias is not null) inputs.Add(bias);
        bool hasWeight = weight is not null, hasBias = bias is not null;
        Tensor[] saved = hasWeight ? [input, mean, invstd, weight!] : [input, mean, invstd];
        return Recorder.Record(y, "NativeBatchNormBackward0", inputs.ToArray(), saved, (g, s) =>
        {
            var x = s[0];
            var mv = s[1].reshape(bshape);
            var iv = s[2].reshape(bshape);
            var xhat = (x - mv) * iv;
            var gb = g.sum(dims);
            var gw = (g * xhat).sum(dims);
            var scale = hasWeight ? iv * s[3].reshape(bshape) : iv;
            var gx = training && count > 0
                ? (g - gb.reshape(bshape) / count - xhat * (gw.reshape(bshape) / count)) * scale
                : g * scale;
            var grads = new List<Tensor?> { gx };
            if (hasWeight) grads.Add(gw);
            if (hasBias) grads.Add(gb);
            return grads.ToArray();
        });
    }

    private static void CheckFeatures(string name, long expected, Tensor t)
    {
        if (t.numel() != expected) throw new ArgumentException($"{name} should contain {expected} elements not {t.numel()}");
    }
}
