using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// softmax and log_softmax: computed stably (shifted by the max) as PyTorch's CPU kernel does, each
/// one node whose backward is written beside it.
/// </summary>
internal static class SoftmaxOps
{
    /// <summary>
    /// exp(x) / sum(exp(x)) along <paramref name="dim"/>, computed stably as exp(x - max) scaled by
    /// 1 / sum, as PyTorch's CPU kernel does. <paramref name="dtype"/> casts the input first.
    /// </summary>
    internal static Tensor Softmax(this Tensor self, long dim, ScalarType? dtype = null)
    {
        var x = self.SoftmaxInput("softmax", dtype);
        int d = Shapes.WrapDim(dim, x.Shape.Length);
        Tensor y;
        using (GradMode.Set(false))
        {
            var e = (x - x.SoftmaxMax(d)).exp();
            y = e * (1.0 / e.sum(d, keepdim: true));
        }
        return Recorder.Record(y, "SoftmaxBackward0", [x], [y], (g, s) => [s[0] * (g - (g * s[0]).sum(d, keepdim: true))]);
    }

    /// <summary>
    /// log(softmax(x)) along <paramref name="dim"/>, computed as (x - max) - log(sum(exp(x - max))) so
    /// it never overflows and keeps precision for very negative values.
    /// </summary>
    internal static Tensor LogSoftmax(this Tensor self, long dim, ScalarType? dtype = null)
    {
        var x = self.SoftmaxInput("log_softmax", dtype);
        int d = Shapes.WrapDim(dim, x.Shape.Length);
        Tensor y;
        using (GradMode.Set(false))
        {
            var shifted = x - x.SoftmaxMax(d);
            y = shifted - shifted.exp().sum(d, keepdim: true).log();
        }
        return Recorder.Record(y, "LogSoftmaxBackward0", [x], [y], (g, s) => [g - s[0].exp() * g.sum(d, keepdim: true)]);
    }

    internal static Tensor SoftmaxInput(this Tensor self, string op, ScalarType? dtype)
    {
        var x = dtype is { } dt ? self.to(dt) : self;
        if (!x.IsFloating)
            throw new ArgumentException($"\"{op}_lastdim_kernel_impl\" not implemented for '{DTypes.ShortName(x.dtype)}'");
        return x;
    }

    /// <summary>The max along a dim with keepdim (an empty dim gets nothing subtracted).</summary>
    internal static Tensor SoftmaxMax(this Tensor self, int d)
    {
        if (self.Shape.Length == 0) return self.detach();
        if (self.numel() == 0) return torch.zeros_like(self);
        return self.amax(d, keepdim: true);
    }
}
