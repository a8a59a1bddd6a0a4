using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// In-place forms of out-of-place ops (the activation methods <c>elu_</c>, <c>silu_</c>, ... and the in-place
/// comparisons <c>eq_</c>, <c>lt_</c>, ...), under <see cref="InPlace.Run"/>'s rules: the version bump, the leaf error and
/// the history rebase. The op runs out of place and its result is written into self's storage in self's dtype.
/// </summary>
internal static class InPlaceForwards
{
    /// <summary>self = f(self); f's result must be castable to self's dtype (PyTorch's in-place cast rule).</summary>
    public static Tensor Apply(Tensor self, Func<Tensor, Tensor> f)
    {
        Tensor Checked(Tensor t)
        {
            var r = f(t);
            if (!InPlace.CanCast(r.dtype, self.dtype))
                throw new ArgumentException($"result type {DTypes.ShortName(r.dtype)} can't be cast to the desired output type {DTypes.ShortName(self.dtype)}");
            return r;
        }
        return InPlace.Run(self, self.dtype, Checked, () =>
        {
            var r = Checked(self);
            Dispatcher.CopyInto(self, r);
        });
    }

    /// <summary>
    /// self = compare(self, other) written in self's dtype (true → 1, false → 0), as PyTorch's <c>eq_</c> and its kin:
    /// the other operand broadcasts to self's shape but may not grow it; with autograd the result is a constant
    /// (its gradient is zero for both operands).
    /// </summary>
    public static Tensor Compare(Tensor self, Tensor other, string node, Func<Tensor, Tensor, Tensor> compare)
    {
        var broadcast = Shapes.Broadcast(self.Shape, other.Shape);
        if (!Shapes.SameShape(broadcast, self.Shape))
            throw new ArgumentException($"output with shape {Shapes.Str(self.Shape)} doesn't match the broadcast shape {Shapes.Str(broadcast)}");
        return InPlace.Run(self, self.dtype,
            t => Recorder.Record(compare(t, other).to(t.dtype), node, [t, other], [],
                (g, _) => [torch.zeros_like(g), torch.zeros_like(other)]),
            () => Dispatcher.CopyInto(self, compare(self, other)), other);
    }

    /// <summary>PReLU: x where x &gt; 0, else weight·x, the weight broadcast along the channel dim (dim 1; dim 0 of a 1-D input).</summary>
    public static Tensor Prelu(Tensor input, Tensor weight)
    {
        var w = weight;
        if (weight.numel() > 1)
        {
            if (input.dim() == 0 || (input.dim() >= 2 ? input.size(1) : input.size(0)) != weight.numel())
                throw new ArgumentException($"Mismatch of parameter numbers and input channel size. Found parameter numbers = {weight.numel()} and channel size = {(input.dim() >= 2 ? input.size(1) : input.dim() == 1 ? input.size(0) : 1)}.");
            var shape = Enumerable.Repeat(1L, (int)Math.Max(input.dim(), 1)).ToArray();
            shape[input.dim() >= 2 ? 1 : 0] = weight.numel();
            w = weight.reshape(shape);
        }
        return torch.where(input > 0.0, input, w * input);
    }

    /// <summary>
    /// An in-place view change (<c>squeeze_</c>, <c>unsqueeze_</c>, <c>transpose_</c>): self takes the layout of
    /// <paramref name="view"/>(self) over the same storage, its version moves on and, under autograd, it takes the view's
    /// history (PyTorch's SqueezeBackward2 and kin); a leaf that requires grad refuses, as in PyTorch.
    /// </summary>
    public static Tensor ViewInPlace(Tensor self, Func<Tensor, Tensor> view)
    {
        bool record = GradMode.IsEnabled && self.requires_grad;
        if (record) InPlace.CheckWithGrad(self);
        var v = view(self);
        self.SetData(v);
        self.Storage.Version++;
        if (record && v.GradFn is not null) self.SetHistory(v.GradFn, v.OutputNr);
        return self;
    }

    /// <summary>
    /// TorchSharp's <c>out=</c> factories on a tensor (<c>t.zeros(2, 3)</c>, <c>t.eye(3, 3)</c>): self takes the new
    /// tensor's shape and values in its own dtype and device. As PyTorch's <c>out=</c> ops, refused on a tensor that
    /// requires grad while grad mode is on.
    /// </summary>
    public static Tensor Out(Tensor self, Tensor result)
    {
        if (GradMode.IsEnabled && self.requires_grad)
            throw new InvalidOperationException("out=... arguments don't support automatic differentiation, but one of the arguments requires grad.");
        self.SetData(result);
        self.Storage.Version++;
        return self;
    }
}
