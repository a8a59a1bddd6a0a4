using Flint.Autograd;
using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// In-place ops and their machinery: PyTorch's casting rule for writing a result into an existing
/// tensor, the version bump that lets autograd catch stale saved tensors, and the "rebase" that gives
/// the written tensor the history of the out-of-place op it stands for (so its gradient is right).
/// </summary>
internal static class InPlace
{
    /// <summary>
    /// Runs an in-place op. Without autograd the kernel writes straight into self's storage. With
    /// autograd, the op runs out of place on a differentiable copy and its result is copied in,
    /// and self takes the result's history (PyTorch's "rebase").
    /// </summary>
    public static Tensor Run(Tensor self, ScalarType resultType, Func<Tensor, Tensor> outOfPlace, Action kernel, Tensor? other = null)
    {
        if (!CanCast(resultType, self.dtype))
            throw new ArgumentException($"result type {DTypes.ShortName(resultType)} can't be cast to the desired output type {DTypes.ShortName(self.dtype)}");
        bool record = GradMode.IsEnabled && (self.requires_grad || (other?.requires_grad ?? false));
        if (record)
        {
            CheckWithGrad(self);
            // The op runs on a copy of the old values that carries self's history: its saved tensors
            // are not the storage about to be overwritten, and no CloneBackward0 enters the graph.
            var old = Dispatcher.Contiguous(self);
            if (self.GradFn is not null) old.SetHistory(self.GradFn, self.OutputNr);
            var r = outOfPlace(old);
            if (!Shapes.SameShape(r.Shape, self.Shape))
                throw new ArgumentException($"output with shape {Shapes.Str(self.Shape)} doesn't match the broadcast shape {Shapes.Str(r.Shape)}");
            Dispatcher.CopyInto(self, r);
            self.Storage.Version++;
            if (r.GradFn is not null) self.SetHistory(r.GradFn, r.OutputNr);
            return self;
        }
        kernel();
        self.Storage.Version++;
        return self;
    }

    /// <summary>PyTorch's checks before an in-place write that autograd must see.</summary>
    public static void CheckWithGrad(Tensor self)
    {
        if (self.is_leaf && self.requires_grad)
            throw new InvalidOperationException("a leaf Variable that requires grad is being used in an in-place operation.");
        for (var b = self.ViewBase; b is not null; b = b.ViewBase)
            if (b.requires_grad)
                throw new InvalidOperationException("Flint does not support in-place operations on a view of a tensor that requires grad; apply the operation to the base tensor, or use an out-of-place op.");
    }

    /// <summary>PyTorch's canCast: no float to integer, no number to bool.</summary>
    public static bool CanCast(ScalarType from, ScalarType to)
    {
        if (DTypes.IsFloatingPoint(from) && DTypes.IsIntegral(to, includeBool: true)) return false;
        if (from != ScalarType.Bool && to == ScalarType.Bool) return false;
        return true;
    }

    /// <summary>self += alpha · other (fused multiply-add when alpha ≠ 1, as PyTorch rounds once).</summary>
    public static Tensor Add(Tensor self, Tensor other, double alpha)
    {
        var rt = TypePromotion.ResultType(self, other);
        return Run(self, rt, t => t.add(other, alpha),
            () =>
            {
                if (alpha == 1 || !Dispatcher.TryFusedMultiplyAdd(self, self, other, null, alpha))
                    Dispatcher.Binary<AddOp>("add_", self, Pointwise.Scaled(other, alpha, rt), rt, into: self);
            }, other);
    }

    /// <summary>self -= alpha · other.</summary>
    public static Tensor Sub(Tensor self, Tensor other, double alpha)
    {
        Pointwise.CheckSub(self, other);
        var rt = TypePromotion.ResultType(self, other);
        return Run(self, rt, t => t.sub(other, alpha),
            () =>
            {
                if (alpha == 1 || !Dispatcher.TryFusedMultiplyAdd(self, self, other, null, -alpha))
                    Dispatcher.Binary<SubOp>("sub_", self, Pointwise.Scaled(other, alpha, rt), rt, into: self);
            }, other);
    }

    /// <summary>self *= other.</summary>
    public static Tensor Mul(Tensor self, Tensor other)
    {
        var rt = TypePromotion.ResultType(self, other);
        return Run(self, rt, t => t.mul(other), () => Dispatcher.Binary<MulOp>("mul_", self, other, rt, into: self), other);
    }

