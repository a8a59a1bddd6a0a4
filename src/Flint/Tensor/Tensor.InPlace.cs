using Flint.Ops;

namespace Flint;

// The in-place ops' public forwards; their rules, kernels and the autograd rebase live in Ops/InPlace.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The tensor this one is a view of (null for tensors that own their layout).</summary>
        internal Tensor? ViewBase;

        /// <summary>Runs an in-place op through <see cref="Ops.InPlace.Run"/> (the name is for readers of the call site).</summary>
        private Tensor InPlace(string name, ScalarType resultType, Func<Tensor, Tensor> outOfPlace, Action kernel, Tensor? other = null) =>
            Ops.InPlace.Run(this, resultType, outOfPlace, kernel, other);

        internal void CheckInPlaceWithGrad() => Ops.InPlace.CheckWithGrad(this);

        /// <summary>PyTorch's canCast: no float to integer, no number to bool.</summary>
        internal static bool CanCast(ScalarType from, ScalarType to) => Ops.InPlace.CanCast(from, to);

        /// <summary>In place: this += alpha * other.</summary>
        public Tensor add_(Tensor other, double alpha = 1) => Ops.InPlace.Add(this, other, alpha);

        /// <summary>In place: this += scalar.</summary>
        public Tensor add_(double other, double alpha = 1) => add_(torch.WrappedScalar(other), alpha);

        /// <summary>In place: this += integer scalar.</summary>
        public Tensor add_(long other, double alpha = 1) => add_(torch.WrappedScalar(other), alpha);

        /// <summary>In place: this -= alpha * other.</summary>
        public Tensor sub_(Tensor other, double alpha = 1) => Ops.InPlace.Sub(this, other, alpha);

        /// <summary>In place: this -= scalar.</summary>
        public Tensor sub_(double other, double alpha = 1) => sub_(torch.WrappedScalar(other), alpha);

        /// <summary>In place: this -= integer scalar.</summary>
        public Tensor sub_(long other, double alpha = 1) => sub_(torch.WrappedScalar(other), alpha);

        /// <summary>In place: this *= other.</summary>
        public Tensor mul_(Tensor other) => Ops.InPlace.Mul(this, other);

        /// <summary>In place: this *= scalar.</summary>
        public Tensor mul_(double other) => mul_(torch.WrappedScalar(other));

        /// <summary>In place: this *= integer scalar.</summary>
        public Tensor mul_(long other) => mul_(torch.WrappedScalar(other));

        /// <summary>In place: this /= other.</summary>
        public Tensor div_(Tensor other) => Ops.InPlace.Div(this, other);

        /// <summary>In place: this /= scalar.</summary>
        public Tensor div_(double other) => div_(torch.WrappedScalar(other));

        /// <summary>In place: this /= integer scalar.</summary>
        public Tensor div_(long other) => div_(torch.WrappedScalar(other));

        /// <summary>In place: this = this ^ exponent.</summary>
        public Tensor pow_(double exponent) => Ops.InPlace.Pow(this, exponent);

        /// <summary>In place: clamps into [min, max].</summary>
        public Tensor clamp_(double? min = null, double? max = null) => Ops.InPlace.Clamp(this, min, max);

        /// <summary>In place: max(x, 0).</summary>
        public Tensor relu_() => Ops.InPlace.Relu(this);

        /// <summary>In place: -x.</summary>
        public Tensor neg_() => Ops.InPlace.Neg(this);

        /// <summary>In place: e^x.</summary>
        public Tensor exp_() => Ops.InPlace.Exp(this);

        /// <summary>In place: square root.</summary>
        public Tensor sqrt_() => Ops.InPlace.Sqrt(this);

        /// <summary>Fills with zeros in place.</summary>
        public Tensor zero_() => fill_(0);

        /// <summary>Fills with one value in place.</summary>
        public Tensor fill_(double value) => Ops.InPlace.Fill(this, value);

        /// <summary>Copies <paramref name="src"/> (broadcast, any dtype) into this tensor in place.</summary>
        public Tensor copy_(Tensor src) => Ops.InPlace.Copy(this, src);

        /// <summary>A stand-in carrying this tensor's current history (for nodes that consume the pre-write value).</summary>
        internal Tensor PreviousHistoryView() => Ops.InPlace.PreviousHistoryView(this);
    }
}
