namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Elementwise sum.</summary>
        public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
        /// <summary>Adds a floating scalar.</summary>
        public static Tensor operator +(Tensor a, double b) => a.add(torch.WrappedScalar(b));
        /// <summary>Adds an integer scalar (integer tensors stay integral).</summary>
        public static Tensor operator +(Tensor a, long b) => a.add(torch.WrappedScalar(b));
        /// <summary>Adds a floating scalar.</summary>
        public static Tensor operator +(double a, Tensor b) => b.add(torch.WrappedScalar(a)); // commutative: keeps the dense operand first for the SIMD path
        /// <summary>Adds an integer scalar.</summary>
        public static Tensor operator +(long a, Tensor b) => b.add(torch.WrappedScalar(a));

        /// <summary>Elementwise difference.</summary>
        public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
        /// <summary>Subtracts a floating scalar.</summary>
        public static Tensor operator -(Tensor a, double b) => a.sub(torch.WrappedScalar(b));
        /// <summary>Subtracts an integer scalar.</summary>
        public static Tensor operator -(Tensor a, long b) => a.sub(torch.WrappedScalar(b));
        /// <summary>Scalar minus tensor.</summary>
        public static Tensor operator -(double a, Tensor b) => torch.WrappedScalar(a).sub(b);
        /// <summary>Scalar minus tensor.</summary>
        public static Tensor operator -(long a, Tensor b) => torch.WrappedScalar(a).sub(b);

        /// <summary>Elementwise product.</summary>
        public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
        /// <summary>Multiplies by a floating scalar.</summary>
        public static Tensor operator *(Tensor a, double b) => a.mul(torch.WrappedScalar(b));
        /// <summary>Multiplies by an integer scalar.</summary>
        public static Tensor operator *(Tensor a, long b) => a.mul(torch.WrappedScalar(b));
        /// <summary>Multiplies by a floating scalar.</summary>
        public static Tensor operator *(double a, Tensor b) => b.mul(torch.WrappedScalar(a)); // commutative: keeps the dense operand first for the SIMD path
        /// <summary>Multiplies by an integer scalar.</summary>
        public static Tensor operator *(long a, Tensor b) => b.mul(torch.WrappedScalar(a));

        /// <summary>Elementwise true division.</summary>
        public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
        /// <summary>Divides by a scalar.</summary>
        public static Tensor operator /(Tensor a, double b) => a.div(torch.WrappedScalar(b));
        /// <summary>Divides by a scalar.</summary>
        public static Tensor operator /(Tensor a, long b) => a.div(torch.WrappedScalar(b));
        /// <summary>Scalar divided by tensor.</summary>
        public static Tensor operator /(double a, Tensor b) => torch.WrappedScalar(a).div(b);
        /// <summary>Scalar divided by tensor.</summary>
        public static Tensor operator /(long a, Tensor b) => torch.WrappedScalar(a).div(b);

        /// <summary>Negation.</summary>
        public static Tensor operator -(Tensor a) => a.neg();

        /// <summary>Elementwise &lt;.</summary>
        public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
        /// <summary>Elementwise &gt;.</summary>
        public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
        /// <summary>Elementwise &lt;=.</summary>
        public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
        /// <summary>Elementwise &gt;=.</summary>
        public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
        /// <summary>Elementwise &lt; against a scalar.</summary>
        public static Tensor operator <(Tensor a, double b) => a.lt(b);
        /// <summary>Elementwise &gt; against a scalar.</summary>
        public static Tensor operator >(Tensor a, double b) => a.gt(b);
        /// <summary>Elementwise &lt;= against a scalar.</summary>
        public static Tensor operator <=(Tensor a, double b) => a.le(b);
        /// <summary>Elementwise &gt;= against a scalar.</summary>
        public static Tensor operator >=(Tensor a, double b) => a.ge(b);
        /// <summary>Elementwise &lt; against an integer scalar.</summary>
        public static Tensor operator <(Tensor a, long b) => a.lt(torch.WrappedScalar(b));
        /// <summary>Elementwise &gt; against an integer scalar.</summary>
        public static Tensor operator >(Tensor a, long b) => a.gt(torch.WrappedScalar(b));
        /// <summary>Elementwise &lt;= against an integer scalar.</summary>
        public static Tensor operator <=(Tensor a, long b) => a.le(torch.WrappedScalar(b));
        /// <summary>Elementwise &gt;= against an integer scalar.</summary>
        public static Tensor operator >=(Tensor a, long b) => a.ge(torch.WrappedScalar(b));

        /// <summary>Elementwise equality, as PyTorch's <c>a == b</c>: a bool tensor. Use <c>is null</c> for null checks.</summary>
        public static Tensor operator ==(Tensor a, Tensor b) => NotNull(a).eq(NotNull(b));
        /// <summary>Elementwise inequality, as PyTorch's <c>a != b</c>: a bool tensor. Use <c>is not null</c> for null checks.</summary>
        public static Tensor operator !=(Tensor a, Tensor b) => NotNull(a).ne(NotNull(b));
        /// <summary>Elementwise equality with a floating scalar.</summary>
        public static Tensor operator ==(Tensor a, double b) => NotNull(a).eq(torch.WrappedScalar(b));
        /// <summary>Elementwise inequality with a floating scalar.</summary>
        public static Tensor operator !=(Tensor a, double b) => NotNull(a).ne(torch.WrappedScalar(b));
        /// <summary>Elementwise equality with an integer scalar (exact for large int64 values).</summary>
        public static Tensor operator ==(Tensor a, long b) => NotNull(a).eq(torch.WrappedScalar(b));
        /// <summary>Elementwise inequality with an integer scalar.</summary>
        public static Tensor operator !=(Tensor a, long b) => NotNull(a).ne(torch.WrappedScalar(b));
        /// <summary>Elementwise equality with a bool scalar.</summary>
        public static Tensor operator ==(Tensor a, bool b) => NotNull(a).eq(torch.WrappedScalar(b));
        /// <summary>Elementwise inequality with a bool scalar.</summary>
        public static Tensor operator !=(Tensor a, bool b) => NotNull(a).ne(torch.WrappedScalar(b));
        /// <summary>Scalar == tensor, elementwise.</summary>
        public static Tensor operator ==(double a, Tensor b) => NotNull(b).eq(torch.WrappedScalar(a));
        /// <summary>Scalar != tensor, elementwise.</summary>
        public static Tensor operator !=(double a, Tensor b) => NotNull(b).ne(torch.WrappedScalar(a));
        /// <summary>Integer scalar == tensor, elementwise.</summary>
        public static Tensor operator ==(long a, Tensor b) => NotNull(b).eq(torch.WrappedScalar(a));
        /// <summary>Integer scalar != tensor, elementwise.</summary>
        public static Tensor operator !=(long a, Tensor b) => NotNull(b).ne(torch.WrappedScalar(a));
        /// <summary>Bool scalar == tensor, elementwise.</summary>
        public static Tensor operator ==(bool a, Tensor b) => NotNull(b).eq(torch.WrappedScalar(a));
        /// <summary>Bool scalar != tensor, elementwise.</summary>
        public static Tensor operator !=(bool a, Tensor b) => NotNull(b).ne(torch.WrappedScalar(a));

        /// <summary>Reference identity (what collections and dictionaries use); <c>==</c> is elementwise.</summary>
        public override bool Equals(object? obj) => ReferenceEquals(this, obj);
        /// <summary>The identity hash, consistent with <see cref="Equals(object?)"/>.</summary>
        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

        // `t == null` binds to the elementwise operator; say what to write instead of a NullReferenceException.
        private static Tensor NotNull(Tensor t) => t is null
            ? throw new ArgumentNullException(nameof(t), "== and != on tensors are elementwise; test for null with 'is null' / 'is not null'")
            : t;

        // &, |, ^, ~, << and >> are the bitwise ops (logical on bool tensors): Tensor/Tensor.Math.cs.

        /// <summary>In place: this += other (same object, same storage), as Python's <c>w += g</c>.</summary>
        public void operator +=(Tensor other) => add_(other);
        /// <summary>In place: this += scalar.</summary>
        public void operator +=(double other) => add_(other);
        /// <summary>In place: this += integer scalar (integer tensors stay integral).</summary>
        public void operator +=(long other) => add_(other);
        /// <summary>In place: this -= other, as Python's <c>w1 -= lr * grad</c>.</summary>
        public void operator -=(Tensor other) => sub_(other);
        /// <summary>In place: this -= scalar.</summary>
        public void operator -=(double other) => sub_(other);
        /// <summary>In place: this -= integer scalar.</summary>
        public void operator -=(long other) => sub_(other);
        /// <summary>In place: this *= other.</summary>
        public void operator *=(Tensor other) => mul_(other);
        /// <summary>In place: this *= scalar.</summary>
        public void operator *=(double other) => mul_(other);
        /// <summary>In place: this *= integer scalar.</summary>
        public void operator *=(long other) => mul_(other);
        /// <summary>In place: this /= other.</summary>
        public void operator /=(Tensor other) => div_(other);
        /// <summary>In place: this /= scalar.</summary>
        public void operator /=(double other) => div_(other);

        /// <summary>Wraps a C# number as a 0-dim scalar tensor (so <c>x[mask] = 0</c> compiles).</summary>
        public static implicit operator Tensor(double value) => torch.WrappedScalar(value);
        /// <summary>Wraps a C# number as a 0-dim scalar tensor.</summary>
        public static implicit operator Tensor(float value) => torch.WrappedScalar(value);
        /// <summary>Wraps a C# integer as a 0-dim int64 scalar tensor.</summary>
        public static implicit operator Tensor(long value) => torch.WrappedScalar(value);
        /// <summary>Wraps a C# integer as a 0-dim int64 scalar tensor.</summary>
        public static implicit operator Tensor(int value) => torch.WrappedScalar((long)value);
        /// <summary>Wraps a C# bool as a 0-dim bool scalar tensor.</summary>
        public static implicit operator Tensor(bool value) => torch.WrappedScalar(value);
    }
}