    /// <summary>self /= other (true division: an integral result type computes in the default float type, which then cannot be written back).</summary>
    public static Tensor Div(Tensor self, Tensor other)
    {
        var rt = TypePromotion.ResultType(self, other);
        if (!DTypes.IsFloatingPoint(rt)) rt = torch.get_default_dtype();
        return Run(self, rt, t => t.div(other), () => Dispatcher.Binary<DivOp>("div_", self, other, rt, into: self), other);
    }

    /// <summary>self = self ^ exponent.</summary>
    public static Tensor Pow(Tensor self, double exponent) =>
        Run(self, self.dtype, t => t.pow(exponent), () => Dispatcher.CopyInto(self, self.detach().pow(exponent)));

    /// <summary>self clamped into [min, max].</summary>
    public static Tensor Clamp(Tensor self, double? min, double? max)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        return Run(self, Pointwise.ClampResultType(self, min, max), t => t.clamp(min, max), () => Dispatcher.Clamp(self, min, max, into: self));
    }

    /// <summary>self = max(self, 0).</summary>
    public static Tensor Relu(Tensor self) =>
        self.dtype == ScalarType.Bool ? throw new ArgumentException("Boolean inputs not supported for relu")
        : Run(self, self.dtype, t => t.relu(), () => Dispatcher.Unary<ReluOp>("relu_", self, self.dtype, into: self));

    /// <summary>self = -self.</summary>
    public static Tensor Neg(Tensor self) => Run(self, self.dtype, t => t.neg(), () => Dispatcher.Unary<NegOp>("neg_", self, self.dtype, into: self));

    /// <summary>self = e^self.</summary>
    public static Tensor Exp(Tensor self) =>
        Run(self, Pointwise.FloatResultType(self), t => t.exp(), () => Dispatcher.FloatUnary<ExpOp>("exp_", self, self.dtype, into: self));

    /// <summary>self = √self.</summary>
    public static Tensor Sqrt(Tensor self) =>
        Run(self, Pointwise.FloatResultType(self), t => t.sqrt(), () => Dispatcher.FloatUnary<SqrtOp>("sqrt_", self, self.dtype, into: self));

    /// <summary>Every element of self set to <paramref name="value"/>; the old values get a zero gradient.</summary>
    public static Tensor Fill(Tensor self, double value) =>
        Run(self, self.dtype,
            t => Recorder.Record(torch.full_like(t, value), "FillBackward0", [t], [], (g, _) => [torch.zeros_like(g)]),
            () => Dispatcher.Fill(self, value));

    /// <summary>Copies <paramref name="src"/> (broadcast, any dtype, any device: it is moved first) into self.</summary>
    public static Tensor Copy(Tensor self, Tensor src)
    {
        // As in PyTorch, copy_ is the one op that crosses devices: the source is moved first.
        if (src.device != self.device) src = src.to(self.device);
        var broadcast = Shapes.Broadcast(self.Shape, src.Shape);
        if (src.Shape.Length > self.Shape.Length || !Shapes.SameShape(broadcast, self.Shape))
            throw new ArgumentException($"output with shape {Shapes.Str(self.Shape)} doesn't match the broadcast shape {Shapes.Str(broadcast)}");
        var source = Overlaps(self, src) ? src.clone() : src;
        bool record = GradMode.IsEnabled && (self.requires_grad || src.requires_grad);
        if (record)
        {
            CheckWithGrad(self);
            var r = source.to(self.dtype).expand(self.Shape).contiguous();
            Dispatcher.CopyInto(self, r);
            self.Storage.Version++;
            var node = new FunctionNode("CopyBackwards", (g, _) => [torch.zeros_like(g[0]!), g[0]!], []);
            Recorder.Attach(node, [PreviousHistoryView(self), src]);
            self.SetHistory(node);
            return self;
        }
        Dispatcher.CopyInto(self, source);
        self.Storage.Version++;
        return self;
    }

    /// <summary>A stand-in carrying self's current history (for nodes that consume the pre-write value).</summary>
    public static Tensor PreviousHistoryView(Tensor self)
    {
        var t = new Tensor(self.Storage, self.Shape, self.Strides, self.Offset);
        if (self.GradFn is not null) t.SetHistory(self.GradFn, self.OutputNr);
        else if (self.requires_grad) return self;
        return t;
    }

    private static bool Overlaps(Tensor self, Tensor other) => ReferenceEquals(self.Storage, other.Storage) && !ReferenceEquals(self, other);
}
