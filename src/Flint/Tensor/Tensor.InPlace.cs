using Flint.Autograd;
using Flint.Backends;
using Flint.Ops;

namespace Flint;

public partial class Tensor
{
    /// <summary>The tensor this one is a view of (null for tensors that own their layout).</summary>
    internal Tensor? ViewBase;

    /// <summary>
    /// Runs an in-place op. Without autograd the kernel writes straight into this storage. With
    /// autograd, the op runs out of place on a differentiable clone and its result is copied in,
    /// and this tensor takes the result's history (PyTorch's "rebase"), so the gradient is right.
    /// </summary>
    private Tensor InPlace(string name, ScalarType resultType, Func<Tensor, Tensor> outOfPlace, Action kernel, Tensor? other = null)
    {
        if (!CanCast(resultType, dtype))
            throw new ArgumentException($"result type {DTypes.ShortName(resultType)} can't be cast to the desired output type {DTypes.ShortName(dtype)}");
        bool record = GradMode.IsEnabled && (requires_grad || (other?.requires_grad ?? false));
        if (record)
        {
            CheckInPlaceWithGrad();
            // The op runs on a copy of the old values that carries this tensor's history: its
            // saved tensors are not the storage about to be overwritten, and no CloneBackward0 enters the graph.
            var old = Dispatcher.Contiguous(this);
            if (GradFn is not null) old.SetHistory(GradFn, OutputNr);
            var r = outOfPlace(old);
            if (!Shapes.SameShape(r.Shape, Shape))
                throw new ArgumentException($"output with shape {Shapes.Str(Shape)} doesn't match the broadcast shape {Shapes.Str(r.Shape)}");
            Dispatcher.CopyInto(this, r);
            Storage.Version++;
            if (r.GradFn is not null) SetHistory(r.GradFn, r.OutputNr);
            return this;
        }
        kernel();
        Storage.Version++;
        return this;
    }

    internal void CheckInPlaceWithGrad()
    {
        if (is_leaf && requires_grad)
            throw new InvalidOperationException("a leaf Variable that requires grad is being used in an in-place operation.");
        for (var b = ViewBase; b is not null; b = b.ViewBase)
            if (b.requires_grad)
                throw new InvalidOperationException("Flint does not support in-place operations on a view of a tensor that requires grad; apply the operation to the base tensor, or use an out-of-place op.");
    }

    /// <summary>PyTorch's canCast: no float to integer, no number to bool.</summary>
    internal static bool CanCast(ScalarType from, ScalarType to)
    {
        if (DTypes.IsFloatingPoint(from) && DTypes.IsIntegral(to, includeBool: true)) return false;
        if (from != ScalarType.Bool && to == ScalarType.Bool) return false;
        return true;
    }

    /// <summary>In place: this += alpha * other.</summary>
    public Tensor add_(Tensor other, double alpha = 1)
    {
        var rt = TypePromotion.ResultType(this, other);
        return InPlace("add_", rt, t => t.add(other, alpha),
            () =>
            {
                // PyTorch fuses the multiply-add when alpha != 1 (one rounding); see Tensor.Fused.cs.
                if (alpha == 1 || !Dispatcher.TryFusedMultiplyAdd(this, this, other, null, alpha))
                    Dispatcher.Binary<AddOp>("add_", this, Pointwise.Scaled(other, alpha, rt), rt, into: this);
            }, other);
    }

    /// <summary>In place: this += scalar.</summary>
    public Tensor add_(double other, double alpha = 1) => add_(torch.WrappedScalar(other), alpha);

    /// <summary>In place: this += integer scalar.</summary>
    public Tensor add_(long other, double alpha = 1) => add_(torch.WrappedScalar(other), alpha);

    /// <summary>In place: this -= alpha * other.</summary>
    public Tensor sub_(Tensor other, double alpha = 1)
    {
        Pointwise.CheckSub(this, other);
        var rt = TypePromotion.ResultType(this, other);
        return InPlace("sub_", rt, t => t.sub(other, alpha),
            () =>
            {
                if (alpha == 1 || !Dispatcher.TryFusedMultiplyAdd(this, this, other, null, -alpha))
                    Dispatcher.Binary<SubOp>("sub_", this, Pointwise.Scaled(other, alpha, rt), rt, into: this);
            }, other);
    }

    /// <summary>In place: this -= scalar.</summary>
    public Tensor sub_(double other, double alpha = 1) => sub_(torch.WrappedScalar(other), alpha);

    /// <summary>In place: this -= integer scalar.</summary>
    public Tensor sub_(long other, double alpha = 1) => sub_(torch.WrappedScalar(other), alpha);

    /// <summary>In place: this *= other.</summary>
    public Tensor mul_(Tensor other)
    {
        var rt = TypePromotion.ResultType(this, other);
        return InPlace("mul_", rt, t => t.mul(other), () => Dispatcher.Binary<MulOp>("mul_", this, other, rt, into: this), other);
    }

