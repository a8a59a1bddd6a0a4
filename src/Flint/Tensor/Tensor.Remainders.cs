using Flint.Ops;

namespace Flint;

// Thin forwards to Ops/Remainders.cs, Ops/ElementaryFunctions.cs (atan2) and Ops/Predicates.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The angle of the point (other, this), elementwise: atan2(this, other) in radians, with the quadrant from both signs.</summary>
        public Tensor atan2(Tensor other) => ElementaryFunctions.Atan2(this, other);
        /// <summary>In place: <see cref="atan2(Tensor)"/>.</summary>
        public Tensor atan2_(Tensor other) => MathInPlace(t => t.atan2(other), other);

        /// <summary>The remainder of truncated division (C's fmod: the sign of this tensor), elementwise with broadcasting.</summary>
        public Tensor fmod(Tensor other) => Remainders.Fmod(this, other);
        /// <summary>The remainder of truncated division by a float scalar.</summary>
        public Tensor fmod(double other) => fmod(torch.WrappedScalar(other));
        /// <summary>The remainder of truncated division by an integer scalar.</summary>
        public Tensor fmod(long other) => fmod(torch.WrappedScalar(other));
        /// <summary>In place: <see cref="fmod(Tensor)"/>.</summary>
        public Tensor fmod_(Tensor other) => MathInPlace(t => t.fmod(other), other);
        /// <summary>In place: <see cref="fmod(double)"/>.</summary>
        public Tensor fmod_(double other) => fmod_(torch.WrappedScalar(other));

        /// <summary>The remainder of floored division (Python's %: the divisor's sign), elementwise with broadcasting.</summary>
        public Tensor remainder(Tensor other) => Remainders.Remainder(this, other);
        /// <summary>The remainder of floored division by a float scalar.</summary>
        public Tensor remainder(double other) => remainder(torch.WrappedScalar(other));
        /// <summary>The remainder of floored division by an integer scalar.</summary>
        public Tensor remainder(long other) => remainder(torch.WrappedScalar(other));
        /// <summary>In place: <see cref="remainder(Tensor)"/>.</summary>
        public Tensor remainder_(Tensor other) => MathInPlace(t => t.remainder(other), other);
        /// <summary>In place: <see cref="remainder(double)"/>.</summary>
        public Tensor remainder_(double other) => remainder_(torch.WrappedScalar(other));

        /// <summary>Division rounded as <paramref name="rounding_mode"/> says (trunc: toward zero, floor: down; integers stay integers).</summary>
        public Tensor div(Tensor other, torch.RoundingMode rounding_mode) => Remainders.Div(this, other, rounding_mode);
        /// <summary>Division by a float scalar, rounded as <paramref name="rounding_mode"/> says.</summary>
        public Tensor div(double other, torch.RoundingMode rounding_mode) => div(torch.WrappedScalar(other), rounding_mode);
        /// <summary>Division by an integer scalar, rounded as <paramref name="rounding_mode"/> says.</summary>
        public Tensor div(long other, torch.RoundingMode rounding_mode) => div(torch.WrappedScalar(other), rounding_mode);

        /// <summary>True where the element is NaN.</summary>
        public Tensor isnan() => Predicates.IsNan(this);
        /// <summary>True where the element is +∞ or −∞.</summary>
        public Tensor isinf() => Predicates.IsInf(this);
    }
}