    /// <summary>In place: this *= scalar.</summary>
    public Tensor mul_(double other) => mul_(torch.WrappedScalar(other));

    /// <summary>In place: this *= integer scalar.</summary>
    public Tensor mul_(long other) => mul_(torch.WrappedScalar(other));

    /// <summary>In place: this /= other.</summary>
    public Tensor div_(Tensor other)
    {
        var rt = TypePromotion.ResultType(this, other);
        if (!DTypes.IsFloatingPoint(rt)) rt = torch.get_default_dtype();
        return InPlace("div_", rt, t => t.div(other), () => Dispatcher.Binary<DivOp>("div_", this, other, rt, into: this), other);
    }

    /// <summary>In place: this /= scalar.</summary>
    public Tensor div_(double other) => div_(torch.WrappedScalar(other));

    /// <summary>In place: this /= integer scalar.</summary>
    public Tensor div_(long other) => div_(torch.WrappedScalar(other));

    /// <summary>In place: this = this ^ exponent.</summary>
    public Tensor pow_(double exponent) => InPlace("pow_", dtype, t => t.pow(exponent),
        () => Dispatcher.CopyInto(this, detach().pow(exponent)));

    /// <summary>In place: clamps into [min, max].</summary>
    public Tensor clamp_(double? min = null, double? max = null)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        return InPlace("clamp_", Pointwise.ClampResultType(this, min, max), t => t.clamp(min, max), () => Dispatcher.Clamp(this, min, max, into: this));
    }

    /// <summary>In place: max(x, 0).</summary>
    public Tensor relu_() => dtype == ScalarType.Bool ? throw new ArgumentException("Boolean inputs not supported for relu") : InPlace("relu_", dtype, t => t.relu(), () => Dispatcher.Unary<ReluOp>("relu_", this, dtype, into: this));

    /// <summary>In place: -x.</summary>
    public Tensor neg_() => InPlace("neg_", dtype, t => t.neg(), () => Dispatcher.Unary<NegOp>("neg_", this, dtype, into: this));

    /// <summary>In place: e^x.</summary>
    public Tensor exp_() => InPlace("exp_", Pointwise.FloatResultType(this), t => t.exp(), () => Dispatcher.FloatUnary<ExpOp>("exp_", this, dtype, into: this));

    /// <summary>In place: square root.</summary>
    public Tensor sqrt_() => InPlace("sqrt_", Pointwise.FloatResultType(this), t => t.sqrt(), () => Dispatcher.FloatUnary<SqrtOp>("sqrt_", this, dtype, into: this));

    /// <summary>Fills with zeros in place.</summary>
    public Tensor zero_() => fill_(0);

    /// <summary>Fills with one value in place.</summary>
    public Tensor fill_(double value)
    {
        // The filled value no longer depends on the old one: its node sends back a zero gradient.
        return InPlace("fill_", dtype,
            t => Recorder.Record(torch.full_like(t, value), "FillBackward0", [t], [], (g, _) => [torch.zeros_like(g)]),
            () => Dispatcher.Fill(this, value));
    }

    /// <summary>Copies <paramref name="src"/> (broadcast, any dtype) into this tensor in place.</summary>
    public Tensor copy_(Tensor src)
    {
        // As in PyTorch, copy_ is the one op that crosses devices: the source is moved first.
        if (src.device != device) src = src.to(device);
        Shapes.Broadcast(Shape, src.Shape);
        if (src.Shape.Length > Shape.Length || !Shapes.SameShape(Shapes.Broadcast(Shape, src.Shape), Shape))
            throw new ArgumentException($"output with shape {Shapes.Str(Shape)} doesn't match the broadcast shape {Shapes.Str(Shapes.Broadcast(Shape, src.Shape))}");
        var source = Overlaps(src) ? src.clone() : src;
        bool record = GradMode.IsEnabled && (requires_grad || src.requires_grad);
        if (record)
        {
            CheckInPlaceWithGrad();
            var shape = Shape;
            var r = source.to(dtype).expand(shape).contiguous();
            Dispatcher.CopyInto(this, r);
            Storage.Version++;
            var node = new FunctionNode("CopyBackwards", (g, _) => [torch.zeros_like(g[0]!), g[0]!], []);
            Recorder.Attach(node, [this.PreviousHistoryView(), src]);
            SetHistory(node);
            return this;
        }
        Dispatcher.CopyInto(this, source);
        Storage.Version++;
        return this;
    }

    /// <summary>A stand-in carrying this tensor's current history (for nodes that consume the pre-write value).</summary>
    internal Tensor PreviousHistoryView()
    {
        var t = new Tensor(Storage, Shape, Strides, Offset);
        if (GradFn is not null) t.SetHistory(GradFn, OutputNr);
        else if (requires_grad) return this;
        return t;
    }

    private bool Overlaps(Tensor other) => ReferenceEquals(Storage, other.Storage) && !ReferenceEquals(this, other);
}
